"""STYLE020: spell out one through nine in running text (figures for 10 and up), with the
guide's exceptions."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule
from linter.text import figure_matches

WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
# a lone digit 1-9: not part of a larger number, a decimal, a range, a score or a time
# the look-behind follows the digit: the search skips to digits instead of trying every position
DIGIT_RE = re.compile(r"([1-9])(?<![\w$£€¥#.,:/°+-][1-9])(?![\w%.,:/°+-]|\.\d) (?=([a-z]+)\b)")
PREV_WORD_RE = re.compile(r"([\w.]+)\W*$")
# the guide's exceptions: units, money, ages, percentages, scores, votes and ratios
FOLLOW_EXCEPT = frozenset(
    """percent percentage percentages per million billion trillion thousand am pm a p
    feet foot inches inch ft in cm mm km m kg g lb lbs mph kph metres meters meter metre
    centimetres centimeters millimetres millimeters kilometres kilometers miles mile yards yard
    pounds pound ounces ounce tons tonnes ton tonne kilograms grams litres liters gallons acres
    hectares degrees cents dollars euros yen pence pesos rupees bits bytes megabytes gigabytes
    goals points runs wickets votes seats strokes shots innings sets games seconds laps
    to and or of out x by in on at for from as is was are were be has had have with that the
    which who but if than when while into over under per cent""".split()
)
PREV_EXCEPT = frozenset(
    """no nos no. page pages p pp chapter section article room route highway interstate game
    week day stage level category grade grades district precinct ward act season volume vol
    episode phase round step version model number channel gate lane flight platform exit figure
    table rule ages age aged under over between from size type class division tier apollo
    year years term item items option line verse psalm acts amendment""".split()
)
PLURAL_IRREGULAR = frozenset({"people", "children", "men", "women", "feet", "teeth", "mice"})
AGE_RE = re.compile(r"\s+(?:years?|months?|weeks?|days?)[ -]old\b")


class SmallNumbers(Rule):
    """What it does: flags a figure from 1 to 9 counting things in running text ("3 people",
    "7 states") and suggests the word ("three people").

    The guide's exceptions are kept: ages ("5 years old"), percentages, money, dimensions and
    other units, scores and votes, times, dates, addresses and numbered things ("Route 9",
    "Chapter 3", "iPhone 6"). A figure near another figure ("between 3 and 12 people") is left
    alone, so that a series stays consistent. Headlines use figures and are not checked.
    """

    id = "STYLE020"
    name = "spell-out-small-numbers"
    pack = "style"
    severity = "warning"
    scope = frozenset({"body"})
    message = "Spell out numbers under 10 in running text: write '{suggestion}'."
    why = "News style spells out one through nine and uses figures for 10 and up."
    source = "AP Stylebook, 'numerals'; Guardian and Observer style guide, 'numbers'"
    examples: Sequence[Example] = (
        Example(
            bad="Musk headline\n\nMusk met 3 executives on Friday.",
            fixed="Musk headline\n\nMusk met three executives on Friday.",
        ),
        Example(
            good="Musk headline\n\nMusk met three executives, a 5-year-old, 4 years old, at 9 a.m.;"
            " 5 percent, 3 million, $5, 6 feet, between 3 and 12 people, Route 9, Ioniq 6 cars."
        ),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        found = figure_matches(DIGIT_RE, prose, doc.digit_starts)
        for m in found:
            start, end = m.span(1)
            noun = m.group(2)
            if noun in FOLLOW_EXCEPT or not (noun.endswith("s") or noun in PLURAL_IRREGULAR):
                continue
            if AGE_RE.match(prose, end):
                continue
            before = prose[max(0, start - 30) : start]
            prev = PREV_WORD_RE.search(before)
            if prev and (prev.group(1).lower() in PREV_EXCEPT or prev.group(1)[:1].isupper()):
                continue
            line_start = prose.rfind("\n", 0, start) + 1
            if (
                not prev
                or before.rstrip()[-1:] in (".", "!", "?", ":", "(", "“", '"')
                or not prose[line_start:start].strip()
            ):
                continue  # sentence-initial or a list item: STYLE021's business
            window = prose[max(0, start - 15) : end + 12]
            if sum(c.isdigit() for c in window) > 1:
                continue
            word = WORDS[int(m.group(1)) - 1]
            yield Match(start, end, self.format_message(suggestion=word), (word,), word)


RULES = [SmallNumbers]
