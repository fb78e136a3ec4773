"""The facts knowledge pack, loaded and indexed once per process.

``load(settings)`` reads the built-in files in ``rules/facts/knowledge/``, the user's files
listed in ``[tool.copydesk.facts] knowledge = [...]`` (paths relative to the config file's
folder) and the GeoNames place names, and returns a ``Knowledge`` index. Loading is memoised
on the files' paths, sizes and modification times.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from linter.errors import ConfigError
from linter.packs.facts.index import Knowledge

if TYPE_CHECKING:  # pragma: no cover
    from linter.settings import Settings

__all__ = ["Knowledge", "builtin_dir", "knowledge_files", "load"]
FACTS_KEYS = ("knowledge", "gazetteer")
T = TypeVar("T")


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
        entities, offices, renamings, as_of = _read_knowledge_file(item)
        knowledge.add(entities, offices, renamings)
        if as_of and (knowledge.as_of is None or as_of < knowledge.as_of):
            knowledge.as_of = as_of
    if gazetteer:
        from linter.packs.facts.gazetteer import SOURCE, place_known, place_tables

        knowledge.add_places(place_tables(), SOURCE, place_known)
    files = [Path(item[0]) for item in stamp]
    knowledge.freeze(_kept(files, "facts-name-tables", knowledge.name_tables))
    return knowledge


def _kept(files: list[Path], name: str, build: Callable[[], T]) -> T:
    """``build()``, kept between runs of the command (``linter.keptdata``) while ``files``
    and the code that reads them are unchanged: the JSON parses, their checksums and the
    name tables cost ~8 ms of a cold run, their marshal copies ~1."""
    from linter import keptdata
    from linter.packs.facts import index, model, name_mentions

    code = [Path(m.__file__ or "") for m in (index, model, name_mentions, keptdata)]
    return keptdata.kept(name, [*files, Path(__file__), *code], build)


def _read_knowledge_file(item: tuple[str, int, int]):
    """One knowledge file, parsed and validated. A built-in file's parsed form ships beside it
    (``parsed/<name>.json``, written by ``write_parsed``) and is used when its checksum is that
    of the file as it stands: YAML parsing of the built-in pack costs about 50 ms, the JSON
    1. Nothing is written at run time (a library call leaves the user's folders alone)."""
    path = Path(item[0])
    shipped = _shipped(path)
    if shipped is not None:
        return shipped
    from linter.packs.facts.schema import read_file  # imports the YAML parser

    return read_file(path)  # errors name the file and line


def _parsed_path(path: Path) -> Path:
    return builtin_dir() / PARSED_FOLDER / f"{path.stem}.json"


def _checksum(path: Path) -> str:
    try:  # the built-in SHA-256: hashlib's first import loads OpenSSL, ~10 ms of a cold run
        from _sha256 import sha256  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - Python 3.12+ names it _sha2
        from hashlib import sha256

    from linter.source import read_text_limited

    return sha256(read_text_limited(path).encode("utf-8")).hexdigest()


def _shipped(path: Path):
    """The shipped parse of a built-in file, or None (not built-in, missing or stale)."""
    from linter.packs.facts.model import from_data

    if path.parent.resolve() != builtin_dir().resolve():
        return None
    sources = [path, _parsed_path(path)]
    found = _kept(sources, f"facts-knowledge-{path.stem}", lambda: _shipped_data(path))
    if found is None:
        return None
    data, as_of = found
    return (*from_data(tuple(data)), dt.date.fromisoformat(as_of) if as_of else None)


def _shipped_data(path: Path) -> tuple[list, str | None] | None:
    """The shipped parse of a built-in file as plain data (its entries, its ``as_of`` date
    in ISO form), or None (missing or stale)."""
    import contextlib
    import json

    with contextlib.suppress(OSError, ValueError, TypeError, KeyError, UnicodeDecodeError):
        raw = _parsed_path(path).read_text("utf-8")
        # origins are stored as ":line" after a mark; give them the file's path in the text,
        # one replace in C rather than a walk over every string of the data
        mark = json.dumps(ORIGIN_MARK)[:-1]  # '"\u0000origin:'
        raw = raw.replace(mark, json.dumps(str(path) + ":")[:-1])
        parsed = json.loads(raw)
        if parsed["sha256"] != _checksum(path):
            return None
        return parsed["data"], parsed["as_of"]
    return None


def write_parsed() -> list[Path]:
    """Write ``parsed/<name>.json`` for every built-in knowledge file (a build step: run it
    after editing a file in ``rules/facts/knowledge``; a stale parse is ignored, not wrong)."""
    import json

    from linter.packs.facts.model import to_data
    from linter.packs.facts.schema import read_file

    written = []
    for path in sorted(builtin_dir().glob("*.yaml")):
        entities, offices, renamings, as_of = read_file(path)
        data = _strip_origin(to_data(entities, offices, renamings), str(path))
        target = _parsed_path(path)
        target.parent.mkdir(exist_ok=True)
        record = {
            "sha256": _checksum(path),
            "as_of": as_of.isoformat() if as_of else None,
            "data": data,
        }
        target.write_text(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
        written.append(target)
    return written


def _strip_origin(data, prefix: str):
    if isinstance(data, (list, tuple)):
        return [_strip_origin(x, prefix) for x in data]
    if isinstance(data, str) and data.startswith(prefix + ":"):
        return ORIGIN_MARK + data[len(prefix) + 1 :]
    return data


PARSED_FOLDER = "parsed"
ORIGIN_MARK = "\u0000origin:"  # no text in a knowledge file starts with a NUL


if __name__ == "__main__":  # python -m linter.packs.facts.knowledge
    for written in write_parsed():
        print(written)
