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
from functools import cached_property
from typing import TYPE_CHECKING

from linter.language.sentences import sentence_around
from linter.language.tagger import Tags, model
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
        self._doc = doc
        self.prose = doc.prose
        self.words = doc.words
        self._tokens: dict[tuple[int, int], list[Token]] = {}
        self._tags: dict[tuple[int, int], Tags] = {}
        self._word_starts = doc.word_starts

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The document's sentences (split when a rule first asks by index)."""
        return self._doc.sentences

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """The index of the sentence holding ``offset`` (-1 before the first)."""
        return bisect_right(self._starts, offset) - 1

    def span_of_word(self, start: int, end: int) -> tuple[int, int] | None:
        """The sentence (a span of ``sentences``) holding the word at ``start:end``, found
        from the sentence ends next to it (``sentences.sentence_around``), so that a rule
        that asks about a few words never splits the whole draft; None when the headline
        ends inside the word."""
        doc = self._doc
        return sentence_around(self.prose, doc.paragraphs, start, end, doc.headline)

    def tokens(self, index: int) -> list[Token]:
        """The tokens (words and punctuation) of sentence ``index``."""
        return self.span_tokens(self.sentences[index])

    def tags(self, index: int) -> Tags:
        """The most likely tag of each token of sentence ``index`` (worked out as far as
        they are read: ``tagger.Tags``)."""
        return self.span_tags(self.sentences[index])

    def span_tokens(self, span: tuple[int, int]) -> list[Token]:
        """The tokens of the sentence ``span`` (one of ``sentences``)."""
        found = self._tokens.get(span)
        if found is None:
            s_start, s_end = span
            first = self._word_at(s_start)
            found, _ = sentence_tokens(self.prose, self.words, first, s_start, s_end)
            if len(self._tokens) >= TOKENS_KEPT:
                del self._tokens[next(iter(self._tokens))]  # the sentence asked first
            self._tokens[span] = found
        return found

    def span_tags(self, span: tuple[int, int]) -> Tags:
        """The most likely tag of each token of the sentence ``span``, a ``Sequence``
        tagged as far as it is read (a rule reads the tags near its cue word)."""
        found = self._tags.get(span)
        if found is None:
            toks = self.span_tokens(span)
            caps = [j > 0 and t.text[:1].isupper() for j, t in enumerate(toks)]
            found = self._tags[span] = Tags(model(), [t.low for t in toks], caps)
        return found

    def _word_at(self, offset: int) -> int:
        return bisect_right(self._word_starts, offset - 1)


LANGUAGE: PerDocument[Analysis] = PerDocument("language", Analysis)


def analysis(doc: Document) -> Analysis:
    """The document's linguistic layer (computed once, kept on the document)."""
    return LANGUAGE.of(doc)


def candidates(word: str) -> dict[str, float]:
    """P(tag | word) for a lower-case word, from the lexicon (no context; shared, do not
    change the dict). A word asked before is read from the model's memo directly: the
    rules ask this tens of thousands of times per megabyte."""
    found = _ASKED[0].get(word)
    if found is None:
        tagger = model()
        found = tagger.candidates(word)
        _ASKED[0] = tagger._cands
    return found


_ASKED: list[dict[str, dict[str, float]]] = [{}]  # the model's memo, once it is loaded


def can_be(word: str, *tags: str, at_least: float = 0.05) -> bool:
    """Whether ``word`` takes one of ``tags`` with probability ``at_least``."""
    cands = candidates(word)
    return sum(cands.get(t, 0.0) for t in tags) >= at_least
