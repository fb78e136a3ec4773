"""--changed-since REF: only findings on lines changed since a git ref (and in files git does
not track yet); a ref that does not exist is a one-line error (exit 2)."""

from __future__ import annotations

import json
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


def test_only_changed_and_untracked_drafts_are_linted(run_cli, repo):
    """Unchanged drafts never reach the engine: an unchanged file that cannot be read is not
    read (the old whole-tree run failed on it), and the summary counts the linted files."""
    (repo / "broken.txt").write_bytes(b"Caf\xe9 the the bar.\n")  # not UTF-8
    (repo / "c.md").write_text("Clean clean.\n", encoding="utf-8")
    git(repo, "add", "broken.txt", "c.md")
    git(repo, "commit", "-q", "-m", "more")
    (repo / "c.md").write_text("Clean clean.\nA new new line.\n", encoding="utf-8")
    (repo / "new.txt").write_text("Brand new new file.\n", encoding="utf-8")
    (repo / "notes.json").write_text("{}\n", encoding="utf-8")  # not a draft: never linted
    code, out, err = run_cli(
        "check", "--select", "CORE", "--format", "json", "--changed-since", "HEAD", "."
    )
    assert (code, err) == (1, "")
    report = json.loads(out)
    assert report["summary"]["files"] == 2
    assert [(f["path"], f["line"], f["column"]) for f in report["findings"]] == [
        ("c.md", 2, 3),
        ("new.txt", 1, 7),
    ]


def test_no_changed_draft_means_no_file_linted(run_cli, repo):
    (repo / "elsewhere").mkdir()
    (repo / "elsewhere" / "x.txt").write_text("Far far away.\n", encoding="utf-8")
    code, out, _ = run_cli(
        "check", "--select", "CORE", "--format", "json", "--changed-since", "HEAD", "a.txt"
    )
    assert code == 0
    assert json.loads(out)["summary"] == {
        "files": 0,
        "findings": 0,
        "errors": 0,
        "warnings": 0,
        "infos": 0,
    }


def test_baseline_with_changed_since_records_only_changed_drafts(run_cli, repo):
    (repo / "new.txt").write_text("Brand new new file.\n", encoding="utf-8")
    code, _, err = run_cli(
        "check", "--select", "CORE", "--baseline", "base.json", "--changed-since", "HEAD", "."
    )
    assert code == 0 and "recorded 1 findings" in err
    recorded = json.loads((repo / "base.json").read_text("utf-8"))
    assert "a.txt" not in json.dumps(recorded) and "new.txt" in json.dumps(recorded)


def test_a_link_to_a_changed_draft_is_linted_too(run_cli, repo):
    """Discovery checks only files named like a changed one, and links (found a folder at a
    time): a link of another name that leads to the changed draft is still linted."""
    (repo / "alias.txt").symlink_to("a.txt")
    (repo / "b.txt").write_text("Unchanged unchanged.\n", encoding="utf-8")
    git(repo, "add", "alias.txt", "b.txt")
    git(repo, "commit", "-q", "-m", "link")
    (repo / "a.txt").write_text(
        "Old the the slip.\nClean line, with with edits.\nAnother  old slip.\n", encoding="utf-8"
    )
    code, out, _ = run_cli(
        "check", "--select", "CORE", "--format", "compact", "--changed-since", "HEAD", "."
    )
    assert code == 1
    assert out.splitlines() == [
        "a.txt:2:13: CORE001 'with' is written twice; delete one.",
        "alias.txt:2:13: CORE001 'with' is written twice; delete one.",
    ]


def test_discovery_checks_only_the_files_keep_accepts(tmp_path, monkeypatch):
    """A file ``keep`` refuses is left out without a system call of its own."""
    from linter import discovery
    from linter.settings import Settings

    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    looked_at: list[str] = []
    real_lstat = discovery.os.lstat

    def lstat(path, *args, **kwargs):
        looked_at.append(str(path))
        return real_lstat(path, *args, **kwargs)

    monkeypatch.setattr(discovery.os, "lstat", lstat)
    files, errors = discovery.discover(
        [str(tmp_path)], Settings(root=tmp_path), keep=lambda shown: shown.endswith("b.txt")
    )
    assert (files, errors) == ([str(tmp_path / "b.txt")], [])
    assert not any(p.endswith(("a.txt", "c.md")) for p in looked_at)
