"""STYLE002: in British style a comma or full stop that is not part of a quoted fragment
goes outside the closing quotation mark."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.packs.style.punct_inside_quotes import closed_quotations
from linter.rule import Example, Match, Rule
from linter.text import WORD_RE

MAX_FRAGMENT_WORDS = 4


class PunctuationOutsideQuotes(Rule):
    """What it does: under the British guide, flags a comma or full stop placed inside the
    closing quotation mark of a short quoted fragment (a word or phrase that is not a
    sentence: at most four words, starting in lower case, not introduced by a colon or a
    comma) and moves it outside.

    Whole quoted sentences are left alone, because their full stop may well be the speaker's.
    """

    id = "STYLE002"
    name = "punctuation-outside-quotes"
    pack = "style"
    severity = "warning"
    guides = frozenset({"british"})
    message = "British style: put the '{punct}' outside the quoted fragment."
    why = (
        "British style punctuates logically: a mark goes inside the quotation only when it "
        "belongs to the quoted words, and a fragment of a few words cannot own the writer's "
        "comma."
    )
    source = "Guardian and Observer style guide, 'quotation marks'; New Hart's Rules 9.2.5"
    examples: Sequence[Example] = (
        Example(
            bad="He called it a “disaster,” then left.",
            fixed="He called it a “disaster”, then left.",
        ),
        Example(good="He called it a “disaster”, then said: “We will rebuild the plant.” He left."),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        for start, end in closed_quotations(doc):
            punct = prose[end - 2]
            if punct not in (",", ".") or prose[end - 4 : end - 1] == "...":
                continue
            inner = prose[start + 1 : end - 2]
            words = WORD_RE.findall(inner)
            if not words or len(words) > MAX_FRAGMENT_WORDS or not inner[:1].islower():
                continue
            before = prose[:start].rstrip()[-1:]
            if before in (":", ","):
                continue  # a quotation introduced as speech
            fixed = prose[end - 1] + punct
            yield Match(end - 2, end, self.format_message(punct=punct), (fixed,), fixed)


RULES = [PunctuationOutsideQuotes]
