"""SPELL002: a known misspelling ("miniscule", "recieve"), from codespell's dictionary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.packs.spelling.rule import SpellingRule
from linter.rule import Example, Match

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.spelling.draft import Draft, Token


class KnownMisspelling(SpellingRule):
    """What it does:
    Flags words that codespell's curated list of common misspellings knows ("miniscule",
    "recieve", "accomodate", "teh") and gives the correction; a single correction is applied
    by ``--fix``.

    A word on the list is never a correct English word unless it is a name, so a capitalised
    word in mid-sentence is left alone (Herat, Enver) unless its correction is itself a proper
    word ("Brazillian" for Brazilian).
    """

    id = "SPELL002"
    name = "known-misspelling"
    pack = "spelling"
    severity = "error"
    message = "'{match}' is misspelled: write '{suggestion}'."
    why = "A misspelled word in print costs the story its credibility."
    source = "codespell's dictionary (CC BY-SA 3.0), copied into rules/spelling/data"
    examples: Sequence[Example] = (
        Example(bad="The effect was miniscule.", fixed="The effect was minuscule."),
        Example(bad="Recieve the award on Friday.", fixed="Receive the award on Friday."),
        Example(
            bad="Fans of the Brazillian team cheered.", fixed="Fans of the Brazilian team cheered."
        ),
        Example(good="The effect was minuscule, officials in Herat said."),
        Example(good="Follow @recieve and #miniscule, or mail recieve@example.com."),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.packs.spelling.context import KNOWN, match_case, quoted

        ctx = self.ctx
        for draft, tok in self.flagged(doc, KNOWN):
            fixes = ctx.known.lookup(tok.text.lower())
            if not fixes or not self._wrong(tok, fixes, draft) or draft.foreign(tok):
                continue
            fixes = tuple(match_case(f, tok.text) for f in fixes)
            written = doc.text[tok.start : tok.end]
            yield Match(
                tok.start,
                tok.end,
                f"'{written}' is misspelled: write {quoted(fixes)}.",
                suggestions=fixes,
                fix=fixes[0] if len(fixes) == 1 else None,
            )

    def _wrong(self, tok: Token, fixes: tuple[str, ...], draft: Draft) -> bool:
        """Whether the word is wrong rather than a name that looks like a misspelling.

        A capitalised word is a name when the draft uses it next to another capitalised word
        ("Cresent Hardy", "Mr. Enver") anywhere outside the headline, or when the dictionary
        knows it as a proper noun (Herat). Otherwise a capital tells nothing: "Technlogy" in
        "Science and Technlogy" or "Recieve" opening a sentence is a misspelling.
        """
        if tok.text.islower():
            return True
        lex = self.ctx.lexicon
        if all(f.title() in lex and f not in lex for f in fixes):
            return True  # the correction is a proper word itself: "Brazillian"
        return not draft.is_name(tok.text)


RULES = [KnownMisspelling]
