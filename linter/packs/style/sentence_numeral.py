"""STYLE021: a sentence does not start with a figure (years excepted)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule
from linter.text import BLANK_LINE_RE, sentence_starts_at

WORDS = ("One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine")
OPENERS = "“\"‘'(["
LEADING_RE = re.compile(r"[“\"‘'(\[]*(\d[\d,]*)(?=[\s%])")
YEAR_RE = re.compile(r"1\d{3}|20\d{2}")


class SentenceInitialNumeral(Rule):
    """What it does: flags a figure that opens a sentence ("89 cents of every dollar ...") and,
    for one through nine, suggests the word.

    Years are the guide's exception ("1976 was a very good year"), and so are list numbers
    ("1.", "2)"), "9/11" and figures glued to letters ("3D", "5G"). Headlines use figures and
    are not checked.
    """

    id = "STYLE021"
    name = "sentence-initial-numeral"
    pack = "style"
    severity = "warning"
    scope = frozenset({"body"})
    message = "Do not start a sentence with a figure: spell it out or recast the sentence."
    why = (
        "A sentence never starts with a figure in news copy: spell the number out or recast "
        "the sentence."
    )
    source = "AP Stylebook, 'numerals' (at the start of a sentence)"
    examples: Sequence[Example] = (
        Example(
            bad="Crash on Route 9\n\nThe car hit a wall. 3 people were hurt.",
            fixed="Crash on Route 9\n\nThe car hit a wall. Three people were hurt.",
        ),
        Example(bad="Crash on Route 9\n\n120 people were hurt."),
        Example(
            good="Crash on Route 9\n\n1976 was a good year. Three people were hurt. "
            "9/11 changed it. 3D films."
        ),
    )

    def check(self, doc) -> Iterator[Match]:
        runs = doc.digit_starts
        head_end = doc.headline[1] if doc.headline else None
        prose = doc.prose
        if runs is None or (
            head_end is not None
            and 0 < head_end < len(prose)
            and prose[head_end - 1 : head_end + 1].isdigit()
        ):
            # a non-ASCII digit, or a headline that ends inside a figure: split the draft
            found = (LEADING_RE.match(prose, start, end) for start, end in doc.sentences)
        else:
            near = () if head_end is None else (head_end, head_end + 1)
            found = (
                _leading(prose, at, head_end)
                for at in runs
                # a quick look at the characters before the figure rules out most runs:
                # after a word character and a space, or after any other character but
                # an opener, no sentence starts unless the headline ends there
                if at < 2
                or at in near
                or prose[at - 1] in OPENERS
                or (prose[at - 1].isspace() and not prose[at - 2].isalnum())
            )
        for m in found:
            if not m or YEAR_RE.fullmatch(m.group(1)):
                continue
            s, e = m.span(1)
            number = m.group(1)
            # a short string first: int() refuses over 4,300 digits (an internal error)
            if number.isdigit() and len(number) < 10 and 1 <= int(number) <= 9:
                word = WORDS[int(number) - 1]
                yield Match(s, e, None, (word,), word)
            else:
                yield Match(s, e)


def _leading(prose: str, at: int, head_end: int | None) -> re.Match | None:
    """``LEADING_RE`` matched on the sentence of ``doc.sentences`` whose figure is the run of
    digits at ``at``, or None when no sentence starts with it: decided from the characters
    around the figure, with ``text.sentences``' own tests, so the draft is never split.

    Only openers can come between a sentence's start and its figure, and a cut falls inside
    them only at the headline's end. The match is bounded by the sentence's end, which
    the look-ahead after the figure must not pass: a character of the figure's own word
    lies inside the sentence unless the headline ends before it, and the whitespace after
    it does unless the sentence ends there (a blank line, the headline's end or the end of
    the draft; no sentence end follows a digit or a comma)."""
    start = at
    while start > 0 and prose[start - 1] in OPENERS:
        start -= 1
    if head_end is not None and start < head_end <= at:
        start = head_end  # the sentence after the headline starts inside the openers
    elif not sentence_starts_at(prose, start, head_end):
        return None
    m = LEADING_RE.match(prose, start)
    if m is None:
        return None
    after = m.end(1)
    if head_end is not None and start < head_end <= after:
        return LEADING_RE.match(prose, start, head_end)
    if prose[after] == "%":
        return m
    nxt = after + 1  # the first character after the whitespace
    while nxt < len(prose) and prose[nxt].isspace():
        nxt += 1
    if (
        nxt == len(prose)
        or (head_end is not None and after <= head_end <= nxt)
        or BLANK_LINE_RE.search(prose, after, nxt)
    ):
        return None  # the sentence ends after the figure: the look-ahead would fail
    return m


RULES = [SentenceInitialNumeral]
