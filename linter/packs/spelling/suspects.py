"""SPELL006's suspects, precomputed: every word the lists know (or know as a name) that may be
a slip of a common word, with those common words (``real_words.suspects_of``).

Why a table: the real-word rule asks about every distinct lower-case word of a draft, and on
fresh text most of them are new. Working each out costs two frequency lookups and, for a
rare word, a search of the common words one slip away (about 20 microseconds a word, a third
of the rule's time on a megabyte of new prose, plus 0.1 s to build the search's index). The
answer depends on the word lists alone, so ``build`` works it out once for every listed word
(``python -m linter.packs.spelling.suspects``, after ``build_data``): a draft's suspects are
its words that the table lists, 9,000 of them.

Format of ``<dialect>.suspects``: a first line ``# lists <fingerprint>`` naming the data it
was built from (a test compares it with the files), then one line a word, sorted:
``word candidate candidate ...``.
"""

from __future__ import annotations

import zlib
from bisect import bisect_right
from functools import lru_cache
from operator import methodcaller
from pathlib import Path

SUFFIX = ".suspects"
# the files a table depends on, besides the dialect's own list
SOURCES = ("en-common.words", "en-common.freq", "en-modern.words", "en-modern.freq", "common.txt")


def fingerprint(folder: Path, dialect: str) -> str:
    """A checksum of the data files the table is computed from."""
    crc = 0
    for name in (*SOURCES, f"{dialect}.words", f"{dialect}.freq"):
        crc = zlib.crc32((folder / name).read_bytes(), crc)
    return f"{crc:08x}"


class Suspects:
    """word -> the common words it may be a slip of (``real_words.suspects_of``). Looked up
    in the file's text in place while few words are asked (a cold run on one draft asks a
    few hundred: splitting 9,000 rows would cost more than the draft); a run that asks more
    than ``SPLIT_AFTER`` gets the rows split into a dict once, and intersects in C."""

    SPLIT_AFTER = 1_000  # about two drafts: splitting costs ~7 ms, a draft asked in place ~1 ms
    STRIDE = 2048

    def __init__(self, text: str) -> None:
        self.text = "\n" + text
        self.rows: dict[str, str] | None = None
        self.asked = 0
        self._keys: list[str] | None = None  # words of lines sampled every STRIDE characters
        self._starts: list[int] = []  # where those lines start
        self._split: dict[str, tuple[str, ...]] = {}

    def among(self, words: frozenset[str] | set[str]) -> set[str]:
        """The suspects among ``words``."""
        rows = self.rows
        if rows is None:
            self.asked += len(words)
            if self.asked <= self.SPLIT_AFTER:
                find = self._row
                return {w for w in words if w.islower() and w.isalpha() and find(w) is not None}
            rows = self._rows()
        return rows.keys() & words

    def get(self, word: str) -> tuple[str, ...]:
        found = self._split.get(word)
        if found is None:
            row = self.rows.get(word) if self.rows is not None else self._row(word)
            found = tuple(row.split()) if row else ()
            self._split[word] = found
        return found

    def _rows(self) -> dict[str, str]:
        """Every row as ``word -> candidates``: the lines after the header cut at their
        first space in C (a third of the cost of a loop), unless some line is blank, lacks
        a space or is a comment past the header (then row by row, as written)."""
        lines = self.text.split("\n")
        skip = 0
        while skip < len(lines) and (not lines[skip] or lines[skip][0] == "#"):
            skip += 1
        rows: dict[str, str] | None = None
        if self.text.count("\n#") == sum(1 for line in lines[:skip] if line):
            body = lines[skip:]
            if body and not body[-1]:
                body.pop()
            try:
                rows = dict(map(methodcaller("split", " ", 1), body))
            except ValueError:  # a blank line or one without candidates
                rows = None
        if rows is None:
            rows = {}
            for line in lines:
                if line and line[0] != "#":
                    word, _, found = line.partition(" ")
                    rows[word] = found
        self.rows = rows
        return rows

    def _row(self, word: str) -> str | None:
        """The candidates of ``word`` as written in its line, or None."""
        if not word.isalpha():
            return None  # every listed word is letters alone (and the header is not one)
        keys = self._keys if self._keys is not None else self._sample()
        starts, text = self._starts, self.text
        i = bisect_right(keys, word)
        lo = starts[i - 1] - 1 if i else 0
        hi = starts[i] if i < len(starts) else len(text)
        at = text.find(f"\n{word} ", lo, hi)
        if at < 0:
            return None
        start = at + len(word) + 2
        return text[start : text.find("\n", start)]

    def _sample(self) -> list[str]:
        text, keys, starts = self.text, [], self._starts
        for at in range(1, len(text), self.STRIDE):
            start = text.find("\n", at - 1) + 1
            if start <= 0 or start >= len(text):
                break
            end = text.find(" ", start, text.find("\n", start))
            if end < 0:
                continue  # a line without candidates: none is written
            if not starts or start > starts[-1]:
                keys.append(text[start:end])
                starts.append(start)
        self._keys = keys
        return keys


@lru_cache(maxsize=2)
def suspects(dialect: str) -> Suspects:
    from linter.errors import ConfigError
    from linter.language.lexicon import data_dir

    path = data_dir() / f"{dialect}{SUFFIX}"
    try:
        return Suspects(path.read_text("ascii"))
    except OSError as exc:
        raise ConfigError(f"spelling: cannot read the real-word table: {exc}") from None


def domain(dialect: str) -> list[str]:
    """Every word ``suspects_of`` may answer for: the lower-case words of the dialect's
    lists and the lower case of its names ("sid" of "Sid"), of two to forty letters."""
    from linter.language.lexicon import lexicon

    found: set[str] = set()
    for lst in lexicon(dialect).lists:
        for length in lst.groups:
            for word in lst.words(length):
                if word.islower():
                    found.add(word)
                elif word[:1].isupper() and word.lower().title() == word:
                    found.add(word.lower())
    return sorted(w for w in found if 2 <= len(w) <= 40 and w.isalpha() and w.isascii())


def build(dialect: str, folder: Path | None = None) -> str:
    """The table's text for ``dialect``, worked out word by word (about ten seconds)."""
    from linter.language.lexicon import data_dir
    from linter.packs.spelling.real_words import suspects_of

    folder = folder or data_dir()
    lines = [f"# lists {fingerprint(folder, dialect)}"]
    for word in domain(dialect):
        found = suspects_of(word, dialect)
        if found:
            lines.append(" ".join((word, *found)))
    return "\n".join(lines) + "\n"


def main() -> None:
    from linter.language.lexicon import DIALECTS, data_dir

    for dialect in DIALECTS:
        path = data_dir() / f"{dialect}{SUFFIX}"
        text = build(dialect)
        path.write_text(text, "ascii")
        print(f"{path.name}: {text.count(chr(10)) - 1} words")


if __name__ == "__main__":
    main()
