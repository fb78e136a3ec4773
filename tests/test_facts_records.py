"""The public-records pack (Congress, presidents, vice presidents): stale congressional titles
(FACT002), office labels (FACT009), quotes, past events, and the knowledge command."""

from __future__ import annotations

import datetime as dt
import gzip
import json

from linter.cli import main
from linter.runner import lint_text

HEAD = "Headline\n\n"


def run(text: str, date: str, rules=("FACT002", "FACT009")):
    return lint_text(HEAD + text, "d.txt", select=list(rules), date=dt.date.fromisoformat(date))


def where(findings) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in findings]


# ---- stale titles from the record ------------------------------------------------------
def test_romney_in_2025_is_former_senator():
    findings = run("Sen. Mitt Romney (R-Utah) said the bill would pass.\n", "2025-06-01")
    assert where(findings) == [("FACT002", 3, 1)]
    assert findings[0].fix == "Former Sen. Mitt Romney"
    assert "2025-01-03" in findings[0].message
    assert run("Sen. Mitt Romney (R-Utah) said the bill would pass.\n", "2023-06-01") == []


def test_cheney_in_2024_is_former_representative():
    findings = run("The vote split Rep. Liz Cheney (R-Wyo.) from her party.\n", "2024-04-02")
    assert where(findings) == [("FACT002", 3, 16)]
    assert findings[0].fix == "former Rep. Liz Cheney"


def test_mccarthy_speaker_in_2024():
    findings = run("Speaker Kevin McCarthy met reporters.\n", "2024-02-01")
    assert where(findings) == [("FACT002", 3, 1)]
    assert "Speaker of the House" in findings[0].message
    assert run("Speaker Kevin McCarthy met reporters.\n", "2023-05-01") == []


def test_past_events_then_and_as_senator_are_silent():
    text = (
        "In 2020, Sen. Mitt Romney voted to convict. Then-Sen. Mitt Romney spoke. "
        "As a senator, Mitt Romney backed it. Former Sen. Mitt Romney said so.\n"
    )
    assert run(text, "2025-06-01") == []


def test_past_the_as_of_date_an_open_term_is_silent():
    # Sanders' term runs to 2031 in the record; after the pack's as-of date nothing is known
    assert run("Sen. Bernie Sanders (I-Vt.) spoke.\n", "2032-03-01") == []


def test_quoted_title_is_info_without_fix():
    findings = run('"Sen. Mitt Romney is a good man," she said.\n', "2025-06-01")
    assert [(f.rule, f.severity, f.fix) for f in findings] == [("FACT002", "info", None)]
    assert "(in a quotation)" in findings[0].message


# ---- office labels ---------------------------------------------------------------------
def test_sanders_is_an_independent():
    findings = run("Sen. Bernie Sanders (D-Vt.) spoke on Tuesday.\n", "2024-03-05")
    assert where(findings) == [("FACT009", 3, 22)]
    assert findings[0].suggestions == ("I-Vt.",)


def test_wrong_district_postal_style():
    # McCarthy sat for California's 23rd district in 2022 (the 20th from 2023)
    findings = run("Rep. Kevin McCarthy (R-CA-22) spoke.\n", "2022-05-05")
    assert where(findings) == [("FACT009", 3, 22)]
    assert findings[0].suggestions == ("R-CA-23",)
    assert run("Rep. Kevin McCarthy (R-CA-23) spoke.\n", "2022-05-05") == []
    bare = run("Rep. Kevin McCarthy (CA-22) spoke.\n", "2022-05-05")
    assert [f.suggestions for f in bare] == [("CA-23",)]


def test_senator_for_a_house_member():
    findings = run("Senator Kevin McCarthy said the vote would wait.\n", "2022-05-05")
    assert where(findings) == [("FACT009", 3, 1)]
    assert findings[0].suggestions == ("Rep.",)


def test_party_of_state_words():
    findings = run("Liz Cheney, a Democrat of Wyoming, voted no.\n", "2022-05-05")
    assert [f.suggestions for f in findings] == [("Republican of Wyoming",)]
    assert run("Liz Cheney, a Republican of Wyoming, voted no.\n", "2022-05-05") == []
    assert run("Mitt Romney, R-Utah, spoke. Chris Van Hollen (D-Md.) too.\n", "2022-05-05") == []


def test_label_of_a_former_member_is_history():
    assert run("Former Rep. Liz Cheney (R-Wyo.) spoke.\n", "2024-04-02") == []


# ---- silent: the hand-entered offices --------------------------------------------------
def test_clinton_1996_and_trump_2025_are_silent():
    text = "The act was signed into law in 1996 by President Bill Clinton.\n"
    assert run(text, "2025-06-01") == []
    assert run("President Donald Trump spoke on Monday.\n", "2025-06-01") == []


# ---- the pack and the command ----------------------------------------------------------
def test_pack_loads_on_demand():
    """The pack is read when first asked for (its load time is measured by
    bench/facts_load.py, not here)."""
    from linter.packs.facts import records

    records.load.cache_clear()
    recs = records.load()
    assert recs is not None
    assert recs.counts["senators"] > 150 and recs.counts["presidents"] >= 45
    assert [p.name for p in recs.people(("Mitt", "Romney"))] == ["Mitt Romney"]


def test_knowledge_info(capsys):
    assert main(["knowledge", "info"]) == 0
    out = capsys.readouterr().out
    assert "as of: " in out and "unitedstates/congress-legislators" in out and "commit: " in out
    # the shipped pack names every source it was built from, with licence and counts
    assert "fivethirtyeight/data congress-demographics" in out and "CC BY 4.0" in out
    assert "fivethirtyeight/data cabinet-turnover" in out and "22 cabinet offices" in out


def test_knowledge_build_from_a_folder(tmp_path, capsys):
    data = tmp_path / "data"
    data.mkdir()
    (data / "legislators-current.yaml").write_text(
        "- id: {bioguide: X000001}\n  name: {first: Ann, last: Example}\n"
        "  terms:\n  - {type: sen, start: '2019-01-03', end: '2025-01-03', state: OH, "
        "party: Democrat}\n"
    )
    (data / "legislators-historical.yaml").write_text(
        "- id: {bioguide: X000002}\n  name: {first: Bob, last: Former}\n"
        "  terms:\n  - {type: rep, start: '2001-01-03', end: '2003-01-03', state: OH, "
        "district: 4, party: Republican}\n"
    )
    out = tmp_path / "pack.json.gz"
    assert main(["knowledge", "build", "--from", str(data), "-o", str(out)]) == 0
    head = json.loads(gzip.decompress(out.read_bytes()).decode().split("\n")[0])
    assert head["counts"]["people"] == 2 and head["counts"]["senators"] == 1
    assert main(["knowledge", "info", "--pack", str(out)]) == 0
    assert "2 people" in capsys.readouterr().out


def test_knowledge_build_bad_source_is_one_line(tmp_path, capsys):
    assert main(["knowledge", "build", "--from", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing" in err


# ---- members before the dated records (FiveThirtyEight's table by Congress) -------------
def test_member_known_only_by_congress_is_former_soon_after():
    findings = run("Sen. Trent Lott said the bill would pass.\n", "2009-06-01")
    assert where(findings) == [("FACT002", 3, 1)]
    assert findings[0].fix == "Former Sen. Trent Lott"
    assert "fivethirtyeight" in findings[0].message and "by Congress" in findings[0].message
    assert run("Sen. Trent Lott said the bill would pass.\n", "2007-06-01") == []


def test_member_known_only_by_congress_needs_given_name_and_recency():
    assert run("Sen. Lott said the bill would pass.\n", "2009-06-01") == []  # surname only
    # decades later "Sen. Trent Lott" is history, or another man of that name
    assert run("Sen. Trent Lott said the bill would pass.\n", "2030-06-01") == []


def test_label_of_a_member_known_only_by_congress_is_not_judged():
    # Nixon sat for California as a Republican; the table's terms are not dated within a
    # Congress, so the label rule leaves them alone rather than guess
    assert run("Rep. Richard Nixon (D-Calif.) said it.\n", "1948-03-01") == []
    assert run("Senator Richard Nixon said it.\n", "1948-03-01") == []


def _aging_csv(rows: list[str]) -> str:
    head = (
        "congress,start_date,chamber,state_abbrev,party_code,bioname,bioguide_id,birthday,"
        "cmltv_cong,cmltv_chamber,age_days,age_years,generation\n"
    )
    return head + "".join(r + ",1950-01-01,1,1,1,1,x\n" for r in rows)


def test_knowledge_build_adds_members_by_congress(tmp_path, capsys):
    data = tmp_path / "cl"
    data.mkdir()
    (data / "legislators-current.yaml").write_text(
        "- id: {bioguide: X000001}\n  name: {first: Ann, last: Example}\n"
        "  terms:\n  - {type: sen, start: '2019-01-03', end: '2025-01-03', state: OH, "
        "party: Democrat}\n"
    )
    (data / "legislators-historical.yaml").write_text("[]\n" + "#" * 80 + "\n")
    extra = tmp_path / "538" / "congress-demographics"
    extra.mkdir(parents=True)
    (extra / "data_aging_congress.csv").write_text(
        _aging_csv(
            [
                '116,2019-01-03,"Senate","OH",100,"EXAMPLE, Ann","X000001"',
                '100,1987-01-03,"House","OH",200,"McOLD, Robert James (Bob)","X000009"',
                '101,1989-01-03,"House","OH",200,"McOLD, Robert James (Bob)","X000009"',
                '103,1993-01-03,"Senate","OH",200,"McOLD, Robert James (Bob)","X000009"',
                '117,2021-01-03,"Senate","OH",100,"EXAMPLE, Ann","X000001"',
            ]
        )
    )
    out = tmp_path / "pack.json.gz"
    argv = ["knowledge", "build", "--from", str(data), "--from", str(tmp_path / "538")]
    assert main([*argv, "-o", str(out)]) == 0
    from linter.packs.facts.records import load

    recs = load(str(out))
    assert recs is not None and recs.counts["people"] == 2  # Ann once, from the dated file
    (bob,) = recs.people(("Bob", "McOld"))
    assert bob.name == "Bob McOld" and recs.people(("James", "McOld")) == [bob]
    spans = [(t.kind, str(t.start), str(t.end), t.party, t.coarse) for t in bob.terms]
    assert spans == [
        ("rep", "1987-01-03", "1991-01-03", "R", True),  # two Congresses in a row: one span
        ("sen", "1993-01-03", "1995-01-03", "R", True),
    ]
    assert not recs.people(("Ann", "Example"))[0].terms[0].coarse
    assert "fivethirtyeight" in capsys.readouterr().out


def test_knowledge_build_bad_table_is_one_line(tmp_path, capsys):
    data = tmp_path / "cl"
    data.mkdir()
    (data / "legislators-current.yaml").write_text("[]\n" + "#" * 80 + "\n")
    (data / "legislators-historical.yaml").write_text("[]\n" + "#" * 80 + "\n")
    other = tmp_path / "other"
    other.mkdir()
    (other / "data_aging_congress.csv").write_text("a,b\n1,2\n" + "#" * 80 + "\n")
    argv = ["knowledge", "build", "--from", str(data), "--from", str(other)]
    assert main([*argv, "-o", str(tmp_path / "p.gz")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "data_aging_congress.csv" in err


def test_members_by_congress_are_read_only_when_a_lookup_needs_them():
    from linter.packs.facts import records

    records.load.cache_clear()
    recs = records.load()
    assert recs is not None
    assert recs.people(("Mitt", "Romney")) and recs._coarse is None
    assert recs.people(("Mitt", "Romney", "Tuesday")) == [] and recs._coarse is None
    assert recs.people(("Lott",)) == [] and recs._coarse is None  # a bare surname: never
    assert [p.name for p in recs.people(("Trent", "Lott"))] == ["Chester Trent Lott"]
    assert recs._coarse is not None
    records.load.cache_clear()
