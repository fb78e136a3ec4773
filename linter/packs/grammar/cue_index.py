"""Where the grammar rules' cue words stand in a document, and their sentence context.

The rules only ever look at a few hundred cue words per megabyte ("their", "a", "she", the
idiom anchors), so instead of building tokens for every sentence, one C-level pass lowers
the words and picks out the cue words (``compress`` over a set lookup); Python work is then
done around those positions only. A rule asks for a small window of ``Tok`` around a cue:
the same tokens, gaps and sentence edges that ``sentence_tokens`` would give, found by
looking for a sentence end in the few gaps involved instead of splitting the whole text.

A gap holds a sentence boundary when ``linter.text.sentences`` would cut there: a blank
line, the end of the headline, or terminal punctuation before a capital that does not end
an abbreviation. No cut falls inside a word, so "same sentence" is a property of a gap.
"""

from __future__ import annotations

import re
from array import array
from itertools import chain, compress, count
from typing import TYPE_CHECKING

from linter.document import Words
from linter.language.sentences import cut_in_gap
from linter.memo import PerDocument
from linter.packs.grammar.tokens import Tok

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Iterable, Sequence

    from linter.document import Document

_new = tuple.__new__  # a Tok without the Python-level __new__ of a named tuple
_generation = 0  # bumped when new cue words are watched: indexes built before miss them
# Lower-case forms (straight and curly apostrophes) of every word some rule asks for.
_WATCHED: set[str] = set()
_WATCHED_SETS: set[frozenset[str]] = set()  # cue sets known to lie in ``_WATCHED``


def watch(words: Iterable[str]) -> None:
    """Register cue words (lower case, straight apostrophes); indexes built before that
    are rebuilt on their next use. Rules call it from ``prepare``."""
    new = set()
    for word in words:
        new.add(word)
        new.add(word.replace("'", "’"))
    global _generation
    if not new <= _WATCHED:
        _WATCHED.update(new)
        _generation += 1


def index(doc: Document, cues: frozenset[str]) -> WordIndex:
    """The document's index, built once and shared by every grammar rule; ``cues`` are the
    words the caller will ask for (watched now if ``prepare`` did not)."""
    if cues not in _WATCHED_SETS:  # a set lookup (a frozenset's hash is kept), not a subset test
        if not cues <= _WATCHED:
            watch(cues)
        _WATCHED_SETS.add(cues)  # watched words are never dropped: true from now on
    generation, found = _INDEX.of(doc)
    if generation != _generation:
        generation, found = _INDEX.recompute(doc)
    return found


def _new_index(doc: Document) -> tuple[int, WordIndex]:
    return _generation, WordIndex(doc)


class WordIndex:
    """The positions of the watched words in ``doc.words`` and lazy sentence context."""

    def __init__(self, doc: Document) -> None:
        self.prose = doc.prose
        self.words = words = doc.words
        self.n = len(words)
        # the words' columns, read directly where a rule walks many words (a ``Words``
        # item is a tuple made by a Python-level ``__getitem__``)
        self.starts: Sequence[int]
        self.ends: Sequence[int]
        self.texts: Sequence[str]
        if isinstance(words, Words):
            self.starts, self.ends, self.texts = words.starts, words.ends, words.texts
        else:
            self.starts = [w[0] for w in words]
            self.ends = [w[1] for w in words]
            self.texts = [w[2] for w in words]
        self.headline_end = doc.headline[1] if doc.headline else -1
        # lower() only: the apostrophe is straightened for the few words that are used
        self.lows = lows = doc.lower_words
        # compact positions (4 bytes each, not a pointer and an int object): a 10 MB draft
        # has millions of cue words
        self.hits = array("i", compress(count(), map(_WATCHED.__contains__, lows)))
        self.present = frozenset(map(lows.__getitem__, self.hits))  # curly forms as written
        self.shared: dict[str, object] = {}  # results one rule computes for another
        # each watched word's positions, grouped when a rule first asks (``positions``)
        self._by_word: dict[str, array[int]] | None = None

    # ---- words ---------------------------------------------------------------------------
    def has(self, word: str) -> bool:
        """Whether a watched word (lower case, straight apostrophes) occurs."""
        return word in self.present or ("'" in word and word.replace("'", "’") in self.present)

    def positions(self, words: frozenset[str]) -> list[int]:
        """Indexes (ascending) of the words whose lower-case form is one of ``words``
        (watched words, straight apostrophes)."""
        keys = _with_curly(words).intersection(self.present)
        if not keys:
            return []
        by_word = self._by_word
        if by_word is None:
            by_word = self._by_word = _group(self.hits, self.lows)
        if len(keys) == 1:
            return list(by_word[next(iter(keys))])
        # each word's positions are ascending: sorting their concatenation merges runs
        return sorted(chain.from_iterable(map(by_word.__getitem__, keys)))

    def low(self, i: int) -> str:
        """Word ``i`` in lower case with straight apostrophes (``Tok.low``)."""
        low = self.lows[i]
        return low.replace("’", "'") if "’" in low else low

    # ---- sentences -----------------------------------------------------------------------
    def breaks_after(self, j: int) -> bool:
        """True when words ``j`` and ``j + 1`` are not in the same sentence."""
        if j < 0 or j + 1 >= self.n:
            return True
        e, s = self.ends[j], self.starts[j + 1]
        if e <= self.headline_end <= s:
            return True
        if s - e == 1 and self.prose[e] == " ":
            return False
        return self._last_cut(e, s) >= 0

    def _last_cut(self, e: int, s: int) -> int:
        """The last place in the gap ``prose[e:s]`` where a sentence may start, or -1."""
        return cut_in_gap(self.prose, e, s, self.headline_end)

    def sentence_start_gap(self, j: int) -> str:
        """The gap of word ``j`` when it opens its sentence: the text from the sentence's
        start (spaces trimmed) to the word."""
        s = self.starts[j]
        e = self.ends[j - 1] if j else 0
        start = max(self._last_cut(e, s), 0)
        prose = self.prose
        while start < s and prose[start].isspace():
            start += 1
        return prose[start:s]

    def tok(self, j: int, first: bool) -> Tok:
        """Word ``j`` as a token; ``first``: it opens its sentence."""
        start, end, text = self.words[j]
        low = self.lows[j]
        if "’" in low:
            low = low.replace("’", "'")
        gap = self.sentence_start_gap(j) if first else self.prose[self.ends[j - 1] : start]
        return _new(Tok, (start, end, text, low, gap))

    def window(self, i: int, back: int, ahead: int) -> tuple[list[Tok], int]:
        """Tokens of word ``i``'s sentence from ``back`` words before it to ``ahead`` after
        (fewer at the sentence's edges), and the position of word ``i`` among them. Where
        the window stops short of an edge, index 0 and the list's end are not edges, as
        the rules read them."""
        a, b, gap_start = self.frame(i, back, ahead)
        return self.tokens(a, b, gap_start), i - a

    def bounds(self, i: int, back: int, ahead: int) -> tuple[int, int, bool]:
        """The first and last word of ``window(i, back, ahead)``, and whether the first
        opens its sentence."""
        a, first, _ = self._first_back(i, back)
        return a, self._last_ahead(i, ahead), first

    def _first_back(self, i: int, back: int) -> tuple[int, bool, int]:
        """The first word of a window from word ``i`` back up to ``back`` words, whether it
        opens its sentence, and the sentence cut the walk stopped at (-1 if none)."""
        # breaks_after inlined: a window is built for every cue word
        # a gap can hold a cut only with a blank line or terminal punctuation in it
        starts, ends, prose, h = self.starts, self.ends, self.prose, self.headline_end
        cut, may_cut = self._last_cut, _MAY_CUT_RE.search
        a, stop, first, found = i, i - back, True, -1
        while a:
            e, s = ends[a - 1], starts[a]
            if e <= h <= s:
                break
            if (s - e != 1 or prose[e] != " ") and may_cut(prose, e, s):
                found = cut(e, s)
                if found >= 0:
                    break
            if a == stop:
                first = False
                break
            a -= 1
        return a, first, found

    def _last_ahead(self, i: int, ahead: int) -> int:
        """The last word of a window from word ``i`` up to ``ahead`` words on, stopping
        before a sentence cut or the headline's end."""
        starts, ends, prose, h = self.starts, self.ends, self.prose, self.headline_end
        cut, may_cut = self._last_cut, _MAY_CUT_RE.search
        b, stop = i, min(i + ahead, self.n - 1)
        while b < stop:
            e, s = ends[b], starts[b + 1]
            if e <= h <= s or (
                (s - e != 1 or prose[e] != " ") and may_cut(prose, e, s) and cut(e, s) >= 0
            ):
                break
            b += 1
        return b

    def frame(self, i: int, back: int, ahead: int) -> tuple[int, int, int]:
        """``bounds(i, back, ahead)``'s first and last word and the first one's
        ``gap_start``, in one walk: where the walk back stops at a sentence cut, that cut
        is where the gap starts, so it is not looked for twice."""
        starts, ends, prose, cut = self.starts, self.ends, self.prose, self._last_cut
        a, first, found = self._first_back(i, back)
        b = self._last_ahead(i, ahead)
        if not first:
            return a, b, ends[a - 1]
        if found < 0:  # the walk stopped at the headline's end or the first word
            found = max(cut(ends[a - 1] if a else 0, starts[a]), 0)
        s = starts[a]
        while found < s and prose[found].isspace():
            found += 1
        return a, b, found

    def gap_start(self, a: int, first: bool) -> int:
        """Where the gap of word ``a`` starts: its sentence's start (spaces trimmed) when
        it opens the sentence, else the end of the word before."""
        if not first:
            return self.ends[a - 1]
        s = self.starts[a]
        start = max(self._last_cut(self.ends[a - 1] if a else 0, s), 0)
        prose = self.prose
        while start < s and prose[start].isspace():
            start += 1
        return start

    def place(self, i: int, back: int, ahead: int) -> tuple[tuple[int, int, str], int, int] | None:
        """A key that settles ``bounds(i, back, ahead)`` and the first word's ``gap_start``,
        with the word and the offset it counts from: the text from the word before the
        window's reach (whose gap says whether the window opens a sentence) to the end of
        its reach, and where the headline ends in it. Every test those make reads that
        text alone (a cut's look-ahead stops at the next word's first letter), except the
        walk back over an abbreviation, which a full stop right before the text could
        continue: then None."""
        lo = i - back - 1
        if lo >= 0:
            base = self.starts[lo]
            if base and self.prose[base - 1] == ".":
                return None
        else:
            lo = base = 0
        end = self.ends[min(i + ahead, self.n - 1)]
        h = self.headline_end
        return (i - lo, h - base if base <= h <= end else -1, self.prose[base:end]), lo, base

    def text_of(self, a: int, b: int, gap_start: int) -> str:
        """The prose from the gap of word ``a`` to the end of word ``b``: it spells out
        ``tokens(a, b, gap_start)`` (its words are the ``WORD_RE`` matches in it, its gaps
        the text between), so it can key what a rule decides about those tokens."""
        return self.prose[gap_start : self.ends[b]]

    def tokens(self, a: int, b: int, gap_start: int) -> list[Tok]:
        """Words ``a`` to ``b`` as tokens, the first one's gap starting at ``gap_start``."""
        prose, lows, starts, ends, texts = self.prose, self.lows, self.starts, self.ends, self.texts
        toks = []
        prev = gap_start
        for j in range(a, b + 1):
            start = starts[j]
            low = lows[j]
            if "’" in low:
                low = low.replace("’", "'")
            toks.append(_new(Tok, (start, ends[j], texts[j], low, prose[prev:start])))
            prev = ends[j]
        return toks

    def sentence(self, i: int) -> tuple[int, int]:
        """First and last word index of word ``i``'s sentence."""
        breaks_after = self.breaks_after
        a = i
        while not breaks_after(a - 1):
            a -= 1
        b = i
        while not breaks_after(b):
            b += 1
        return a, b


def _group(hits: array[int], lows: Sequence[str]) -> dict[str, array[int]]:
    """The positions ``hits`` grouped by their word (as written, lower case), each group
    ascending: one pass, where filtering every hit for each rule's cue set took a pass
    over all the cue words per rule (a dozen per document)."""
    by_word: dict[str, array[int]] = {}
    get = by_word.get
    for i, low in zip(hits, map(lows.__getitem__, hits), strict=True):
        group = get(low)
        if group is None:
            by_word[low] = array("i", (i,))
        else:
            group.append(i)
    return by_word


# what ``_last_cut`` needs in a gap to find anything but the headline's end (tested apart)
_MAY_CUT_RE = re.compile(r"[\n.!?]")
_CURLY: dict[frozenset[str], frozenset[str]] = {}


def _with_curly(words: frozenset[str]) -> frozenset[str]:
    """``words`` and their spellings with a curly apostrophe (cached by set)."""
    found = _CURLY.get(words)
    if found is None:
        found = _CURLY[words] = words | {w.replace("'", "’") for w in words}
    return found


_INDEX: PerDocument[tuple[int, WordIndex]] = PerDocument("grammar: cue index", _new_index)
