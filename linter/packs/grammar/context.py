"""A word's sentence from the linguistic layer: its tokens, its tags and its place."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.language import Token


def sentence_of(doc: Document, start: int) -> tuple[list[Token], int]:
    """The tokens of the sentence holding the word that starts at ``start``, and its index
    among them (-1 when the word lies outside every sentence)."""
    from linter.language import analysis

    layer = analysis(doc)
    si = layer.sentence_at(start)
    if si < 0:
        return [], -1
    toks = layer.tokens(si)
    j = bisect_left([t.start for t in toks], start)
    return toks, (j if j < len(toks) and toks[j].start == start else -1)


def tags_of(doc: Document, start: int) -> list[str]:
    from linter.language import analysis

    layer = analysis(doc)
    return layer.tags(layer.sentence_at(start))


def next_word(toks, j: int, k: int = 1) -> str:
    """The lower-case word ``k`` tokens after ``j`` when only words lie between ('' else)."""
    for m in range(j + 1, j + k + 1):
        if m >= len(toks) or not toks[m].is_word:
            return ""
    return toks[j + k].low


def prev_word(toks, j: int, k: int = 1) -> str:
    for m in range(j - 1, j - k - 1, -1):
        if m < 0 or not toks[m].is_word:
            return ""
    return toks[j - k].low
