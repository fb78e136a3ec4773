"""GitHub Actions workflow commands: each finding becomes an annotation on its line of the
pull request (``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::msg``).

GitHub's columns are 1-based and the end column inclusive; copydesk's end is exclusive, so
the end column is one less. Values are escaped as the Actions toolkit does (``%``, CR, LF
everywhere; also ``:`` and ``,`` inside properties).
"""

from __future__ import annotations

from linter.reporters import Report
from linter.reporters._util import escape_control, rule_title

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """The toolkit's escapes, then the other control characters shown as ``\\x1b``: the
    runner's log is a terminal too."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_control(value)


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    out = []
    for f in report.findings:
        end_column = f.end_column - 1 if f.end_line == f.line else f.end_column
        props = {
            "file": f.path,
            "line": f.line,
            "col": f.column,
            "endLine": f.end_line,
            "endColumn": max(end_column, 1),
            "title": f"copydesk {rule_title(report.rules, f.rule)}",
        }
        joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
        out.append(f"::{COMMAND[f.severity]} {joined}::{escape_data(f.message)}\n")
    return "".join(out)
