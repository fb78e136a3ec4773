"""Helpers shared by reporters: rule links, line text and column conversions.

copydesk columns count Unicode code points; consumers count differently (reviewdog: UTF-8
bytes, LSP: UTF-16 code units), so each reporter converts with these helpers from the line's
own text rather than guessing.
"""

from __future__ import annotations

from functools import lru_cache

RULES_DOC_URL = "https://example.invalid/copydesk/blob/main/docs/rules.md"
PROJECT_URL = "https://example.invalid/copydesk"


def rule_url(rule_id: str) -> str:
    """The rule's entry in the generated rules reference (docs/rules.md)."""
    return f"{RULES_DOC_URL}#{rule_id.lower()}"


@lru_cache(maxsize=8)
def split_lines(text: str) -> list[str]:
    """A file's lines, split once for all its findings (a string caches its own hash, and
    findings come grouped by file), not once per finding: that was quadratic on a big file."""
    return text.split("\n")


def line_of(text: str | None, line: int) -> str | None:
    """The 1-based ``line`` of ``text`` without its line ending, or None when unknown."""
    if text is None:
        return None
    lines = split_lines(text)
    if not 1 <= line <= len(lines):
        return None
    return lines[line - 1].rstrip("\r")


def utf8_column(line_text: str | None, column: int) -> int:
    """1-based code-point column -> 1-based UTF-8 byte column."""
    if line_text is None:
        return column
    return len(line_text[: column - 1].encode("utf-8")) + 1


def utf16_column(line_text: str | None, column: int) -> int:
    """1-based code-point column -> 1-based UTF-16 code-unit column."""
    if line_text is None:
        return column
    return len(line_text[: column - 1].encode("utf-16-le")) // 2 + 1


def rule_title(rules, rule_id: str) -> str:
    """``RULE (name)`` when the rule's metadata is known, else the id alone."""
    rule = rules.get(rule_id) if rules else None
    name = getattr(rule, "name", "")
    return f"{rule_id} ({name})" if name else rule_id
