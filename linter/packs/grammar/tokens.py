"""Sentence tokens for the grammar rules: each word with its span, its lower-cased form and
the text between it and the previous word (so a rule can see a comma or a dash between).

The rules build these tokens only around their cue words (``linter.packs.grammar.cue_index``);
``sentence_tokens`` makes them for a whole document, the reference the index is tested
against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from linter.memo import PerDocument

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower case, straight apostrophe
    gap: str  # the text between the previous word of the sentence (or its start) and this word


def sentence_tokens(doc: Document) -> list[list[Tok]]:
    """The words of each sentence of ``doc`` (over the masked prose), kept on the document."""
    return SENTENCE_TOKENS.of(doc)


def _sentence_tokens(doc: Document) -> list[list[Tok]]:
    prose = doc.prose
    words = doc.words
    result: list[list[Tok]] = []
    i, n = 0, len(words)
    for s_start, s_end in doc.sentences:
        while i < n and words[i][0] < s_start:
            i += 1
        toks: list[Tok] = []
        prev_end = s_start
        while i < n and words[i][1] <= s_end:
            start, end, word = words[i]
            low = word.lower().replace("’", "'")
            toks.append(Tok(start, end, word, low, prose[prev_end:start]))
            prev_end = end
            i += 1
        if toks:
            result.append(toks)
    return result


def joined(gap: str) -> bool:
    """True when two words are only separated by spaces (no punctuation, no line of markup)."""
    return gap.strip() == "" and "\n\n" not in gap


def after(toks: list[Tok], i: int, k: int = 1) -> str:
    """The lower-cased word ``k`` places after ``i`` when nothing but spaces lies between."""
    for j in range(i + 1, i + k + 1):
        if j >= len(toks) or not joined(toks[j].gap):
            return ""
    return toks[i + k].low


def before(toks: list[Tok], i: int, k: int = 1) -> str:
    """The lower-cased word ``k`` places before ``i`` when nothing but spaces lies between."""
    for j in range(i, i - k, -1):
        if j - 1 < 0 or not joined(toks[j].gap):
            return ""
    return toks[i - k].low


def end_after(toks: list[Tok], i: int, prose: str) -> str:
    """The punctuation right after word ``i`` ('' when a word follows directly)."""
    nxt = toks[i + 1].start if i + 1 < len(toks) else len(prose)
    return prose[toks[i].end : nxt].strip()[:1] if i + 1 < len(toks) else "."


SENTENCE_TOKENS: PerDocument[list[list[Tok]]] = PerDocument(
    "grammar sentence tokens", _sentence_tokens
)
