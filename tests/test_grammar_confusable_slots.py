"""Confusables decided by the slot (issue 14, second round): a contraction before a
subject noun and its verb, "to" before a degree word, "than" after a modal, and the
noun/verb pairs after a subject pronoun or a possessive. Each rule is checked on the slip
(rule, line, column, suggestion) and on correct sentences that share its surface."""

from __future__ import annotations

from linter.runner import lint_text


def confusables(text: str) -> list[tuple[str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM001", "GRAM002"])
    ]


def test_a_contraction_before_a_noun_and_its_verb_is_the_possessive():
    text = (
        "Note\n\nIt's 'gimmick' was the bowl. They're parents have left.\n"
        "The firm who's owner was jailed closed. You're results are in.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 1, ("Its",)),
        ("GRAM001", 3, 30, ("Their",)),
        ("GRAM001", 4, 10, ("whose",)),
        ("GRAM001", 4, 41, ("Your",)),
    ]


def test_a_contraction_opening_a_clause_stays():
    text = (
        "Note\n\nIt's time prices fell. It's likely costs will rise. It's been a year.\n"
        "They're people who care. You're welcome. Who's there? It's money spent well.\n"
        "It's expected prices will rise. It's made people think. It's news to me.\n"
    )
    assert confusables(text) == []


def test_to_before_a_degree_word_that_ends_the_phrase_is_too():
    text = (
        "Note\n\nIt will not affect them to much. There are to many people here.\n"
        "It was to bad she left. People sink to far into debt. It is to late.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 25, ("too",)),  # them to much.
        ("GRAM001", 3, 44, ("too",)),  # are to many people
        ("GRAM001", 4, 8, ("too",)),  # was to bad she
        ("GRAM001", 4, 37, ("too",)),  # sink to far into
        ("GRAM001", 4, 61, ("too",)),  # is to late.
    ]


def test_to_before_a_degree_word_that_is_not_the_phrases_end_stays():
    text = (
        "Note\n\nIt didn't amount to much. He spoke to many. The plan is to soon begin.\n"
        "Prices ranged from low to high. Grades went from fair to good, then poor.\n"
        "He gave voice to far deeper anger. They moved to far away places.\n"
    )
    assert confusables(text) == []


def test_than_after_a_modal_is_then():
    text = "Note\n\nThe people would than rally. She has more will than skill.\n"
    assert confusables(text) == [("GRAM001", 3, 18, ("then",))]


def test_a_subject_pronoun_wants_the_verb_and_a_possessive_the_noun():
    text = (
        "Note\n\nI advice all people to wait. My advise to all is simple.\n"
        "They gave you advice. Let her advise you. We advise caution.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 3, ("advise",)),
        ("GRAM001", 3, 33, ("advice",)),
    ]


def test_accept_and_except_by_the_slot():
    text = (
        "Note\n\nI except your offer. Everyone accept him came. It was fine, accept for the "
        "food.\nWe accept the terms. They all accept it. The rule will except children. "
        "Everyone except him came.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 3, ("accept",)),
        ("GRAM001", 3, 31, ("except",)),
        ("GRAM001", 3, 61, ("except",)),
    ]


def test_a_boarder_with_a_country_is_a_border():
    text = "Note\n\nThey live south of the boarder with Mexico. The boarder pays rent.\n"
    assert confusables(text) == [("GRAM001", 3, 24, ("border",))]
