"""SPELL006's suspects, precomputed: every word the lists know (or know as a name) that may be
a slip of a common word, with those common words (``real_words.suspects_of``).

Why a table: the real-word rule asks about every distinct lower-case word of a draft, and on
fresh text most of them are new. Working each out costs two frequency lookups and, for a
rare word, a search of the common words one slip away (about 20 microseconds a word, a third
of the rule's time on a megabyte of new prose, plus 0.1 s to build the search's index). The
answer depends on the word lists alone, so ``build`` works it out once for every listed word
(``python -m linter.packs.spelling.suspects``, after ``build_data``), and a draft's suspects
are the intersection of its words with the table's 9,000 keys, in C.

Format of ``<dialect>.suspects``: a first line ``# lists <fingerprint>`` naming the data it
was built from (a test compares it with the files), then one line a word, sorted:
``word candidate candidate ...``.
"""

from __future__ import annotations

import zlib
from functools import lru_cache
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
    """word -> the common words it may be a slip of (``real_words.suspects_of``)."""

    def __init__(self, text: str) -> None:
        rows: dict[str, str] = {}
        for line in text.split("\n"):
            if line and line[0] != "#":
                word, _, found = line.partition(" ")
                rows[word] = found
        self.rows = rows
        self._split: dict[str, tuple[str, ...]] = {}

    def among(self, words: frozenset[str] | set[str]) -> set[str]:
        """The suspects among ``words`` (a set intersection in C)."""
        return self.rows.keys() & words

    def get(self, word: str) -> tuple[str, ...]:
        found = self._split.get(word)
        if found is None:
            row = self.rows.get(word)
            found = tuple(row.split()) if row else ()
            self._split[word] = found
        return found


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
