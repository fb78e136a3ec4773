"""Given names (the US Census 1990 first-name lists shipped by the ``names`` package, MIT),
so that "Mark Smith" and "Mary Smith" read as two people of one family, not a misspelling,
while "Maethew Smith" beside "Matthew Smith" is still a slip. Loaded only when needed."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def given_names() -> frozenset[str] | None:
    """Lower-case given names; None when the ``names`` package is not installed."""
    from importlib.util import find_spec

    spec = find_spec("names")  # found, never imported: its data files are all we read
    if spec is None or not spec.origin:
        return None
    folder = Path(spec.origin).parent
    found: set[str] = set()
    for file in ("dist.male.first", "dist.female.first"):
        try:
            text = (folder / file).read_text("ascii", errors="ignore")
        except OSError:
            return None
        found.update(line.split(" ", 1)[0].lower() for line in text.splitlines() if line)
    return frozenset(found) or None


def both_given_names(a: str, b: str) -> bool:
    """Both are given names (two people), or, without the lists, both short enough to be."""
    known = given_names()
    if known is None:
        return min(len(a), len(b)) < 7
    return a.lower() in known and b.lower() in known
