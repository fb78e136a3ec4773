"""The user's own cache folder, apart from the result cache so that a run that only reads
parsed rule files from it (``linter.rulecache``) does not import the cache's hashing and JSON."""

from __future__ import annotations

import os
from pathlib import Path


def user_cache_dir() -> Path:
    """The user's own cache folder for copydesk (``$XDG_CACHE_HOME/copydesk``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(os.path.realpath(base)) / "copydesk"
