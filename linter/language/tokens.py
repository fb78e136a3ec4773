"""Tokens of the linguistic layer: the document's words (``Document.words``, so offsets are
the document's own) and the punctuation between them, sentence by sentence.

Words are kept as ``Document.words`` splits them ("it's" and "don't" are one token); each
punctuation character in a gap (a comma, a colon, a quotation mark, the full stop) is a token
too, because the tagger reads it: "there, bags" is not "there bags".
"""

from __future__ import annotations

import re
from typing import NamedTuple

from linter.text import WORD_RE

PUNCT = frozenset(',.;:!?()"“”‘-–—')
_SPLIT_RE = re.compile(rf"{WORD_RE.pattern}|[^\w\s]")


class Token(NamedTuple):
    """One token: its span in the document, its text, its lower-case form with a straight
    apostrophe, and the text between it and the previous token of the sentence."""

    start: int
    end: int
    text: str
    low: str
    gap: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or self.text[:1] == "_"


def lower(text: str) -> str:
    """The form the lexicon knows: lower case, straight apostrophe."""
    return text.lower().replace("’", "'")


def split_token(form: str) -> list[str]:
    """A treebank token split as the runtime splits text ("15-year" -> 15, -, year)."""
    parts = _SPLIT_RE.findall(form)
    return [lower(p) for p in parts] or [lower(form)]


def sentence_tokens(prose: str, words, first: int, s_start: int, s_end: int):
    """The tokens of the sentence ``s_start``-``s_end`` whose first word is ``words[first]``,
    and the index of the first word after it."""
    toks: list[Token] = []
    prev_end = s_start
    i, n = first, len(words)
    while i < n and words[i][1] <= s_end:
        start, end, text = words[i]
        _punct(prose, prev_end, start, toks)
        gap = prose[toks[-1].end if toks else s_start : start]
        toks.append(Token(start, end, text, lower(text), gap))
        prev_end = end
        i += 1
    _punct(prose, prev_end, s_end, toks)
    return toks, i


def _punct(prose: str, start: int, end: int, toks: list[Token]) -> None:
    if start >= end:
        return
    gap = prose[start:end]
    if gap.isspace():
        return
    last = toks[-1].end if toks else start
    for j, ch in enumerate(gap):
        if ch in PUNCT:
            at = start + j
            low = '"' if ch in "“”" else "-" if ch in "–—" else ch
            toks.append(Token(at, at + 1, ch, low, prose[last:at]))
            last = at + 1
