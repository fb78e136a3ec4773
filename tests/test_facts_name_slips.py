"""FACT001 on garbles that share no key with the right name (``name_slips``), and the false
alarms of issue 15 each kept silent."""

from __future__ import annotations

import datetime as dt

from linter.runner import lint_text

HEAD = "Headline for the draft\n\n"


def found(text: str, head: str = HEAD) -> list[tuple[str, int, int]]:
    findings = lint_text(head + text, "d.txt", select=["FACT001"], date=dt.date(2020, 2, 2))
    return [(f.rule, f.line, f.column) for f in findings]


def messages(text: str) -> list[str]:
    findings = lint_text(HEAD + text, "d.txt", select=["FACT001"], date=dt.date(2020, 2, 2))
    return [f.message for f in findings]


# ---- recall ------------------------------------------------------------------------------
def test_possessive_surname_misspelt_at_a_sentence_start():
    text = "Fans met Nadia Pellegrini in March. Pelligrini's tour ended in May.\n"
    assert found(text) == [("FACT001", 3, 37)]


def test_of_dropped_from_an_institution():
    text = (
        "She studied at the University of Bologna in 1990. Later the University Bologna "
        "gave her a chair.\n"
    )
    assert found(text) == [("FACT001", 3, 61)]
    assert "write 'University of Bologna'" in messages(text)[0]


def test_of_dropped_after_a_title_word():
    text = "The Governor of Tasmania spoke. A day later the Governor Tasmania left.\n"
    assert found(text) == [("FACT001", 3, 49)]


def test_of_dropped_less_often_than_written_is_the_drafts_own_usage():
    text = (
        "Bank Rossi merged with Bank of Rossi? No: Bank Rossi and Bank Rossi are one. "
        "Bank Rossi left.\n"
    )
    assert found(text) == []


def test_of_only_in_a_quotation_is_evidence_against_that_name_alone():
    text = (
        'She said "the Water Board of Tasmania and Victoria should pay." The Water Board '
        "Tasmania Victoria declined.\n"
    )
    assert found(text) == []
    text = 'He said "the Board of Tasmania must pay." The Board Tasmania declined.\n'
    assert found(text) == [("FACT001", 3, 47)]


def test_misspelt_title_word_before_a_name():
    text = "Professor Hal Eastwick taught here. Senetor Eastwick said he would come back.\n"
    assert found(text) == [("FACT001", 3, 37)]
    assert "write 'Senator Eastwick'" in messages(text)[0]


def test_surname_misspelt_with_a_varied_given_name():
    text = "Michael Hirschfeld wrote the book. Last year Mike Hirshfeld wrote another.\n"
    assert found(text) == [("FACT001", 3, 51)]
    # "Mark" and "Mary" are two people, and so are "John" and "Jane"
    text = "Mark Hirschfeld wrote the book. Last year Mary Hirshfeld wrote another.\n"
    assert found(text) == []


def test_surname_misspelt_inside_an_organisation_name():
    text = (
        "Senator Joan Quillfeather spoke at the school. Pupils of Quilfeather Elementary "
        "sang for her.\n"
    )
    assert found(text) == [("FACT001", 3, 58)]
    text = "Laura Delacroix hosts a show. The Delacrix Hour airs at nine.\n"
    assert found(text) == [("FACT001", 3, 35)]


def test_person_named_only_in_a_title_case_headline():
    head = "Anna Kowalczyk: A Life in Letters and Poems\n\n"
    swapped = "She wrote for years. Kowalczyk Anna said she never stopped.\n"
    assert found(swapped, head) == [("FACT001", 3, 22)]
    misspelt = "She wrote for years. Anna Kowalcyk said she never stopped.\n"
    assert found(misspelt, head) == [("FACT001", 3, 27)]


# ---- false alarms that stay silent ---------------------------------------------------------
def test_agency_short_form_beside_its_full_name():
    text = (
        "The Department of Justice filed the case. The Justice Department said on Monday "
        "that the Department of Justice would appeal.\n"
    )
    assert found(text) == []


def test_district_and_law_short_titles():
    text = (
        "She represents the Seventh Congressional District. Voters in the Seventh District "
        "chose her. The Inflation Reduction Act passed; the Reduction Act is its short name "
        "here.\n"
    )
    assert found(text) == []


def test_capitalised_common_word_near_a_surname():
    text = (
        "Ann Baxter won. The Banter Prize went to Tom Hardy. Hardly anyone came to the "
        "Harder Street party.\n"
    )
    assert found(text) == []


def test_two_people_whose_surnames_differ_by_a_letter():
    text = "John Smithers spoke first. Then Jane Smithars, his rival, answered him.\n"
    assert found(text) == []
