"""Verdicts on unknown words kept across runs of the command (``spelling.verdicts``)."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path

from linter.packs.spelling.suggest import Suggestion, Verdict

ROOT = Path(__file__).resolve().parent.parent
DRAFT = "The storm hit on the annivresary of the flood.\nDozens of podcasterz attended.\n"


def _run(tmp_path: Path, *flags: str, text: str = DRAFT) -> tuple[list, str]:
    draft = tmp_path / "draft.txt"
    draft.write_text(text, "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--format", "json", *flags, str(draft)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
    )
    found = [
        (f["rule"], f["line"], f["column"], tuple(f.get("suggestions", ())))
        for f in json.loads(proc.stdout)["findings"]
    ]
    return found, proc.stderr


def _stores(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache" / "copydesk").glob("spelling-verdicts-*.marshal"))


def test_the_command_keeps_verdicts_and_reads_them_in_the_next_run(tmp_path):
    first, err = _run(tmp_path)
    assert [f[:3] for f in first] == [("SPELL001", 1, 22), ("SPELL004", 2, 11)], err
    (store,) = _stores(tmp_path)
    data = marshal.loads(store.read_bytes())
    assert {"annivresary", "podcasterz"} <= set(data["words"])
    assert data["words"]["annivresary"][0][0][0] == "anniversary"
    # the next run (of a changed draft: the result cache misses) takes the kept verdict
    data["words"]["podcasterz"] = ((("kept", 2, 3.0),), False, False)
    store.write_bytes(marshal.dumps(data))
    again, _ = _run(tmp_path, text=DRAFT + "\nThe end.\n")
    assert again == [first[0], ("SPELL004", 2, 11, ("kept",))]


def test_a_broken_store_is_a_miss_and_is_written_again(tmp_path):
    first, _ = _run(tmp_path)
    (store,) = _stores(tmp_path)
    store.write_bytes(b"\x00not marshal")
    again, err = _run(tmp_path, text=DRAFT + "\nThe end.\n")
    assert again == first and "Traceback" not in err
    assert "annivresary" in marshal.loads(store.read_bytes())["words"]


def test_no_store_without_the_cache(tmp_path):
    found, _ = _run(tmp_path, "--no-cache")
    assert ("SPELL001", 1, 22, ("anniversary",)) in found
    assert _stores(tmp_path) == []


def test_a_stored_verdict_is_read_back_and_a_stale_or_odd_one_is_not(tmp_path):
    from linter.packs.spelling.verdicts import VerdictStore, _stamps

    verdict = Verdict((Suggestion("anniversary", 1, 4.2), Suggestion("a", 2, 7.0)), True, True)
    store = VerdictStore("en-US", tmp_path)
    assert store.get("annivresary") is None
    store.put("annivresary", verdict)
    store.put("odd", Verdict((), False, False))
    store.save()
    assert VerdictStore("en-US", tmp_path).get("annivresary") == verdict
    assert VerdictStore("en-GB", tmp_path).get("annivresary") is None  # another file
    data = marshal.loads(store.path.read_bytes())
    data["words"]["odd"] = (((1, "x", 2.0),), True, False)  # not a verdict's shape
    store.path.write_bytes(marshal.dumps(data))
    assert VerdictStore("en-US", tmp_path).get("odd") is None
    data["stamps"] = [*_stamps("en-US")[:-1], (0, 0)]  # the judging code changed
    store.path.write_bytes(marshal.dumps(data))
    assert VerdictStore("en-US", tmp_path).get("annivresary") is None


def test_a_library_call_keeps_nothing(tmp_path, monkeypatch):
    from linter import userdir
    from linter.packs.spelling import verdicts
    from linter.runner import lint_text

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(userdir, "_keeping", False)  # as in a program's process
    found = lint_text(DRAFT, path="draft.txt", select=["SPELL"])
    assert any(f.rule == "SPELL001" for f in found)
    assert verdicts.store("en-US") is None
    assert _stores(tmp_path) == []


def test_the_workers_of_a_parallel_run_keep_their_verdicts(tmp_path):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    typos = ["annivresary", "podcasterz", "hastag", "blizzerd", "goverrnor", "harbur"]
    filler = "The council met on Friday and the mayor said the plan would pass. " * 300
    for i, typo in enumerate(typos * 2):  # 240,000 characters: a pool of two workers
        (drafts / f"d{i:02}.txt").write_text(f"The {typo} was noted.\n\n{filler}\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    subprocess.run(
        [sys.executable, "-m", "linter", "check", "--jobs", "2", str(drafts)],
        capture_output=True,
        cwd=tmp_path,
        env=env,
    )
    (store,) = _stores(tmp_path)
    assert set(typos) <= set(marshal.loads(store.read_bytes())["words"])
