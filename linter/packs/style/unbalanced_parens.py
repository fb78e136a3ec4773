"""STYLE004: a parenthesis or bracket opened and never closed (or closed and never opened)
within a paragraph."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence

from linter.packs.style.common import block_around, paragraph_holding
from linter.rule import Example, Match, Rule
from linter.text import char_positions

PAIRS = {"(": ")", "[": "]"}
CLOSING = {v: k for k, v in PAIRS.items()}
# "a)", "1)", "iv)" starting a list item, and emoticons such as ":)" or ";-)"
ENUMERATOR = re.compile(r"(?:^|[\s(])(?:[a-zA-Z]|\d{1,2}|[ivxIVX]{1,4})$")
BRACKETS = "()[]"
EMOTICON = re.compile(r"[:;=8][-']?$")


class UnbalancedParentheses(Rule):
    """What it does: within each paragraph, pairs "(" with ")" and "[" with "]", and flags
    a mark left open at the end of the paragraph or closed without being opened.

    List enumerators ("a)", "2)", "iv)") and emoticons (":)") are not parentheses and are
    skipped.
    """

    id = "STYLE004"
    name = "unbalanced-parentheses"
    pack = "style"
    severity = "warning"
    message = "This parenthesis is not matched in its paragraph."
    why = (
        "A lost parenthesis leaves the reader unsure where the aside ends; it is usually a "
        "slip from cutting a sentence short."
    )
    source = "AP Stylebook, 'parentheses'; Chicago Manual of Style 6.95"
    examples: Sequence[Example] = (
        Example(bad="The ad (which features Kevin Bacon ran on Friday."),
        Example(bad="The ad which features Kevin Bacon) ran on Friday."),
        Example(good="The ad (which features Kevin Bacon) ran on Friday [sic]. Choose a) or b) :)"),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        marks = char_positions(prose, BRACKETS)
        if not marks:
            return
        paragraphs = doc.paragraphs
        # only the blocks that hold a bracket are found, each from the line breaks next to it
        lo, floor = 0, 0
        while lo < len(marks):
            paragraph = paragraph_holding(paragraphs, marks[lo])
            if paragraph is None:  # cannot happen: no bracket is whitespace
                lo += 1
                continue
            para_start, para_end = paragraph
            start, end = block_around(prose, marks[lo], para_start, para_end, floor)
            floor = end
            hi = bisect_left(marks, end, lo)
            yield from self._block(prose, start, marks[lo:hi])
            lo = hi

    def _block(self, prose: str, start: int, marks: list[int]) -> Iterator[Match]:
        """Pairs the brackets at ``marks``, those of the block that starts at ``start``."""
        stack: list[int] = []
        for i in marks:
            ch = prose[i]
            if ch in PAIRS:
                stack.append(i)
            elif ch in CLOSING:
                if stack and prose[stack[-1]] == CLOSING[ch]:
                    stack.pop()
                    continue
                head = prose[max(start, i - 6) : i]
                if ch == ")" and (ENUMERATOR.search(head) or EMOTICON.search(head)):
                    continue
                if stack:
                    continue  # mismatched kinds, e.g. "( ]": report only the opener below
                yield Match(i, i + 1, "This closing parenthesis has no opening one.")
        for i in stack:
            yield Match(i, i + 1, "This opening parenthesis is never closed.")


RULES = [UnbalancedParentheses]
