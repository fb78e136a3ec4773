"""Mapping a backend's matches onto copydesk: offsets, categories and per-document caching.

The document's masked prose has the same length as the source, so a backend offset into the
prose is an offset into the source. LanguageTool counts offsets in UTF-16 code units (Java
strings); Python counts code points, so a character outside the Basic Multilingual Plane
(an emoji) shifts everything after it by one unless converted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from linter.errors import ConfigError
from linter.memo import PerDocument


def utf16_to_index(text: str) -> Callable[[int], int]:
    """A function from a UTF-16 offset into ``text`` to a code-point index."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF] if not text.isascii() else []
    if not astral:
        return lambda offset: offset
    # Each astral character before an index adds one UTF-16 unit; positions in UTF-16 of
    # the astral characters, in order:
    units = [i + k for k, i in enumerate(astral)]

    def convert(offset: int) -> int:
        return offset - bisect_right(units, offset - 1)

    return convert


class BackendRun:
    """Runs a backend once per document and shares its matches among the backend's rules
    (one request to LanguageTool, one Harper pass, however many categories are selected);
    the matches are kept on the document (``linter.memo.PerDocument``)."""

    def __init__(self, run: Callable[[Any], list]) -> None:
        self._matches: PerDocument[list] = PerDocument("backend matches", run)
        self.failed = False  # after one failure the backend is skipped: one message a run

    def __call__(self, doc: Any) -> list:
        if self.failed:
            return []
        try:
            return self._matches.of(doc)
        except Exception:
            self.failed = True
            raise


def check_keys(table: dict[str, Any], name: str, allowed: dict[str, type | tuple]) -> None:
    """One-line ConfigError for an unknown key or a value of the wrong type."""
    for key, value in table.items():
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise ConfigError(f"[tool.copydesk.{name}] key '{key}' is unknown (use {known})")
        kind = allowed[key]
        if kind is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"[tool.copydesk.{name}] key '{key}' must be a list of strings")
        elif kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
                raise ConfigError(f"[tool.copydesk.{name}] key '{key}' must be a positive number")
        elif not isinstance(value, kind):
            wanted = {str: "text", bool: "true or false"}
            raise ConfigError(
                f"[tool.copydesk.{name}] key '{key}' must be "
                + (wanted.get(kind, str(kind)) if isinstance(kind, type) else str(kind))
            )
