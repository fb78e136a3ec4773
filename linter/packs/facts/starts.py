"""Sentence starts where runs of capitalised words begin, each decided from the characters
before it with the layer's local test (``linter.language.sentences``): no split of the whole
draft."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linter.language.sentences import MAY_START_RE, sentence_starts_at

if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence

    from linter.document import Document

__all__ = ["DOT_SPACE_RE", "MAY_START_RE", "SentenceStarts"]

DOT_SPACE_RE = re.compile(r"\.[ \u00a0]")  # a full stop and a space inside a run


class SentenceStarts:
    """Membership in ``sentence_starts(doc)`` (the starts of the sentences, paragraphs and
    lines), asked only for the offsets where runs begin, each decided from the characters
    before it, as ``Document.sentences`` would cut there: no split of the whole draft."""

    def __init__(self, doc: Document) -> None:
        self.prose = doc.prose
        self.head_end = doc.headline[1] if doc.headline else None
        self._doc = doc

    def flags(self, offsets: Sequence[int]) -> list[bool]:
        """For each run offset, whether a sentence, paragraph or line starts there. When
        the draft is split into sentences already (a long draft: ``_initial_words`` reads
        them), membership in their starts, in C, instead of a test per offset."""
        doc = self._doc
        if "sentences" in doc.__dict__:  # the cached split (``Document.sentences``)
            starts = {s for s, _ in doc.sentences}
            starts.update(s for s, _ in doc.paragraphs)
            starts.update(doc.line_starts)
            return list(map(starts.__contains__, offsets))
        prose = self.prose
        may = {m.end() for m in MAY_START_RE.finditer(prose)}
        may.add(len(prose) - len(prose.lstrip()))
        if self.head_end is not None:
            may.add(self._after_headline(self.head_end))
        found = {at for at in may.intersection(offsets) if self.opens(at)}
        if offsets[0] == 0:
            found.add(0)
        return list(map(found.__contains__, offsets))

    def inside(self, s: int, text: str) -> tuple[int, ...]:
        """The sentence starts strictly inside the run ``text`` at ``s``, relative to it:
        only after a full stop and a space, or where the sentence after the headline
        starts."""
        cand = [s + m.end() for m in DOT_SPACE_RE.finditer(text)]
        if self.head_end is not None:
            at = self._after_headline(self.head_end)
            if s < at < s + len(text) and at not in cand:
                cand.append(at)
                cand.sort()
        return tuple(at - s for at in cand if self.opens(at))

    def _after_headline(self, head_end: int) -> int:
        prose, at = self.prose, head_end
        while at < len(prose) and prose[at].isspace():
            at += 1
        return at

    def opens(self, at: int) -> bool:
        """Whether ``at`` (a capital) is in ``sentence_starts``: a line starts there, only
        whitespace lies before it, or the whitespace before it holds the end of the headline
        or a blank line, or follows a sentence end that the splitter cuts at (the layer's
        ``sentence_starts_at``)."""
        prose = self.prose
        return at == 0 or prose[at - 1] == "\n" or sentence_starts_at(prose, at, self.head_end)
