"""Verdicts on unknown words kept across runs, in the user's cache folder.

Why: a newsroom's drafts repeat their names and their typos run after run, and judging an
unknown word (its one-edit neighbours, a two-edit scan, the lexicon hashed to answer them)
is the costliest step of the spelling rules on first sight. A verdict depends only on the
word, the word lists and the code that judges it, so it is kept, like rule parses
(``linter.rulecache``), in one ``marshal`` file per dialect in the user's cache folder, never
in a repository. The file names the word lists' and the judging modules' sizes and
modification times: anything else, or any entry of the wrong shape, is a miss.

Only the ``copydesk`` command reads and writes the store (``linter.userdir.keeping``), and
not with ``--no-cache``: a library call judges afresh and leaves no trace, and benchmarks
through the library measure first sight.
"""

from __future__ import annotations

import atexit
import contextlib
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from linter.packs.spelling.suggest import Suggestion, Verdict

FORMAT = 1  # bump when the stored shape changes
LIMIT = 50_000  # words kept; the newest verdicts win
_enabled: bool | None = None  # None: decided by ``keeping()`` and the command line


def enable(allowed: bool | None) -> None:
    """Turn the store on or off for this process (None: the default, see ``active``)."""
    global _enabled
    _enabled = allowed


def active() -> bool:
    """Whether this process keeps verdicts: the command's, unless told not to cache."""
    if _enabled is not None:
        return _enabled
    from linter.userdir import keeping_results

    return keeping_results()


def _stamps(dialect: str) -> list[Any]:
    """Sizes and modification times of what a verdict depends on (a file gone: None)."""
    from linter.language import lexicon
    from linter.language.lexicon import DIALECTS, data_dir
    from linter.packs.spelling import context, suggest

    folder = data_dir()
    names = [f"{d}.words" for d in DIALECTS] + [f"{d}.freq" for d in DIALECTS]
    names += ["en-common.words", "en-common.freq", "en-modern.words", "en-modern.freq"]
    code = [suggest.__file__, context.__file__, lexicon.__file__]  # the judge, its lexicon
    paths = [folder / n for n in names] + [Path(p) for p in code]
    found: list[Any] = [dialect]
    for path in paths:
        try:
            st = path.stat()
            found.append((st.st_size, st.st_mtime_ns))
        except OSError:
            found.append(None)
    return found


def _encode(verdict: Verdict) -> tuple:
    return (
        tuple((c.word, c.distance, c.zipf) for c in verdict.candidates),
        verdict.confident,
        verdict.safe_fix,
    )


def _decode(entry: Any) -> Verdict | None:
    """The verdict of a stored entry, or None when it is not of the stored shape."""
    try:
        candidates, confident, safe_fix = entry
        found = tuple(Suggestion(w, d, z) for w, d, z in candidates)
        ok = all(
            type(c.word) is str and type(c.distance) is int and type(c.zipf) is float for c in found
        )
    except (TypeError, ValueError):
        return None
    if not ok or type(confident) is not bool or type(safe_fix) is not bool:
        return None
    return Verdict(found, confident, safe_fix)


class VerdictStore:
    """The kept verdicts of one dialect: ``get`` before judging, ``put`` after; written
    once when the process ends, if anything new was judged."""

    def __init__(self, dialect: str, folder: Path | None = None) -> None:
        from linter import __version__
        from linter.userdir import user_cache_dir

        self.dialect = dialect
        name = f"spelling-verdicts-{FORMAT}-{__version__}-{dialect}.marshal"
        self.path = (folder or user_cache_dir()) / name
        self._kept: dict[str, Any] | None = None
        self._new: dict[str, tuple] = {}
        self._registered = False

    def _load(self) -> dict[str, Any]:
        kept: dict[str, Any] = {}
        try:
            with open(self.path, "rb") as handle:
                data = marshal.load(handle)
            if (
                isinstance(data, dict)
                and data.get("stamps") == _stamps(self.dialect)
                and isinstance(data.get("words"), dict)
            ):
                kept = data["words"]
        except Exception:  # missing, unreadable or not ours: judge, as without a store
            kept = {}
        self._kept = kept
        return kept

    def get(self, word: str) -> Verdict | None:
        kept = self._kept if self._kept is not None else self._load()
        entry = kept.get(word)
        return None if entry is None else _decode(entry)

    def put(self, word: str, verdict: Verdict) -> None:
        self._new[word] = _encode(verdict)
        if not self._registered:
            self._registered = True
            # a worker of a parallel run ends without running ``atexit``, but runs the
            # finalizers of ``multiprocessing`` (imported by then, as the pool runs it)
            util = sys.modules.get("multiprocessing.util")
            if util is not None:
                util.Finalize(self, self.save, exitpriority=10)
            else:
                atexit.register(self.save)

    def save(self) -> None:
        """Write the store with the new verdicts (the newest ``LIMIT``), merged with what
        the file holds now (the workers of a parallel run each add theirs); a write that
        fails is no error."""
        if not self._new:
            return
        try:
            os.makedirs(self.path.parent, exist_ok=True)
            with open(f"{self.path}.lock", "a") as lock:
                _lock(lock)  # the workers of a parallel run save one after another
                self._write()
        except OSError:
            pass
        self._new = {}

    def _write(self) -> None:
        kept = self._load()
        words = {w: e for w, e in kept.items() if w not in self._new}
        words.update(self._new)
        if len(words) > LIMIT:
            words = dict(list(words.items())[-LIMIT:])
        temp = f"{self.path}.{os.getpid()}.tmp"
        try:
            with open(temp, "wb") as handle:
                marshal.dump({"stamps": _stamps(self.dialect), "words": words}, handle)
            os.replace(temp, self.path)
        except (OSError, ValueError):
            with contextlib.suppress(OSError):
                os.unlink(temp)
        self._kept = words


def _lock(handle: Any) -> None:
    """Hold the store's lock file until ``handle`` closes (where ``fcntl`` exists)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: saves may then race, a cache miss
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX)


_STORES: dict[str, VerdictStore] = {}


def store(dialect: str) -> VerdictStore | None:
    """The dialect's store when this process keeps verdicts, else None."""
    if not active():
        return None
    found = _STORES.get(dialect)
    if found is None:
        found = _STORES[dialect] = VerdictStore(dialect)
    return found
