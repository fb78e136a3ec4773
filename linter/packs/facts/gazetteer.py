"""Place names (GeoNames data, CC BY 4.0): countries, US states and every city of 15,000
people or more, read from the committed list ``rules/facts/data/places.tsv`` (built by
``linter.packs.facts.build_lists``), which stores each name's lookup key so that a run
computes none. Reading it writes nothing anywhere."""

from __future__ import annotations

from collections.abc import Iterator, Set
from functools import lru_cache
from pathlib import Path

SOURCE = "GeoNames (countries, US states, cities of 15,000+ people), CC BY 4.0"

EMPTY: dict = {"names": {}, "wild": {}, "swaps": {}, "drops": {}}


def data_dir() -> Path:
    from linter.registry import builtin_rules_dir

    return builtin_rules_dir() / "facts" / "data"


def _read(name: str) -> str:
    try:
        return (data_dir() / name).read_text("utf-8")
    except OSError:  # a broken install: the pack runs without places
        return ""


@lru_cache(maxsize=1)
def _targets() -> dict[str, str]:
    """Key -> name of every near-miss target (1,200 lines: read at every start)."""
    targets: dict[str, str] = {}
    for line in _read("place_targets.tsv").splitlines():
        if line and not line.startswith("#"):
            name, _, key = line.partition("\t")
            targets.setdefault(key, name)
    return targets


@lru_cache(maxsize=1)
def place_tables() -> dict:
    """Near-miss tables over the larger places (countries, US states, cities of 100,000+;
    see ``linter.packs.facts.index.tables``): built from the list once per process, and
    kept between runs of the command while the list is unchanged (``linter.keptdata``)."""
    from linter.keptdata import kept

    return kept("place-tables", [data_dir() / "place_targets.tsv"], _place_tables)


def _place_tables() -> dict:
    from linter.packs.facts.index import tables

    targets = _targets()
    if not targets:
        return EMPTY
    wild, swaps, drops = tables(dict.fromkeys(targets, "place"))
    return {"names": targets, "wild": wild, "swaps": swaps, "drops": drops}


@lru_cache(maxsize=1)
def place_known() -> PlaceKeys:
    """Keys of every place name (32,000): loaded only when a finding is about to be made,
    to make sure the name it flags is not a real place."""
    return PlaceKeys(_read("place_keys.txt"))


class PlaceKeys(Set[str]):
    """The sorted keys of ``place_keys.txt`` (built by ``build_lists``), searched in the
    file's text by bisection: hashing 32,000 keys would cost ~40 ms of a cold run for the
    few keys a draft asks about."""

    def __init__(self, text: str) -> None:
        if text and not text.endswith("\n"):
            text += "\n"
        self.text = text
        self.start = 0
        while text.startswith("#", self.start):  # the header's comment lines
            self.start = text.find("\n", self.start) + 1
        self.end = len(text)
        self._all: frozenset[str] | None = None
        self._asked = 0

    LIMIT = 1000  # lookups bisected; a document that asks for more gets the keys hashed

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        if self._all is not None:
            return key in self._all
        self._asked += 1
        if self._asked > self.LIMIT:
            return key in self._keys()
        if not key or "\n" in key:
            return False
        text, lo, hi = self.text, self.start, self.end
        while lo < hi:  # lo and hi are line starts; the key's line is in [lo, hi)
            mid = (lo + hi) // 2
            cut = text.rfind("\n", lo, mid)
            line = lo if cut < 0 else cut + 1
            nl = text.find("\n", line, hi)
            found = text[line:nl]
            if found == key:
                return True
            if found < key:
                lo = nl + 1
            else:
                hi = line
        return False

    def _keys(self) -> frozenset[str]:
        if self._all is None:
            self._all = frozenset(self.text[self.start : self.end].split("\n")) - {""}
        return self._all

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())
