"""Whether an installed distribution may declare a copydesk pack, remembered between runs.

Reading every ``entry_points.txt`` on ``sys.path`` (170 distributions here) took ~4 ms of
each cold run, to learn what was true last time. The answer is kept in the user's cache
folder with what it was read from: the modification time of each ``sys.path`` folder
(installing or removing a distribution changes it), of each distribution's folder (an
``entry_points.txt`` added to it) and the size and time of each ``entry_points.txt`` (one
rewritten in place, as ``setup.py develop`` does). Checking those costs ``stat`` calls that
succeed, a fraction of the reads. Anything missing, unreadable or of another shape is a
miss; only the ``copydesk`` command writes the file (``linter.userdir.keeping``).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from pathlib import Path

from linter.userdir import keeping, user_cache_dir

FORMAT = 1
PREFIX = f"entry-scan-{FORMAT}-"
MARK = b"copydesk."  # what an entry_points.txt naming a copydesk group holds

Stamp = list[tuple[str, int, int]]  # (path, size, mtime_ns); size FOLDER or ABSENT
FOLDER = -1
ABSENT = -2  # a folder on ``sys.path`` that did not exist


def may_declare_packs(path: tuple[str, ...]) -> bool:
    """True when some distribution on ``path`` has an entry_points.txt mentioning
    copydesk (its groups ``copydesk.packs``/``copydesk.rules``)."""
    store = store_for(path)
    kept = _read(store)
    if kept is not None and kept[0] == list(path) and _still(kept[1]):
        return kept[2]
    stamp, answer = _scan(path)
    if keeping():
        _write(store, [list(path), stamp, answer])
    return answer


def store_for(path: tuple[str, ...]) -> str:
    """One store per ``sys.path`` (``python -m`` puts the current folder first): runs
    from different folders do not overwrite each other's scan."""
    tag = zlib.crc32("\0".join(path).encode("utf-8", "surrogatepass"))
    return str(user_cache_dir() / f"{PREFIX}{tag:08x}.marshal")


def _read(store: str) -> tuple[list[str], Stamp, bool] | None:
    try:
        with open(store, "rb") as handle:
            data = marshal.loads(handle.read())
        folders, stamp, answer = data
        if not (
            type(folders) is list
            and all(type(f) is str for f in folders)
            and type(stamp) is list
            and all(
                type(s) is tuple and len(s) == 3 and type(s[0]) is str and type(s[2]) is int
                for s in stamp
            )
            and type(answer) is bool
        ):
            return None
        return folders, stamp, answer
    except Exception:  # missing, unreadable, or not ours: scan
        return None


def _still(stamp: Stamp) -> bool:
    """Every file and folder of ``stamp`` is as it was."""
    for name, size, mtime in stamp:
        try:
            st = os.stat(name)
        except OSError:
            if size == ABSENT:
                continue
            return False
        if size == ABSENT or st.st_mtime_ns != mtime or (size >= 0 and st.st_size != size):
            return False
    return True


def _scan(path: tuple[str, ...]) -> tuple[Stamp, bool]:
    stamp: Stamp = []
    answer = False
    for folder in path:
        name = folder or "."
        try:
            stamp.append((name, FOLDER, os.stat(name).st_mtime_ns))
            entries = os.scandir(name)
        except OSError:
            stamp.append((name, ABSENT, 0))
            continue
        with entries:
            for entry in entries:
                if not entry.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    stamp.append((entry.path, FOLDER, entry.stat().st_mtime_ns))
                    points = os.path.join(entry.path, "entry_points.txt")
                    with open(points, "rb") as handle:
                        text = handle.read()
                        st = os.fstat(handle.fileno())
                except OSError:
                    continue
                stamp.append((points, st.st_size, st.st_mtime_ns))
                answer = answer or MARK in text
    return stamp, answer


def _write(store: str, data: list) -> None:
    temp = f"{store}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(store), exist_ok=True)
        with open(temp, "wb") as handle:
            marshal.dump(data, handle)
        os.replace(temp, store)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)
    from linter.rulecache import prune

    prune(Path(store), PREFIX)
