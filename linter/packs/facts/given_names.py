"""Given names (the US Census 1990 first-name lists, public domain, as shipped by the
``names`` package, MIT), so that "Mark Smith" and "Mary Smith" read as two people of one
family, not a misspelling, while "Maethew Smith" beside "Matthew Smith" is still a slip.
Read from the committed ``rules/facts/data/given_names.txt`` (built by
``linter.packs.facts.build_lists``) when first needed."""

from __future__ import annotations

import re
from functools import lru_cache

_COMMENT_RE = re.compile(r"^#.*", re.M)


@lru_cache(maxsize=1)
def given_names() -> frozenset[str] | None:
    """Lower-case given names; None when the list is missing (a broken install)."""
    from linter.packs.facts.gazetteer import data_dir

    try:
        text = (data_dir() / "given_names.txt").read_text("utf-8")
    except OSError:
        return None
    # the lines not starting with "#", stripped, but blank ones: in C (a cold run reads it)
    found = frozenset(map(str.strip, _COMMENT_RE.sub("", text).splitlines())) - {""}
    return found or None


def both_given_names(a: str, b: str) -> bool:
    """Both are given names (two people), or, without the lists, both short enough to be."""
    known = given_names()
    if known is None:
        return min(len(a), len(b)) < 7
    return a.lower() in known and b.lower() in known
