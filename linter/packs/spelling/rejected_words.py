"""SPELL003: a word on the project's reject list."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.packs.spelling.rule import SpellingRule
from linter.rule import Example, Match

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document


class RejectedWord(SpellingRule):
    """What it does:
    Flags every word on the project's reject list (``[tool.copydesk.vocabulary] reject``
    files, ``[tool.copydesk.spelling] reject = [...]``, or a draft's own front matter
    ``vocabulary: {reject: [...]}``). A lower-case entry matches any capitalisation; an
    entry with capitals matches only as written.

    A newsroom has words it never prints, correctly spelled or not: an outdated name, a
    house-banned spelling ("alright"). Vale calls this a vocabulary's reject list.
    """

    id = "SPELL003"
    name = "rejected-word"
    pack = "spelling"
    severity = "error"
    message = "'{match}' is on the project's reject list."
    why = "The project's vocabulary rejects this word."
    source = "the project's vocabulary files"
    examples: Sequence[Example] = (
        Example(bad="---\nvocabulary: {reject: [alright]}\n---\nIt is alright.", format="markdown"),
        Example(
            good="---\nvocabulary: {reject: [alright]}\n---\nIt is all right.", format="markdown"
        ),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.packs.spelling.context import REJECT

        draft = self.ctx.draft(doc)
        reject = draft.vocab.reject
        if not reject:
            return
        for tok in draft.tokens:
            if tok.flags & REJECT and tok.text in reject and not draft.skip(tok):
                written = doc.text[tok.start : tok.end]
                yield Match(tok.start, tok.end, f"'{written}' is on the project's reject list.")


RULES = [RejectedWord]
