"""Tables built from shipped data files, kept between runs of the command, as Python keeps
bytecode.

Some tables are built at every start from a shipped file (the tagger's tag-pair counts, the
near-miss tables of the place names): a few milliseconds each of a cold run, to rebuild what
the last run built. ``kept(name, sources, build)`` returns what ``build()`` returns, read back
with ``marshal`` (in C) from the user's cache folder when every source file still has the
size and modification time it had when the table was built. Only plain data (dicts, lists,
tuples, strings, numbers) can be kept; only the ``copydesk`` command writes
(``linter.userdir.keeping``), and anything missing, unreadable or of another shape is built.
"""

from __future__ import annotations

import os
import sys
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from linter import keptfile
from linter.userdir import keeping, user_cache_dir

T = TypeVar("T")
FORMAT = 2  # bump when the stored shape changes


def _stamp(sources: Sequence[Path]) -> list[tuple[str, int, int]] | None:
    found = []
    for path in sources:
        try:
            st = os.stat(path)
        except OSError:
            return None
        found.append((os.path.realpath(path), st.st_size, st.st_mtime_ns))
    return found


def store_for(name: str, stamp: list[tuple[str, int, int]]) -> Path:
    tag = zlib.crc32(repr(stamp).encode("utf-8", "surrogatepass"))
    return user_cache_dir() / f"{name}-{FORMAT}-{sys.implementation.cache_tag}-{tag:08x}.marshal"


def kept(name: str, sources: Sequence[Path], build: Callable[[], T]) -> T:
    """``build()``, or what it returned when ``sources`` were as they are now."""
    stamp = _stamp(sources)
    if stamp is None:
        return build()
    store = store_for(name, stamp)
    found = keptfile.load(store)  # None: missing, damaged or unreadable; built below
    if type(found) is tuple and len(found) == 2 and found[0] == stamp:
        return found[1]
    data = build()
    if keeping():
        _write(store, stamp, data, name)
    return data


def _write(store: Path, stamp: list, data: Any, name: str) -> None:
    if not keptfile.save(store, (stamp, data)):  # not plain data, or the write failed
        return
    from linter.rulecache import prune

    prune(store, f"{name}-")  # the same table of other checkouts, unused for a month
