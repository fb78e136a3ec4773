"""Tables kept between runs (``linter.keptdata``): read back while their sources are as they
were, built again when one changes, never written by a library call."""

from __future__ import annotations

import os

import pytest

from linter import keptdata
from linter.packs.facts import gazetteer


def test_a_kept_table_is_read_back_until_its_source_changes(tmp_path, cache_home):
    source = tmp_path / "list.tsv"
    source.write_text("a\t1\nb\t2\n")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {k: int(v) for k, v in (x.split("\t") for x in source.read_text().splitlines())}

    assert keptdata.kept("demo", [source], build) == {"a": 1, "b": 2}
    assert keptdata.kept("demo", [source], build) == {"a": 1, "b": 2}
    assert len(builds) == 1
    source.write_text("a\t1\nb\t3\n")
    os.utime(source, ns=(1, 1))
    assert keptdata.kept("demo", [source], build) == {"a": 1, "b": 3}
    assert len(builds) == 2


def test_what_marshal_cannot_hold_is_built_every_time(tmp_path, cache_home):
    source = tmp_path / "list.tsv"
    source.write_text("x\n")
    made = keptdata.kept("odd", [source], lambda: {"when": object})
    assert made == {"when": object} and not list(cache_home.glob("odd-*"))


def test_a_missing_source_or_corrupt_store_is_built(tmp_path, cache_home):
    assert keptdata.kept("none", [tmp_path / "absent"], lambda: [1]) == [1]
    source = tmp_path / "list.tsv"
    source.write_text("x\n")
    stamp = keptdata._stamp([source])
    assert stamp is not None
    store = keptdata.store_for("bad", stamp)
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"\x00garbage")
    assert keptdata.kept("bad", [source], lambda: [2]) == [2]


def test_a_library_call_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    source = tmp_path / "list.tsv"
    source.write_text("x\n")
    assert keptdata.kept("lib", [source], lambda: [3]) == [3]
    assert not (tmp_path / "cache").exists()


def test_kept_place_tables_are_the_built_ones(cache_home, monkeypatch):
    built = gazetteer._place_tables()
    gazetteer.place_tables.cache_clear()
    try:
        assert gazetteer.place_tables() == built  # built, and kept
        assert list(cache_home.glob("place-tables-*.marshal"))
        gazetteer.place_tables.cache_clear()
        monkeypatch.setattr(gazetteer, "_place_tables", lambda: pytest.fail("built again"))
        assert gazetteer.place_tables() == built
    finally:
        gazetteer.place_tables.cache_clear()


def test_split_model_rows_are_kept_for_the_next_long_run(tmp_path, cache_home, monkeypatch):
    """A long run splits the tagger's (or the word pairs') rows into a dict once; the next
    run reads that dict back instead of splitting the text again."""
    from linter.language.tagger import KeptRows
    from linter.sortedtext import SortedRows

    source = tmp_path / "rows.tsv"
    text = "header\na\t1\nb\t2\nc\t3\n"
    source.write_text(text)
    first = KeptRows(text, 7, len(text), 0, "demo-rows", source)
    assert first.split() == {"a": "1", "b": "2", "c": "3"}
    monkeypatch.setattr(SortedRows, "split", lambda self: pytest.fail("split again"))
    again = KeptRows(text, 7, len(text), 0, "demo-rows", source)
    assert again.split() == {"a": "1", "b": "2", "c": "3"}
    again.LIMIT = 0  # past the bisections at once: the kept dict answers
    assert again.get("b") == "2"
    assert again.get("z") is None
