"""Confusables decided by the slot (issue 14, fourth round): a possessive before a word
that is only a preposition or particle, before "worth" with a gerund, "only"/"all" before
an article, an adjective that opens a clause or ends it, or an -ing verb where a clause
starts; "it's" before an ordinal and a noun in an object slot, or before a compound noun
and its verb; and "X-lead" before a noun. Each rule is checked on the slip (rule, line,
column, suggestion) and on correct sentences that share its surface."""

from __future__ import annotations

from linter.runner import lint_text


def confusables(text: str) -> list[tuple[str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM001", "GRAM002"])
    ]


def test_a_possessive_before_a_preposition_is_the_contraction():
    text = "Note\n\nIts up to you. The vote is near; its over. Your in the way.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 1, ("It's",)),  # Its up to you
        ("GRAM001", 3, 34, ("it's",)),  # its over.
        ("GRAM001", 3, 44, ("You're",)),  # Your in the way
    ]


def test_a_possessive_before_a_prefix_a_number_or_a_noun_stays():
    text = (
        "Note\n\nIts in-house team grew. Its about 100 staff left. It has its over 500\n"
        "stores. Press its off switch. Its as yet unnamed successor. Its then chief quit.\n"
    )
    assert confusables(text) == []


def test_worth_only_and_all_before_a_predicate_are_the_contraction():
    text = "Note\n\nIts worth noting. Your worth it. Its only a matter of time. Its all a lie.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 1, ("It's",)),
        ("GRAM001", 3, 19, ("You're",)),
        ("GRAM001", 3, 34, ("It's",)),
        ("GRAM001", 3, 61, ("It's",)),
    ]


def test_worth_only_and_all_as_nouns_stay():
    text = (
        "Note\n\nIts worth is unclear. Its only child left. They gave their all. The team\n"
        "gave its all, and its worth rose. It proved its worth in 2020.\n"
    )
    assert confusables(text) == []


def test_an_adjective_where_a_clause_starts_is_a_predicate():
    text = (
        "Note\n\nIts possible the vote will slip. Whether its true or not, it spread.\n"
        "He said its true they won. If your ready, go.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 1, ("It's",)),
        ("GRAM001", 3, 42, ("it's",)),
        ("GRAM001", 4, 9, ("it's",)),
        ("GRAM001", 4, 31, ("you're",)),
    ]


def test_an_adjective_standing_for_a_noun_stays():
    text = (
        "Note\n\nThey buried their dead. The bird feeds its young the seeds. Its true\n"
        "colours showed. It lost its true or false flag.\n"
    )
    assert confusables(text) == []


def test_its_before_an_ing_verb_where_a_clause_starts_is_the_contraction():
    text = "Note\n\nIf its raining, stay home. We wait when its snowing.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 4, ("it's",)),
        ("GRAM001", 3, 41, ("it's",)),
    ]


def test_its_before_a_gerund_noun_or_after_a_verb_stays():
    text = "Note\n\nIf its funding, stays. We noted its spending. They liked its timing.\n"
    assert confusables(text) == []


def test_its_before_an_ordinal_and_a_noun_in_an_object_slot_is_the_possessive():
    text = (
        "Note\n\nThe town celebrated it's 200th anniversary. The site published it's\n"
        "50,000th article. The team lost it's first game. They sold it's stadium to a bank.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 21, ("its",)),
        ("GRAM001", 3, 64, ("its",)),
        ("GRAM001", 4, 33, ("its",)),
        ("GRAM001", 4, 60, ("its",)),
    ]


def test_its_before_an_ordinal_as_a_clause_stays():
    text = (
        "Note\n\nIt's first come, first served. She says it's second nature. It's 3rd and\n"
        "goal. They said it's first thing tomorrow. Analysts saw it's forecast to rise.\n"
    )
    assert confusables(text) == []


def test_a_contraction_before_a_compound_noun_and_its_verb_is_the_possessive():
    text = "Note\n\nI think it's subject matter is clear. The band said they're tour bus was hit.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 9, ("its",)),
        ("GRAM001", 3, 53, ("their",)),
    ]


def test_a_contraction_before_a_clause_of_its_own_stays():
    text = (
        "Note\n\nIt's time prices fell. It's money laundering, he said. It's company policy\n"
        "that matters. It's likely inflation is rising.\n"
    )
    assert confusables(text) == []


def test_a_noun_hyphen_lead_before_a_noun_is_led():
    text = "Note\n\nIt approves Foundation-lead conferences and the student-lead protests.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 24, ("led",)),
        ("GRAM001", 3, 57, ("led",)),
    ]


def test_lead_as_a_noun_or_a_metal_after_a_hyphen_stays():
    text = (
        "Note\n\nThe co-lead author wrote it. A two-lead ECG helps. The tin-lead solder\n"
        "melted. She took a team-lead role.\n"
    )
    assert confusables(text) == []


def test_whose_before_a_preposition_and_there_not_before_an_ing_verb():
    text = "Note\n\nI wonder whose at the door. I know there not coming.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 10, ("who's",)),
        ("GRAM001", 3, 36, ("they're",)),
    ]


def test_whose_and_there_not_in_their_own_slots_stay():
    text = (
        "Note\n\nThe man whose car was towed left. Whose is it? With there not being enough\n"
        "beds, they waited. The firm whose in-house lawyer quit.\n"
    )
    assert confusables(text) == []


def test_two_many_and_he_lead_and_complemented_him_on():
    text = (
        "Note\n\nThere are two many people here. He lead the team to victory last year.\n"
        "She complemented him on his speech.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 11, ("too",)),
        ("GRAM001", 3, 36, ("led",)),
        ("GRAM001", 4, 5, ("complimented",)),
    ]


def test_two_lead_and_complement_in_their_own_slots_stay():
    text = (
        "Note\n\nThe two many-sided dice rolled. Did he lead the team? Let it lead the way.\n"
        "The sauce complemented the fish. They insist that she lead the team.\n"
    )
    assert confusables(text) == []


def test_breath_after_an_infinitive_quite_at_the_end_and_along_the_boarder():
    text = (
        "Note\n\nIt is hard to breath in here. The room was quite. Troops massed along the\n"
        "boarder.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 15, ("breathe",)),
        ("GRAM001", 3, 44, ("quiet",)),
        ("GRAM001", 4, 1, ("border",)),
    ]


def test_breath_quite_and_boarder_as_written_stay():
    text = (
        "Note\n\nShe paused for breath. He was quite right. The room was quite full.\n"
        "The boarder paid the rent. He shouted at the boarder.\n"
    )
    assert confusables(text) == []


def test_its_before_a_pronoun_or_here_and_a_contraction_before_coordinated_nouns():
    text = (
        "Note\n\nI think its me. Its there somewhere. Its where we met.\n"
        "It's durability & look was perfect. I think it's size and weight are huge.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 9, ("it's",)),
        ("GRAM001", 3, 17, ("It's",)),
        ("GRAM001", 3, 38, ("It's",)),
        ("GRAM001", 4, 1, ("Its",)),
        ("GRAM001", 4, 45, ("its",)),
    ]


def test_its_before_a_hyphened_pronoun_and_a_clause_after_coordinated_nouns_stay():
    text = (
        "Note\n\nIts you-know-what broke. It's time and money that count. It's salt and\n"
        "pepper, he said. It's Tom and Jerry is on.\n"
    )
    assert confusables(text) == []


def test_a_loose_adjective_where_a_clause_starts_and_affect_effect_by_their_subject():
    text = (
        "Note\n\nIts fine, he said. If its okay, we go. It lead to a crash. These design\n"
        "principals matter. Its affect on prices was big. They effect the outcome.\n"
        "It effects the way we work.\n"
    )
    assert confusables(text) == [
        ("GRAM001", 3, 1, ("It's",)),
        ("GRAM001", 3, 23, ("it's",)),
        ("GRAM001", 3, 43, ("led",)),
        ("GRAM001", 4, 1, ("principles",)),
        ("GRAM001", 4, 24, ("effect",)),
        ("GRAM001", 4, 55, ("affect",)),
        ("GRAM001", 5, 4, ("affects",)),
    ]


def test_fine_print_effect_change_and_the_noun_effects_stay():
    text = (
        "Note\n\nRead its fine print. They effect change. The effects the storm had were\n"
        "big. Does it lead to a crash? The school principals met. Its effect on prices.\n"
    )
    assert confusables(text) == []


def test_would_rather_then_and_by_than():
    text = "Note\n\nI would rather walk then drive. By than it was too late.\n"
    assert confusables(text) == [
        ("GRAM001", 3, 21, ("than",)),
        ("GRAM001", 3, 36, ("then",)),
    ]


def test_rather_as_a_degree_word_and_by_then_stay():
    text = (
        "Note\n\nHe was rather tired then went home. I would rather go; then we can eat.\n"
        "By then it was late.\n"
    )
    assert confusables(text) == []
