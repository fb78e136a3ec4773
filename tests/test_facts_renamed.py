"""FACT008 (opt-in): old names used after the renaming date."""

from __future__ import annotations

import datetime as dt

from linter.runner import lint_text


def found(text: str, date: str, select=("FACT008",)):
    day = dt.date.fromisoformat(date)
    return [
        (f.rule, f.line, f.column) for f in lint_text(text, "d.txt", select=list(select), date=day)
    ]


def test_old_name_after_the_change():
    text = (
        "Headline\n\nHe posted on Twitter. Twitter Blue costs $8. Ye, formerly Kanye West, sang.\n"
    )
    assert found(text, "2023-02-10") == []  # before the X rebrand; Ye's change explained
    assert found(text, "2024-01-05") == [("FACT008", 3, 14)]


def test_new_name_in_the_document_and_opt_in():
    text = "Headline\n\nX, the platform once called Twitter, and Twitter users.\n"
    assert found(text, "2024-01-05") == []
    day = dt.date(2024, 1, 5)
    default = lint_text("Headline\n\nOn Twitter.\n", "d.txt", date=day)  # no --select
    assert [f for f in default if f.rule == "FACT008"] == []


def test_old_names_looked_for_only_when_their_first_word_is_written():
    """An old name is looked for where its first run of word characters is a word form of
    the draft; a possessive, a hyphen or a longer word around it changes nothing."""
    text = (
        "Headline\n\nSwaziland's king met Swazilanders; Kiev-based firms and Facebook Inc. too.\n"
    )
    assert found(text, "2024-03-01") == [("FACT008", 3, 1), ("FACT008", 3, 57)]
    assert found("Headline\n\nThe Swazilands.\n", "2024-03-01") == []
