"""GRAM016 and GRAM017: a determiner and its noun agree in number across adjectives."""

from __future__ import annotations

from linter.runner import lint_text

DRAFT = """Shop hires staff

They hired a temporary workers for the shop.
She cares about every tiny things around her.
They met many different kind of people and several new subject.
"Each new players is welcome," he said.
"""

CORRECT = """They hired a few good men and a temporary worker. A great many new cases came in.
He drove a fast sports car past many different kinds of people and several new staff.
A new series began. They call each other hard names. All of a sudden pilots were scarce.
He met many inferior army and navy officers. We met many big keel-boats.
An international affairs pop quiz was set. A profound cold broods over the city.
"""


def findings(text: str) -> list[tuple[str, int, int, str, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.severity, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM016", "GRAM017"])
    ]


def test_each_slip_at_its_position_with_its_suggestion():
    assert findings(DRAFT) == [
        ("GRAM016", 3, 24, "error", ("worker",)),  # a temporary workers
        ("GRAM016", 4, 28, "error", ("thing",)),  # every tiny things
        ("GRAM017", 5, 25, "warning", ("kinds",)),  # many different kind
        ("GRAM017", 5, 56, "warning", ("subjects",)),  # several new subject
        ("GRAM016", 6, 11, "info", ("player",)),  # in a quotation: advice
    ]


def test_compounds_counting_words_and_fixed_phrases_left_alone():
    assert findings(CORRECT) == []
