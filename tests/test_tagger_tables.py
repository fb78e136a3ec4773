"""The tagger's small tables kept parsed between runs: a model loaded from the kept tables
tags as one parsed from the model's text, an edited model is parsed again, and a library
call keeps nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from linter.language import tagger

MODEL = Path(tagger.__file__).parent / "data" / "model.tsv"
WORDS = "The council put there bags on the table and they was late".split()


def _view(t: tagger.Tagger) -> tuple:
    return (
        t.tag(WORDS),
        [t.candidates(w.lower()) for w in WORDS],
        t.log_trans,
        t._log_floor,
        t.tag_totals,
        t.total,
        t.tags,
        [t.candidates(w) for w in ("zorblified", "quantumish")],  # by their endings
    )


def test_kept_tables_tag_as_the_model_text_does(cache_home, monkeypatch):
    parsed = tagger.Tagger.load(MODEL)
    stores = list(cache_home.glob("tagger-derived-*.marshal"))
    assert len(stores) == 1
    monkeypatch.setattr(tagger, "_tables", lambda rest: pytest.fail("parsed again"))
    monkeypatch.setattr(tagger, "_derived", lambda trans: pytest.fail("derived again"))
    kept = tagger.Tagger.load(MODEL)
    assert _view(kept) == _view(parsed)


def test_an_edited_model_is_parsed_again(tmp_path, cache_home):
    model = tmp_path / "model.tsv"
    shutil.copy(MODEL, model)
    tagger.Tagger.load(model)
    text = model.read_text("utf-8").replace("\nt\tDT\tNN\t", "\nt\tDT\tNN\t9", 1)
    model.write_text(text, "utf-8")
    os.utime(model, ns=(1, 1))
    edited = tagger.Tagger.load(model)
    assert edited.log_trans["DT"] != tagger.Tagger.load(MODEL).log_trans["DT"]
    assert edited.log_trans["DT"] == tagger.Tagger(*_fresh(model)).log_trans["DT"]
    assert len(list(cache_home.glob("tagger-derived-*.marshal"))) == 3


def _fresh(model: Path) -> tuple:
    text = model.read_text("utf-8")
    raw = tagger._SortedRows(text)
    suffixes, trans = tagger._tables(text[raw.end :])
    return tagger._LazyTable(raw), tagger._LazyTable(suffixes), trans


def test_a_library_call_keeps_no_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    tagger.Tagger.load(MODEL)
    assert not (tmp_path / "cache").exists()
