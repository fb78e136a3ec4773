"""The document: the source text, its masked prose, its regions and a line index.

Markup is replaced by spaces of the same length (newlines kept), so an offset into ``prose``
is an offset into ``text`` and findings never need remapping.
"""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import accumulate
from typing import Any

from linter import text as textmod
from linter.spans import SpanSet

# whitespace and curly apostrophes folded for phrase matching; str.replace runs in C, where
# str.translate with a table would look up every character in Python
_FOLDS = (("\n", " "), ("\t", " "), ("\r", " "), ("\u00a0", " "), ("’", "'"), ("‘", "'"))


def mask(text: str, spans: SpanSet) -> str:
    """Blank every character inside ``spans`` except newlines; CR always becomes a space."""
    if not len(spans):
        return text.replace("\r", " ")
    parts, pos = [], 0
    for start, end in spans:
        parts.append(text[pos:start])
        parts.append("".join("\n" if c == "\n" else " " for c in text[start:end]))
        pos = end
    parts.append(text[pos:])
    return "".join(parts).replace("\r", " ")


_OFFSET_CODE = "i"  # 4 bytes an offset: texts under 2 GB (longer ones use 8)


class Words(Sequence):
    """A document's words as (start, end, text) tuples, kept as three columns: two arrays
    of offsets and the list of (shared) texts, 16 bytes a word where a list of tuples cost
    about 128 (a tuple and two int objects each): 230 MB less on a 10 MB draft. A tuple is
    made when a word is read; iterating zips the columns in C."""

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, starts: array, ends: array, texts: list[str]) -> None:
        self.starts = starts
        self.ends = ends
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):
        if i.__class__ is int:
            return self.starts[i], self.ends[i], self.texts[i]
        if isinstance(i, slice):
            return list(zip(self.starts[i], self.ends[i], self.texts[i], strict=True))
        return self.starts[i], self.ends[i], self.texts[i]  # an int-like index

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        return zip(self.starts, self.ends, self.texts, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Words):
            return (self.starts, self.ends, self.texts) == (other.starts, other.ends, other.texts)
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Words({list(self)!r})"


SPLIT_CHUNK = 1 << 18  # characters split at a time (at a space, which no word holds)


def _split_words(prose: str) -> Words:
    """``Words`` from ``text.WORD_SPLIT_RE``: the offsets are the running sums of the
    lengths of the split's parts (gap, word, gap, word, ...). The prose is split a chunk at
    a time, so the strings made for every occurrence (freed once each distinct word is
    kept once) never outnumber a chunk's words: made for a whole 10 MB draft at
    once, they left the memory they were freed from fragmented, 150 MB of it."""
    starts = array(_OFFSET_CODE if len(prose) < 2**31 else "q")
    ends = array(starts.typecode)
    texts: list[str] = []
    first: dict[str, str] = {}
    split = textmod.WORD_SPLIT_RE.split
    n, pos = len(prose), 0
    while pos < n:
        cut = n
        if n - pos > SPLIT_CHUNK:
            cut = prose.rfind(" ", pos + SPLIT_CHUNK // 2, pos + SPLIT_CHUNK)
            if cut < 0:
                cut = prose.find(" ", pos + SPLIT_CHUNK)
                cut = n if cut < 0 else cut
        parts = split(prose[pos:cut] if pos or cut < n else prose)
        sums = list(accumulate(map(len, parts), initial=pos))
        starts.fromlist(sums[1:-1:2])
        ends.fromlist(sums[2::2])
        words = parts[1::2]
        texts += map(first.setdefault, words, words)
        pos = cut
    return Words(starts, ends, texts)


LOWER_CHUNK = 1 << 20  # characters lowered at a time (cut after a space)


def lower_in_chunks(text: str) -> str:
    """``text.lower()``, a chunk at a time: ``str.lower`` works in a buffer of 12 bytes a
    character (three UCS-4 characters for each, the most one can grow to), 120 MB for a
    10 MB draft. Each chunk ends with a space, which bounds the one context lowering looks
    at (a capital sigma's, final at a word's end) as it bounds a word."""
    n = len(text)
    if n <= LOWER_CHUNK:
        return text.lower()
    parts, pos = [], 0
    while pos < n:
        cut = text.find(" ", pos + LOWER_CHUNK) + 1 if n - pos > LOWER_CHUNK else 0
        cut = cut or n  # no space after the chunk: the rest in one piece
        parts.append(text[pos:cut].lower())
        pos = cut
    return "".join(parts)


def fold_case(text: str) -> str:
    """Lower-case without changing the length (a few characters grow when lowered)."""
    low = lower_in_chunks(text)
    if len(low) == len(text):
        return low
    # each character lowered alone, those that grow kept: one table for the distinct
    # characters, where a string made per character took 80 bytes a character
    table = {}
    for c in set(text):
        lowered = c.lower()
        if lowered != c:
            table[ord(c)] = lowered if len(lowered) == 1 else c
    return text.translate(table)


def fold(text: str) -> str:
    """``fold_case``, then whitespace and curly apostrophes made plain: the form of
    ``Document.folded``, for phrases and literals that are looked up in it."""
    for old, new in _FOLDS:
        text = text.replace(old, new)
    return fold_case(text)


# the cached properties of ``Document`` that ``release`` drops (the positions stay)
_DERIVED = (
    "folded",
    "words",
    "word_texts",
    "word_starts",
    "lower_words",
    "word_set",
    "word_forms",
    "digit_starts",
    "paragraphs",
    "sentences",
    "quotes",
)


class Document:
    """One draft, parsed once; rules share its lazily computed tokens and spans.

    Compared by identity. A plain class: ``@dataclass`` cost every start ~1 ms a class."""

    def __init__(
        self,
        path: str,
        text: str,
        prose: str,
        format: str = "text",
        masked: SpanSet | None = None,
        code: SpanSet | None = None,
        headline: tuple[int, int] | None = None,
        metadata: dict | None = None,
        date_override: dt.date | None = None,
        analyses: dict[object, Any] | None = None,
    ) -> None:
        self.path = path
        self.text = text
        self.prose = prose
        self.format = format
        self.masked: SpanSet = SpanSet() if masked is None else masked
        self.code: SpanSet = SpanSet() if code is None else code
        self.headline = headline
        self.metadata: dict = {} if metadata is None else metadata
        self.date_override = date_override
        # analyses computed once and shared by rules, keyed by ``linter.memo.PerDocument``
        # (or by the object that owns the analysis, such as ``linter.literals.LITERALS``)
        self.analyses: dict[object, Any] = {} if analyses is None else analyses

    def __repr__(self) -> str:
        return (
            f"Document(path={self.path!r}, text={self.text!r}, prose={self.prose!r}, "
            f"format={self.format!r}, masked={self.masked!r}, code={self.code!r}, "
            f"headline={self.headline!r}, metadata={self.metadata!r}, "
            f"date_override={self.date_override!r})"
        )

    # ---- positions -------------------------------------------------------------------
    @cached_property
    def line_starts(self) -> list[int]:
        starts = [0]
        find = self.text.find
        i = find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        return starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in Unicode characters) of an offset."""
        index = bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def end_position(self, end: int) -> tuple[int, int]:
        """Position just after a span: a span ending in a newline ends on its own line."""
        if end > 0 and self.text[end - 1] == "\n":
            line, column = self.position(end - 1)
            return line, column + 1
        return self.position(end)

    # ---- shared tokens ---------------------------------------------------------------
    @cached_property
    def folded(self) -> str:
        """Prose lower-cased with whitespace and apostrophes folded, same length: for
        phrase matching that ignores case, line breaks and curly apostrophes."""
        return fold(self.prose)

    @cached_property
    def words(self) -> Words:
        """Every ``text.WORD_RE`` match as (start, end, text), a sequence of tuples made on
        access from compact columns (``Words``). The offsets are the running sums of the
        lengths of the split's parts (gap, word, gap, word, ...). Each distinct word is
        kept as one string (about 50 bytes a word saved, and each hashes once for the
        rules' sets)."""
        words = _split_words(self.prose)
        self.__dict__["word_texts"] = words.texts
        return words

    @cached_property
    def word_texts(self) -> list[str]:
        """The texts of ``words``, in order (``words`` keeps them as it splits)."""
        return self.words.texts

    @cached_property
    def word_starts(self) -> array:
        """Where each of ``words`` starts, ascending (for ``bisect``)."""
        return self.words.starts

    @cached_property
    def lower_words(self) -> list[str]:
        """The texts of ``words`` in lower case, in order (each distinct one kept once, and
        lowered once: no string is made per occurrence)."""
        first: dict[str, str] = {}
        lowered = {}
        for word in self.word_set:
            low = word.lower()
            lowered[word] = first.setdefault(low, low)
        return list(map(lowered.__getitem__, self.word_texts))

    @cached_property
    def word_set(self) -> frozenset[str]:
        """The distinct words as written (the texts of ``words``): the draft's vocabulary,
        for set operations against word lists."""
        return frozenset(self.word_texts)

    @cached_property
    def word_forms(self) -> frozenset[str]:
        """Every distinct run of word characters, as written: the words, and the parts of
        those joined by an apostrophe ("rock'n'roll" gives "rock", "n" and "roll" too). A set
        lookup here tells a rule whether a word occurs at all."""
        words = self.word_set
        joined = " ".join(words)
        if "'" not in joined and "’" not in joined:
            return words
        return words.union(joined.replace("’", " ").replace("'", " ").split())

    @cached_property
    def digit_starts(self) -> list[int] | None:
        """Where each run of digits starts (``text.digit_run_starts``; None when the draft
        has a non-ASCII digit): the only places a figure can start."""
        return textmod.digit_run_starts(self.prose)

    @cached_property
    def paragraphs(self) -> list[tuple[int, int]]:
        return textmod.paragraphs(self.prose)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        breaks = (self.headline[1],) if self.headline else ()
        return textmod.sentences(self.prose, breaks)

    @cached_property
    def quotes(self) -> SpanSet:
        return SpanSet(textmod.quotations(self.prose))

    def release(self) -> None:
        """Drop what the rules derived from the text (words, sentences, analyses): once
        the findings are made they are dead weight, and a document may outlive its lint (a
        pack remembers the latest one), which on a 10 MB draft kept 200 MB through the
        report. Whatever is asked for again is computed again."""
        self.analyses.clear()
        for name in _DERIVED:
            self.__dict__.pop(name, None)

    # ---- regions ---------------------------------------------------------------------
    def region(self, start: int, end: int | None = None) -> str:
        """The region of a span: code, quote, headline or body (first that applies)."""
        end = start + 1 if end is None else end
        if self.code.overlaps(start, end):
            return "code"
        if self.quotes.containing(start, end):
            return "quote"
        if self.headline and self.headline[0] <= start < self.headline[1]:
            return "headline"
        return "body"

    def in_quote(self, start: int, end: int) -> bool:
        return self.quotes.containing(start, end) is not None

    # ---- the article's date --------------------------------------------------------------
    @cached_property
    def date(self) -> dt.date:
        """The article's date: --date, then front matter, then a dateline, then today."""
        from linter.article_date import resolve

        return resolve(self)
