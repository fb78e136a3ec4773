"""From copydesk findings to LSP shapes.

copydesk counts columns in Unicode code points, 1-based; LSP counts 0-based positions in the
negotiated encoding: UTF-16 code units unless the client offers another (an emoji is one
code point but two UTF-16 units and four UTF-8 bytes). Conversions read the line's own text,
so a slip after an emoji lands where the editor draws it.
"""

from __future__ import annotations

import re

LINE_BREAK_RE = re.compile(r"\r\n|\r|\n")
UNIT_ENCODING = {"utf-8": "utf-8", "utf-16": "utf-16-le", "utf-32": "utf-32-le"}
UNIT_SIZE = {"utf-8": 1, "utf-16": 2, "utf-32": 4}


def lines_of(text: str) -> list[str]:
    """The document's lines without their line endings: ``\\n``, ``\\r\\n`` or a lone
    ``\\r``, as LSP and copydesk's line numbers both count them."""
    return LINE_BREAK_RE.split(text)


def to_units(line_text: str, column: int, encoding: str = "utf-16") -> int:
    """1-based code-point ``column`` on ``line_text`` -> 0-based LSP character offset."""
    prefix = line_text[: max(column - 1, 0)]
    if encoding == "utf-32":
        return len(prefix)
    return len(prefix.encode(UNIT_ENCODING[encoding])) // UNIT_SIZE[encoding]


def from_units(line_text: str, character: int, encoding: str = "utf-16") -> int:
    """0-based LSP character offset on ``line_text`` -> 1-based code-point column."""
    if encoding == "utf-32":
        return character + 1
    units = 0
    for i, char in enumerate(line_text):
        if units >= character:
            return i + 1
        units += len(char.encode(UNIT_ENCODING[encoding])) // UNIT_SIZE[encoding]
    return len(line_text) + 1


def lsp_range(finding, lines: list[str], encoding: str = "utf-16") -> dict:
    """The finding's range as LSP ``{start: {line, character}, end: {...}}`` (0-based)."""

    def point(line: int, column: int) -> dict:
        text = lines[line - 1] if 0 < line <= len(lines) else ""
        return {"line": line - 1, "character": to_units(text, column, encoding)}

    return {
        "start": point(finding.line, finding.column),
        "end": point(finding.end_line, finding.end_column),
    }


def overlaps(a: dict, b: dict) -> bool:
    """Whether two LSP ranges touch (an empty range at a finding's edge counts)."""

    def key(p: dict) -> tuple[int, int]:
        return (p["line"], p["character"])

    return key(a["start"]) <= key(b["end"]) and key(b["start"]) <= key(a["end"])
