"""Compact: one ``path:line:col: RULE message`` line per finding, the shape editors (Vim's
quickfix, Emacs compile mode, VS Code problem matchers) parse without configuration."""

from __future__ import annotations

from linter.reporters import Report
from linter.reporters._util import escape_control


def render(report: Report) -> str:
    return "".join(
        f"{escape_control(f.path)}:{f.line}:{f.column}: {f.rule} {escape_control(f.message)}\n"
        for f in report.findings
    )
