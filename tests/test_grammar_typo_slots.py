"""Confusables decided by the slot (issue 14, third round, developed on the development half
of bench/grammar_typo_set.py): a possessive before a phrase with no noun, "their" before a
preposition, "to it's" before a noun, "were" before a clause of its own, "principle"
before a noun and "principals of" before a gerund; and "than" after a comma that completes
an earlier comparative. Each rule is checked on the slip (rule, line, column, suggestion)
and on correct sentences that share its surface."""

from __future__ import annotations

from linter.runner import lint_text


def confusables(text: str) -> list[tuple[str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM001", "GRAM002"])
    ]


def test_a_possessive_before_a_predicate_is_the_contraction():
    text = (
        "Note\n\nIts probably true. Its very well written. Its designed to handle it.\n"
        "Its important to note. The plan is good; its clear that it works.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 1, ("It's",)),  # Its probably true.
        ("GRAM001", 3, 20, ("It's",)),  # Its very well written.
        ("GRAM001", 3, 43, ("It's",)),  # Its designed to handle
        ("GRAM001", 4, 1, ("It's",)),  # Its important to note
        ("GRAM001", 4, 42, ("it's",)),  # its clear that
    ]


def test_a_possessive_heading_a_noun_phrase_stays():
    text = (
        "Note\n\nIts newly built offices opened. Its roughly 100 staff left. Its very\n"
        "existence matters. It has its very own style. They did their best. Their rich and\n"
        "powerful friends came. He trusted its ultimately saving him. They bury their dead\n"
        "in vaults. The bird feeds its young. They sent their wounded to hospitals.\n"
        "It breathed its last. Its comparatively tranquil present epoch ended.\n"
    )
    assert confusables(text) == []


def test_their_before_a_preposition_or_a_comma_is_there():
    text = "Note\n\nYou may export a type from their as your own. It stays their, and we go.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 28, ("there",)),  # from their as
        ("GRAM001", 3, 56, ("there",)),  # stays their,
    ]


def test_their_before_a_prefix_or_a_noun_stays():
    text = (
        "Note\n\nThey changed their by-laws. Their after-years were calm. They met their\n"
        "in-laws at their home. The puddles forward of their under jaws dried.\n"
    )
    assert confusables(text) == []


def test_to_its_before_a_noun_is_the_possessive():
    text = "Note\n\nThe item is added to it's queue. Due to it's being late, we left.\n"
    assert confusables(text) == [("GRAM001", 3, 22, ("its",))]


def test_were_before_a_clause_with_its_own_verb_is_where():
    text = (
        "Note\n\nIt is reached at a ratio were the transaction keeps paying.\n"
        "Were the firm to fail, we would lose. There were the usual suspects.\n"
        "Those were the days people remember. They were the team that won.\n"
    )
    assert confusables(text) == [("GRAM001", 3, 26, ("where",))]


def test_principle_and_principal_by_their_slot():
    text = (
        "Note\n\nBallooning is the principle method of dispersal. It was built on the\n"
        "principals of educating young people. The principle states that heat flows.\n"
        "The principle people use is simple. The principals of the school met.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 19, ("principal",)),  # the principle method
        ("GRAM001", 4, 1, ("principles",)),  # principals of educating
    ]


def test_than_after_a_comma_completing_a_comparative_stays():
    text = (
        "Note\n\nIt is much easier to fix this now when the tools are first out, than it\n"
        "will be later. He left early, than he came back.\n"
    )
    assert confusables(text) == [("GRAM001", 4, 31, ("then",))]


def test_lead_after_any_form_of_be_before_by_is_led():
    text = "Note\n\nIts development is lead by its creator. They lead by example.\n"
    assert confusables(text) == [("GRAM001", 3, 20, ("led",))]
