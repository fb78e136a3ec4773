"""Control characters made visible: whatever reaches a terminal, a line-based format or an
XML report from a draft or a file name is escaped once, here."""

from __future__ import annotations

import re

from linter.lazyre import lazy

# C0 and C1 controls, DEL, and the bidirectional and zero-width format characters that can make
# a terminal line (or a file name in it) read differently from what it holds; tab and newline
# are the caller's business (a message is one line; a source excerpt keeps its tabs)
CONTROL_RE = lazy(  # compiled for the first text that is not printable ASCII
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape_one(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape_control(text: str, keep_newlines: bool = False) -> str:
    """``text`` with control characters shown as ``\\x1b`` (or ``\\u202e``), so that a draft
    or a file name cannot move the cursor, recolour or rewrite a terminal, break a line of a
    line-based format, or make an XML report invalid. Tabs stay; newlines stay only when
    ``keep_newlines``, else they become ``\\n``."""
    if text.isprintable():  # every character the pattern escapes (and a newline) is not:
        return text  # curly quotes and accents are, and then nothing is compiled
    out = CONTROL_RE.sub(_escape_one, text)
    if not keep_newlines:
        out = out.replace("\n", "\\n")
    return out
