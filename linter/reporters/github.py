"""GitHub Actions workflow commands: each finding becomes an annotation on its line of the
pull request (``::error file=...,line=...,col=...,endLine=...,endColumn=...,title=...::msg``),
and so does each input or configuration error (a file not linted must not pass unseen).

GitHub's columns are 1-based and the end column inclusive; copydesk's end is exclusive, so
the end column is one less. Values are escaped as the Actions toolkit does (``%``, CR, LF
everywhere; also ``:`` and ``,`` inside properties).
"""

from __future__ import annotations

import os
import re

from linter.reporters import Report
from linter.reporters._util import escape_control, rule_title

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}
# "path:line: detail" or "path: detail", as CopydeskError formats a one-line error
ERROR_PLACE_RE = re.compile(r"^(?P<path>[^:\n]+?)(?::(?P<line>\d+))?: (?P<detail>.+)$", re.S)


def escape_data(value: str) -> str:
    """The toolkit's escapes, then the other control characters shown as ``\\x1b``: the
    runner's log is a terminal too."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return escape_control(value)


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _command(kind: str, props: dict, message: str) -> str:
    joined = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return (
        f"::{kind} {joined}::{escape_data(message)}\n"
        if joined
        else f"::{kind}::{escape_data(message)}\n"
    )


def error_annotation(error: str, known_paths: set[str]) -> str:
    """An input or configuration error as an ``::error``, on its file (and line) when the
    message names one that exists."""
    m = ERROR_PLACE_RE.match(error)
    props: dict = {}
    if m and (m["path"] in known_paths or os.path.exists(m["path"])):
        props["file"] = m["path"]
        if m["line"]:
            props["line"] = m["line"]
    props["title"] = "copydesk: not checked"
    return _command("error", props, error)


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
        out.append(_command(COMMAND[f.severity], props, f.message))
    known = set(report.paths)
    out.extend(error_annotation(error, known) for error in report.errors)
    return "".join(out)
