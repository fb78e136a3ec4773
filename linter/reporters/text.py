"""Text for people: findings grouped by file, each as ``path:line:col: severity RULE
message`` (a location terminals and editors make clickable), the line with a caret under the
span, then a summary; colour by severity only on a terminal. ``--statistics`` adds a count by
rule."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import groupby

from linter.reporters import Report
from linter.reporters._util import escape_control, split_lines

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"
MAX_LINE = 120  # longer lines are shown as a window of CONTEXT characters around the span
CONTEXT = 50


def _paint(text: str, code: str, on: bool) -> str:
    return f"{code}{text}{RESET}" if on else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NOT_TAB = re.compile(r"[^\t]")


@lru_cache(maxsize=4096)
def _cells(char: str) -> int:
    """Terminal cells a character takes: two for wide characters (CJK, most emoji)."""
    from unicodedata import combining, east_asian_width

    if combining(char):
        return 0
    return 2 if east_asian_width(char) in "WF" else 1


def _frame(text: str, line: int, column: int, end_line: int, end_column: int) -> list[str]:
    lines = split_lines(text)
    if line - 1 >= len(lines):
        return []
    source = lines[line - 1].rstrip("\r")
    end = end_column - 1 if end_line == line else len(source)
    end = min(end, column - 1 + MAX_LINE)  # a span of a whole paragraph: show its start
    # a paragraph is often one long line: show a window around the span, not all of it
    if len(source) > MAX_LINE:
        left = max(0, column - 1 - CONTEXT)
        right = min(len(source), max(end, column) + CONTEXT)
        prefix = "…" if left else ""
        source = prefix + source[left:right] + ("…" if right < len(source) else "")
        column, end = column - left + len(prefix), end - left + len(prefix)
    before, span = source[: column - 1], source[column - 1 : end]
    after = source[max(end, column - 1) :]
    # control characters in the draft are shown escaped, never sent to the terminal
    before, span, after = escape_control(before), escape_control(span), escape_control(after)
    source = before + span + after
    shown = before + span
    if shown.isascii() or all(_cells(c) == 1 for c in set(_NON_ASCII.findall(shown))):
        # the usual case (curly quotes and dashes included): every character is one cell
        width = max(1, len(span))
        pad = _NOT_TAB.sub(" ", before) if "\t" in before else " " * len(before)
    else:
        width = max(1, sum(_cells(c) for c in span))
        # tabs keep their place and wide characters take two cells, so the caret lines up
        pad = "".join("\t" if c == "\t" else " " * _cells(c) for c in before)
    return [f"    {source}", f"    {pad}{'^' * width}"]


def _finding(f, report: Report, color: bool) -> list[str]:
    sev = _paint(f.severity, COLORS[f.severity], color)
    place = _paint(f"{escape_control(f.path)}:{f.line}:{f.column}:", BOLD, color)
    out = [f"{place} {sev} {f.rule} {escape_control(f.message)}"]
    text = report.texts.get(f.path)
    if text is not None:
        frame = _frame(text, f.line, f.column, f.end_line, f.end_column)
        if frame:
            frame[1] = _paint(frame[1], COLORS[f.severity], color)
        out.extend(frame)
    if f.suggestions and f.suggestions[0] not in f.message:
        shown = escape_control(" | ".join(f.suggestions[:3]))
        out.append(_paint(f"    suggestion: {shown}", DIM, color))
    return out


def _statistics(report: Report, color: bool) -> list[str]:
    counts = Counter(f.rule for f in report.findings)
    severity = {f.rule: f.severity for f in report.findings}
    fixable = Counter(f.rule for f in report.findings if f.fix is not None)
    out = []
    for rule_id, count in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        rule = report.rules.get(rule_id) if report.rules else None
        name = getattr(rule, "name", "") or ""
        fix = "  [fixable]" if fixable[rule_id] == count else ""
        sev = _paint(f"{severity[rule_id]:<7}", COLORS[severity[rule_id]], color)
        out.append(f"{count:6d}  {rule_id:<10} {sev} {name}{fix}".rstrip())
    return out


def render(report: Report) -> str:
    color = report.color
    out: list[str] = []
    files_with_findings = len({f.path for f in report.findings})
    for path, group in groupby(report.findings, key=lambda f: f.path):
        findings = list(group)
        if files_with_findings > 1:
            if out:
                out.append("")
            header = f"{escape_control(path)} ({_plural(len(findings), 'finding')})"
            out.append(_paint(header, BOLD, color))
        for f in findings:
            out.extend(_finding(f, report, color))
    if report.statistics and report.findings:
        out.append("")
        out.extend(_statistics(report, color))
    s = report.summary()
    if out:
        out.append("")
    fixable = sum(1 for f in report.findings if f.fix is not None)
    if fixable:
        out.append(f"{_plural(fixable, 'finding')} can be fixed with --fix (see --diff).")
    if s["findings"]:
        out.append(
            f"Found {_plural(s['findings'], 'finding')} in {_plural(s['files'], 'file')}: "
            f"{_plural(s['errors'], 'error')}, {_plural(s['warnings'], 'warning')}, "
            f"{s['infos']} info."
        )
    else:
        linted = s["files"] - len(report.not_linted)
        out.append(f"No findings in {_plural(linted, 'file')}.")
    if report.not_linted:
        paths = ", ".join(path for path, _ in report.not_linted)
        out.append(
            f"Not linted: {_plural(len(report.not_linted), 'file')} ({paths}); see the errors."
        )
    return "\n".join(out) + "\n"
