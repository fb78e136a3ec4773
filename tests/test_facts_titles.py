"""FACT002 stale titles against the dated offices of the knowledge pack."""

from __future__ import annotations

import datetime as dt

from linter.runner import lint_text

HEAD = "Headline\n\n"


def found(text: str, date: str) -> list[tuple[str, int, int]]:
    findings = lint_text(text, "d.txt", select=["FACT002"], date=dt.date.fromisoformat(date))
    return [(f.rule, f.line, f.column) for f in findings]


SEED = HEAD + (
    "Accounts were restored, including former adviser to President Donald Trump, Roger Stone "
    "and the President himself.\n"
)


def test_seed_sentence_in_february_2023():
    findings = lint_text(SEED, "d.txt", select=["FACT002"], date=dt.date(2023, 2, 10))
    assert [(f.line, f.column) for f in findings] == [(3, 53), (3, 93)]
    assert findings[0].fix == "former President Donald Trump"
    assert "2017-01-20 to 2021-01-20" in findings[0].message
    assert findings[1].fix == "the former President"
    assert "Donald Trump" in findings[1].message


def test_title_true_on_the_date_is_never_flagged():
    assert found(SEED, "2018-06-01") == []
    assert found(SEED, "2025-06-01") == []  # his second term
    assert found(HEAD + "Prime Minister Boris Johnson spoke.\n", "2021-03-01") == []


def test_uk_prime_minister_and_ceo_with_company():
    text = HEAD + "Prime Minister Boris Johnson met Twitter CEO Jack Dorsey.\n"
    assert found(text, "2023-02-10") == [("FACT002", 3, 1), ("FACT002", 3, 34)]
    # a bare "CEO X" names no company: Dorsey runs other companies, so no finding
    assert found(HEAD + "He met CEO Jack Dorsey.\n", "2023-02-10") == []


def test_before_the_term_is_flagged_without_a_fix():
    findings = lint_text(
        HEAD + "President Joe Biden spoke.\n", "d.txt", select=["FACT002"], date=dt.date(2016, 5, 1)
    )
    assert len(findings) == 1 and findings[0].fix is None and "not yet" in findings[0].message


def test_marked_titles_unknown_people_and_dated_sentences_are_not_flagged():
    text = HEAD + (
        "Former President Barack Obama, then-President George W. Bush and the late President "
        "Ronald Reagan were named. President Jane Doe spoke. The law was signed by President "
        "Barack Obama in 2010. Vice President Joe Biden attended in 2015.\n"
    )
    assert found(text, "2023-02-10") == []


def test_generic_title_needs_exactly_one_named_holder():
    two = HEAD + "Joe Biden attacked Donald Trump. The President said it was true.\n"
    assert found(two, "2023-02-10") == []
    one = HEAD + "Barack Obama spoke in Chicago. The President said it was true.\n"
    assert found(one, "2023-02-10") == [("FACT002", 3, 32)]


def test_markdown_front_matter_date_is_used():
    text = "---\ndate: 2023-02-10\n---\n\n# Title\n\nAn adviser to President Donald Trump spoke.\n"
    findings = lint_text(text, "d.md", select=["FACT002"])
    assert [(f.line, f.column) for f in findings] == [(7, 15)]


def test_title_after_the_name():
    text = HEAD + "Jack Dorsey, Twitter's CEO, and Elon Musk, the Twitter CEO, met.\n"
    findings = lint_text(text, "d.txt", select=["FACT002"], date=dt.date(2023, 2, 10))
    assert [(f.line, f.column) for f in findings] == [(3, 14)]
    assert findings[0].fix == "Twitter's former CEO"
    later = lint_text(text, "d.txt", select=["FACT002"], date=dt.date(2024, 2, 10))
    assert [(f.line, f.column) for f in later] == [(3, 14), (3, 44)]
    assert later[1].fix == "the former Twitter CEO"


def test_after_the_packs_date_an_office_nobody_holds_is_unknown():
    # Twitter's last CEO in the pack left on 2025-07-09; who runs it in 2026 is unknown,
    # and a former holder may have come back: no finding.
    text = HEAD + "Twitter CEO Elon Musk and Twitter CEO Linda Yaccarino spoke.\n"
    assert found(text, "2026-11-25") == []
    # Joe Biden is former on any later date: the pack knows who holds the office then
    assert found(HEAD + "President Joe Biden spoke.\n", "2026-11-25") == [("FACT002", 3, 1)]


def test_offices_of_other_countries_and_the_un():
    text = HEAD + (
        "UN Secretary-General Ban Ki-moon met German Chancellor Angela Merkel and Chinese "
        "President Xi Jinping. They met Vice President Mike Pence.\n"
    )
    early = lint_text(text, "d.txt", select=["FACT002"], date=dt.date(2016, 6, 1))
    assert [(f.column, f.fix) for f in early] == [(113, None)]  # Pence: VP only from 2017
    assert "not yet" in early[0].message
    findings = lint_text(text, "d.txt", select=["FACT002"], date=dt.date(2023, 6, 1))
    assert [f.fix for f in findings] == [
        "Former UN Secretary-General Ban Ki-moon",
        "former German Chancellor Angela Merkel",
        "former Vice President Mike Pence",
    ]


def test_title_words_in_any_case_and_after_an_apostrophe():
    """``_may_hold_title`` judges each word form once for the run: mixed case, a title word
    joined by an apostrophe, and a form met before all still reach the title regexes."""
    text = HEAD + "An adviser to PResident Donald Trump spoke.\n"
    assert found(text, "2023-02-10") == [("FACT002", 3, 15)]
    assert found(text, "2023-02-10") == [("FACT002", 3, 15)]
    text = HEAD + "Donald Trump spoke, and the President’s aide too.\n"
    assert found(text, "2023-02-10") == [("FACT002", 3, 25)]
    assert found(HEAD + "Donald Trump spoke.\n", "2023-02-10") == []
