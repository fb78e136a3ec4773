"""What a document and a run give back: a pack's own analyses go once its last rule has
checked the document, the rest once the findings are made, and the dictionary's words are
hashed before the workers fork so that they share them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from linter import parallel
from linter.formats import build_document
from linter.language.lexicon import Lexicon
from linter.memo import BoundedMemo, PerDocument, release
from linter.rule import Match, Rule
from linter.runner import Engine
from linter.settings import Settings

ROOT = Path(__file__).resolve().parent.parent

_COUNTS: PerDocument[int] = PerDocument("alpha: word count", lambda doc: len(doc.words))
_SHARED: PerDocument[int] = PerDocument("line count", lambda doc: doc.text.count("\n"))


class Counter(Rule):
    """Asks for the alpha pack's analysis and a shared one; reports what it saw."""

    id, pack, message = "ALPHA001", "alpha", "seen"

    def check(self, doc):
        _SHARED.of(doc)
        yield Match(0, 1, f"{_COUNTS.of(doc)} words")


class Looker(Rule):
    """Of another pack, after the alpha rules: reports which analyses are still kept."""

    id, pack, message = "BETA001", "beta", "kept"

    def check(self, doc):
        kept = sorted(getattr(k, "name", "?") for k in doc.analyses)
        yield Match(2, 3, "kept: " + ", ".join(kept))


def test_pack_analyses_go_after_the_packs_last_rule():
    engine = Engine(Settings(), rules=[Counter(), Looker()])
    doc = build_document("a.txt", "One two three.\nFour five.\n")
    findings, errors = engine.lint_document(doc)
    assert errors == []
    messages = {f.rule: f.message for f in findings}
    assert messages["ALPHA001"] == "5 words"
    assert messages["BETA001"] == "kept: line count"  # alpha's own is gone, not the shared one
    assert doc.analyses == {}  # and once the findings are made, everything


def test_release_drops_only_the_packs_keys_and_they_come_back_on_demand():
    doc = build_document("a.txt", "One two three.\n")
    assert _COUNTS.of(doc) == 3 and _SHARED.of(doc) == 1
    release(doc, "beta")
    assert set(doc.analyses) == {_COUNTS, _SHARED}
    release(doc, "alpha")
    assert set(doc.analyses) == {_SHARED}
    assert _COUNTS.of(doc) == 3


def test_document_release_drops_derived_structures_that_come_back_equal():
    doc = build_document("a.txt", "Headline\n\nThe cat sat. It was Sam's hat.\n")
    words, sentences, folded = list(doc.words), list(doc.sentences), doc.folded
    doc.release()
    assert "words" not in doc.__dict__ and "sentences" not in doc.__dict__
    assert list(doc.words) == words and list(doc.sentences) == sentences
    assert doc.folded == folded
    assert doc.position(10) == (3, 1)  # positions still work


def test_every_analysis_is_computed_once_per_document(monkeypatch):
    """With every default rule, no analysis is asked for again after its pack dropped it
    (which would cost its time twice): over the seeds and the markdown fixtures."""
    computed: list[tuple[int, str]] = []
    real = PerDocument.of

    def counted(self, doc):
        if self not in doc.analyses:
            computed.append((id(doc), self.name))
        return real(self, doc)

    monkeypatch.setattr(PerDocument, "of", counted)
    engine = Engine(Settings())
    paths = sorted(ROOT.glob("seeds/*.md")) + sorted(ROOT.glob("seeds/*.txt"))
    assert paths
    docs = []  # kept alive, so that no id is reused
    for path in paths:
        doc = build_document(str(path), path.read_text("utf-8"))
        docs.append(doc)
        engine.lint_document(doc)
    twice = {key for key in computed if computed.count(key) > 1}
    assert computed and not twice


def test_lexicon_memos_are_bounded():
    lexicon = Lexicon("en-US")
    assert isinstance(lexicon._memo, BoundedMemo)
    for i in range(lexicon._memo.limit + 10):
        lexicon.__contains__(f"zq{i}")  # unknown words, each remembered
    assert len(lexicon._memo) <= lexicon._memo.limit


def test_the_dictionary_is_hashed_before_the_workers_fork(monkeypatch):
    if not hasattr(os, "fork"):
        pytest.skip("no fork here")
    from linter.language import lexicon as lexicon_module

    hashed_in: list[int] = []
    real = lexicon_module.Lexicon.lower_words

    def watched(self):
        if self._lower is None:
            hashed_in.append(os.getpid())
        return real(self)

    monkeypatch.setattr(lexicon_module.Lexicon, "lower_words", watched)
    lexicon_module.lexicon.cache_clear()
    monkeypatch.setattr(parallel, "MIN_CHARS", 0)
    monkeypatch.setattr(parallel, "MIN_FILES_PER_WORKER", 1)
    monkeypatch.setenv("COPYDESK_START_METHOD", "fork")
    from linter import runner

    monkeypatch.setattr(runner, "_ENGINES", {})
    items = [(f"d{i}.txt", f"Headline\n\nThe recieved leter {i}.\n") for i in range(8)]
    outcomes = parallel.lint_many(Settings(), items, jobs=2)
    assert len(outcomes) == 8
    assert hashed_in == [os.getpid()]  # here, before the pool started
    lexicon_module.lexicon.cache_clear()
