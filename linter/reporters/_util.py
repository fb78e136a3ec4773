"""Helpers shared by reporters: rule help, line text and column conversions.

copydesk columns count Unicode code points; consumers count differently (reviewdog: UTF-8
bytes, LSP: UTF-16 code units), so each reporter converts with these helpers from the line's
own text rather than guessing.
"""

from __future__ import annotations

from functools import lru_cache

from linter.escape import escape_control  # noqa: F401  (the reporters' import)


def rule_help_markdown(rule) -> str:
    """A rule's help as Markdown, carried inline by SARIF (``help.markdown``), the HTML page
    and the language server's hover: copydesk has no website to link to, and the reader of
    a report needs the why and the examples where the finding is. The same content as
    ``copydesk explain ID``; an example's article date is shown, since facts depend on it."""
    lines = [f"**{rule.id}** ({rule.name})" if rule.name else f"**{rule.id}**"]
    if rule.message:
        lines += ["", rule.message]
    if rule.why:
        lines += ["", f"Why: {rule.why}"]
    if rule.source:
        lines += ["", f"Source: {rule.source}"]
    examples = []
    for example in rule.examples:
        dated = f" (article dated {example.date})" if example.date else ""
        if example.bad:
            item = f"- Bad{dated}: {_inline(example.bad)}"
            if example.fixed:
                item += f" → {_inline(example.fixed)}"
            examples.append(item)
        if example.good:
            examples.append(f"- Good{dated}: {_inline(example.good)}")
    if examples:
        lines += ["", "Examples:", "", *examples]
    return "\n".join(lines)


def _inline(text: str) -> str:
    return "`" + text.replace("\n", " ⏎ ").replace("`", "'") + "`"


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
    """1-based code-point column -> 1-based UTF-8 byte column. Linear in the line once, then
    constant per finding: slicing and encoding the line for each finding was quadratic on a
    long line with many findings."""
    if line_text is None or line_text.isascii():
        return column
    prefix = _utf8_prefix(line_text)
    return prefix[min(max(column - 1, 0), len(prefix) - 1)] + 1


@lru_cache(maxsize=4)
def _utf8_prefix(line_text: str):
    """Byte offset of each code point of a line (and of its end), as a compact array."""
    from array import array
    from itertools import accumulate

    widths = (
        1 if c < "\x80" else 2 if c < "\u0800" else 3 if c < "\U00010000" else 4 for c in line_text
    )
    return array("q", accumulate(widths, initial=0))


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
