"""reviewdog's rdjsonl: one JSON ``Diagnostic`` per line (reviewdog -f=rdjsonl).

reviewdog counts columns in UTF-8 bytes and its range end is exclusive; copydesk counts code
points, so columns are converted from the line's text. A safe fix becomes a suggestion that
reviewdog can post as a suggested change.
"""

from __future__ import annotations

import json

from linter.reporters import Report
from linter.reporters._util import PROJECT_URL, line_of, rule_url, utf8_column

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _range(f, text: str | None) -> dict:
    start = utf8_column(line_of(text, f.line), f.column)
    end = utf8_column(line_of(text, f.end_line), f.end_column)
    return {
        "start": {"line": f.line, "column": start},
        "end": {"line": f.end_line, "column": end},
    }


def render(report: Report) -> str:
    out = []
    for f in report.findings:
        text = report.texts.get(f.path)
        diagnostic: dict[str, object] = {
            "message": f.message,
            "location": {"path": f.path, "range": _range(f, text)},
            "severity": SEVERITY[f.severity],
            "source": {"name": "copydesk", "url": PROJECT_URL},
            "code": {"value": f.rule, "url": rule_url(f.rule)},
        }
        if f.fix is not None:
            diagnostic["suggestions"] = [{"range": _range(f, text), "text": f.fix}]
        out.append(json.dumps(diagnostic, ensure_ascii=False) + "\n")
    return "".join(out)
