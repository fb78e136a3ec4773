"""--changed-since REF: only findings on lines changed since a git ref (and in files git does
not track yet); a ref that does not exist is a one-line error (exit 2)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from linter.changed import parse_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(cwd, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "a.txt").write_text(
        "Old the the slip.\nClean line.\nAnother  old slip.\n", encoding="utf-8"
    )
    git(tmp_path, "add", "a.txt")
    git(tmp_path, "commit", "-q", "-m", "first")
    return tmp_path


def test_only_changed_lines_and_untracked_files(run_cli, repo):
    (repo / "a.txt").write_text(
        "Old the the slip.\nClean line, with with edits.\nAnother  old slip.\n", encoding="utf-8"
    )
    (repo / "new.txt").write_text("Brand new new file.\n", encoding="utf-8")
    code, out, _ = run_cli(
        "check", "--select", "CORE", "--format", "compact", "--changed-since", "HEAD", "."
    )
    assert code == 1
    assert out.splitlines() == [
        "a.txt:2:13: CORE001 'with' is written twice; delete one.",
        "new.txt:1:7: CORE001 'new' is written twice; delete one.",
    ]


def test_committed_changes_since_a_branch_point_count(run_cli, repo):
    git(repo, "checkout", "-q", "-b", "feature")
    (repo / "a.txt").write_text(
        "Intro.\nOld the the slip.\nClean line.\nAnother  old slip.\nIt it ends.\n", "utf-8"
    )
    git(repo, "commit", "-q", "-am", "edit")
    code, out, _ = run_cli(
        "check", "--select", "CORE", "--format", "compact", "--changed-since", "main", "."
    )
    assert code == 1
    assert out == "a.txt:5:1: CORE001 'It' is written twice; delete one.\n"


def test_nothing_changed_means_nothing_reported(run_cli, repo):
    code, out, _ = run_cli("check", "--select", "CORE", "--changed-since", "HEAD", ".")
    assert code == 0 and "No findings" in out


def test_unknown_ref_is_one_line_exit_2(run_cli, repo):
    code, out, err = run_cli("check", "--select", "CORE", "--changed-since", "nope/branch", ".")
    assert code == 2 and out == ""
    assert (
        err
        == "copydesk: error: git ref 'nope/branch' does not exist (try a branch, tag or commit)\n"
    )


def test_outside_a_repository_is_exit_2(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("x\n", encoding="utf-8")
    code, _, err = run_cli("check", "--changed-since", "HEAD", ".", cwd=tmp_path)
    assert code == 2 and "needs a git repository" in err


def test_parse_diff_hunks():
    diff = (
        "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n"
        "@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@\n+c\n+d\n@@ -20,2 +22,0 @@\n-e\n-f\n"
        "diff --git a/gone.md b/gone.md\n--- a/gone.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    assert parse_diff(diff) == {"x.md": {3, 11, 12}}


def test_fix_touches_only_changed_lines(run_cli, repo):
    (repo / "a.txt").write_text(
        "Old the the slip.\nClean line, with with edits.\nAnother  old slip.\n", encoding="utf-8"
    )
    code, out, _ = run_cli(
        "check", "--select", "CORE", "--format", "compact", "--changed-since", "HEAD", "--fix", "."
    )
    assert (code, out) == (1, "")
    assert (repo / "a.txt").read_text("utf-8") == (
        "Old the the slip.\nClean line, with edits.\nAnother  old slip.\n"
    )
