"""Sorted, non-overlapping half-open intervals with fast point and overlap queries."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


class SpanSet:
    """Merged ``[start, end)`` intervals; queries are O(log n) by bisecting the starts."""

    __slots__ = ("ends", "starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(s for s in spans if s[1] > s[0]):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __iter__(self):
        return iter(zip(self.starts, self.ends, strict=True))

    def __len__(self) -> int:
        return len(self.starts)

    def containing(self, start: int, end: int | None = None) -> tuple[int, int] | None:
        """The interval holding all of ``[start, end)`` (or the point ``start``), if any."""
        end = start + 1 if end is None else end
        i = bisect_right(self.starts, start) - 1
        if i >= 0 and self.ends[i] >= end and self.ends[i] > start:
            return self.starts[i], self.ends[i]
        return None

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start
