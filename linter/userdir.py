"""The user's own cache folder, apart from the result cache so that a run that only reads
parsed rule files from it (``linter.rulecache``) does not import the cache's hashing and JSON."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """The user's own cache folder for copydesk (``$XDG_CACHE_HOME/copydesk``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(os.path.realpath(base)) / "copydesk"


_keeping = False  # whether this process may keep parses there (the command, not the library)


def keeping() -> bool:
    """Whether parsed rule files and the rule index may be written to the user's cache
    folder: only while the ``copydesk`` command runs. A library call (``lint_text``) reads
    what the command kept but writes nothing, as the README promises."""
    return _keeping


def keep(allowed: bool) -> None:
    global _keeping
    _keeping = allowed


_results = True  # whether this run keeps what it judged (``--no-cache`` turns it off)


def keep_results(allowed: bool) -> None:
    """Set by the command from ``--no-cache``: a run without the result cache keeps no
    other verdicts either (the spelling store), so that it measures and behaves as new."""
    global _results
    _results = allowed


def keeping_results() -> bool:
    return _keeping and _results
