"""FACT001 false alarms of issue 15: an agency's usual short form, a law's or district's short
title, two real people whose names differ by a syllable; a real garble is still found."""

from __future__ import annotations

import datetime as dt

from linter.runner import lint_text

HEAD = "Headline\n\n"


def found(text: str) -> list[tuple[str, int, int]]:
    findings = lint_text(HEAD + text, "d.txt", select=["FACT001"], date=dt.date(2020, 2, 2))
    return [(f.rule, f.line, f.column) for f in findings]


def test_agency_short_form_is_not_a_swap():
    text = (
        "The Department of Homeland Security said so. The Homeland Security Department "
        "agreed on Monday.\n"
    )
    assert found(text) == []


def test_law_short_title_is_not_a_dropped_word():
    text = "The Inflation Reduction Act passed. Supporters of the Inflation Act said it helped.\n"
    assert found(text) == []


def test_real_garble_of_a_school_is_still_found():
    text = "Sandy Hook Elementary School closed. Parents at Sandy Elementary School wept.\n"
    assert found(text) == [("FACT001", 3, 49)]


def test_two_real_people_are_not_one_misspelt_name(tmp_path, monkeypatch):
    from linter.packs.facts import records
    from linter.packs.facts.records_build import build

    data = tmp_path / "data"
    data.mkdir()
    people = [("X000001", "Casey"), ("X000002", "Case")]
    (data / "legislators-current.yaml").write_text(
        "".join(
            f"- id: {{bioguide: {pid}}}\n  name: {{first: Bob, last: {last}}}\n  terms:\n"
            f"  - {{type: sen, start: '2019-01-03', end: '2025-01-03', state: PA, "
            f"party: Democrat}}\n"
            for pid, last in people
        )
    )
    (data / "legislators-historical.yaml").write_text("[]\n" + "#" * 80 + "\n")
    pack = tmp_path / "pack.json.gz"
    build(data, pack)
    text = "Sen. Bob Casey spoke first. Later Sen. Bob Case spoke too.\n"
    assert found(text) == [("FACT001", 3, 40)]  # the shipped pack knows no Bob Case
    monkeypatch.setattr(records, "load", lambda path=None: _read(pack))
    assert found(text) == []  # a pack that knows both: two people


def _read(pack):
    import gzip

    from linter.packs.facts.records import Records

    return Records(gzip.decompress(pack.read_bytes()).decode())


def test_surname_misspelt_at_a_sentence_start():
    text = (
        "Marc Montalvo left the group in May. He said the claims were lies. Mobtalvo was "
        "then charged.\n"
    )
    findings = lint_text(HEAD + text, "d.txt", select=["FACT001"], date=dt.date(2020, 2, 2))
    assert [(f.line, f.column, f.suggestions) for f in findings] == [(3, 68, ("Montalvo",))]
    # an ordinary word at a sentence start is left alone ("Hardly" beside "Tom Hardy")
    calm = "Tom Hardy spoke. Hardly anyone came. Hardy left.\n"
    assert lint_text(HEAD + calm, "d.txt", select=["FACT001"], date=dt.date(2020, 2, 2)) == []


# ---- two names, or a text's own spelling, each written often -----------------------------
RIVERS = (
    "The army camped by the River Rhine. The River Rhine was cold. The River Rhine froze.\n\n"
    "Later they reached the River Rhone, which runs fast. The River Rhone was in flood. "
    "The River Rhone rose.\n"
)


def test_two_names_each_written_often_are_not_a_misspelling():
    assert found(RIVERS) == []


def test_a_misspelling_written_once_beside_a_frequent_name_is_still_found():
    text = RIVERS.replace("The River Rhone was in flood. The River Rhone rose.", "It rose.")
    assert found(text) == [("FACT001", 5, 24)]


def test_an_old_spelling_used_throughout_is_not_a_misspelt_surname():
    text = (
        "Prophet Balaam rode a donkey. Then came Baalam again, and Baalam spoke. "
        "Later Baalam wept, and Balaam said so. Balaam left.\n"
    )
    assert found(text) == []
    once = "Prophet Balaam rode a donkey. Then came Baalam again. Balaam said so. Balaam left.\n"
    assert found(once) == [("FACT001", 3, 41)]
