"""Place names (GeoNames data, CC BY 4.0): countries, US states and every city of 15,000
people or more, read from the committed list ``rules/facts/data/places.tsv`` (built by
``linter.packs.facts.build_lists``), which stores each name's lookup key so that a run
computes none. Reading it writes nothing anywhere."""

from __future__ import annotations

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
    see ``linter.packs.facts.index.tables``): built once per process from the list."""
    from linter.packs.facts.index import tables

    targets = _targets()
    if not targets:
        return EMPTY
    wild, swaps, drops = tables(dict.fromkeys(targets, "place"))
    return {"names": targets, "wild": wild, "swaps": swaps, "drops": drops}


@lru_cache(maxsize=1)
def place_known() -> frozenset[str]:
    """Keys of every place name (32,000): loaded only when a finding is about to be made,
    to make sure the name it flags is not a real place."""
    # Most lines are a name whose key is the name in lower case: one C-level split keys
    # them all; the few lines with a tab (an explicit key) are fixed up afterwards.
    known = set(_read("places.tsv").lower().split("\n"))
    odd = [line for line in known if not line or "\t" in line or line.startswith("#")]
    known.difference_update(odd)
    known.update(line.partition("\t")[2] for line in odd if "\t" in line and line[0] != "#")
    known.update(_targets())
    return frozenset(known)
