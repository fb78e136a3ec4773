"""JSON: exactly the contract in docs/architecture.md (Contracts); benchmarks and CI tools parse it."""

from __future__ import annotations

import json

from linter import __version__
from linter.reporters import Report


def render(report: Report) -> str:
    data = {
        "version": __version__,
        "findings": [f.to_json() for f in report.findings],
        "summary": report.summary(),
        # files that were not linted and why: a run that skipped a file must say so
        "not_linted": [{"path": path, "reason": reason} for path, reason in report.not_linted],
        "errors": list(report.errors),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
