"""Text for people: ``path:line:col: severity RULE message``, the line, a caret under the
span, and a summary; colour only when writing to a terminal."""

from __future__ import annotations

from collections import Counter

from linter.reporters import Report

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def _paint(text: str, code: str, on: bool) -> str:
    return f"{code}{text}{RESET}" if on else text


def _frame(text: str, line: int, column: int, end_line: int, end_column: int) -> list[str]:
    lines = text.split("\n")
    if line - 1 >= len(lines):
        return []
    source = lines[line - 1].rstrip("\r")
    width = (end_column - column) if end_line == line else len(source) - column + 1
    width = max(1, width)
    # tabs keep their place in the caret line so the caret lines up under the span
    pad = "".join("\t" if c == "\t" else " " for c in source[: column - 1])
    return [f"    {source}", f"    {pad}{'^' * width}"]


def render(report: Report) -> str:
    color = report.color
    out: list[str] = []
    for f in report.findings:
        sev = _paint(f.severity, COLORS[f.severity], color)
        place = _paint(f"{f.path}:{f.line}:{f.column}:", BOLD, color)
        out.append(f"{place} {sev} {f.rule} {f.message}")
        text = report.texts.get(f.path)
        if text is not None:
            frame = _frame(text, f.line, f.column, f.end_line, f.end_column)
            if frame:
                frame[1] = _paint(frame[1], COLORS[f.severity], color)
            out.extend(frame)
        if f.suggestions and f.suggestions[0] not in f.message:
            out.append(_paint(f"    suggestion: {' | '.join(f.suggestions[:3])}", DIM, color))
    if report.statistics and report.findings:
        out.append("")
        for rule, count in sorted(
            Counter(f.rule for f in report.findings).items(), key=lambda x: (-x[1], x[0])
        ):
            out.append(f"{count:6d}  {rule}")
    s = report.summary()
    if out:
        out.append("")
    noun = "file" if s["files"] == 1 else "files"
    if s["findings"]:
        out.append(
            f"Found {s['findings']} finding{'s' if s['findings'] != 1 else ''} in {s['files']} {noun}: "
            f"{s['errors']} error{'s' * (s['errors'] != 1)}, {s['warnings']} warning{'s' * (s['warnings'] != 1)}, "
            f"{s['infos']} info."
        )
    else:
        out.append(f"No findings in {s['files']} {noun}.")
    return "\n".join(out) + "\n"
