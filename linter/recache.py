"""Compiled regular expressions kept between runs of the command, as Python keeps bytecode.

A cold check compiles ~120 ``re`` patterns (the packs' module-level ones, the names and
titles built from the facts tables, the tokeniser's): ~55 ms of a ~210 ms run, nearly all
of it ``re``'s parser and code generator, which are written in Python. Their output, the
arguments ``re._compiler`` hands to ``_sre.compile`` (the flags, a list of ints, the group
names), is plain data: the first run keeps it in the user's cache folder (``marshal``) and
later runs hand it to ``_sre.compile`` again, which checks the code as it always does, so a
pattern built this way is the pattern ``re.compile`` makes.

Each entry is kept as its own ``marshal`` bytes, read into lists only when a run compiles
its pattern: a store holds the patterns of every command and version run lately (~500), of
which a check uses ~110; reading all of them into lists of ints cost ~4 ms of every run.

The store is named by Python's version (its build and ``_sre``'s magic number), so a kept
code is only replayed by the interpreter that made it; each entry is keyed by the pattern's
text and flags. Only the command installs the hook (``install``) and writes the store
(``save``); a store that is missing, unreadable or of another shape is a miss, and a code
``_sre`` refuses is compiled again. Python without ``re._compiler`` (3.10) goes on as before.
"""

from __future__ import annotations

import contextlib
import marshal
import re
import sys
import threading
from pathlib import Path
from typing import Any

from linter import keptfile
from linter.codecapture import Capture, plain

FORMAT = 3  # bump when the stored shape changes
PREFIX = "re-code-"
LIMIT = 4000  # entries kept; past it, only those this run used are written
_compiler: Any = getattr(re, "_compiler", None)  # 3.11+: ``sre_compile`` before

_state: dict[str, Any] = {}  # "store", "entries", "used", "changed", "original"
_lock = threading.Lock()


def store_path() -> Path:
    import _sre  # type: ignore[import-not-found]

    from linter.userdir import user_cache_dir

    version = f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
    return user_cache_dir() / f"{PREFIX}{FORMAT}-{version}.marshal"


def install() -> bool:
    """Serve ``re``'s compiles from the store from now on in this process (once)."""
    if _compiler is None or "original" in _state:
        return "original" in _state
    import _sre

    store = store_path()
    entries: dict[tuple[str, int], tuple] = {}
    loaded = keptfile.load(store)  # None: missing, damaged or unreadable; compile all
    if type(loaded) is dict:
        entries = loaded
    original = _compiler.compile
    _state.update(store=store, entries=entries, used=set(), changed=False, original=original)
    capture = Capture(_sre)
    _compiler._sre = capture

    def compile(p: Any, flags: int = 0) -> Any:
        if type(p) is not str or type(flags) is not int or flags & re.DEBUG:
            return original(p, flags)
        key = (p, flags)
        kept = entries.get(key)
        if type(kept) is bytes:  # as the store holds it: read on first use
            with contextlib.suppress(Exception):
                kept = marshal.loads(kept)
        if type(kept) is tuple:
            try:
                made = _sre.compile(p, *kept)
            except Exception:  # not a code this ``_sre`` takes: compiled afresh below
                pass
            else:
                _state["used"].add(key)
                return made
        capture.take()
        made = original(p, flags)
        args = capture.take()
        if args and args[0] is p:
            with contextlib.suppress(ValueError):
                kept = tuple(plain(a) for a in args[1:])
                marshal.dumps(kept)  # plain data only
                with _lock:
                    entries[key] = kept
                    _state["used"].add(key)
                    _state["changed"] = True
        return made

    _compiler.compile = compile
    return True


def uninstall() -> None:
    """Give ``re`` its own compile back (tests)."""
    original = _state.pop("original", None)
    if original is not None:
        import _sre

        _compiler.compile = original
        _compiler._sre = _sre
    _state.clear()


def save() -> None:
    """Write the store when this run compiled a pattern it did not hold; past ``LIMIT``
    entries only those used by this run are kept. A write that fails is no error."""
    if not _state.get("changed"):
        return
    store: Path = _state["store"]
    entries: dict = _state["entries"]
    if len(entries) > LIMIT:
        entries = {k: v for k, v in entries.items() if k in _state["used"]}
    encoded = {k: v if type(v) is bytes else marshal.dumps(v) for k, v in entries.items()}
    keptfile.save(store, encoded)
    _state["changed"] = False
    from linter.rulecache import prune

    prune(store, PREFIX)  # other Python versions' stores, once unused for a month
