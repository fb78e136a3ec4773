"""--baseline FILE: record today's findings, then report only new ones, even after edits
elsewhere in the file; a malformed baseline is a one-line error (exit 2)."""

from __future__ import annotations

import json

OLD = "Intro line.\nThe the archive had errors.\nSecond  paragraph here.\n"


def check(run_cli, *extra, cwd=None):
    return run_cli("check", "--select", "CORE", "--format", "compact", *extra, cwd=cwd)


def test_first_run_records_and_reports_nothing(run_cli, tmp_path):
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    code, out, err = check(run_cli, "--baseline", "base.json", ".")
    assert (code, out) == (0, "")
    assert "recorded 2 findings in base.json" in err
    data = json.loads((tmp_path / "base.json").read_text("utf-8"))
    assert data["copydesk_baseline"] == 1
    assert [(r["path"], r["rule"], r["line"]) for r in data["findings"]] == [
        ("old.txt", "CORE001", 2),
        ("old.txt", "CORE002", 3),
    ]


def test_known_findings_survive_edits_elsewhere_new_ones_are_reported(run_cli, tmp_path):
    path = tmp_path / "old.txt"
    path.write_text(OLD, encoding="utf-8")
    check(run_cli, "--baseline", "base.json", ".")
    # paragraphs added above shift every line; a new slip appears at the end
    path.write_text("New lede.\n\nMore text.\n" + OLD + "A new new slip.\n", encoding="utf-8")
    code, out, _ = check(run_cli, "--baseline", "base.json", ".")
    assert code == 1
    assert out == "old.txt:7:3: CORE001 'new' is written twice; delete one.\n"


def test_a_second_identical_slip_is_new(run_cli, tmp_path):
    path = tmp_path / "old.txt"
    path.write_text("The the end.\n", encoding="utf-8")
    check(run_cli, "--baseline", "base.json", ".")
    path.write_text("The the end.\nThe the end.\n", encoding="utf-8")
    code, out, _ = check(run_cli, "--baseline", "base.json", ".")
    assert code == 1 and out.count("CORE001") == 1


def test_baseline_paths_are_relative_to_the_baseline_file(run_cli, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "old.txt").write_text(OLD, encoding="utf-8")
    check(run_cli, "--baseline", "base.json", "docs")
    code, out, _ = check(run_cli, "--baseline", "../base.json", "old.txt", cwd=tmp_path / "docs")
    assert (code, out) == (0, "")


def test_update_baseline_rewrites_it(run_cli, tmp_path):
    path = tmp_path / "old.txt"
    path.write_text(OLD, encoding="utf-8")
    check(run_cli, "--baseline", "base.json", ".")
    path.write_text(OLD + "A new new slip.\n", encoding="utf-8")
    code, _, err = check(run_cli, "--baseline", "base.json", "--update-baseline", ".")
    assert code == 0 and "recorded 3 findings" in err
    assert check(run_cli, "--baseline", "base.json", ".")[:2] == (0, "")


def test_malformed_baseline_is_one_line_exit_2(run_cli, tmp_path):
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "base.json").write_text('{"copydesk_baseline": 1,\n "findings": [\n', "utf-8")
    code, out, err = check(run_cli, "--baseline", "base.json", ".")
    assert code == 2 and out == ""
    assert err.startswith("copydesk: error: base.json:3: not a copydesk baseline: invalid JSON")
    assert len(err.strip().splitlines()) == 1


def test_wrong_shape_baseline_is_exit_2(run_cli, tmp_path):
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "base.json").write_text('{"findings": {}}', "utf-8")
    code, _, err = check(run_cli, "--baseline", "base.json", ".")
    assert code == 2 and "base.json: not a copydesk baseline" in err
    (tmp_path / "base.json").write_text('{"copydesk_baseline": 1, "findings": [3]}', "utf-8")
    code, _, err = check(run_cli, "--baseline", "base.json", ".")
    assert code == 2 and "finding 1 needs string 'path' and 'key'" in err


def test_bad_baseline_leaves_files_unfixed(run_cli, tmp_path):
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "base.json").write_text("not json", "utf-8")
    code, _, _ = check(run_cli, "--baseline", "base.json", "--fix", ".")
    assert code == 2
    assert (tmp_path / "old.txt").read_text("utf-8") == OLD


def test_update_baseline_without_baseline_is_a_usage_error(run_cli, tmp_path):
    (tmp_path / "old.txt").write_text(OLD, encoding="utf-8")
    code, _, err = check(run_cli, "--update-baseline", ".")
    assert code == 2 and err == "copydesk: error: --update-baseline needs --baseline FILE\n"


def test_fix_leaves_baselined_findings_alone(run_cli, tmp_path):
    """--fix touches only what the report shows: the archive's recorded slips stay as they are."""
    path = tmp_path / "old.txt"
    path.write_text(OLD, encoding="utf-8")
    check(run_cli, "--baseline", "base.json", ".")
    path.write_text(OLD + "A new new slip.\n", encoding="utf-8")
    code, out, _ = check(run_cli, "--baseline", "base.json", "--fix", ".")
    assert (code, out) == (1, "")  # 1: a file was changed
    assert path.read_text("utf-8") == OLD + "A new slip.\n"
