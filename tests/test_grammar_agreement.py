"""Agreement and verb forms (issue 14, item 3) on realistic copy: each slip found at its
line and column with its suggestion, and the correct sentences of the same kinds left alone."""

from __future__ import annotations

from linter.runner import lint_text

DRAFT = """Council approves budget

The results of the survey shows a rise in rents, officials said.
The price of the new tickets are too high, and most of the players on the team is tired.
We have to reduced costs, and they want to goes home early.
There is also many reasons to doubt it, and every details matters to voters.
Another reasons is the cost; many others animals live there.
My teacher havent read it. He dont know, and they doesnt care.
I has a plan. You was right, these is the figures. This are my notes.
"The results of the vote shows nothing," she said.
"""

CORRECT = """He and she are here, and I suspect he and she know it.
World War I was long. Thank you is all I can say. The advice I gave you is good.
One of these is correct. To visit all these is quite a task.
A lot of people in the city are angry. Years of neglect has taken its toll.
Finding jobs in the city is hard. Reading books is fun.
Not one of the orders in the disposition was executed.
The size of the houses is striking. The number of people in the rooms is large.
They agreed to reduced terms and got used to reduced hours; it seemed to bore him.
Each costs five dollars. Every sports fan knows. Another three years passed.
There is only one. There was always something. There is still many of them.
We went to the park and he enjoys it.
"""


def findings(text: str) -> list[tuple[str, int, int, str, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.severity, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM"])
    ]


def test_each_slip_at_its_position_with_its_suggestion():
    assert findings(DRAFT) == [
        ("GRAM014", 3, 27, "warning", ("show",)),  # results of the survey shows
        ("GRAM014", 4, 30, "warning", ("is",)),  # price of the new tickets are
        ("GRAM014", 4, 80, "warning", ("are",)),  # most of the players on the team is
        ("GRAM010", 5, 12, "error", ("reduce",)),  # have to reduced
        ("GRAM010", 5, 44, "error", ("go",)),  # want to goes
        ("GRAM009", 6, 7, "error", ("are",)),  # There is also many reasons
        ("GRAM011", 6, 51, "error", ("detail",)),  # every details matters
        ("GRAM011", 7, 9, "error", ("reason",)),  # Another reasons (GRAM009 stays quiet)
        ("GRAM011", 7, 35, "error", ("other",)),  # others animals: a plural of a known noun
        ("GRAM009", 8, 12, "error", ("hasn't",)),  # teacher havent
        ("GRAM004", 8, 31, "error", ("doesn't",)),  # He dont
        ("GRAM004", 8, 51, "error", ("don't",)),  # they doesnt
        ("GRAM004", 9, 3, "error", ("have",)),  # I has
        ("GRAM004", 9, 19, "error", ("were",)),  # You was
        ("GRAM004", 9, 36, "error", ("are",)),  # these is
        ("GRAM004", 9, 57, "error", ("is",)),  # This are
        ("GRAM014", 10, 26, "info", ("show",)),  # in a quotation: advice
    ]


def test_correct_sentences_of_the_same_kinds_stay_quiet():
    assert findings(CORRECT) == []


def test_to_infinitive_fix_only_for_an_irregular_or_third_person_form():
    got = {(f.rule, f.column): f for f in lint_text(DRAFT, "draft.txt", select=["GRAM010"])}
    assert got[("GRAM010", 44)].fix == "go"  # "goes" is nothing but a third person
    assert got[("GRAM010", 12)].fix is None  # "reduced" read from the lexicon: suggested


MORE = """There are 3 reason for it, and he waited 5 year for a reply.
There is different opinions about it. The children was late.
Many families have more than one cars. We must solve this problems soon.
The basic requirements of today's man has changed.
"""

MORE_CORRECT = """The 2019 election was close. See page 5 for the top 10 list; he is 6 foot tall.
More than 330 crew are aboard. Two years was a long time. There is little evidence.
No one cares. He is the one friends trust. One cloud fades, another forms.
This forces me to go. This costs money. This sports car is fast.
The sizes of the house and the garden matter. One of these old towers is split.
"""


def test_numbers_demonstratives_and_possessives():
    assert findings(MORE) == [
        ("GRAM011", 1, 13, "error", ("reasons",)),  # 3 reason
        ("GRAM011", 1, 44, "error", ("years",)),  # waited 5 year
        ("GRAM009", 2, 7, "error", ("are",)),  # There is different opinions
        ("GRAM009", 2, 52, "error", ("were",)),  # The children was
        ("GRAM011", 3, 34, "error", ("car",)),  # more than one cars
        ("GRAM011", 3, 54, "error", ("these problems", "this problem")),  # this problems
        ("GRAM014", 4, 39, "warning", ("have",)),  # requirements of today's man has
    ]


def test_years_labels_measures_and_pronouns_stay_quiet():
    assert findings(MORE_CORRECT) == []
