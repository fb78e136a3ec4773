"""Errors that clean book prose raised (the fresh speed corpus, read by hand): a chapter's
Roman numeral is not a misspelt name, "next to impossible" is not "too", and "it need
not" is the modal "need". The slips that share each surface are still found."""

from __future__ import annotations

from linter.runner import lint_text

CORRECT = """CHAPTER XXVIII

He went home.

CHAPTER XXXVIII

It is next to impossible to recollect the name. It need not be supposed that we were idle,
and he dare not speak.
"""

DRAFT = """Senator Elizabeth Warren spoke on Monday.

Later, Senator Elizabeth Warrren left.

It was a little to high. He need money.
"""


def findings(text: str) -> list[tuple[str, int, int]]:
    return [
        (f.rule, f.line, f.column)
        for f in lint_text(text, "draft.md", select=["FACT001", "GRAM"])
        if f.severity == "error"
    ]


def test_numerals_idioms_and_modal_need_stay() -> None:
    assert findings(CORRECT) == []


def test_the_same_surfaces_with_a_slip_are_found() -> None:
    assert findings(DRAFT) == [("FACT001", 3, 16), ("GRAM001", 5, 17), ("GRAM004", 5, 29)]
