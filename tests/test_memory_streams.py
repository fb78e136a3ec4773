"""Big-draft memory: FACT002 lowers the prose in chunks, the JSON report is built a finding
at a time; both must give exactly what the whole-text forms gave."""

from __future__ import annotations

import datetime as dt
import json

import linter.document
from linter import __version__
from linter.document import Document
from linter.packs.facts import stale_titles
from linter.reporters import Report
from linter.reporters import json as json_reporter
from linter.runner import lint_text


def test_lowered_in_chunks_is_the_whole_lowering(monkeypatch) -> None:
    monkeypatch.setattr(linter.document, "LOWER_CHUNK", 8)
    prose = "ΟΔΥΣΣΕΥΣ said ΣΑΣ. The PRESIDENT’S aide ΙΣ here, ΑΣ Σ and İstanbul. " * 3
    doc = Document(path="x", text=prose, prose=prose)
    whole = prose.lower().replace("’", "'")
    expected = whole if len(whole) == len(prose) else None
    assert stale_titles._LOWERED.of(doc) == expected
    plain = "ΟΔΥΣΣΕΥΣ said ΣΑΣ, the PRESIDENT’S aide. " * 4
    doc = Document(path="y", text=plain, prose=plain)
    assert stale_titles._LOWERED.of(doc) == plain.lower().replace("’", "'")


def test_fact002_keeps_no_draft_on_the_rule() -> None:
    from linter.runner import _settings, engine_for

    engine = engine_for(_settings(None, ["FACT002"], None, dt.date(2023, 2, 10)))
    found = engine.lint_text("Donald Trump, the president, spoke to Joe Biden.\n", "x.txt")
    assert [(f.rule, f.line, f.column) for f in found] == [("FACT002", 1, 15)]
    rule = next(r for r in engine.rules if r.id == "FACT002")
    assert not any(isinstance(v, stale_titles._LowIndex) for v in vars(rule).values())


def _whole(report: Report) -> str:
    data = {
        "version": __version__,
        "findings": [f.to_json() for f in report.findings],
        "summary": report.summary(),
        "not_linted": [{"path": p, "reason": r} for p, r in report.not_linted],
        "errors": list(report.errors),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_json_report_is_the_indented_dump_byte_for_byte() -> None:
    text = (
        "Roger Stone, an adviser to President Donald Trump, spoke.\n\n"
        "Their was a recieve “quote” — café naïve; it's teh end.\n"
    )
    findings = lint_text(text, path="dir/ünï.md", date=dt.date(2023, 2, 10))
    assert len(findings) >= 2
    for report in (
        Report(findings=findings, files=1, errors=["a\tb"], not_linted=[("p", "binary")]),
        Report(findings=[], files=0),
    ):
        assert json_reporter.render(report) == _whole(report)
