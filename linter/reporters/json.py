"""JSON: exactly the contract of DESIGN.md; benchmarks and CI tools parse it."""

from __future__ import annotations

import json

from linter import __version__
from linter.reporters import Report


def render(report: Report) -> str:
    data = {
        "version": __version__,
        "findings": [f.to_json() for f in report.findings],
        "summary": report.summary(),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
