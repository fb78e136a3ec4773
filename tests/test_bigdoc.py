"""One big document's rules shared among processes (linter/bigdoc.py): the same findings,
in the same order, with the same errors, JSON and exit code as one process; small documents,
``-j 1`` and library calls take the one-process path; a run mixing small files with a big
one gives the big one every core once the pool is done."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from linter import bigdoc, parallel
from linter.parallel import lint_many
from linter.runner import engine_for, lint_text
from linter.settings import Settings

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="sharing needs fork")

ROOT = Path(__file__).resolve().parent.parent

NAMES = ("Barack Obama", "Barak Obama", "Nancy Pelosi", "Nancy Pelosy", "Angela Merkel",
         "Angela Merkle", "Joe Biden", "Vladimir Putin", "Emmanuel Macron", "Emanuel Macron")  # fmt: skip
TITLES = ("President Obama", "Prime Minister Theresa May", "Chancellor Merkel",
          "Senator Kamala Harris", "Secretary of State John Kerry", "President Trump")  # fmt: skip
SENTENCES = (
    "{name} said on Monday, March 3, 2019, that the the plan would recieve {n} votes.",
    "\u201cWe will not loose this fight,\u201d {title} told reporters in {place}.",
    '"Their is no doubt its a good deal," said {name}, who visited {place} on {date}.',
    "The company, which were founded in {year}, reported {n} percent more sales.",
    "Officials says the effect of the new rule will be definately felt by {n} people.",
    "{title} met {name} in {place} on {date}; they discussed the budget for {year}.",
    "He could of gone to {place}, but he choose to stay and and wait for {name}.",
    "Teh report, released on {date}, found {n} cases in {place} alone.",
    "In {year}, {name} became the first woman to lead the the committee.",
    "The mayor of {place} said she would adress the issue on {date}.",
)
PLACES = ("Paris", "Berlin", "Washington", "London", "Moscow", "Kyiv", "Ottawa", "Canberra")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "October")


def big_text(chars: int, seed: int = 7) -> str:
    """A news-like text of at least ``chars`` characters: a dateline, names (some
    misspelled), titles, dates, figures, quotations, repeated words, confusables and
    misspellings, in paragraphs of a few sentences, each paragraph different."""
    rng = random.Random(seed)
    parts = ["Leaders meet in Paris\n\nPARIS, June 4, 2019 \u2014 The summit opened today.\n"]
    size = len(parts[0])
    k = 0
    while size < chars:
        k += 1
        sentences = []
        for _ in range(rng.randint(2, 5)):
            sentences.append(
                rng.choice(SENTENCES).format(
                    name=rng.choice(NAMES),
                    title=rng.choice(TITLES),
                    place=rng.choice(PLACES),
                    n=rng.randint(2, 99_999),
                    year=rng.randint(1950, 2030),
                    date=f"{rng.choice(MONTHS)} {rng.randint(1, 31)}, {rng.randint(2001, 2025)}",
                )
            )
        paragraph = f"\n{' '.join(sentences)} (Item {k}.)\n"
        parts.append(paragraph)
        size += len(paragraph)
    return "".join(parts)


def outcome_json(outcomes):
    return [([f.to_json() for f in fs], es) for fs, es in outcomes]


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(parallel, "available_cores", lambda: 2)
    monkeypatch.setenv("COPYDESK_START_METHOD", "fork")


def test_shares_are_whole_packs_and_every_rule_once():
    engine = engine_for(Settings())
    for wanted in (2, 3, 8):
        for spelling_here in (False, True):
            parts = bigdoc.shares(engine, wanted, spelling_here)
            assert 2 <= len(parts) <= wanted
            indices = sorted(i for part in parts for i in part)
            assert indices == list(range(len(engine.rules)))
            packs = [{engine.rules[i].pack for i in part} for part in parts]
            for a in range(len(packs)):
                for b in range(a + 1, len(packs)):
                    assert not packs[a] & packs[b]  # no pack split between processes
            if spelling_here:
                assert "spelling" in packs[0]
    assert bigdoc.shares(engine, 1) == [frozenset(range(len(engine.rules)))]


def test_big_document_shared_gives_the_one_process_findings(two_cores):
    text = big_text(bigdoc.SPLIT_AT + 50_000)
    items = [("big.txt", text)]
    one = lint_many(Settings(), items, jobs=1)
    bigdoc.CHILD_PEAKS.clear()
    shared = lint_many(Settings(), items, jobs=2)
    assert bigdoc.CHILD_PEAKS, "the document's rules were not shared"
    assert outcome_json(shared) == outcome_json(one)
    rules = {f.rule for f in one[0][0]}
    # findings of every pack, from both processes
    assert {r[:4] for r in rules} >= {"CORE", "FACT", "GRAM", "SPEL"}, rules


def test_threshold_small_documents_and_jobs_1_stay_in_one_process(two_cores, monkeypatch):
    """Below ``SPLIT_AT`` characters, with ``-j 1`` and through ``lint_text`` no process
    is forked; at ``SPLIT_AT`` one is, with the same findings."""
    forks: list[int] = []
    real = bigdoc.lint_shared

    def spy(engine, doc, hits, wanted):
        parts = real(engine, doc, hits, wanted)
        forks.append(parts is not None)
        return parts

    monkeypatch.setattr(bigdoc, "lint_shared", spy)
    monkeypatch.setattr(bigdoc, "SPLIT_AT", 30_000)
    text = big_text(40_000)
    cut = text.rfind("\n", 0, 30_000)
    small, exact = text[:cut], text[: cut + 1] + "x" * (30_000 - cut - 1)
    assert len(small) < 30_000 == len(exact)
    one = lint_many(Settings(), [("s.txt", small)], jobs=2)
    assert forks == [False]
    lint_many(Settings(), [("s.txt", exact)], jobs=1)
    lint_text(exact)
    assert forks == [False]  # -j 1 and the library do not even ask
    shared = lint_many(Settings(), [("s.txt", exact)], jobs=2)
    assert forks == [False, True]
    assert outcome_json(shared) == outcome_json(lint_many(Settings(), [("s.txt", exact)], jobs=1))
    assert outcome_json(one) == outcome_json(lint_many(Settings(), [("s.txt", small)], jobs=1))


def test_a_child_that_dies_costs_nothing(two_cores, monkeypatch):
    """When a child ends without sending its share, this process lints that share."""
    monkeypatch.setattr(bigdoc, "SPLIT_AT", 30_000)
    monkeypatch.setattr(bigdoc, "_child", lambda *args: os._exit(3))
    items = [("big.txt", big_text(40_000))]
    bigdoc.CHILD_PEAKS.clear()
    shared = lint_many(Settings(), items, jobs=2)
    assert not bigdoc.CHILD_PEAKS  # nothing came back
    assert outcome_json(shared) == outcome_json(lint_many(Settings(), items, jobs=1))


def test_small_files_and_a_big_one_all_cores_and_in_order(two_cores, monkeypatch):
    """In a pooled run the big document is kept back from the pool and linted shared once
    the pool is done; every outcome stays in its place."""
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    monkeypatch.setattr(bigdoc, "SPLIT_AT", 30_000)
    items = [(f"d{i}.txt", big_text(800, seed=i)) for i in range(12)]
    items.insert(5, ("big.txt", big_text(40_000, seed=99)))
    items.insert(9, ("big2.txt", big_text(35_000, seed=98)))
    done: list[tuple[int, int]] = []
    bigdoc.CHILD_PEAKS.clear()
    pooled = lint_many(Settings(), items, jobs=2, progress=lambda d, t: done.append((d, t)))
    assert bigdoc.CHILD_PEAKS  # the big ones were shared, in this process
    assert outcome_json(pooled) == outcome_json(lint_many(Settings(), items, jobs=1))
    assert [d for d, _ in done] == list(range(1, len(items) + 1))


@pytest.mark.slow
def test_cli_multi_megabyte_json_and_exit_code_as_one_process(tmp_path):
    """The command on a 2 MB draft: byte-identical JSON and the same exit code with its
    rules shared (every core) and in one process (``-j 1``)."""
    draft = tmp_path / "big.txt"
    draft.write_text(big_text(2_000_000), "utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COPYDESK_START_METHOD": "fork"}

    def check(*jobs: str) -> subprocess.CompletedProcess:
        command = [sys.executable, "-m", "linter", "check", "--no-cache", "--format", "json"]
        return subprocess.run(
            [*command, *jobs, str(draft)], cwd=tmp_path, env=env, capture_output=True
        )

    one, shared = check("-j", "1"), check("-j", "2")
    assert one.returncode == shared.returncode == 1
    assert one.stdout == shared.stdout
    assert one.stderr == shared.stderr
    assert one.stdout.count(b'"rule"') > 1000
