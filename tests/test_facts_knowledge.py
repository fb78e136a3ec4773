"""The knowledge pack: every built-in entry has a source, user files share the schema, and
a mistake in a user file is one line naming file, line and key."""

from __future__ import annotations

import datetime as dt

import pytest

from linter.cli import main
from linter.errors import RuleError
from linter.packs.facts.knowledge import builtin_dir
from linter.packs.facts.schema import read_file


def test_builtin_entries_all_have_sources_and_sane_terms():
    files = sorted(builtin_dir().glob("*.yaml"))
    assert {f.name for f in files} >= {"entities.yaml", "offices.yaml", "renamings.yaml"}
    for path in files:
        entities, offices, renamings, as_of = read_file(path)
        if path.name == "cabinet.yaml":  # generated from a table of fixed date: per office
            assert as_of is None and {o.as_of for o in offices} == {dt.date(2023, 2, 10)}
        else:
            assert as_of == dt.date(2025, 6, 30)
        assert all(e.source for e in entities)
        assert all(r.source for r in renamings)
        for office in offices:
            for holder in office.holders:
                assert holder.source, (office.id, holder.name)
                starts = [t.start for t in holder.terms]
                assert starts == sorted(starts)


def test_known_terms_are_right():
    """Spot checks of the data against the record."""
    _, offices, _, _ = read_file(builtin_dir() / "offices.yaml")
    by_id = {o.id: o for o in offices}
    holders = {h.name: h for h in by_id["us-president"].holders}
    assert holders["Donald Trump"].holds(dt.date(2017, 7, 21))
    assert not holders["Donald Trump"].holds(dt.date(2023, 2, 10))
    assert holders["Joe Biden"].holds(dt.date(2023, 2, 10))
    uk = {h.name: h for h in by_id["uk-prime-minister"].holders}
    assert uk["Liz Truss"].holds(dt.date(2022, 10, 1))
    assert uk["Rishi Sunak"].holds(dt.date(2023, 2, 10))
    # the US presidency has exactly one holder on every day checked
    for year in range(1970, 2026):
        day = dt.date(year, 6, 1)
        assert len([h for h in by_id["us-president"].holders if h.holds(day)]) == 1, year


def write(tmp_path, text: str):
    path = tmp_path / "newsroom.yaml"
    path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "entities:\n  - name: Ada Lovelace\n    type: person\n",
            "newsroom.yaml:2: entity 'Ada Lovelace': key 'source'",
        ),
        (
            "entities:\n  - name: Ada\n    typo: 1\n    source: x\n",
            "newsroom.yaml:3: entity: key 'typo' is unknown",
        ),
        ("things: []\n", "newsroom.yaml:1: key 'things' is unknown"),
        (
            "offices:\n  - id: mayor\n    title: Mayor\n    of: Springfield\n    source: s\n"
            "    holders:\n      - name: Joe Quimby\n        terms: [[2020-01-01, 2019-01-01]]\n",
            "newsroom.yaml:8: holder 'Joe Quimby' of mayor: a term ends",
        ),
        ("renamings:\n  - {old: A, new: B, date: soon, source: s}\n", "key 'date' must be a date"),
        ("entities: [\n", "newsroom.yaml:2: invalid YAML"),
    ],
)
def test_user_file_errors_name_file_line_and_key(tmp_path, text, expected):
    with pytest.raises(RuleError) as info:
        read_file(write(tmp_path, text))
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_cli_reports_a_bad_user_file_in_one_line(tmp_path, monkeypatch, capsys):
    write(tmp_path, "entities:\n  - name: Ada Lovelace\n")
    (tmp_path / ".copydesk.toml").write_text('[facts]\nknowledge = ["newsroom.yaml"]\n', "utf-8")
    (tmp_path / "d.txt").write_text("Headline\n\nText.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--select", "FACT", "d.txt"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "newsroom.yaml:2" in err and "source" in err
    (tmp_path / ".copydesk.toml").write_text('[facts]\nknowledge = ["nope.yaml"]\n', "utf-8")
    assert main(["check", "--select", "FACT", "d.txt"]) == 2
    assert "nope.yaml" in capsys.readouterr().err


def test_user_office_checks_titles(tmp_path, monkeypatch, capsys):
    write(
        tmp_path,
        "offices:\n  - id: springfield-mayor\n    title: Mayor\n    of: Springfield\n"
        "    source: city charter\n    holders:\n"
        "      - {name: Joe Quimby, terms: [[2001-01-01, 2020-12-31]]}\n"
        "      - {name: Ann Lee, terms: [[2021-01-01, null]]}\n",
    )
    (tmp_path / ".copydesk.toml").write_text('[facts]\nknowledge = ["newsroom.yaml"]\n', "utf-8")
    (tmp_path / "d.txt").write_text(
        "Headline\n\nMayor Joe Quimby and Mayor Ann Lee met.\n", "utf-8"
    )
    monkeypatch.chdir(tmp_path)
    args = ["check", "--select", "FACT002", "--date", "2023-02-10", "--format", "json", "d.txt"]
    assert main(args) == 1
    import json

    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [(f["rule"], f["line"], f["column"]) for f in findings] == [("FACT002", 3, 1)]
    assert findings[0]["suggestions"] == ["Former Mayor Joe Quimby"]


def test_a_missing_or_corrupt_parse_falls_back_to_the_yaml(tmp_path, monkeypatch):
    import shutil

    from linter.packs.facts import knowledge

    folder = tmp_path / "knowledge"
    shutil.copytree(builtin_dir(), folder)
    monkeypatch.setattr(knowledge, "builtin_dir", lambda: folder)
    path = folder / "offices.yaml"
    item = (str(path), 0, 0)
    first = knowledge._read_knowledge_file(item)
    (folder / "parsed" / "offices.json").write_text("junk")
    assert knowledge._shipped(path) is None
    again = knowledge._read_knowledge_file(item)  # from the YAML: same offices, terms and sources
    assert [(o.id, [(h.name, h.terms, h.source) for h in o.holders]) for o in first[1]] == [
        (o.id, [(h.name, h.terms, h.source) for h in o.holders]) for o in again[1]
    ]
    (folder / "parsed" / "offices.json").unlink()
    assert len(knowledge._read_knowledge_file(item)[1]) == len(first[1])


def test_unwritable_cache_still_works(tmp_path, monkeypatch):
    from linter.packs.facts.knowledge import _read_knowledge_file, builtin_dir

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    path = builtin_dir() / "offices.yaml"
    stat = path.stat()
    assert _read_knowledge_file((str(path), stat.st_size, stat.st_mtime_ns))[1]  # offices, uncached


def test_the_shipped_parse_of_each_builtin_file_is_current_and_equal():
    """rules/facts/knowledge/parsed/*.json is what reading the YAML gives (run
    ``python -m linter.packs.facts.knowledge`` after editing a knowledge file)."""
    from linter.packs.facts import knowledge
    from linter.packs.facts.schema import read_file

    for path in sorted(builtin_dir().glob("*.yaml")):
        shipped = knowledge._shipped(path)
        assert shipped is not None, f"{path.name}: parse missing or stale"
        assert shipped == read_file(path), path.name


def test_a_stale_parse_is_ignored(tmp_path, monkeypatch):
    """A knowledge file edited after its parse was shipped is read from its YAML."""
    import shutil

    from linter.packs.facts import knowledge

    folder = tmp_path / "knowledge"
    shutil.copytree(builtin_dir(), folder)
    monkeypatch.setattr(knowledge, "builtin_dir", lambda: folder)
    renamings = folder / "renamings.yaml"
    assert knowledge._shipped(renamings) is not None
    renamings.write_text(renamings.read_text("utf-8") + "\n# edited\n", "utf-8")
    assert knowledge._shipped(renamings) is None
