"""The English dictionary: SCOWL word lists per dialect, modern vocabulary, frequencies, and
codespell's list of known misspellings read from the installed ``codespell`` package.

Why binary search and not a set: hashing 130,000 words costs about 20 ms on every run, while
splitting the sorted list costs a third of that and a draft needs only a few hundred lookups.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from linter.errors import ConfigError

DIALECTS = ("en-US", "en-GB")


def data_dir() -> Path:
    from linter.packs import builtin_rules_dir

    return builtin_rules_dir() / "spelling" / "data"


class WordList:
    """One sorted word list with a frequency byte (Zipf x 10) per word, read on demand."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.words = path.read_text("utf-8").split("\n")
        self._freq: bytes | None = None

    def index(self, word: str) -> int:
        words = self.words
        i = bisect_left(words, word)
        return i if i < len(words) and words[i] == word else -1

    def __contains__(self, word: str) -> bool:
        return self.index(word) >= 0

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
                WordList(folder / "en-common.txt"),
                WordList(folder / f"{dialect}.txt"),
                WordList(folder / "en-modern.txt"),
            ]
            self.other = WordList(folder / f"{other}.txt")
        except OSError as exc:
            raise ConfigError(f"spelling: cannot read the word lists: {exc}") from None
        self.dialect = dialect

    def __contains__(self, word: str) -> bool:
        return any(lst.index(word) >= 0 for lst in self.lists)

    def other_dialect(self, word: str) -> bool:
        return word in self.other

    def zipf(self, word: str) -> float:
        """Zipf frequency of a known word (0 when unknown): 7 for "the", 3 for "militaries"."""
        for lst in self.lists:
            i = lst.index(word)
            if i >= 0:
                return lst.zipf_at(i)
        return 0.0

    def known_word(self, word: str) -> bool:
        """Known as written, or (for a capitalised word) in lower case: "Receive" at the
        start of a sentence is a known word."""
        if word in self:
            return True
        lower = word.lower()
        return lower != word and word[:1].isupper() and word[1:].islower() and lower in self

    def all_words(self) -> list[str]:
        return [w for lst in self.lists for w in lst.words]


@lru_cache(maxsize=2)
def lexicon(dialect: str) -> Lexicon:
    return Lexicon(dialect)


class KnownMisspellings:
    """codespell's main dictionary (``wrong->right`` lines), read from the installed package.

    Only words that are not in the English dictionary are looked up, so a handful of ``find``
    calls over the raw text replace parsing its 65,000 lines.
    """

    def __init__(self, text: str) -> None:
        self.text = "\n" + text
        self._cache: dict[str, tuple[str, ...] | None] = {}

    def lookup(self, word: str) -> tuple[str, ...] | None:
        """The corrections of a lower-case misspelling, or None when it is not listed."""
        if word in self._cache:
            return self._cache[word]
        found = None
        at = self.text.find("\n" + word + "->")
        if at >= 0:
            end = self.text.find("\n", at + 1)
            data = self.text[at + len(word) + 3 : end if end >= 0 else None].strip()
            # codespell: with a comma, the part after the last one is a reason (often empty)
            if "," in data:
                data = data[: data.rfind(",")]
            found = tuple(c.strip() for c in data.split(",") if c.strip()) or None
        self._cache[word] = found
        return found


NO_MISSPELLINGS = KnownMisspellings("")


@lru_cache(maxsize=1)
def known_misspellings() -> KnownMisspellings:
    try:
        import codespell_lib
    except ImportError:
        raise ConfigError("spelling: the codespell package is not installed") from None
    path = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    try:
        return KnownMisspellings(path.read_text("utf-8"))
    except OSError as exc:
        raise ConfigError(f"spelling: cannot read codespell's dictionary: {exc}") from None
