"""The command line contract: formats, exit codes, selection, fail-on, python -m."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, positions

from linter import __version__

DRAFT = "Headline\n\nMusk saw the the ad , and  left.\n"


def write(tmp_path, name="draft.txt", text=DRAFT):
    (tmp_path / name).write_text(text)
    return name


def test_version(run_cli):
    assert run_cli("--version") == (0, f"copydesk {__version__}\n", "")


def test_python_m_linter_behaves_the_same(tmp_path):
    write(tmp_path)
    cmd = [sys.executable, "-m", "linter", "check", "--format", "json", "draft.txt"]
    proc = subprocess.run(
        cmd, cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""}
    )
    assert proc.returncode == 1, proc.stderr
    assert positions(json.loads(proc.stdout)["findings"]) == [
        ("CORE001", 3, 10),
        ("CORE003", 3, 20),
        ("CORE002", 3, 26),
    ]


def test_json_shape_is_the_contract(tmp_path, run_json):
    write(tmp_path)
    code, report, _ = run_json("draft.txt")
    assert code == 1
    assert set(report) == {"version", "findings", "summary", "not_linted", "errors"}
    assert report["not_linted"] == [] and report["errors"] == []
    first = report["findings"][0]
    assert first == {
        "path": "draft.txt",
        "line": 3,
        "column": 10,
        "end_line": 3,
        "end_column": 17,
        "rule": "CORE001",
        "severity": "error",
        "message": "'the' is written twice; delete one.",
        "suggestions": ["the"],
        "fix": "the",
    }
    assert report["summary"] == {"files": 1, "findings": 3, "errors": 1, "warnings": 2, "infos": 0}


def test_text_format_has_location_caret_and_summary(tmp_path, run_cli):
    write(tmp_path)
    code, out, _ = run_cli("check", "draft.txt")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "draft.txt:3:10: error CORE001 'the' is written twice; delete one."
    assert lines[1] == "    Musk saw the the ad , and  left."
    assert lines[2] == "             ^^^^^^^"
    assert lines[-1] == "Found 3 findings in 1 file: 1 error, 2 warnings, 0 info."
    assert "\033[" not in out  # no colour when not on a terminal


def test_color_always(tmp_path, run_cli):
    write(tmp_path)
    _, out, _ = run_cli("check", "--color", "always", "draft.txt")
    assert "\033[31merror\033[0m" in out


def test_clean_file_exits_zero(tmp_path, run_cli):
    write(tmp_path, text="A clean sentence.\n")
    assert run_cli("check", "draft.txt") == (0, "No findings in 1 file.\n", "")


def test_select_and_ignore_by_prefix(tmp_path, run_json):
    write(tmp_path)
    _, report, _ = run_json("--select", "CORE00", "--ignore", "CORE002,CORE003", "draft.txt")
    assert [f["rule"] for f in report["findings"]] == ["CORE001"]
    _, report, _ = run_json("--select", "CORE002", "draft.txt")
    assert [f["rule"] for f in report["findings"]] == ["CORE002"]


def test_fail_on(tmp_path, run_cli):
    write(tmp_path, text="Headline\n\nA  gap.\n")  # one warning only
    assert run_cli("check", "draft.txt")[0] == 1  # default: warning fails
    assert run_cli("check", "--fail-on", "error", "draft.txt")[0] == 0
    assert run_cli("check", "--fail-on", "info", "draft.txt")[0] == 1


def test_folder_defaults_to_txt_md_markdown_and_respects_gitignore(tmp_path, run_json):
    (tmp_path / "drafts" / "old").mkdir(parents=True)
    for name in ("a.txt", "b.md", "c.markdown", "d.rst", "old/e.txt", "ignored.txt"):
        (tmp_path / "drafts" / name).write_text("the the\n")
    (tmp_path / "drafts" / ".gitignore").write_text("ignored.txt\nold/\n")
    _, report, _ = run_json("drafts")
    assert sorted({f["path"] for f in report["findings"]}) == [
        "drafts/a.txt",
        "drafts/b.md",
        "drafts/c.markdown",
    ]


def test_no_path_means_current_folder(tmp_path, run_json):
    write(tmp_path)
    _, report, _ = run_json()
    assert {f["path"] for f in report["findings"]} == {"draft.txt"}


def test_extensions_configurable(tmp_path, run_json):
    (tmp_path / "a.rst").write_text("the the\n")
    (tmp_path / ".copydesk.toml").write_text('extensions = ["rst"]\n')
    _, report, _ = run_json(".")
    assert [f["path"] for f in report["findings"]] == ["a.rst"]


def test_output_is_sorted_and_deterministic(tmp_path, run_cli):
    for name in ("b.txt", "a.txt"):
        write(tmp_path, name, "x  y the the\n")
    first = run_cli("check", "--format", "json", ".")[1]
    second = run_cli("check", "--format", "json", "b.txt", "a.txt")[1]
    assert first == second
    paths = [(f["path"], f["line"], f["column"]) for f in json.loads(first)["findings"]]
    assert paths == sorted(paths)


def test_unknown_flag_is_usage_error(run_cli):
    code, out, err = run_cli("check", "--no-such-flag")
    assert code == 2 and out == ""
    assert err.startswith("copydesk: error: unrecognized arguments: --no-such-flag")


def test_bad_date_flag(run_cli):
    code, _, err = run_cli("check", "--date", "2023-13-01")
    assert code == 2 and "is not a date like 2023-02-10" in err


def test_rules_and_explain(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0 and "CORE001" in out and "doubled-word" in out
    code, out, _ = run_cli("explain", "core001")
    assert code == 0
    assert out.startswith("CORE001 (doubled-word)")
    assert "Why:" in out and "bad:" in out and "good:" in out
    code, _, err = run_cli("explain", "NOPE999")
    assert code == 2 and "no rule with the id 'NOPE999'" in err


def test_library_api_is_pure(tmp_path):
    import pickle

    import linter

    findings = linter.lint_text("He saw the the ad.", select=["CORE"])
    assert [(f.rule, f.line, f.column) for f in findings] == [("CORE001", 1, 8)]
    assert pickle.loads(pickle.dumps(findings)) == findings
