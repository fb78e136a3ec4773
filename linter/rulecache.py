"""The built-in rule files, parsed once per install and kept like bytecode.

A cold run used to import the YAML parser (~20 ms, most of it compiling the parser's own
regexes) and parse every built-in rule file (~10 ms) before linting a word. The parsed form
of each built-in file is kept in one file per rule folder in the user's cache folder, keyed
as Python keys its bytecode: copydesk's and Python's versions name the file, and each entry
holds its rule file's size and modification time, so an edited file is parsed again.

Only the built-in folder (part of the install) is kept here; rule folders of a repository are
parsed on every run. Only the ``copydesk`` command writes the store (a library call uses
it), with ``marshal``, in the user's own cache folder, never in a repository. It holds plain
data, which marshal reads back in C, and the lines of each rule and its keys for errors;
anything unreadable, of the wrong shape or from another version is a miss, and a folder that
cannot be written only costs the parse.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import Any

from linter import __version__
from linter.linedict import LineDict
from linter.userdir import keeping, user_cache_dir

MISS = object()
FORMAT = 2  # bump when the stored shape changes
KEEP_DAYS = 30  # another store not written for this long is dropped when one is written


def _plain(value: Any) -> Any:
    """``value`` as plain data marshal reads back in C (mappings as dicts); ``ValueError``
    for anything else (a YAML date, say): that file is then parsed on every run."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float)):
        return value
    raise ValueError(f"not kept: {type(value).__name__}")


def _encode(data: Any) -> tuple[Any, Any]:
    """The file's data as plain data, and the lines of its rules: a rule (a mapping at the
    top, or in the top list) keeps its line and its keys' lines, for errors that name them;
    nothing below reads the lines of a nested mapping."""
    lines = [_lines_of(item) for item in data] if isinstance(data, list) else _lines_of(data)
    return _plain(data), lines


def _lines_of(item: Any) -> tuple[int, dict[str, int]] | None:
    if isinstance(item, LineDict):
        return item.line, dict(getattr(item, "key_lines", {}))
    return None


def _decode(kept: tuple[Any, Any]) -> Any:
    data, lines = kept
    if isinstance(data, list):
        return [_with_lines(item, line) for item, line in zip(data, lines, strict=True)]
    return _with_lines(data, lines)


def _with_lines(item: Any, lines: tuple[int, dict[str, int]] | None) -> Any:
    if lines is None:
        return item
    mapping = LineDict(item)
    mapping.line, mapping.key_lines = lines
    return mapping


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class ParseCache:
    """Parsed rule files of one folder: ``get`` before parsing, ``put`` after, ``save``."""

    def __init__(self, store: Path, folder: str, entries: dict[str, tuple]) -> None:
        self.store = store
        self.folder = folder
        self.entries = entries
        self.changed = False

    @classmethod
    def open(cls, folder: Path) -> ParseCache:
        tag = f"{zlib.crc32(str(folder).encode('utf-8', 'surrogatepass')):08x}"
        name = f"parsed-rules-{FORMAT}-{__version__}-{sys.implementation.cache_tag}-{tag}.marshal"
        store = user_cache_dir() / name
        entries: dict[str, tuple] = {}
        try:
            with open(store, "rb") as handle:  # loads of the bytes: ``load`` of a file
                loaded = marshal.loads(handle.read())  # reads it object by object, 10x slower
            if isinstance(loaded, dict) and loaded.get("folder") == str(folder):
                entries = loaded["files"]
        except Exception:  # missing, unreadable or not ours: parse, as without a cache
            entries = {}
        return cls(store, str(folder), entries)

    def get(self, path: Path) -> Any:
        """The parsed data of ``path`` as it stands, or ``MISS``."""
        entry = self.entries.get(str(path))
        if not isinstance(entry, tuple) or len(entry) != 2 or entry[0] != _stamp(path):
            return MISS
        try:
            return _decode(entry[1])
        except Exception:
            return MISS

    def put(self, path: Path, data: Any) -> None:
        stamp = _stamp(path)
        if stamp is None:
            return
        try:
            self.entries[str(path)] = (stamp, _encode(data))
        except ValueError:
            return
        self.changed = True

    def save(self) -> None:
        """Write the store if something was parsed and this is the command's process (a
        library call writes nothing); a write that fails is no error."""
        if not self.changed or not keeping():
            return
        folder = str(self.store.parent)
        temp = f"{self.store}.{os.getpid()}.tmp"
        try:
            os.makedirs(folder, exist_ok=True)
            with open(temp, "wb") as handle:
                marshal.dump({"folder": self.folder, "files": self.entries}, handle)
            os.replace(temp, self.store)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self.changed = False
        prune(self.store, "parsed-rules-")


def prune(keep: Path, prefix: str) -> None:
    """Drop other stores named ``prefix...`` not written for ``KEEP_DAYS`` (checkouts and
    versions come and go; a store still in use is written again after a prune, at the cost
    of one parse)."""
    import time

    cutoff = time.time() - KEEP_DAYS * 86400
    with contextlib.suppress(OSError):
        for entry in os.scandir(keep.parent):
            if entry.name.startswith(prefix) and entry.path != str(keep):
                with contextlib.suppress(OSError):
                    if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < cutoff:
                        os.unlink(entry.path)
