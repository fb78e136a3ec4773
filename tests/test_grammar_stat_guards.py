"""GRAM002's word-pair statistics on edited prose (issue 14, precision): "too" as "also" or
before a compound adjective, and "there" as a place, are not called wrong; the slips of
the same surface still are."""

from __future__ import annotations

from linter.runner import lint_text

CORRECT = """It is too one-sided, and he is a little too self-confident.
There was vexation too on account of Celia.
We were there five minutes, and we lay there four days.
What is there left to desire? He did not enter on any subject too precipitately.
"""

DRAFT = """We drove too Poland last year.
The players put there bags on the bus.
They sold there five best players.
"""


def findings(text: str) -> list[tuple[str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM001", "GRAM002"])
    ]


def test_too_as_also_and_there_as_a_place_stay() -> None:
    assert findings(CORRECT) == []


def test_the_same_surfaces_with_a_slip_are_found() -> None:
    assert findings(DRAFT) == [
        ("GRAM002", 1, 10, ("to",)),
        ("GRAM001", 2, 17, ("their",)),
        ("GRAM002", 3, 11, ("their",)),
    ]
