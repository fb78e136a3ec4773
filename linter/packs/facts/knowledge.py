"""The facts knowledge pack, loaded and indexed once per process.

``load(settings)`` reads the built-in files in ``rules/facts/knowledge/``, the user's files
listed in ``[tool.copydesk.facts] knowledge = [...]`` (paths relative to the config file's
folder) and the GeoNames place names, and returns a ``Knowledge`` index. Loading is memoised
on the files' paths, sizes and modification times.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from linter.errors import ConfigError
from linter.packs.facts.index import Knowledge

if TYPE_CHECKING:  # pragma: no cover
    from linter.settings import Settings

__all__ = ["Knowledge", "builtin_dir", "knowledge_files", "load"]
FACTS_KEYS = ("knowledge", "gazetteer")


def builtin_dir() -> Path:
    from linter.registry import builtin_rules_dir

    return builtin_rules_dir() / "facts" / "knowledge"


def knowledge_files(settings: Settings) -> tuple[list[Path], bool]:
    """The knowledge files of this run and whether the place gazetteer is on."""
    table = settings.table("facts")
    where = str(settings.config_path) if settings.config_path else "config"
    for key in table:
        if key not in FACTS_KEYS:
            raise ConfigError(f"key 'facts.{key}' is unknown (use {', '.join(FACTS_KEYS)})", where)
    files = sorted(builtin_dir().glob("*.yaml"))
    extra = table.get("knowledge", [])
    if isinstance(extra, str):
        extra = [extra]
    if not isinstance(extra, list) or not all(isinstance(p, str) for p in extra):
        raise ConfigError("key 'facts.knowledge' must be a list of file or folder paths", where)
    for item in extra:
        path = Path(settings.root) / item
        if path.is_dir():
            from linter.trust import within

            found = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
            for file in found:  # issue 17: a link out of the folder is not followed
                if not within(file, path):
                    raise ConfigError(f"facts.knowledge: '{file}' links outside {path}", where)
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise ConfigError(
                f"facts.knowledge: '{item}' not found (relative to {settings.root})", where
            )
    gazetteer = table.get("gazetteer", True)
    if not isinstance(gazetteer, bool):
        raise ConfigError("key 'facts.gazetteer' must be true or false", where)
    return files, gazetteer


def load(settings: Settings) -> Knowledge:
    files, gazetteer = knowledge_files(settings)
    stamp = []
    for path in files:
        try:
            st = path.stat()
        except OSError:
            continue
        stamp.append((str(path), st.st_size, st.st_mtime_ns))
    return _load(tuple(stamp), gazetteer)


@lru_cache(maxsize=4)
def _load(stamp: tuple[tuple[str, int, int], ...], gazetteer: bool) -> Knowledge:
    knowledge = Knowledge()
    for item in stamp:
        entities, offices, renamings, as_of = _read_cached(item)
        knowledge.add(entities, offices, renamings)
        if as_of and (knowledge.as_of is None or as_of < knowledge.as_of):
            knowledge.as_of = as_of
    if gazetteer:
        from linter.packs.facts.gazetteer import SOURCE, place_known, place_tables

        knowledge.add_places(place_tables(), SOURCE, place_known)
    knowledge.freeze()
    return knowledge


def _read_cached(item: tuple[str, int, int]):
    """One knowledge file, parsed and validated once, then kept in the user's cache folder
    (marshal of plain data) under its path, size and modification time: YAML parsing of the
    built-in pack costs 25 ms, reading the cache 1."""
    import contextlib
    import hashlib
    import marshal
    import os
    import tempfile

    from linter.packs.facts.gazetteer import cache_dir
    from linter.packs.facts.model import from_data, to_data

    digest = hashlib.sha1(repr((CACHE_FORMAT, *item)).encode()).hexdigest()[:20]
    path = cache_dir() / f"knowledge-{digest}.marshal"
    with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
        data, as_of = marshal.loads(path.read_bytes())
        return (*from_data(data), dt.date.fromordinal(as_of) if as_of else None)
    from linter.packs.facts.schema import read_file

    entities, offices, renamings, as_of = read_file(Path(item[0]))  # errors are not cached
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        blob = marshal.dumps(
            (to_data(entities, offices, renamings), as_of.toordinal() if as_of else None)
        )
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
        os.replace(tmp, path)
    return entities, offices, renamings, as_of


CACHE_FORMAT = 1
