"""Module-level regexes compiled on first use, not at import.

A cold run imports every rule module, and compiling their module-level patterns cost ~50 ms,
nearly half of it for patterns the draft never needed (date and number checks that a
prefilter skips, front-matter forms of a plain-text draft). ``lazy(pattern)`` stands for
``re.compile(pattern)``: the first attribute read compiles it and keeps the compiled
pattern's methods on the object, so later calls cost a plain attribute lookup.
"""

from __future__ import annotations

import re
from typing import Any, cast

# what a compiled pattern offers; copied onto the proxy once it is compiled
_ATTRIBUTES = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "pattern",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """``re.compile(pattern, flags)`` on first use."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        found = self.__dict__.get("_compiled")
        if found is None:
            found = re.compile(*self._source)
            for name in _ATTRIBUTES:
                self.__dict__[name] = getattr(found, name)
            self.__dict__["_compiled"] = found
        return found

    def __getattr__(self, name: str) -> Any:  # only reached before the first compile
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern compiled on first use, used wherever a ``re.Pattern`` is."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
