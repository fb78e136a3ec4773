"""A word's sentence from the linguistic layer: its tokens, its tags and its place."""

from __future__ import annotations

from bisect import bisect_left
from operator import itemgetter
from typing import TYPE_CHECKING

from linter.language import analysis

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.language import Analysis, Token
    from linter.language.tagger import Tags


def sentence_of(doc: Document, start: int) -> tuple[list[Token], int]:
    """The tokens of the sentence holding the word that starts at ``start``, and its index
    among them (-1 when the word lies outside every sentence)."""
    layer = analysis(doc)
    span = _span(doc, layer, start)
    if span is None:
        si = layer.sentence_at(start)
        if si < 0:
            return [], -1
        toks = layer.tokens(si)
    else:
        toks = layer.span_tokens(span)
    j = bisect_left(toks, start, key=_START)
    return toks, (j if j < len(toks) and toks[j].start == start else -1)


_START = itemgetter(0)  # a token's start


def tags_of(doc: Document, start: int) -> Tags:
    """The tags of the sentence holding the word that starts at ``start``."""
    layer = analysis(doc)
    span = _span(doc, layer, start)
    if span is None:
        return layer.tags(layer.sentence_at(start))
    return layer.span_tags(span)


def _span(doc: Document, layer: Analysis, start: int) -> tuple[int, int] | None:
    """The sentence span of the word starting at ``start`` (found next to it, no split of
    the draft); None when that does not settle it (no word starts there, or the headline
    ends inside the word): then the split sentences answer."""
    words = doc.words
    k = bisect_left(doc.word_starts, start)
    if k >= len(words) or words[k][0] != start:
        return None
    return layer.span_of_word(start, words[k][1])


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
