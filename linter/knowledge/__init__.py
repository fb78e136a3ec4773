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
from linter.knowledge.index import Knowledge

if TYPE_CHECKING:  # pragma: no cover
    from linter.settings import Settings

__all__ = ["Knowledge", "builtin_dir", "knowledge_files", "load"]
FACTS_KEYS = ("knowledge", "gazetteer")


def builtin_dir() -> Path:
    from linter.packs import builtin_rules_dir

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
            files.extend(sorted([*path.glob("*.yaml"), *path.glob("*.yml")]))
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
    from linter.knowledge.schema import read_file

    knowledge = Knowledge()
    for path, _, _ in stamp:
        entities, offices, renamings, as_of = read_file(Path(path))
        knowledge.add(entities, offices, renamings)
        if as_of and (knowledge.as_of is None or as_of < knowledge.as_of):
            knowledge.as_of = as_of
    if gazetteer:
        from linter.knowledge.gazetteer import SOURCE, place_index

        knowledge.add_places(place_index(), SOURCE)
    knowledge.freeze()
    return knowledge


def today() -> dt.date:
    return dt.date.today()
