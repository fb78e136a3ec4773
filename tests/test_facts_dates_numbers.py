"""FACT003-FACT007: weekdays, impossible dates, future years, figures that disagree."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from linter.runner import lint_text

HEAD = "Headline\n\n"


def found(text: str, rule: str, date: str | None = None, path: str = "d.txt"):
    day = dt.date.fromisoformat(date) if date else None
    return [(f.rule, f.line, f.column) for f in lint_text(text, path, select=[rule], date=day)]


def test_weekday_contradicting_its_date():
    text = HEAD + "Saturday, July 21, 2017\nThe team won a medal on Tuesday, July 18, 2017.\n"
    findings = lint_text(text, "d.txt", select=["FACT003"])
    assert [(f.line, f.column) for f in findings] == [(3, 1)]
    assert "was a Friday" in findings[0].message and findings[0].suggestions == ("Friday",)


def test_weekday_without_year_uses_the_articles_date_only_when_it_has_one():
    text = HEAD + "Fans queued on Sunday, Feb. 10, and on Friday 10 February.\n"
    assert found(text, "FACT003", "2023-02-10") == [("FACT003", 3, 16)]
    undated = HEAD + "Fans queued on Sunday, Feb. 10.\n"  # date would be today: no guess
    assert found(undated, "FACT003") == []


def test_dateline_is_the_articles_date():
    text = "Headline\nFriday, February 10, 2023\nFans queued on Sunday, Feb. 10.\n"
    assert found(text, "FACT003") == [("FACT003", 3, 16)]


def test_impossible_dates():
    text = HEAD + "Votes on June 31, 2022, 30 February and Feb. 29, 2023; not Feb. 29, 2024.\n"
    assert found(text, "FACT004") == [("FACT004", 3, 10), ("FACT004", 3, 25), ("FACT004", 3, 41)]
    assert found(HEAD + "It rose 31 percent in May 31 districts.\n", "FACT004") == []


def test_future_year_spoken_of_in_the_past():
    text = HEAD + "In 2032, the shooting killed 26 people. In 2030 the city will host it.\n"
    assert found(text, "FACT005", "2023-02-10") == [("FACT005", 3, 4)]
    assert found(text, "FACT005", "2033-01-01") == []
    assert found(text, "FACT005") == []  # no date of its own: no guess against today


def test_same_quantity_twice_with_different_values():
    text = HEAD + (
        "Hundreds of Musk's nearly 129 million followers pressed the heart.\n\n"
        "Few of his 130 million followers bought a car.\n\n"
        "The union has 2,000 members. It has grown to 2,100 members.\n"
    )
    findings = lint_text(text, "d.txt", select=["FACT006"])
    assert [(f.line, f.column) for f in findings] == [(5, 12)]
    assert "129 million followers" in findings[0].message


def test_comparison_contradicted_by_its_own_numbers():
    bad = HEAD + (
        "The ad had just 3,077 likes at the time of writing. Oddly, the tweet has more likes "
        "(2,550) than the ad.\n"
    )
    assert found(bad, "FACT007") == [("FACT007", 3, 74)]
    good = bad.replace("3,077", "2,000")
    assert found(good, "FACT007") == []
    same_sentence = HEAD + "The tweet has fewer likes (3,077) than the ad (2,550).\n"
    assert found(same_sentence, "FACT007") == [("FACT007", 3, 15)]


def test_seed_numbers_are_consistent():
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "seeds" / "musk-hyundai-ad.md"
    text = seed.read_text("utf-8")
    for rule in ("FACT003", "FACT004", "FACT005", "FACT006", "FACT007"):
        assert found(text, rule, path="seed.md") == [], rule


def test_article_date_sources_in_order():
    from linter.article_date import resolve_with_source
    from linter.formats import build_document

    def source(text: str, path: str = "d.txt", override=None):
        return resolve_with_source(build_document(path, text, None, override))

    assert source("Title\nPublished 2023-02-10\n\nBody.") == (dt.date(2023, 2, 10), "dateline")
    assert source("Title\n21 July 2017\n\nBody.") == (dt.date(2017, 7, 21), "dateline")
    md = "---\ndate: 2023-02-10\n---\n\n# T\n\nFriday, July 21, 2017\n"
    assert source(md, "d.md") == (dt.date(2023, 2, 10), "front matter")
    assert source(md, "d.md", dt.date(2020, 1, 1)) == (dt.date(2020, 1, 1), "option")
    assert source("Title\n\nNo date here.")[1] == "today"


def test_future_year_reads_past_tense_from_ed_verbs_but_not_plans():
    text = HEAD + (
        "The band I started in 2031, Spoken Motion, toured. "
        "The stadium, to be completed in 2031, opened its gates. "
        "Results published by a lab in 2031 showed gains.\n"
    )
    assert found(text, "FACT005", "2023-02-10") == [("FACT005", 3, 23), ("FACT005", 3, 138)]


def test_years_after_in_are_the_joint_regex_matches():
    import random

    from linter.packs.facts.dates import IN_YEAR_FOLDED_RE, _years_after_in

    rnd = random.Random(5)
    bits = [
        "in ",
        "during ",
        "since ",
        "within ",
        "in\n\n ",
        "in early ",
        "in mid-",
        "late-",
        "2012",
        "20123",
        " 3021",
        "-2020",
        "sin",
        "ce ",
        "dur",
        "ing ",
        " ",
    ]
    for _ in range(3000):
        text = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 10)))
        want = [(m.start(1), m[1]) for m in IN_YEAR_FOLDED_RE.finditer(text)]
        assert _years_after_in(text) == want


def test_month_starts_hold_every_date_match():
    """``month_starts`` (month names looked up in the word forms, then found by str.find)
    holds every month start the joint regex's scan gives where a date regex matches."""
    import random

    from linter.document import Document
    from linter.packs.facts.dates import _MONTH_RE, DATE_RES, month_starts

    rnd = random.Random(8)
    bits = [
        "May",
        "Mayor",
        "Sept.",
        "Sep",
        "Sept",
        "Jan.",
        "December",
        "Dec",
        "Decade",
        " ",
        "  ",
        "\n",
        "5",
        "31",
        "1st",
        "of ",
        "the ",
        ", 2021",
        "x",
        "'s",
        ".",
        "-",
        "Oct",
    ]
    for _ in range(3000):
        prose = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 14)))
        doc = Document("d.txt", prose, prose)
        starts = month_starts(prose, doc.word_forms)
        scanned = [m.start() for m in _MONTH_RE.finditer(prose)]
        for pattern in DATE_RES:
            for m in pattern.finditer(prose):
                assert m.start("mon") in starts, prose
        for at in scanned:
            if DATE_RES[0].match(prose, at):
                assert at in starts, prose
        assert starts == sorted(set(starts))


QUANTITY_PIECES = st.sampled_from(
    ["1", "12", "129", "1,000", "2,100", "3.5", ",", ".", "$", "€", "-", "x", " ", "\n",
     " million", " thousand", " followers", " members", " and", "Musk", "٣", "é"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(QUANTITY_PIECES, max_size=40).map("".join))
def test_quantities_tried_at_digit_runs_are_the_scans_matches(text):
    """FACT006 tries its pattern only where a run of digits starts; that must give the
    matches of a scan of the whole prose."""
    from linter.formats import build_document
    from linter.packs.facts.numbers import QUANTITY_RE, _quantities

    doc = build_document("d.txt", HEAD + text)
    expected = [m.span() for m in QUANTITY_RE.finditer(doc.prose)]
    assert [m.span() for m in _quantities(doc)] == expected
