"""bench/grammar_typo_set.py mines confusable slips from a git history: each one-word fix of a
prose line is a slip, and ``max_commits`` caps a long history at its newest commits (issue 14,
the third set: histories of tens of thousands of commits)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import grammar_typo_set as typo_set

LINES = (
    "The team said it's plan was to ship the release next week.\n",
    "The team said its plan was to ship the release next week.\n",
    "We will know weather the new parser works on the day of the launch.\n",
    "We will know whether the new parser works on the day of the launch.\n",
)


def _history(folder: Path) -> Path:
    """A repository of four commits: a slip, its fix, a second slip, its fix."""
    folder.mkdir(exist_ok=True)
    git = ("git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-C", str(folder))
    subprocess.run([*git, "init", "-q"], check=True)
    doc = folder / "guide.md"
    for n in range(4):
        first = LINES[1] if n >= 1 else LINES[0]
        doc.write_text("# Guide\n\n" + first + "\n" + (LINES[n] if n >= 2 else ""), "utf-8")
        subprocess.run([*git, "add", "guide.md"], check=True)
        subprocess.run([*git, "commit", "-q", "-m", f"step {n}"], check=True)
    return folder


def test_every_fix_in_the_history_is_a_slip(tmp_path: Path) -> None:
    slips = list(typo_set.from_git(_history(tmp_path)))
    assert [(s[0], s[1], s[3], s[4]) for s in slips] == [
        (LINES[2].strip(), 13, "weather", "whether"),
        (LINES[0].strip(), 14, "it's", "its"),
    ]


def test_max_commits_keeps_the_newest_commits_only(tmp_path: Path) -> None:
    slips = typo_set.build([_history(tmp_path)], max_commits=1)
    assert [(s[3], s[4], s[5]) for s in slips] == [("weather", "whether", LINES[3].strip())]


def test_max_commits_below_one_is_refused(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["grammar_typo_set.py", str(tmp_path), "--max-commits", "0"])
    with pytest.raises(SystemExit):
        typo_set.main()
    assert "--max-commits" in capsys.readouterr().err


def test_a_sentence_of_an_excluded_set_is_left_out(tmp_path: Path) -> None:
    history = _history(tmp_path / "repo")
    saved = tmp_path / "typo-set-old.jsonl"
    old = [LINES[0].strip(), 14, 18, "it's", "its", LINES[1].strip(), "old@1"]
    saved.write_text(json.dumps(old) + "\n", "utf-8")
    assert [s[3] for s in typo_set.build([history], exclude=[saved])] == ["weather"]


def test_a_broken_saved_set_names_its_file_and_line(tmp_path: Path) -> None:
    saved = tmp_path / "typo-set-bad.jsonl"
    saved.write_text('["a", 1, 2, "b", "c", "d", "e"]\n{not json\n', "utf-8")
    with pytest.raises(SystemExit, match=r"typo-set-bad\.jsonl:2: not JSON"):
        typo_set.build([saved])


def test_a_slip_inside_emphasised_prose_is_kept_without_the_markers() -> None:
    before = "This is **not** what it's name says, and _that_ matters here."
    after = "This is **not** what its name says, and _that_ matters here."
    slip = typo_set.slip_from_lines(before, after, "repo@1")
    assert slip == (
        "This is not what it's name says, and that matters here.",
        17,
        21,
        "it's",
        "its",
        "This is not what its name says, and that matters here.",
        "repo@1",
    )


def test_an_identifiers_underscore_is_not_emphasis() -> None:
    before = "Set my_var so that it's value is kept in the file."
    after = "Set my_var so that its value is kept in the file."
    assert typo_set.slip_from_lines(before, after, "repo@1") is None
