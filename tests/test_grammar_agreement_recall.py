"""Agreement recall beyond the first rules: GRAM014 with a head that sets the number before
"of" ("one of", "each of", "every one of" and "the number of" take a singular verb, "a
number of" a plural one), and GRAM004 before a word that is also a noun."""

from __future__ import annotations

from test_grammar_agreement import findings

DRAFT = """Council weighs new rules

One of the players are tired, and each of the candidates have a plan.
The number of cases are rising. A number of people is angry.
He said that every one of the new boys were there.
"""

CORRECT = """One of the players is tired, and each of the candidates has a plan.
The number of cases is rising. A number of people are angry.
Jones and one of the players are here. One of the players who are tired left.
None of the players are tired. Neither of the plans are new. Stage One of the plans is set.
"""


def test_the_head_before_of_sets_the_number():
    assert findings(DRAFT) == [
        ("GRAM014", 3, 20, "warning", ("is",)),  # One of the players are
        ("GRAM014", 3, 58, "warning", ("has",)),  # each of the candidates have
        ("GRAM014", 4, 21, "warning", ("is",)),  # The number of cases are
        ("GRAM014", 4, 52, "warning", ("are",)),  # A number of people is
        ("GRAM014", 5, 40, "warning", ("was",)),  # every one of the new boys were
    ]


def test_compound_subjects_relative_clauses_and_other_heads_left_alone():
    assert findings(CORRECT) == []


def test_a_pronoun_before_a_word_that_is_also_a_noun_read_from_the_tags():
    # "sound" and "work" are nouns too: the tagger must read a plain verb after the pronoun
    text = (
        "It sound like a plan. It work well.\nIt cost a lot. Hasn't she come yet? He put it down.\n"
    )
    assert findings(text) == [
        ("GRAM004", 1, 4, "error", ("sounds",)),
        ("GRAM004", 1, 26, "error", ("works",)),
    ]


def test_a_plural_head_the_lexicon_reads_as_a_verb_and_a_verb_read_from_the_tags():
    # "objects" is mostly a verb to the lexicon; after "The" the tagger reads the noun
    text = "The objects in the painting is old. He become angry.\nThe more was he overcome.\n"
    assert findings(text) == [
        ("GRAM014", 1, 29, "warning", ("are",)),
        ("GRAM004", 1, 40, "error", ("becomes",)),
    ]
