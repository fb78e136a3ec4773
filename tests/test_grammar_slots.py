"""Issue 14: wrong words and grammar read from the slot a word stands in. The issue's
paragraph gets one finding per slip, at its line and column; the correct sentences it
names get none; quotations soften the grammar findings to info."""

from __future__ import annotations

from linter.document import Document
from linter.runner import lint_text

# The issue's paragraph, wrapped as it was filed, under a headline (a plain draft's first
# short line is its headline).
PARAGRAPH = """Briefing notes

The players put there bags on the bus. Investors where told to wait. The company cut it's
forecast on Monday. Voters who's ballots were lost can vote again. Your invited to the
briefing. The storm will effect thousands of homes. The union lead the strike last year. The
senator past the bill last week. The figures shows a rise. She has went to the meeting.
There is many reasons to doubt it. The data was released in the 1990's. Three year ago the
plant closed. He advice the council to wait. We don't know weather it will rain.
"""


def findings(text: str, select: str = "GRAM") -> list[tuple[str, int, int, str, tuple]]:
    return [
        (f.rule, f.line, f.column, f.severity, f.suggestions)
        for f in lint_text(text, "draft.txt", select=[select])
    ]


def test_the_issues_paragraph_one_finding_per_slip():
    assert findings(PARAGRAPH) == [
        ("GRAM001", 3, 17, "error", ("their",)),  # put there bags
        ("GRAM001", 3, 50, "error", ("were",)),  # Investors where told
        ("GRAM001", 3, 86, "error", ("its",)),  # cut it's forecast
        ("GRAM001", 4, 28, "error", ("whose",)),  # who's ballots
        ("GRAM001", 4, 68, "error", ("You're",)),  # Your invited
        ("GRAM001", 5, 26, "error", ("affect",)),  # will effect thousands
        ("GRAM008", 5, 63, "error", ("led",)),  # The union lead the strike
        ("GRAM008", 6, 9, "error", ("passed",)),  # The senator past the bill
        ("GRAM009", 6, 46, "error", ("show",)),  # The figures shows
        ("GRAM010", 6, 68, "error", ("gone",)),  # has went
        ("GRAM009", 7, 7, "error", ("are",)),  # There is many reasons
        ("GRAM012", 7, 65, "warning", ("1990s",)),  # the 1990's (house style)
        ("GRAM011", 7, 79, "error", ("years",)),  # Three year ago
        ("GRAM001", 8, 18, "error", ("advise",)),  # He advice the council
        ("GRAM001", 8, 60, "error", ("whether",)),  # know weather it will rain
    ]


def test_every_finding_of_the_paragraph_covers_its_word():
    lines = PARAGRAPH.splitlines()
    words = [
        lines[f.line - 1][f.column - 1 : f.end_column - 1]
        for f in lint_text(PARAGRAPH, "draft.txt", select=["GRAM"])
    ]
    assert words == [
        "there", "where", "it's", "who's", "Your", "effect", "lead", "past", "shows",
        "went", "is", "1990's", "year", "advice", "weather",
    ]  # fmt: skip


def test_the_correct_sentences_of_the_issue_stay_silent():
    text = (
        "Briefing notes\n\n"
        "Prices were higher than expected. I'll show you where to go. It's been a long year "
        "for everyone.\nThe players put their bags on the bus. Investors were told to wait. "
        "The company cut its forecast on Monday.\nVoters whose ballots were lost can vote "
        "again. You're invited to the briefing. The storm will affect thousands of homes.\n"
        "The union led the strike last year. The senator passed the bill last week. The "
        "figures show a rise.\nShe has gone to the meeting. There are many reasons to doubt "
        "it. The data was released in the 1990s.\nThree years ago the plant closed. He "
        "advised the council to wait. We don't know whether it will rain.\n"
        "The road past the church is closed. The union lead negotiator spoke. She said it's "
        "forecast to rise.\nTell them where they stand. He has got a plan. The news shows a "
        "fall. A merchants' guild met.\n"
    )
    assert findings(text) == []


def test_an_article_before_a_plural_is_dropped_never_turned_into_an():
    got = lint_text("Note\n\nA officials said the plan would work.\n", "d.txt", select=["GRAM"])
    assert [(f.rule, f.line, f.column, f.end_column) for f in got] == [("GRAM011", 3, 1, 12)]
    assert "drop the article" in got[0].message and got[0].suggestions == ("Officials",)


def test_the_phrases_the_issue_says_already_worked_still_work():
    text = (
        "Note\n\nIt was higher then expected and could of been an one-year plan. Its been hard.\n"
    )
    assert [(r, line, c) for r, line, c, _, _ in findings(text)] == [
        ("GRAM001", 3, 15),  # higher then
        ("GRAM007", 3, 39),  # could of
        ("GRAM003", 3, 47),  # an one-year
        ("GRAM001", 3, 65),  # Its been
    ]


def test_grammar_inside_a_quotation_is_advice_but_a_wrong_word_stays_an_error():
    text = 'Note\n\nHe said: "The figures shows it, she has went home, and there bags are here."\n'
    assert [(r, line, c, s) for r, line, c, s, _ in findings(text)] == [
        ("GRAM009", 3, 23, "info"),  # people speak as they speak
        ("GRAM010", 3, 41, "info"),
        ("GRAM001", 3, 56, "error"),  # a homophone is the writer's spelling, not speech
    ]


def test_slot_choices_are_suggested_not_auto_fixed():
    got = lint_text("Note\n\nThey put there bags away.\n", "d.txt", select=["GRAM001"])
    assert [(f.column, f.suggestions, f.fix) for f in got] == [(10, ("their",), None)]


def test_verb_forms_after_auxiliaries():
    text = (
        "Note\n\nThey had already took the money. The board will goes ahead. It is suppose "
        "to rain. They didn't wanted it. I have use them twice.\n"
    )
    assert [(r, c, s) for r, _, c, _, s in findings(text, "GRAM010")] == [
        ("GRAM010", 18, ("taken",)),
        ("GRAM010", 49, ("go",)),
        ("GRAM010", 67, ("supposed",)),
        ("GRAM010", 96, ("want",)),
        ("GRAM010", 114, ("used",)),
    ]


def test_agreement_with_pronouns_nouns_and_counters():
    text = (
        "Note\n\nHe enjoy it. They needs money. If the teacher teach them, they learn. "
        "There are several reason. Less people came.\n"
    )
    assert [(r, c, s) for r, _, c, _, s in findings(text)] == [
        ("GRAM004", 4, ("enjoys",)),
        ("GRAM004", 19, ("need",)),
        ("GRAM009", 47, ("teaches",)),
        ("GRAM011", 89, ("reasons",)),
        ("GRAM013", 97, ("Fewer",)),
    ]


def test_the_language_layer_is_computed_once_per_document():
    from linter.language import LANGUAGE, analysis

    doc = Document(
        "d.txt", "The players put there bags on the bus.", "The players put there bags on the bus."
    )
    layer = analysis(doc)
    assert analysis(doc) is layer and doc.analyses[LANGUAGE] is layer
    toks = layer.tokens(0)
    assert [t.text for t in toks] == [
        "The",
        "players",
        "put",
        "there",
        "bags",
        "on",
        "the",
        "bus",
        ".",
    ]
    assert (toks[3].start, toks[3].end) == (16, 21)  # offsets are the document's own
    tags = layer.tags(0)
    assert tags[1] == "NNS" and tags[5] == "IN" and tags[-1] == "."


def test_candidates_and_word_forms():
    from linter.language import can_be, candidates, forms

    assert max(candidates("officials"), key=candidates("officials").get) == "NNS"
    assert can_be("bags", "NNS") and can_be("bags", "VBZ") and not can_be("bags", "DT")
    assert forms.participle("go") == "gone" and forms.participle("walk") == "walked"
    assert forms.irregular_past_only("went") == "go" and forms.irregular_past_only("told") is None
    assert forms.base("shows") == "show" and forms.third_person("try") == "tries"
    assert forms.plural("year") == "years" and forms.plural("city") == "cities"
    known = {"want", "use", "hope", "stop", "try"}.__contains__
    assert [forms.base_of_past(w, known) for w in ("wanted", "used", "hoped", "stopped", "tried")] == [
        "want", "use", "hope", "stop", "try",
    ]  # fmt: skip


def test_agreement_with_the_head_of_the_subject():
    text = (
        "Note\n\nThe heart disease patients shows improvement. My wife want to see the sites. "
        "We need a person who are capable.\nMohamed and his father are to travel. The size of "
        "the cars is small. The agency recommended that the project invest more. If he were "
        "elected, the team are ready. The TV shows are popular.\n"
    )
    assert [(r, line, c, s) for r, line, c, _, s in findings(text)] == [
        ("GRAM009", 3, 28, ("show",)),  # plural head, singular verb
        ("GRAM009", 3, 55, ("wants",)),  # singular head, plural verb
        ("GRAM009", 3, 99, ("is",)),  # "a person who are": the antecedent
    ]  # line 4: coordination, a prepositional phrase, the subjunctive, a collective noun


def test_one_of_takes_a_plural_and_contractions_agree():
    text = (
        "Note\n\nOne of the reason is clear. One of the union leaders spoke. One of the best "
        "players won. The age don't matter.\n"
    )
    assert [(r, c, s) for r, _, c, _, s in findings(text)] == [
        ("GRAM011", 12, ("reasons",)),
        ("GRAM009", 98, ("doesn't",)),
    ]
