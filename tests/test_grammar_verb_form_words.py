"""GRAM010 after "be": a verb whose participle is its base stays ("He is fit to serve"),
and a passive missing its participle gets a real word as its suggestion ("stopped", not
"stoped"): a rule never offers a form no dictionary has."""

from __future__ import annotations

from linter.language import forms
from linter.runner import lint_text

DRAFT = """Traffic was stop by police on Monday.
The deal was commit to paper.
The bill was pass by the House.
"""

CORRECT = """He is fit to serve, and she was fit for work.
The team is fit and ready; the odds were bet on the favourite.
The figures are forecast to rise, and the date was set for May.
"""


def findings(text: str) -> list[tuple[str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM010"])
    ]


def test_a_missing_participle_gets_a_real_word() -> None:
    assert findings(DRAFT) == [
        ("GRAM010", 1, 13, ("stopped",)),
        ("GRAM010", 2, 14, ("committed",)),
        ("GRAM010", 3, 14, ("passed",)),
    ]


def test_verbs_whose_participle_is_the_base_stay() -> None:
    assert findings(CORRECT) == []


def test_regular_forms_double_only_where_the_lexicon_does() -> None:
    got = {w: forms.participle(w) for w in ("stop", "plan", "fit", "visit", "open", "commit")}
    assert got == {
        "stop": "stopped",
        "plan": "planned",
        "fit": "fitted",
        "visit": "visited",
        "open": "opened",
        "commit": "committed",
    }
    assert not forms.is_word("stoped") and forms.is_word("stopped")
