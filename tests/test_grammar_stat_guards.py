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


# Correct sentences of fresh book prose that GRAM001/GRAM002 called wrong (issue 14,
# seventh round): each guard reads the clause, not the sentence.
BOOK_PROSE = """Everywhere in the town were the mold and the damp of the long winter.
The shopkeeper there swindles every traveller who stops at his door.
It is said that there lives an old man on the hill above the mill.
You should wear it loose in the summer heat.
The custom had died long before its time.
The old house stood in too perfect repair for a place so long empty.
"""

# The same surfaces with a slip: still found.
BOOK_SLIPS = """They risked there lives every day.
I visited the town were the mold grew.
If it loose value, we sell.
Its time to go home.
She went too the store.
"""


def test_clause_guards_leave_book_prose_alone() -> None:
    assert findings(BOOK_PROSE) == []


def test_clause_guards_keep_the_slips_of_the_same_surface() -> None:
    assert findings(BOOK_SLIPS) == [
        ("GRAM001", 1, 13, ("their",)),
        ("GRAM001", 2, 20, ("where",)),
        ("GRAM001", 3, 7, ("lose",)),
        ("GRAM001", 4, 1, ("It's",)),
        ("GRAM001", 5, 10, ("to",)),
    ]


# "too" before an adjective that no noun follows is the adverb ("to" would need the noun);
# before an adjective and its noun it may be "to" ("in response too major shortfalls").
TOO_ADJECTIVES = """That man was too good, too perfect, too affected.
It is not too particular about its Venus.
The acts were too contrary to goodness.
The talks were assuming too free a character.
"""


def test_too_before_a_bare_adjective_stays() -> None:
    assert findings(TOO_ADJECTIVES) == []


def test_to_before_an_adjective_and_its_noun_is_found() -> None:
    text = "The plan was sent in response too major revenue shortfalls.\n"
    assert findings(text) == [("GRAM002", 1, 31, ("to",))]
