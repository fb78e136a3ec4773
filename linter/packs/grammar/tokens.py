"""Sentence tokens for the grammar rules: each word with its span, its lower-cased form and
the text between it and the previous word (so a rule can see a comma or a dash between).

A ``Tok`` is the linguistic layer's ``Token`` (``linter.language.tokens``): the layer's word
tokens, sentence by sentence, without the punctuation tokens the tagger reads. The rules
build them only around their cue words (``linter.packs.grammar.cue_index``);
``sentence_tokens`` makes them for a whole document, the reference the index is tested
against.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.language.tokens import Token, words_by_sentence
from linter.memo import PerDocument

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

# start, end, text, low (lower case, straight apostrophe) and gap (the text between the
# previous word of the sentence, or its start, and this word)
Tok = Token


def sentence_tokens(doc: Document) -> list[list[Tok]]:
    """The words of each sentence of ``doc`` (over the masked prose), kept on the document."""
    return SENTENCE_TOKENS.of(doc)


def _sentence_tokens(doc: Document) -> list[list[Tok]]:
    return words_by_sentence(doc.prose, doc.words, doc.sentences)


def joined(gap: str) -> bool:
    """True when two words are only separated by spaces (no punctuation, no line of markup)."""
    return gap == " " or (gap.strip() == "" and "\n\n" not in gap)


def after(toks: list[Tok], i: int, k: int = 1) -> str:
    """The lower-cased word ``k`` places after ``i`` when nothing but spaces lies between."""
    if k == 1:  # most calls: one gap, most often one space
        if i + 1 >= len(toks):
            return ""
        tok = toks[i + 1]
        gap = tok.gap
        return tok.low if gap == " " or (gap.strip() == "" and "\n\n" not in gap) else ""
    for j in range(i + 1, i + k + 1):
        if j >= len(toks) or not joined(toks[j].gap):
            return ""
    return toks[i + k].low


def before(toks: list[Tok], i: int, k: int = 1) -> str:
    """The lower-cased word ``k`` places before ``i`` when nothing but spaces lies between."""
    if k == 1:  # most calls: one gap, most often one space
        if i < 1:
            return ""
        gap = toks[i].gap
        return toks[i - 1].low if gap == " " or (gap.strip() == "" and "\n\n" not in gap) else ""
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
