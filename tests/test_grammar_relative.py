"""GRAM015 (a relative clause's verb against the noun it describes) on realistic copy: each
slip found at its line and column with its suggestion; the readings that could be right
left alone."""

from __future__ import annotations

from linter.runner import lint_text

DRAFT = """Council weighs new rules

But there is also people that is convinced by the advertisements.
When international companies that has already won contracts begin, prices rise.
On the other hand, a chef that try new tastes gains a place.
Schools need teachers who really cares about their pupils.
"The voters that is angry will stay home," she said.
"""

CORRECT = """Companies that have won the contract begin work.
He is one of the people who is known here. The price of goods that is quoted is high.
Prices rose, which is bad. He told reporters that is not true.
The husband and wife who run this spot are lovely people.
In the corner is a girl in a headscarf and jeans who looks calm.
They found the only tire that fit the car. A soldier who lay prone was hurt.
Three years that was the term. The kind of people who is welcome here.
Officials, planners and other staff in this office that do the work agree.
"""


def findings(text: str) -> list[tuple[str, int, int, str, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.severity, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM015"])
    ]


def test_each_slip_at_its_position_with_its_suggestion():
    assert findings(DRAFT) == [
        ("GRAM015", 3, 31, "warning", ("are",)),  # people that is
        ("GRAM015", 4, 35, "warning", ("have",)),  # companies that has already
        ("GRAM015", 5, 32, "warning", ("tries",)),  # a chef that try
        ("GRAM015", 6, 34, "warning", ("care",)),  # teachers who really cares
        ("GRAM015", 7, 18, "info", ("are",)),  # in a quotation: advice
    ]


def test_readings_that_could_be_right_are_left_alone():
    assert findings(CORRECT) == []


def test_gram009_keeps_the_cases_it_reads():
    # "a person who are": GRAM009 reports it; GRAM015 does not report it twice
    found = [
        f.rule for f in lint_text("We need a person who are honest.", "d.txt", select=["GRAM"])
    ]
    assert found == ["GRAM009"]
