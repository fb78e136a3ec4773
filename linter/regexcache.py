"""Rule files' patterns compiled by the ``regex`` module, kept between runs of the command.

A pattern rule's regex runs under a time limit, which only the ``regex`` module offers; but
importing it costs ~20 ms of a cold run (its Python half builds Unicode property tables at
import), and compiling a pattern ~3 ms more, all of it to produce the arguments its C half,
``regex._regex``, is then called with (the flags, a list of ints, the group names). Those are
plain data: the first run keeps them in the user's cache folder (``marshal``); later runs load
the C extension alone and hand them to its ``compile`` again. The pattern object is the one
``regex.compile`` returns, searched by the same C code; the Python half is imported only when
a pattern is not kept (or by the C half itself, for a replacement template).

The store is named by Python's version and keyed by the C extension's path, size and time,
so an upgraded ``regex`` compiles afresh; each entry by the pattern's text and flags. Only the
command writes it (``save``, from ``linter.cli``); a library call reads what it kept.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import threading
from typing import Any

from linter import keptfile
from linter.codecapture import Capture, plain

FORMAT = 2
PREFIX = "regex-code-"
LIMIT = 4000  # entries kept; past it, only those this run used are written

_state: dict[str, Any] = {}  # "store", "so", "entries", "used", "changed", "module"
_lock = threading.Lock()


def _extension() -> str | None:
    """The path of ``regex._regex`` (found without importing ``regex``), or None."""
    loaded = sys.modules.get("regex._regex")
    if loaded is not None:
        return getattr(loaded, "__file__", None)
    from importlib.machinery import EXTENSION_SUFFIXES

    for folder in sys.path:
        base = os.path.join(folder or ".", "regex")
        if not os.path.isfile(os.path.join(base, "__init__.py")):
            continue
        for suffix in EXTENSION_SUFFIXES:
            path = os.path.join(base, "_regex" + suffix)
            if os.path.isfile(path):
                return path
        return None  # the first ``regex`` on the path is the one ``import regex`` finds
    return None


def _open() -> dict[str, Any]:
    """The store's entries (read once per process) and what they were kept for."""
    if _state:
        return _state
    from linter.userdir import user_cache_dir

    so = _extension()
    entries: dict = {}
    stamp = None
    if so is not None:
        with contextlib.suppress(OSError):
            st = os.stat(so)
            stamp = (so, st.st_size, st.st_mtime_ns)
    store = user_cache_dir() / f"{PREFIX}{FORMAT}-{sys.implementation.cache_tag}.marshal"
    if stamp is not None:
        kept = keptfile.load(store)  # None: missing, damaged or unreadable; compile
        if type(kept) is tuple and len(kept) == 2 and kept[0] == stamp:
            entries = kept[1]
    _state.update(store=store, stamp=stamp, entries=entries, used=set(), changed=False)
    return _state


def _c_module() -> Any:
    """``regex._regex``, loaded on its own when ``regex`` is not imported yet."""
    module = sys.modules.get("regex._regex") or _state.get("module")
    if module is None:
        from importlib.machinery import ExtensionFileLoader
        from importlib.util import module_from_spec, spec_from_file_location

        so = _state["stamp"][0]
        loader = ExtensionFileLoader("regex._regex", so)
        spec = spec_from_file_location("regex._regex", so, loader=loader)
        assert spec is not None
        module = module_from_spec(spec)
        loader.exec_module(module)
        _state["module"] = module
    return module


def kept(pattern: str, ignorecase: bool) -> Any:
    """The compiled pattern from the store, or None (not kept: ``compile_new`` it)."""
    state = _open()
    args = state["entries"].get((pattern, ignorecase))
    if type(args) is not tuple:
        return None
    try:
        made = _c_module().compile(pattern, *args)
    except Exception:  # a code the extension refuses: compiled afresh by the caller
        return None
    state["used"].add((pattern, ignorecase))
    return made


def compile_new(pattern: str, ignorecase: bool) -> Any:
    """``regex.compile(pattern, V0 | IGNORECASE?)``, its arguments to the C half kept for
    the store; ``regex.error`` as ``regex.compile`` raises it."""
    import importlib

    import regex

    state = _open()
    main: Any = importlib.import_module("regex._main")  # where ``_regex.compile`` is called
    if not isinstance(main._regex, Capture):
        main._regex = Capture(main._regex)
    capture: Capture = main._regex
    flags = regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    capture.take()
    made = regex.compile(pattern, flags, cache_pattern=False)  # compiled: its arguments seen
    args = capture.take()
    if args and args[0] is pattern and state["stamp"] is not None:
        with contextlib.suppress(ValueError, TypeError):
            kept = tuple(plain(a) for a in args[1:])
            marshal.dumps(kept)  # plain data only
            with _lock:
                state["entries"][(pattern, ignorecase)] = kept
                state["used"].add((pattern, ignorecase))
                state["changed"] = True
    return made


def save() -> None:
    """Write the store when this run compiled a pattern it did not hold (the command only);
    a write that fails is no error."""
    if not _state.get("changed"):
        return
    entries: dict = _state["entries"]
    if len(entries) > LIMIT:
        entries = {k: v for k, v in entries.items() if k in _state["used"]}
    store = _state["store"]
    keptfile.save(store, (_state["stamp"], entries))
    _state["changed"] = False


def reset() -> None:
    """Forget the store read in this process (tests)."""
    _state.clear()
