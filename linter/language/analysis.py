"""The linguistic layer of a document: its sentences as tokens, and their tags on demand.

``analysis(doc)`` is computed once per document and kept on it (``linter.memo.PerDocument``).
Tokens of a sentence are built when a rule first asks for that sentence, and tags (Penn
Treebank, from ``linter.language.tagger``) when a rule first asks for them, so a rule that
looks only at sentences holding its cue words pays only for those.

Word candidates (``candidates``), lemmas and forms (``linter.language.forms``) need no
document: they are the lexicon's.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from linter.language.tagger import model
from linter.language.tokens import Token, sentence_tokens
from linter.memo import PerDocument

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document


# sentences whose tokens are kept (rules ask about nearby sentences in turn; a token is ~150
# bytes, so keeping every sentence's cost a 10 MB draft ~40 MB); the tags are all kept
TOKENS_KEPT = 512


class Analysis:
    """Sentences, their tokens and tags for one document."""

    def __init__(self, doc: Document) -> None:
        self.prose = doc.prose
        self.words = doc.words
        self.sentences = doc.sentences
        self._starts = [s for s, _ in self.sentences]
        self._tokens: dict[int, list[Token]] = {}
        self._tags: dict[int, list[str]] = {}
        self._word_starts = doc.word_starts

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (-1 before the first)."""
        return bisect_right(self._starts, offset) - 1

    def tokens(self, index: int) -> list[Token]:
        """The tokens (words and punctuation) of sentence ``index``."""
        found = self._tokens.get(index)
        if found is None:
            s_start, s_end = self.sentences[index]
            first = self._word_at(s_start)
            found, _ = sentence_tokens(self.prose, self.words, first, s_start, s_end)
            if len(self._tokens) >= TOKENS_KEPT:
                del self._tokens[next(iter(self._tokens))]  # the sentence asked first
            self._tokens[index] = found
        return found

    def tags(self, index: int) -> list[str]:
        """The most likely tag of each token of sentence ``index``."""
        found = self._tags.get(index)
        if found is None:
            toks = self.tokens(index)
            caps = [j > 0 and t.text[:1].isupper() for j, t in enumerate(toks)]
            found = self._tags[index] = model().tag([t.low for t in toks], caps)
        return found

    def _word_at(self, offset: int) -> int:
        return bisect_right(self._word_starts, offset - 1)


LANGUAGE: PerDocument[Analysis] = PerDocument("language", Analysis)


def analysis(doc: Document) -> Analysis:
    """The document's linguistic layer (computed once, kept on the document)."""
    return LANGUAGE.of(doc)


def candidates(word: str) -> dict[str, float]:
    """P(tag | word) for a lower-case word, from the lexicon (no context; shared, do not
    change the dict)."""
    return model().candidates(word)


def can_be(word: str, *tags: str, at_least: float = 0.05) -> bool:
    """Whether ``word`` takes one of ``tags`` with probability ``at_least``."""
    cands = candidates(word)
    return sum(cands.get(t, 0.0) for t in tags) >= at_least
