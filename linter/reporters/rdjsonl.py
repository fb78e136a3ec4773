"""reviewdog's rdjsonl: one JSON ``Diagnostic`` per line (reviewdog -f=rdjsonl).

reviewdog counts columns in UTF-8 bytes and its range end is exclusive; copydesk counts code
points, so columns are converted from the line's text. A safe fix becomes a suggestion that
reviewdog can post as a suggested change. The rule's help is in the message's last line
(``copydesk explain ID`` for the whole of it); there is no rule website to link to.
"""

from __future__ import annotations

import json

from linter.reporters import Report
from linter.reporters._util import line_of, utf8_column

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
        rule = report.rules.get(f.rule) if report.rules else None
        why = getattr(rule, "why", "")
        diagnostic: dict[str, object] = {
            "message": f"{f.message}\n{f.rule}: {why}" if why else f.message,
            "location": {"path": f.path, "range": _range(f, text)},
            "severity": SEVERITY[f.severity],
            "source": {"name": "copydesk"},
            "code": {"value": f.rule},
        }
        if f.fix is not None:
            diagnostic["suggestions"] = [{"range": _range(f, text), "text": f.fix}]
        out.append(json.dumps(diagnostic, ensure_ascii=False) + "\n")
    return "".join(out)
