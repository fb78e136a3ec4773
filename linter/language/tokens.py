"""Tokens of the linguistic layer: the one definition of a word token, and the views of it
that the packs read.

A word token is a match of ``linter.text.WORD_RE`` over the masked prose (``Document.words``
holds them all, split once per document): runs of word characters joined by an apostrophe,
so "it's" and "don't" are one token and "co-founder" is two. Every view here is made from
those tokens and ``Document.sentences``, with the document's own offsets:

- ``sentence_tokens``: a sentence's words and the punctuation between them (``Token``),
  what the tagger reads ("there, bags" is not "there bags");
- ``sentence_words``: a sentence's words alone, each with the text since the word before
  (the grammar pack's ``Tok`` is this ``Token``);
- ``LETTER_RE`` / ``letter_tokens``: the letters of each word token, split at digits and
  underscores ("20th" gives "th", "abc_def" gives "abc" and "def"), the unit the spelling
  pack judges. A letter token never crosses a word token's edge, so the letter tokens of the
  prose are those of its word tokens (tested); ``starts_token`` and ``ends_token`` decide an
  edge from the characters next to it, for a rule that looks at a few words only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from linter.text import WORD_RE

PUNCT = frozenset(',.;:!?()"“”‘-–—')
_SPLIT_RE = re.compile(rf"{WORD_RE.pattern}|[^\w\s]")
APOSTROPHES = "'’"
_LETTER = r"[^\W\d_]"  # a word character that is no digit and no underscore
# a word token's shape with letters for word characters: the letter tokens
LETTER_RE = re.compile(WORD_RE.pattern.replace(r"\w", _LETTER))
# the same tokens found from any offset: never the tail of a token that starts earlier
LETTER_FROM_RE = re.compile(rf"(?<!{_LETTER})(?<!{_LETTER}['’]){LETTER_RE.pattern}")

Word = tuple[int, int, str]  # an item of ``Document.words``: start, end, text


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


# ---- sentences as tokens ----------------------------------------------------------------
def sentence_tokens(prose: str, words: Sequence[Word], first: int, s_start: int, s_end: int):
    """The tokens of the sentence ``s_start``-``s_end`` whose first word is ``words[first]``,
    and the index of the first word after it."""
    toks: list[Token] = []
    prev_end = s_start
    i, n = first, len(words)
    starts, ends, texts = _columns(words)
    new = tuple.__new__  # a Token without the Python-level __new__ of a named tuple
    while i < n and ends[i] <= s_end:
        start, end, text = starts[i], ends[i], texts[i]
        if start > prev_end and not (start - prev_end == 1 and prose[prev_end] == " "):
            _punct(prose, prev_end, start, toks)
        gap = prose[toks[-1].end if toks else s_start : start]
        toks.append(new(Token, (start, end, text, lower(text), gap)))
        prev_end = end
        i += 1
    _punct(prose, prev_end, s_end, toks)
    return toks, i


def _columns(words: Sequence[Word]) -> tuple[Sequence[int], Sequence[int], Sequence[str]]:
    """The starts, ends and texts of ``words``: a ``Words``' own columns (reading one of
    its items makes a tuple in Python), else made from the tuples."""
    cols = getattr(words, "starts", None)
    if cols is not None:
        return words.starts, words.ends, words.texts  # type: ignore[attr-defined]
    return [w[0] for w in words], [w[1] for w in words], [w[2] for w in words]


def sentence_words(
    prose: str, words: Sequence[Word], first: int, s_start: int, s_end: int
) -> tuple[list[Token], int]:
    """The words of the sentence ``s_start``-``s_end`` whose first word is ``words[first]``
    (each token's gap is the text since the word before, or since the sentence's start), and
    the index of the first word after it."""
    toks: list[Token] = []
    prev_end = s_start
    i, n = first, len(words)
    while i < n and words[i][1] <= s_end:
        start, end, text = words[i]
        toks.append(Token(start, end, text, lower(text), prose[prev_end:start]))
        prev_end = end
        i += 1
    return toks, i


def words_by_sentence(
    prose: str, words: Sequence[Word], sentences: Sequence[tuple[int, int]]
) -> list[list[Token]]:
    """``sentence_words`` of every sentence that holds a word, in order: the whole
    document's words, sentence by sentence (a reference; rules ask for a few sentences)."""
    result: list[list[Token]] = []
    i, n = 0, len(words)
    for s_start, s_end in sentences:
        while i < n and words[i][0] < s_start:
            i += 1
        toks, i = sentence_words(prose, words, i, s_start, s_end)
        if toks:
            result.append(toks)
    return result


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


# ---- letter tokens: the words' letters ------------------------------------------------------
def is_letter(ch: str) -> bool:
    """What ``[^\\W\\d_]`` matches: \\w is alphanumeric or "_", \\d a decimal digit."""
    return ch.isalnum() and not ch.isdecimal()


def letter_tokens(words: Sequence[Word]) -> Iterator[Word]:
    """The letter tokens of the word tokens ``words``, in order, with document offsets."""
    finditer = LETTER_RE.finditer
    for start, _, text in words:
        if text.isalpha():  # most words are letters alone: the word is its one letter token
            yield start, start + len(text), text
            continue
        for m in finditer(text):
            yield start + m.start(), start + m.end(), m.group()


def starts_token(prose: str, at: int) -> bool:
    """Whether a letter at ``at`` opens a letter token (rather than continuing one)."""
    if at == 0:
        return True
    if is_letter(prose[at - 1]):
        return False
    return not (prose[at - 1] in APOSTROPHES and at >= 2 and is_letter(prose[at - 2]))


def ends_token(prose: str, end: int) -> bool:
    """Whether a letter token whose last letter is at ``end - 1`` ends there."""
    if end >= len(prose):
        return True
    if is_letter(prose[end]):
        return False
    return not (prose[end] in APOSTROPHES and end + 1 < len(prose) and is_letter(prose[end + 1]))


def start_of_token_ending(prose: str, end: int) -> int:
    """The start of the letter token whose last letter is at ``end - 1``."""
    i = end - 1
    while True:
        while i > 0 and is_letter(prose[i - 1]):
            i -= 1
        if i >= 2 and prose[i - 1] in APOSTROPHES and is_letter(prose[i - 2]):
            i -= 2
            continue
        return i
