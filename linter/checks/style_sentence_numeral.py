"""STYLE021: a sentence does not start with a figure (years excepted)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from linter.rule import Example, Match, Rule

WORDS = ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")
LEADING_RE = re.compile(r"[“\"‘'(\[]*(\d[\d,]*)(?=[\s%])")
YEAR_RE = re.compile(r"1\d{3}|20\d{2}")


class SentenceInitialNumeral(Rule):
    """What it does: flags a figure that opens a sentence ("89 cents of every dollar ...") and,
    for one through nine, suggests the word.

    Why: a sentence never starts with a figure in news copy: spell the number out or recast the
    sentence. Years are the guide's exception ("1976 was a very good year"), and so are list
    numbers ("1.", "2)"), "9/11" and figures glued to letters ("3D", "5G"). Headlines use
    figures and are not checked.

    Example: "3 people were hurt." -> "Three people were hurt."
    """

    id = "STYLE021"
    name = "sentence-initial-numeral"
    pack = "style"
    severity = "warning"
    scope = frozenset({"body"})
    message = "Do not start a sentence with a figure: spell it out or recast the sentence."
    why = "News style spells out a number that starts a sentence, except a year."
    source = "AP Stylebook, 'numerals' (at the start of a sentence)"
    examples: ClassVar[list[Example]] = [
        Example(
            bad="Crash on Route 9\n\nThe car hit a wall. 3 people were hurt.",
            fixed="Crash on Route 9\n\nThe car hit a wall. Three people were hurt.",
        ),
        Example(bad="Crash on Route 9\n\n120 people were hurt."),
        Example(
            good="Crash on Route 9\n\n1976 was a good year. Three people were hurt. "
            "9/11 changed it. 3D films."
        ),
    ]

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        for start, end in doc.sentences:
            m = LEADING_RE.match(prose, start, end)
            if not m or YEAR_RE.fullmatch(m.group(1)):
                continue
            s, e = m.span(1)
            number = m.group(1)
            if number.isdigit() and 1 <= int(number) <= 9:
                word = WORDS[int(number) - 1]
                yield Match(s, e, None, (word,), word)
            else:
                yield Match(s, e)


RULES = [SentenceInitialNumeral]
