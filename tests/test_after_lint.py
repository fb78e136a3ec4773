"""The steps after linting, called as a library would: typed, without argparse."""

from linter import lint_text
from linter.integrations import Steps, after_lint
from linter.settings import Settings


def test_fix_writes_the_file_and_reports_what_remains(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "draft.txt"
    path.write_text("Headline\n\nThe the council met on Monday.\n", "utf-8")
    findings = lint_text(path.read_text("utf-8"), path="draft.txt")
    assert [(f.rule, f.line, f.column) for f in findings] == [("CORE001", 3, 1)]
    after = after_lint(Steps(fix=True), Settings(), findings, [], {})
    assert after.files_changed and after.exit_code is None
    assert path.read_text("utf-8") == "Headline\n\nThe council met on Monday.\n"
    assert after.findings == []


def test_a_new_baseline_records_every_finding(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.txt").write_text("Headline\n\nIt was on on Monday.\n", "utf-8")
    findings = lint_text("Headline\n\nIt was on on Monday.\n", path="draft.txt")
    after = after_lint(Steps(baseline="base.json"), Settings(), findings, [], {})
    assert after.findings == [] and (tmp_path / "base.json").exists()
    again = after_lint(Steps(baseline="base.json"), Settings(), findings, [], {})
    assert again.findings == []  # known to the baseline: not reported
