"""Optimal string alignment distance in pure Python, for the few comparisons that should not
import rapidfuzz (a cold run's verbs of attribution, names without rapidfuzz)."""

from __future__ import annotations


def osa_distance(a: str, b: str, limit: int | None = None) -> int:
    """Insertions, deletions, replacements and swaps of neighbours, each one edit, no
    substring edited twice (rapidfuzz's ``OSA.distance``). With ``limit``: ``limit + 1``
    as soon as the distance is certain to exceed it."""
    if a == b:
        return 0
    if limit is not None and abs(len(a) - len(b)) > limit:
        return limit + 1
    n = len(b)
    before: list[int] = []  # the row two back (for swaps)
    row = list(range(n + 1))
    for i, ca in enumerate(a, 1):
        new = [i] + [0] * n
        for j, cb in enumerate(b, 1):
            best = min(row[j] + 1, new[j - 1] + 1, row[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, before[j - 2] + 1)
            new[j] = best
        if limit is not None and min(new) > limit:
            return limit + 1
        before, row = row, new
    return row[n]
