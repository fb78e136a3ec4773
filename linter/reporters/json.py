"""JSON: exactly the contract in docs/architecture.md (Contracts); benchmarks and CI tools parse it."""

from __future__ import annotations

import json
from collections.abc import Iterator

from linter import __version__
from linter.reporters import Report


def render(report: Report) -> str:
    """The report as ``json.dumps(data, ensure_ascii=False, indent=2)`` would write it, byte
    for byte, built a finding at a time: the whole tree at once made ~65 MB of small
    strings (and a dict per finding) for 27k findings before joining them."""
    return "".join(_chunks(report))


def _dump(value: object, indent: str) -> str:
    """``value`` as the indented dump writes it at a nesting of ``indent``: a JSON string
    holds no raw newline, so every newline is a line break to indent."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)


def _chunks(report: Report) -> Iterator[str]:
    fields: list[tuple[str, object]] = [
        ("version", __version__),
        ("findings", None),
        ("summary", report.summary()),
        # files that were not linted and why: a run that skipped a file must say so
        ("not_linted", [{"path": path, "reason": reason} for path, reason in report.not_linted]),
        ("errors", list(report.errors)),
    ]
    yield "{"
    for n, (key, value) in enumerate(fields):
        yield ("\n  " if n == 0 else ",\n  ") + _dump(key, "") + ": "
        if key != "findings":
            yield _dump(value, "  ")
        elif not report.findings:
            yield "[]"
        else:
            for k, finding in enumerate(report.findings):
                yield ("[\n    " if k == 0 else ",\n    ") + _dump(finding.to_json(), "    ")
            yield "\n  ]"
    yield "\n}\n"
