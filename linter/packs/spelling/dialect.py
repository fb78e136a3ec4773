"""SPELL005: a spelling of the other dialect ("color" in en-GB copy, "colour" in en-US)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.packs.spelling.rule import SpellingRule
from linter.rule import Example, Match

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document


class DialectSpelling(SpellingRule):
    """What it does:
    Notes a word spelled the way the other dialect spells it ("colour", "centre",
    "travelled" in en-US copy; "color", "center" in en-GB copy, with ``dialect = "en-GB"``)
    and gives this dialect's spelling. Advice only: both spellings are correct English.

    The unknown-word rule accepts both dialects, so that British copy quoted in an American
    story is never called misspelled.
    """

    id = "SPELL005"
    name = "dialect-spelling"
    pack = "spelling"
    severity = "info"
    message = "'{match}' is spelled the other dialect's way: write '{suggestion}'."
    why = "A publication spells consistently in one dialect."
    source = "SCOWL en-US and en-GB word lists"
    examples: Sequence[Example] = (
        Example(bad="The colour of the flag."),  # advice (info): suggested, never auto-fixed
        Example(bad="Labour leaders met in the centre of town."),
        Example(good="The color of the flag, the center of town."),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.packs.spelling.context import DIALECT, match_case
        from linter.packs.spelling.tokens import base, is_title

        ctx = self.ctx
        for draft, tok in self.flagged(doc, DIALECT):
            if is_title(tok.text) and not draft.positional(tok.start):
                continue  # a name: "Labour", "Centre Court"
            if draft.foreign(tok):
                continue
            ours = ctx.dialect_variant(base(tok.text).lower())
            if not ours:  # never: the flag says there is one
                continue
            written = doc.text[tok.start : tok.end]
            if base(tok.text) != tok.text:  # keep the possessive ending
                ours += tok.text[len(base(tok.text)) :]
            fix = match_case(ours, written)
            yield Match(
                tok.start,
                tok.end,
                f"'{written}' is spelled the other dialect's way: write '{fix}'.",
                suggestions=(fix,),
                fix=fix,
            )


RULES = [DialectSpelling]
