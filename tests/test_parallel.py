"""The process pool: the same findings in the same order as one process, and no pool for
small runs."""

from __future__ import annotations

import os

import pytest

from linter import parallel
from linter.parallel import lint_many, worker_count
from linter.runner import lint_paths
from linter.settings import Settings


def drafts(n: int) -> list[tuple[str, str]]:
    """Texts of different lengths (so workers finish out of order), each with findings."""
    items = []
    for i in range(n):
        body = "A plain sentence. " * (1 + (i * 37) % 50)
        items.append((f"d{i:03}.txt", f"Headline {i}\n\n{body}It was was {i}.\n"))
    return items


def as_tuples(outcomes):
    return [
        ([(f.path, f.rule, f.line, f.column, f.message) for f in fs], es) for fs, es in outcomes
    ]


def test_worker_count_keeps_small_runs_in_process(monkeypatch):
    monkeypatch.setattr(parallel, "available_cores", lambda: 8)
    assert worker_count(None, [10] * 1000) == 1  # too little text
    assert worker_count(None, [100_000] * 3) == 1  # too few files per worker
    assert worker_count(None, [100_000] * 12) == 3
    assert worker_count(None, [100_000] * 100) == 8
    assert worker_count(1, [100_000] * 100) == 1
    assert worker_count(2, [100_000] * 100) == 2
    assert worker_count(0, [100_000] * 100) == 8


@pytest.mark.slow
@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_pool_gives_the_serial_result_in_order(monkeypatch, method):
    if method == "fork" and not hasattr(os, "fork"):
        pytest.skip("no fork here")
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    monkeypatch.setenv("COPYDESK_START_METHOD", method)
    settings = Settings()
    items = drafts(40)
    serial = lint_many(settings, items, jobs=1)
    pooled = lint_many(settings, items, jobs=2)
    assert as_tuples(pooled) == as_tuples(serial)
    assert [fs[0].path for fs, _ in pooled] == [path for path, _ in items]
    assert all(len(fs) == 1 and fs[0].rule == "CORE001" for fs, _ in pooled)


def test_pool_takes_files_as_they_are_read(monkeypatch):
    """A lazy iterable: the pool starts once the text read ahead is enough, takes the rest
    as it is read, and gives every outcome in order; each item is read once."""
    monkeypatch.setattr(parallel, "MIN_CHARS", 500)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    monkeypatch.setenv("COPYDESK_START_METHOD", "fork" if hasattr(os, "fork") else "spawn")
    items = drafts(40)
    asked: list[str] = []

    def lazily():
        for path, text in items:
            asked.append(path)
            yield path, text

    pooled = lint_many(Settings(), lazily(), jobs=2, expected=len(items))
    assert asked == [path for path, _ in items]
    assert as_tuples(pooled) == as_tuples(lint_many(Settings(), items, jobs=1))


def test_no_pool_falls_back_to_one_process_with_every_item(monkeypatch):
    """When no worker can start, the items read ahead and the ones not yet read are all
    linted here, in order."""
    from concurrent import futures

    def no_pool(*args, **kwargs):
        raise OSError("no processes here")

    monkeypatch.setattr(futures, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(parallel, "MIN_CHARS", 500)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    items = drafts(20)
    outcomes = lint_many(Settings(), iter(items), jobs=2, expected=len(items))
    assert [fs[0].path for fs, _ in outcomes] == [path for path, _ in items]
    assert as_tuples(outcomes) == as_tuples(lint_many(Settings(), items, jobs=1))


def test_engine_is_built_once_not_per_file(monkeypatch, tmp_path):
    """With fork, the engine is built once in the parent and inherited by every worker; no
    worker and no file builds another (each build appends a line to a log)."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    from linter import runner

    log = tmp_path / "builds.log"
    real_init = runner.Engine.__init__

    def counted(self, *args, **kwargs):
        with open(log, "a") as handle:
            handle.write(f"{os.getpid()}\n")
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(runner.Engine, "__init__", counted)
    monkeypatch.setattr(runner, "_ENGINES", {})
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    monkeypatch.setenv("COPYDESK_START_METHOD", "fork")
    outcomes = lint_many(Settings(), drafts(30), jobs=2)
    assert len(outcomes) == 30
    assert log.read_text().split() == [str(os.getpid())]


def test_lint_paths_parallel_matches_serial(tmp_path, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    for path, text in drafts(24):
        folder = tmp_path / ("even" if int(path[1:4]) % 2 else "odd")
        folder.mkdir(exist_ok=True)
        (folder / path).write_text(text)
    (tmp_path / "odd" / "broken.txt").write_bytes(b"\xff\xfe\xfd not text\x00")
    monkeypatch.chdir(tmp_path)
    settings = Settings(root=tmp_path)
    one = lint_paths(["."], settings=settings, jobs=1)
    two = lint_paths(["."], settings=settings, jobs=2)
    assert [f.to_json() for f in two.findings] == [f.to_json() for f in one.findings]
    assert two.all_errors == one.all_errors and len(two.all_errors) == 1
    assert [r.path for r in two.files] == sorted(r.path for r in two.files)


def test_a_crashing_document_costs_only_that_file(monkeypatch):
    from linter import formats

    real = formats.build_document

    def fragile(path, text, *args, **kwargs):
        if "explode" in text:
            raise ValueError("parser bug")
        return real(path, text, *args, **kwargs)

    monkeypatch.setattr(formats, "build_document", fragile)
    outcomes = lint_many(
        Settings(), [("a.txt", "explode"), ("b.txt", "Title\n\nHe saw the the ad.\n")], jobs=1
    )
    assert outcomes[0] == ([], ["a.txt: internal error: ValueError: parser bug"])
    assert [f.rule for f in outcomes[1][0]] == ["CORE001"]


def test_cli_jobs_flag(tmp_path, run_json):
    for path, text in drafts(6):
        (tmp_path / path).write_text(text)
    _, serial, _ = run_json("--no-cache", "--jobs", "1", ".", cwd=tmp_path)
    _, pooled, _ = run_json("--no-cache", "-j", "2", ".", cwd=tmp_path)
    assert pooled == serial and serial["summary"]["findings"] == 6


def test_with_fork_the_first_file_is_linted_before_the_workers_start(monkeypatch):
    """What the rules load on first use is loaded once, in the parent, and inherited by
    every forked worker: the first file is linted here, the others in the workers, and
    the progress count still runs from 1 to the total in order."""
    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    real = parallel.lint_source

    def tagged(settings, path, text, *split):
        findings, errors = real(settings, path, text, *split)
        return findings, [*errors, f"pid {os.getpid()}"]

    monkeypatch.setattr(parallel, "lint_source", tagged)
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    monkeypatch.setenv("COPYDESK_START_METHOD", "fork")
    ticks: list[tuple[int, int]] = []
    items = drafts(12)
    outcomes = lint_many(
        Settings(), items, jobs=2, progress=lambda done, total: ticks.append((done, total))
    )
    here = f"pid {os.getpid()}"
    assert [errors[-1] == here for _, errors in outcomes] == [True] + [False] * 11
    assert [fs[0].path for fs, _ in outcomes] == [path for path, _ in items]
    assert [done for done, _ in ticks] == list(range(1, 13)) and ticks[-1] == (12, 12)
