"""STYLE003: a double quotation mark opened and never closed (or closed and never opened)
within a paragraph."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence

from linter.packs.style.common import check_guide, next_block_opens_quote, paragraph_holding
from linter.rule import Example, Match, Rule
from linter.text import char_positions

MARKS = '“”"'
PAIRED = "“”" * 512  # the marks of a paragraph of balanced curly quotations


class UnbalancedQuotes(Rule):
    """What it does: within each paragraph, pairs opening and closing double quotation marks
    (curly “ ” and straight ") and flags an opening mark that is never closed, a closing mark
    that was never opened, and an opening mark inside a quotation already open.

    News convention lets a quotation run on into the next paragraph with no closing mark when
    that paragraph opens with a quotation mark again; that is not flagged, nor is the same
    pattern when the paragraph breaks were lost (". “" inside an open quotation). Straight marks right
    after a figure (12" pizza, 5'10") are inch marks, not quotation marks.
    """

    id = "STYLE003"
    name = "unbalanced-quotes"
    pack = "style"
    severity = "warning"
    message = "This quotation mark is not matched in its paragraph."
    why = (
        "A lost quotation mark changes who said what: the reader cannot tell where the quoted "
        "words end and the reporter's begin."
    )
    source = "AP Stylebook, 'quotation marks' (running quotations across paragraphs)"
    examples: Sequence[Example] = (
        Example(bad="“Press heart, Musk tweeted to his followers on Friday."),
        Example(bad="Press heart,” Musk tweeted to his followers on Friday."),
        Example(bad='He said "press heart to his followers on Friday.'),
        Example(
            good="“Press heart,” Musk tweeted.\n\n“We will win. And we will grow.\n\n"
            '“The ad is good,” he said. A 12" pizza.'
        ),
    )

    def prepare(self, settings) -> None:
        check_guide(settings)

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        marks = char_positions(prose, MARKS)
        if not marks:
            return
        paragraphs = doc.paragraphs
        # only the paragraphs that hold a mark are read; in the others nothing is open
        lo = 0
        while lo < len(marks):
            paragraph = paragraph_holding(paragraphs, marks[lo])
            if paragraph is None:  # cannot happen: no mark is whitespace
                lo += 1
                continue
            start, end = paragraph
            hi = bisect_left(marks, end, lo)
            yield from self._paragraph(doc, start, end, marks[lo:hi])
            lo = hi

    def _paragraph(self, doc, start: int, end: int, marks: list[int]) -> Iterator[Match]:
        """The marks of one paragraph, in order. A line break restarts the count when the
        next line opens a quotation (a run-on quotation); that matters only while a mark
        is open, so the breaks are looked at only then."""
        prose = doc.prose
        if _balanced_curly_pairs(prose, marks):
            return
        open_at: dict[str, int | None] = {"curly": None, "straight": None}
        last = start
        for i in [*marks, end]:
            if (open_at["curly"] is not None or open_at["straight"] is not None) and _runs_on(
                doc, last, i
            ):
                open_at = {"curly": None, "straight": None}
            last = i
            if i == end:
                break
            ch = prose[i]
            family = "straight" if ch == '"' else "curly"
            if ch == '"' and i > start and prose[i - 1].isdigit() and not open_at[family]:
                continue  # 12" pizza
            opening = ch == "“" or (ch == '"' and _opens(prose, i, open_at[family]))
            if opening:
                was_open = open_at[family]
                if was_open is not None and not _reopens(prose, i):
                    yield Match(was_open, was_open + 1, NEVER_CLOSED)
                open_at[family] = i
            elif open_at[family] is None:
                if ch == "”" and i > start and prose[i - 1].isdigit():
                    continue
                yield Match(i, i + 1, NEVER_OPENED)
            else:
                open_at[family] = None
        if not next_block_opens_quote(doc, end):
            for mark in open_at.values():
                if mark is not None:
                    yield Match(mark, mark + 1, NEVER_CLOSED)


def _balanced_curly_pairs(prose: str, marks: list[int]) -> bool:
    """Whether the marks are curly pairs (“ ” “ ” ...) with no line break inside a pair:
    then nothing is reported, since a line break can restart the count only inside one."""
    if len(marks) % 2 or "".join(map(prose.__getitem__, marks)) != PAIRED[: len(marks)]:
        return False
    last = marks[-1]
    n = prose.find("\n", marks[0], last)
    while n >= 0:
        if bisect_left(marks, n) % 2:
            return False  # inside a pair
        n = prose.find("\n", n + 1, last)
    return True


def _runs_on(doc, start: int, end: int) -> bool:
    """Whether a line break in ``start:end`` is followed by an opening quotation mark."""
    find = doc.prose.find
    i = find("\n", start, end)
    while i >= 0:
        if next_block_opens_quote(doc, i):
            return True
        i = find("\n", i + 1, end)
    return False


NEVER_CLOSED = "This opening quotation mark is never closed in its paragraph."
NEVER_OPENED = "This closing quotation mark has no opening mark in its paragraph."


def _reopens(prose: str, i: int) -> bool:
    """An opening mark right after a finished sentence, inside an open quotation: a run-on
    quotation whose paragraph break was lost (copy pasted onto one line)."""
    return prose[max(0, i - 3) : i].rstrip()[-1:] in (".", "?", "!", ":")


def _opens(prose: str, i: int, open_at: int | None) -> bool:
    """Whether a straight double quote opens: by its neighbours, else by parity."""
    before = prose[i - 1] if i else " "
    after = prose[i + 1] if i + 1 < len(prose) else " "
    if (before.isspace() or before in "([{—–-/") and not after.isspace():
        return True
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-'’"):
        return False
    return open_at is None


RULES = [UnbalancedQuotes]
