"""The English dictionary: SCOWL word lists per dialect, modern vocabulary, frequencies, and
codespell's list of known misspellings (copied into the data folder by ``build_data``).
Part of the language layer because more than one pack asks it: spelling judges words with it,
and facts asks whether a capitalised word at a sentence start is an ordinary word. The lists
themselves are the spelling pack's data (``rules/spelling/data``).

Why binary search and not a set: hashing 130,000 words costs about 20 ms on every run, while a
draft needs only a few hundred lookups; searching the file's text in place costs nothing to
load and a few microseconds a word. A typo's ~600 near strings are another matter: when the
first typo is met, the words that start in lower case are hashed, and later lookups of such
words use the set.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from pathlib import Path

from linter.errors import ConfigError
from linter.memo import BoundedMemo

DIALECTS = ("en-US", "en-GB")
MEMO_LIMIT = 20_000  # words remembered per memo (a 5,000-file worker meets 40,000 and more)


def data_dir() -> Path:
    from linter.registry import builtin_rules_dir

    return builtin_rules_dir() / "spelling" / "data"


class WordList:
    """One word list as built by ``build_data``: words grouped by length, each group a run of
    sorted fixed-width records, searched in place (loading builds no per-word objects), and
    a frequency byte (Zipf x 10) per word, read on demand.

    A header starting with ``lines`` says each record ends with a line break: bisection
    steps over it, and a run of records splits into its words with one ``str.split`` in C
    (``split``), which is how the lists are hashed (``Lexicon.lower_words``) three times
    faster than cutting fixed-width records apart with a regular expression."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # the body is the file's text itself, its records after the header line (a copy of
        # the 2.4 MB of records without the header would cost ~3 ms of a cold run)
        self.body = text = path.read_text("ascii")
        cut = text.find("\n")
        header = text[:cut] if cut >= 0 else text
        items = header.split()
        self.sep = 1 if items[:1] == ["lines"] else 0  # a line break after each record
        # length -> (offset in body, number of words, index of its first word)
        self.groups: dict[int, tuple[int, int, int]] = {}
        offset = cut + 1 if cut >= 0 else len(text)
        first = 0
        for item in items[self.sep :]:
            length, _, count = item.partition(":")
            n, c = int(length), int(count)
            self.groups[n] = (offset, c, first)
            offset += (n + self.sep) * c
            first += c
        self._freq: bytes | None = None
        self._words: dict[int, list[str]] = {}
        self._apostrophes: list[str] = []  # the words holding one, once the text is gone

    def _bisect(self, word: str, length: int, body: str) -> tuple[int, int, int]:
        """(position of the first record >= word, group offset, group size) in ``body``,
        the text as read before its group's words were asked for (see ``split_all``)."""
        offset, count, _ = self.groups[length]
        width = length + self.sep
        lo, hi = 0, count
        while lo < hi:
            mid = (lo + hi) // 2
            at = offset + mid * width
            if body[at : at + length] < word:
                lo = mid + 1
            else:
                hi = mid
        return lo, offset, count

    def index(self, word: str) -> int:
        """The word's number in the list (for its frequency), or -1. Once the words of its
        length are split out (``words``), a bisection of that list in C answers."""
        length = len(word)
        if length not in self.groups:
            return -1
        body = self.body  # first: a group's words are kept before the text goes
        split = self._words.get(length)
        if split is not None:
            pos = bisect_left(split, word)
            if pos < len(split) and split[pos] == word:
                return self.groups[length][2] + pos
            return -1
        pos, offset, count = self._bisect(word, length, body)
        at = offset + pos * (length + self.sep)
        if pos < count and body[at : at + length] == word:
            return self.groups[length][2] + pos
        return -1

    def __contains__(self, word: str) -> bool:
        return self.index(word) >= 0

    def words(self, length: int) -> list[str]:
        """The words of one length, sorted; split out once per run when first asked."""
        found = self._words.get(length)
        if found is None:
            found = []
            if length > 0 and length in self.groups:
                found = self.split(length, 0, self.groups[length][1], self.body)
            self._words[length] = found  # kept once whole
        return found

    def split(self, length: int, start: int, stop: int, body: str) -> list[str]:
        """The words of one length from the ``start``-th to before the ``stop``-th, cut
        out of ``body`` (the text) afresh (not remembered: see ``words``)."""
        if stop <= start:
            return []
        offset = self.groups[length][0]
        width = length + self.sep
        chunk = body[offset + start * width : offset + stop * width - self.sep]
        if self.sep:
            return chunk.split("\n")
        return re.findall(f"(?s).{{{length}}}", chunk)

    def between(self, length: int, low: str, high: str) -> list[str]:
        """The words of one length from ``low`` (included) to ``high`` (excluded)."""
        if length not in self.groups:
            return []
        body = self.body  # first, as in ``index``
        words = self._words.get(length)
        if words is not None:
            return words[bisect_left(words, low) : bisect_left(words, high)]
        start, stop = self._bisect(low, length, body)[0], self._bisect(high, length, body)[0]
        return self.split(length, start, stop, body)

    def split_all(self) -> None:
        """Split every group into its words (``words``) and let the text go: every question
        is then answered from the lists (bisected in C), and the text would only double
        the memory the words take (2.7 MB). The few words holding an apostrophe are noted
        first (``ending_with`` answers possessives from them)."""
        self._apostrophes = self.ending_with("'", anywhere=True)
        for length in self.groups:
            self.words(length)
        self.body = ""

    def ending_with(self, suffix: str, anywhere: bool = False) -> list[str]:
        """The words that end with ``suffix`` (found with ``str.find`` in place: few do),
        or with ``anywhere``, that hold it (once, by length and in order). Once the text is
        gone (``split_all``), a suffix with an apostrophe is looked for among the words
        holding one, any other in the lists."""
        body, size = self.body, len(suffix)
        if not body and self.groups:
            words = self._apostrophes if "'" in suffix else chain(*self._words.values())
            return [w for w in words if (suffix in w if anywhere else w.endswith(suffix))]
        found = []
        for length, (offset, count, _) in self.groups.items():
            if length < size:
                continue
            width = length + self.sep
            end = offset + width * count
            at = body.find(suffix, offset, end)
            while at >= 0:
                if anywhere:
                    start = offset + (at - offset) // width * width  # the record's start
                    if start + length >= at + size:  # not across a line break
                        found.append(body[start : start + length])
                        at = body.find(suffix, start + width, end)
                        continue
                elif (at + size - offset - length) % width == 0:
                    found.append(body[at + size - length : at + size])
                at = body.find(suffix, at + 1, end)
        return found

    def starting_with(self, letter: str, length: int) -> list[str]:
        """The words of one length that start with ``letter`` (for the distance-2 scan)."""
        return self.between(length, letter, chr(ord(letter) + 1))

    def zipf_at(self, index: int) -> float:
        if self._freq is None:
            self._freq = self.path.with_suffix(".freq").read_bytes()
        return self._freq[index] / 10


class Lexicon:
    """The words of one dialect (shared, own spellings, modern vocabulary) and the other
    dialect's own spellings, kept apart so that "colour" can be told from a typo."""

    def __init__(self, dialect: str) -> None:
        if dialect not in DIALECTS:
            raise ConfigError(f"spelling: dialect must be en-US or en-GB, not {dialect!r}")
        other = "en-GB" if dialect == "en-US" else "en-US"
        folder = data_dir()
        try:
            self.lists = [
                WordList(folder / "en-common.words"),
                WordList(folder / f"{dialect}.words"),
                WordList(folder / "en-modern.words"),
            ]
            self.other = WordList(folder / f"{other}.words")
        except OSError as exc:
            raise ConfigError(f"spelling: cannot read the word lists: {exc}") from None
        self.dialect = dialect
        self._memo: BoundedMemo[str, bool] = BoundedMemo(MEMO_LIMIT)
        self._other_memo: BoundedMemo[str, bool] = BoundedMemo(MEMO_LIMIT)
        self._zipf: BoundedMemo[str, float] = BoundedMemo(MEMO_LIMIT)
        self._lower: set[str] | None = None  # hashed words starting in lower case
        self._upper: set[str] = set()  # and the others (capitalised), hashed with them
        self._other: set[str] | None = None  # the other dialect's own words, likewise
        self._by_length: dict[int, set[str]] = {}  # words of one length, for typos' edits

    def __contains__(self, word: str) -> bool:
        if self._lower is not None:
            return word in (self._upper if "A" <= word[:1] < "a" else self._lower)
        known = self._memo.get(word)
        if known is None:
            known = self._memo.remember(word, any(lst.index(word) >= 0 for lst in self.lists))
        return known

    def known_lower(self, words: Iterable[str]) -> set[str]:
        """The known words among many lower-case ones (the ~600 strings one edit from a
        typo): set intersections in C, with the words of those lengths alone (hashing the
        whole lexicon, 300,000 words, would cost a first typo 100 ms; the two or three
        lengths a typo's edits have cost a few)."""
        if self._lower is not None:
            return self._lower.intersection(words)
        by_length: dict[int, list[str]] = {}
        for word in words:
            by_length.setdefault(len(word), []).append(word)
        found: set[str] = set()
        for length, group in by_length.items():
            found.update(self._of_length(length).intersection(group))
        return found

    def _of_length(self, length: int) -> set[str]:
        """This dialect's words of one length (any case: a lower-case string can only meet
        its lower-case words), hashed once per run when first asked."""
        found = self._by_length.get(length)
        if found is None:
            found = self._by_length[length] = set()
            for lst in self.lists:
                found.update(lst.words(length))
        return found

    @property
    def lower_hashed(self) -> bool:
        return self._lower is not None

    def lower_words(self) -> set[str]:
        """This dialect's words that start in lower case (or with an apostrophe): most of
        them, hashed once per run when a typo's edits first need them, together with the
        capitalised ones and the other dialect's; later lookups use the sets."""
        if self._lower is None:
            lower: set[str] = set()
            upper: set[str] = set()
            for lst in self.lists:
                # split once and kept: ``index`` then bisects the list in C (the
                # frequencies of suggestions), and the sets share its strings
                lst.split_all()
                for length in lst.groups:
                    words = lst.words(length)
                    at, to = bisect_left(words, "A"), bisect_left(words, "a")
                    lower.update(words[:at])
                    upper.update(words[at:to])
                    lower.update(words[to:])
            self.other.split_all()
            self._other = {w for length in self.other.groups for w in self.other.words(length)}
            self._upper = upper
            self._lower = lower
        return self._lower

    def hashed(self) -> tuple[set[str], set[str], set[str]] | None:
        """Once hashed (``lower_words``): this dialect's words that start in lower case,
        those that start with a capital, and the other dialect's own words; else None."""
        if self._lower is None or self._other is None:
            return None
        return self._lower, self._upper, self._other

    def other_dialect(self, word: str) -> bool:
        if self._other is not None:
            return word in self._other
        known = self._other_memo.get(word)
        if known is None:
            known = self._other_memo.remember(word, word in self.other)
        return known

    def zipf(self, word: str) -> float:
        """Zipf frequency of a known word (0 when unknown): 7 for "the", 3 for "militaries"."""
        found = self._zipf.get(word)
        if found is None:
            found = 0.0
            if self._lower is None or word in self:  # the sets answer "unknown" at once
                for lst in self.lists:
                    i = lst.index(word)
                    if i >= 0:
                        found = lst.zipf_at(i)
                        break
            self._zipf.remember(word, found)
        return found

    def known_word(self, word: str) -> bool:
        """Known as written, or (for a capitalised word) in lower case: "Receive" at the
        start of a sentence is a known word."""
        if word in self:
            return True
        lower = word.lower()
        return lower != word and word[:1].isupper() and word[1:].islower() and lower in self


@lru_cache(maxsize=2)
def lexicon(dialect: str) -> Lexicon:
    return Lexicon(dialect)


class KnownMisspellings:
    """codespell's main dictionary (``wrong->right`` lines).

    The file is sorted case-insensitively, so a lookup needs no parsing of its 65,000 lines
    on every run: the keys of lines sampled every ``STRIDE`` characters (about 1,500, read
    when first asked) say between which two a word's line must be, and one ``str.find`` of
    ``"\nword->"`` in C looks there, ``PAD`` characters further on either side, as
    apostrophes sort unevenly ("arent'" before "arent"). A test looks up every key.
    """

    STRIDE = 1024
    PAD = 256

    def __init__(self, text: str) -> None:
        # a line break first, so that every line, the first too, follows one
        self.text = "\n" + (text if text.endswith("\n") else text + "\n")
        self._cache: BoundedMemo[str, tuple[str, ...] | None] = BoundedMemo(MEMO_LIMIT)
        self._keys: list[str] | None = None  # sampled lines' keys, in lower case
        self._starts: list[int] = []  # where those lines start

    def _sample(self) -> list[str]:
        text = self.text
        keys, starts = [], self._starts
        for at in range(1, len(text), self.STRIDE):
            start = text.find("\n", at - 1) + 1
            end = text.find("->", start)
            if start <= 0 or end < 0:
                break
            if not starts or start > starts[-1]:
                keys.append(text[start:end].lower())
                starts.append(start)
        self._keys = keys
        return keys

    def lookup(self, word: str) -> tuple[str, ...] | None:
        """The corrections of a lower-case misspelling, or None when it is not listed."""
        if word in self._cache:
            return self._cache[word]
        if word != word.lower():
            return self._cache.remember(word, None)  # the keys asked for are in lower case
        keys = self._keys if self._keys is not None else self._sample()
        starts, text = self._starts, self.text
        i = bisect_left(keys, word)
        lo = max(starts[i - 1] - 1 - self.PAD, 0) if i else 0
        hi = starts[i] + len(word) + 3 + self.PAD if i < len(starts) else len(text)
        found = None
        at = text.find(f"\n{word}->", lo, hi)
        if at >= 0:
            start = at + len(word) + 3
            found = _corrections(text[start : text.find("\n", start)])
        return self._cache.remember(word, found)


def _corrections(data: str) -> tuple[str, ...] | None:
    data = data.strip()
    # codespell: with a comma, the part after the last one is a reason (often empty)
    if "," in data:
        data = data[: data.rfind(",")]
    return tuple(c.strip() for c in data.split(",") if c.strip()) or None


NO_MISSPELLINGS = KnownMisspellings("")


@lru_cache(maxsize=1)
def known_misspellings() -> KnownMisspellings:
    """codespell's dictionary as ``build_data`` copied it into the data folder (importing
    codespell would compile regexes for 100 ms, and its data path is the package's own)."""
    path = data_dir() / "codespell.txt"
    try:
        return KnownMisspellings(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"spelling: cannot read codespell's dictionary: {exc}") from None
