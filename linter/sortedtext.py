"""Rows of a sorted data file looked up in the file's text by binary search.

Why: splitting a 20,000-row table into a dict builds 40,000 strings, ~10-30 ms of every
cold run, while a draft asks for a few hundred rows; a bisection over the text's lines costs
a few microseconds a row and nothing to load."""

from __future__ import annotations


def find_row(text: str, lo: int, hi: int, key: str, skip: int = 0) -> str | None:
    """The value of ``key`` among the lines of ``text[lo:hi]``, each ``prefix key<TAB>value``
    with a prefix of ``skip`` characters, sorted by key, ``lo`` a line's start and ``hi`` the
    end of a line break; None when no line has that key."""
    while lo < hi:  # lo and hi are line starts; the key's line is in [lo, hi)
        mid = (lo + hi) // 2
        cut = text.rfind("\n", lo, mid)
        line = lo if cut < 0 else cut + 1
        tab = text.find("\t", line + skip, hi)
        if tab < 0:  # a line without a value: not a row
            return None
        found = text[line + skip : tab]
        if found == key:
            return text[tab + 1 : text.find("\n", tab, hi)]
        if found < key:
            lo = text.find("\n", tab, hi) + 1
        else:
            hi = line
    return None


class SortedRows:
    """key -> value over the lines ``text[start:end]`` (as ``find_row`` reads them). The
    first ``LIMIT`` distinct keys bisect the text, each once (a draft asks for a third of
    its keys again: "the", "said"); a document that asks for more (a long one) gets the
    rows split into a dict once, so that it pays the load and then hashes."""

    LIMIT = 1000

    def __init__(self, text: str, start: int, end: int, skip: int = 0) -> None:
        self.text, self.start, self.end, self.skip = text, start, end, skip
        self._found: dict[str, str | None] = {}  # the keys bisected so far (None: no row)
        self._rows: dict[str, str] | None = None

    def get(self, key: str, default=None):
        rows = self._rows
        if rows is None:
            found = self._found
            if key in found:
                value = found[key]
                return default if value is None else value
            if len(found) < self.LIMIT:
                value = found[key] = find_row(self.text, self.start, self.end, key, self.skip)
                return default if value is None else value
            rows = self._rows = self.split()
            self._found = {}
        return rows.get(key, default)

    def split(self) -> dict[str, str]:
        """Every row, as a dict (the first line with a key wins, as the bisection finds
        one of them; the built tables have unique keys)."""
        rows: dict[str, str] = {}
        for line in self.text[self.start : self.end].split("\n"):
            key, tab, value = line[self.skip :].partition("\t")
            if tab:
                rows.setdefault(key, value)
        return rows
