"""STYLE005: straight and curly double quotation marks mixed in one document."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule
from linter.text import char_positions


class MixedQuotes(Rule):
    """What it does: counts the straight (") and curly (“ ”) double quotation marks of a
    document and, when both are used, flags each mark of the less common style.

    Marks in code and inch marks after a figure (12") are not counted. Apostrophes are not
    checked: a curly apostrophe in straight-quoted copy is common and harmless.
    """

    id = "STYLE005"
    name = "mixed-quote-styles"
    pack = "style"
    severity = "warning"
    message = (
        "{style} quotation mark in a document that otherwise uses {other} ones; use one style."
    )
    why = (
        "One document uses one style of quotation marks; a mix shows pasted material and "
        "prints unevenly."
    )
    source = "AP Stylebook, 'quotation marks'; Chicago Manual of Style 6.115"
    examples: Sequence[Example] = (
        Example(bad='“Press heart,” Musk tweeted. “Now,” he said. He then said "it works."'),
        Example(good='“Press heart,” Musk tweeted. He said “it works.” A 12" pizza.'),
        Example(good='"Press heart," Musk tweeted. He said "it works."'),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        if '"' not in prose or ("“" not in prose and "”" not in prose):
            return
        # the marks found with str.find: a character class would test every position
        straight = [i for i in char_positions(prose, '"') if not (i and prose[i - 1].isdecimal())]
        curly = char_positions(prose, "“”")
        if not straight or not curly:
            return
        if len(curly) < len(straight):
            minority, style, other = curly, "A curly", "straight"
        else:
            minority, style, other = straight, "A straight", "curly"
        for i in minority:
            yield Match(i, i + 1, self.format_message(style=style, other=other))


RULES = [MixedQuotes]
