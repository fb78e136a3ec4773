"""Per-project vocabularies: words to accept and words to reject, as Vale has them.

Files are plain text, one word a line, ``#`` starts a comment. An entry in lower case matches
any capitalisation ("ioniq" accepts "Ioniq" and "IONIQ"); an entry with a capital matches
only as written ("InfoWars"), so accepting a brand never accepts its lower-case misuse.
Matching is always of whole words: accepting "teh" never hides "tehnology".
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from linter.errors import ConfigError
from linter.record import Record
from linter.source import read_text_limited

if TYPE_CHECKING:  # pragma: no cover
    from linter.settings import Settings

TABLE_KEYS = ("accept", "reject", "codespell")


class WordSet(Record):
    def __init__(self, exact: set[str] | None = None, any_case: set[str] | None = None) -> None:
        self.exact: set[str] = set() if exact is None else exact
        self.any_case: set[str] = set() if any_case is None else any_case

    def add(self, entry: str) -> None:
        entry = entry.strip().replace("’", "'")
        if not entry:
            return
        if entry.islower():
            self.any_case.add(entry)
        else:
            self.exact.add(entry)

    def __contains__(self, word: str) -> bool:
        return word in self.exact or word.lower() in self.any_case

    def __bool__(self) -> bool:
        return bool(self.exact or self.any_case)


class Vocabulary(Record):
    def __init__(self, accept: WordSet | None = None, reject: WordSet | None = None) -> None:
        self.accept = WordSet() if accept is None else accept
        self.reject = WordSet() if reject is None else reject


def read_word_file(path: Path, into: WordSet) -> None:
    try:
        text = read_text_limited(path)  # a regular file, bounded (issue 17)
    except FileNotFoundError:
        raise ConfigError("vocabulary file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read vocabulary file: {exc}", str(path)) from None
    for line in text.splitlines():
        into.add(line.split("#", 1)[0])


def vocabulary(settings: Settings) -> Vocabulary:
    table = settings.table("spelling")
    where = str(settings.config_path) if settings.config_path else None
    for key, value in table.items():
        if key not in TABLE_KEYS:
            raise ConfigError(
                f"key 'spelling.{key}' is unknown (use accept, reject or codespell)", where
            )
        if key == "codespell":
            if not isinstance(value, bool):
                raise ConfigError("key 'spelling.codespell' must be true or false", where)
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"key 'spelling.{key}' must be a list of words", where)
    files = settings.vocabulary
    return _load(
        tuple(files.get("accept", ())),
        tuple(files.get("reject", ())),
        tuple(table.get("accept", ())),
        tuple(table.get("reject", ())),
    )


@lru_cache(maxsize=8)
def _load(
    accept_files: tuple[Path, ...],
    reject_files: tuple[Path, ...],
    accept_words: tuple[str, ...],
    reject_words: tuple[str, ...],
) -> Vocabulary:
    vocab = Vocabulary()
    for path in accept_files:
        read_word_file(Path(path), vocab.accept)
    for path in reject_files:
        read_word_file(Path(path), vocab.reject)
    for word in accept_words:
        vocab.accept.add(word)
    for word in reject_words:
        vocab.reject.add(word)
    return vocab


def with_front_matter(vocab: Vocabulary, extra: object) -> Vocabulary:
    """The vocabulary plus a draft's front matter ``vocabulary`` mapping (malformed values
    are ignored: front matter belongs to the writer, not to the config)."""
    if not isinstance(extra, dict):
        return vocab
    merged = Vocabulary(
        WordSet(set(vocab.accept.exact), set(vocab.accept.any_case)),
        WordSet(set(vocab.reject.exact), set(vocab.reject.any_case)),
    )
    for key, target in (("accept", merged.accept), ("reject", merged.reject)):
        words = extra.get(key)
        if isinstance(words, str):
            words = [words]
        if isinstance(words, list):
            for word in words:
                if isinstance(word, str):
                    target.add(word)
    return merged
