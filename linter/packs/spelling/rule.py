"""What every spelling rule shares: the run's spelling context and the draft's candidates."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from linter.rule import Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.spelling.context import SpellingContext
    from linter.packs.spelling.draft import Draft, Token
    from linter.settings import Settings


class SpellingRule(Rule):
    """A rule over the spelling context that all spelling rules of a run share."""

    def prepare(self, settings: Settings) -> None:
        from linter.packs.spelling.context import context

        self.ctx: SpellingContext = context(settings)

    def flagged(self, doc: Document, flag: int) -> Iterator[tuple[Draft, Token]]:
        """The draft's tokens that carry ``flag``, are not on the accept list and are not
        skipped (handles, code, web addresses), with the draft they belong to."""
        draft = self.ctx.draft(doc)
        accept = draft.vocab.accept
        for tok in draft.tokens:
            if tok.flags & flag and tok.text not in accept and not draft.skip(tok):
                yield draft, tok
