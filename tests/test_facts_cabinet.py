"""US cabinet officers (FiveThirtyEight's cabinet-turnover table, built into
rules/facts/knowledge/cabinet.yaml by ``copydesk knowledge build``): stale titles at the
article's date, and the office's own as-of date."""

from __future__ import annotations

import datetime as dt

from linter.cli import main
from linter.runner import lint_text

HEAD = "Headline\n\n"


def run(text: str, date: str):
    return lint_text(HEAD + text, "d.txt", select=["FACT002"], date=dt.date.fromisoformat(date))


def test_former_secretary_of_state():
    findings = run("Secretary of State Mike Pompeo said on Tuesday.\n", "2022-06-01")
    assert [(f.rule, f.line, f.column) for f in findings] == [("FACT002", 3, 1)]
    assert findings[0].fix == "Former Secretary of State Mike Pompeo"
    assert "2018-04-26 to 2021-01-20" in findings[0].message
    assert "cabinet-turnover" in findings[0].message
    assert run("Secretary of State Mike Pompeo said on Tuesday.\n", "2020-06-01") == []


def test_short_title_forms_and_past_events():
    findings = run("Defense Secretary Mark Esper spoke.\n", "2022-06-01")
    assert [f.fix for f in findings] == ["Former Defense Secretary Mark Esper"]
    assert run("Former Defense Secretary Mark Esper spoke.\n", "2022-06-01") == []
    assert run("In 2012, Attorney General Eric Holder said it.\n", "2016-06-01") == []
    # a state's secretary of state is not the federal office
    assert run("Georgia Secretary of State Brian Kemp said it.\n", "2016-06-01") == []


def test_after_the_tables_date_an_open_term_is_no_evidence():
    # Russ Vought was budget director in 2020 and again from 2025; the table (2023) has
    # Shalanda Young's term open, which says nothing about 2025
    assert run("OMB Director Russ Vought said on Tuesday.\n", "2025-06-01") == []
    assert run("Secretary of State Antony Blinken said on Tuesday.\n", "2024-06-01") == []


def test_office_as_of_in_a_newsroom_file(tmp_path):
    from linter.packs.facts.schema import read_file

    path = tmp_path / "k.yaml"
    path.write_text(
        "offices:\n  - id: x\n    title: Mayor\n    of: Springfield\n    as_of: 2020-01-01\n"
        "    source: charter\n    holders:\n      - {name: Ann Lee, terms: [[2019-01-01, null]]}\n"
    )
    _, offices, _, _ = read_file(path)
    assert offices[0].as_of == dt.date(2020, 1, 1)
    path.write_text(path.read_text().replace("2020-01-01", "soon"))
    import pytest

    from linter.errors import RuleError

    with pytest.raises(RuleError) as info:
        read_file(path)
    assert "as_of" in str(info.value)


CSV = (
    "\ufeffpresident,position,appointee,start_date,end_date,length,departure_day,gender,,\n"
    "Bush 43,Secretary of Defense,Bob Gates,12/18/06,Obama admin,1655 combined,N/A,Male,,\n"
    "Obama,Secretary of Defense,Bob Gates,Bush admin,6/30/11,1655 combined,892,Male,,\n"
    "Biden,Secretary of State,Antony Blinken,1/26/21,Still in office,,,Male,,\n"
    "Reagan,OSTP Director,George A. Keyworth II,Aug. 1981,12/31/85,1613,1807,Male,,\n"
)


def test_knowledge_build_writes_the_cabinet_file(tmp_path, capsys):
    data = tmp_path / "cl"
    data.mkdir()
    (data / "legislators-current.yaml").write_text("[]\n" + "#" * 80 + "\n")
    (data / "legislators-historical.yaml").write_text("[]\n" + "#" * 80 + "\n")
    extra = tmp_path / "538" / "cabinet-turnover"
    extra.mkdir(parents=True)
    (extra / "cabinet-turnover.csv").write_text(CSV)
    out = tmp_path / "pack" / "records.json.gz"
    argv = ["knowledge", "build", "--from", str(data), "--from", str(tmp_path / "538")]
    assert main([*argv, "-o", str(out)]) == 0
    assert "2 cabinet offices" in capsys.readouterr().out
    from linter.packs.facts.schema import read_file

    _, offices, _, _ = read_file(out.parent / "cabinet.yaml")
    by_id = {o.id: o for o in offices}
    (gates,) = by_id["us-defense-secretary"].holders  # the holdover's two rows: one term
    assert [(str(t.start), str(t.end)) for t in gates.terms] == [("2006-12-18", "2011-06-30")]
    (blinken,) = by_id["us-secretary-of-state"].holders
    assert blinken.terms[0].end is None and by_id["us-secretary-of-state"].as_of is not None


def test_appositive_and_generic_cabinet_titles_are_left_alone():
    # a 2009 interview about 1990, no year in the sentence: history, not a stale title
    text = "George Bush and James Baker, secretary of state, agreed that NATO would not grow.\n"
    assert run(text, "2009-04-04") == []
    assert run("He met Mike Pompeo, and the secretary of state said so.\n", "2023-01-01") == []
