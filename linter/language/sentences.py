"""Sentences of the linguistic layer, asked of the whole document or of one place.

There is one sentence splitter: ``linter.text.sentences`` (``Document.sentences``, split once
per document). It cuts at a blank line, at the end of the headline, and after terminal
punctuation (and its closing marks) that ``linter.text.ends_sentence`` accepts before
whitespace and a capital or a digit; spans are trimmed of whitespace.

A rule that looks at a few words per megabyte need not split the whole draft: the functions
here answer "where is this word's sentence?" or "does a sentence start here?" from the
characters next to that place, with the splitter's own tests (``SENTENCE_END_RE``,
``ends_sentence``, ``sentence_cut_before``), so they give what ``Document.sentences`` gives
(tests/test_language_layer.py checks them against it) at the cost of a few characters each.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from linter.text import (
    BLANK_LINE_RE,
    SENTENCE_CLOSERS,
    SENTENCE_END_RE,
    ends_sentence,
    sentence_cut_before,
    sentence_starts_at,
)

__all__ = [
    "MAY_START_RE",
    "OPENERS",
    "cut_in_gap",
    "sentence_around",
    "sentence_starts_at",
    "word_opens_sentence",
]

# marks that may stand between a sentence's start and its first word
OPENERS = "“‘\"'([«„"
# where a sentence may start: after terminal punctuation, closing marks and whitespace, or
# after a line break and whitespace. A superset of the starts of ``Document.sentences`` but
# the first and the one after the headline: a candidate to confirm with
# ``sentence_starts_at``, found in one regex pass where the whole split is not needed.
MAY_START_RE = re.compile(rf"(?:[.!?][{re.escape(SENTENCE_CLOSERS)}]*\s+|\n\s*)(?=\S)")


def cut_in_gap(prose: str, e: int, s: int, head_end: int = -1) -> int:
    """The last place in the gap ``prose[e:s]`` between two words where the splitter cuts
    (the end of a blank line, of the headline or of a sentence's closing marks), or -1. No
    cut falls inside a word, so two words share a sentence exactly when the gap between
    them has no cut."""
    best = head_end if e <= head_end <= s else -1
    gap = prose[e:s]
    if "\n" in gap:
        for m in BLANK_LINE_RE.finditer(prose, e, s):
            best = max(best, m.end())
    if "." in gap or "!" in gap or "?" in gap:
        # the look-ahead wants a capital or digit: the first character of the next word
        for m in SENTENCE_END_RE.finditer(prose, e, s + 1):
            if m.start() < s and ends_sentence(prose, m.start()):
                best = max(best, m.end())
    return best


def sentence_around(
    prose: str,
    paragraphs: Sequence[tuple[int, int]],
    start: int,
    end: int,
    head: tuple[int, int] | None = None,
) -> tuple[int, int] | None:
    """The span of ``sentences`` that holds the word at ``start:end``, found from the
    sentence ends next to it, within its paragraph (``paragraphs``: the document's, in
    order); ``head``: the headline's span. None when the headline ends inside the word."""
    i = bisect_right(paragraphs, (start, float("inf"))) - 1
    if i < 0 or paragraphs[i][1] < end:
        return None
    first, last = paragraphs[i]
    if head and start < head[1] < end:
        return None
    lo = first  # the last cut at or before the word
    stop = start
    while True:
        at = max(
            prose.rfind(".", first, stop),
            prose.rfind("!", first, stop),
            prose.rfind("?", first, stop),
        )
        if at < 0:
            break
        while at > first and prose[at - 1] in ".!?":
            at -= 1
        m = SENTENCE_END_RE.match(prose, at)
        if m is not None and ends_sentence(prose, at):
            lo = m.end()
            break
        stop = at
    hi = last  # the first cut after it
    for m in SENTENCE_END_RE.finditer(prose, end):
        if m.end() >= last:
            break
        if ends_sentence(prose, m.start()):
            hi = m.end()
            break
    if head and first < head[1] < last:
        if head[1] <= start:
            lo = max(lo, head[1])
        else:
            hi = min(hi, head[1])
    while lo < hi and prose[lo].isspace():
        lo += 1
    while hi > lo and prose[hi - 1].isspace():
        hi -= 1
    return lo, hi


def word_opens_sentence(prose: str, at: int, head_end: int | None = None) -> bool:
    """Whether the word at ``at`` is the first of its sentence: a span of ``sentences``
    starts at ``at`` or before it with only ``OPENERS`` and whitespace between. Skipping back
    over those to ``i``, that holds exactly when ``i`` is the text's start, the headline ends
    or a blank line lies between ``i`` and the word, or ``i`` follows a sentence end that the
    splitter cuts at (its own test, asked of that end alone)."""
    i = at
    while i > 0 and (prose[i - 1] in OPENERS or prose[i - 1].isspace()):
        i -= 1
    if i == 0:
        return True
    if head_end is not None and i <= head_end <= at:
        return True
    if BLANK_LINE_RE.search(prose, i, at):
        return True
    cut = sentence_cut_before(prose, i)
    return cut is not None and i <= cut <= at
