"""STYLE001: in US style the comma and the period go inside the closing quotation mark."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule
from linter.text import OPENERS

CLOSERS = frozenset(OPENERS.values()) | {"'"}


def closed_quotations(doc) -> Iterator[tuple[int, int]]:
    """Quotation spans whose last character is the closing mark of their opening mark."""
    prose = doc.prose
    for start, end in doc.quotes:
        opener, closer = prose[start], prose[end - 1]
        if end - start >= 3 and closer == OPENERS.get(opener, "'" if opener == "'" else None):
            yield start, end


class PunctuationInsideQuotes(Rule):
    """What it does: flags a comma or period placed after a closing quotation mark
    ('a "free speech absolutist", the billionaire') and moves it inside.

    Question marks, exclamation marks, colons and semicolons follow the sense and are not
    checked. Only quotations whose closing mark matches the opening one are checked, so an
    apostrophe ending a plural possessive ("the workers’,") is never taken for a quotation.
    """

    id = "STYLE001"
    name = "punctuation-inside-quotes"
    pack = "style"
    severity = "warning"
    guides = frozenset({"ap"})
    scope = frozenset({"headline", "body"})
    message = "Put the '{punct}' inside the closing quotation mark (US style)."
    why = (
        "US news style puts commas and periods inside the closing quotation mark whether or "
        "not they belong to the quoted words; a comma outside reads as British style in US "
        "copy."
    )
    source = "AP Stylebook, 'quotation marks' (placement with other punctuation)"
    examples: Sequence[Example] = (
        Example(
            bad="Despite his claims to be a “free speech absolutist”, he shut accounts.",
            fixed="Despite his claims to be a “free speech absolutist,” he shut accounts.",
        ),
        Example(
            bad='She called it a "disaster". Then she left.',
            fixed='She called it a "disaster." Then she left.',
        ),
        Example(good="She called it a “disaster,” then asked: “Who pays?” The workers’, not ours."),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        for _start, end in closed_quotations(doc):
            punct = prose[end : end + 1]
            if punct not in (",", ".") or prose[end : end + 3] == "...":
                continue
            closer = prose[end - 1]
            if prose[end - 2 : end - 1] in (",", ".", "?", "!"):
                continue  # already has its own punctuation inside
            fixed = punct + closer
            yield Match(
                end - 1,
                end + 1,
                self.format_message(punct=punct),
                (fixed,),
                fixed,
            )


RULES = [PunctuationInsideQuotes]
