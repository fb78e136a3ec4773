"""copydesk learn ARCHIVE/: names the archive spells one way many times become knowledge."""

from __future__ import annotations

from linter.cli import main
from linter.packs.facts.schema import read_file

ARTICLE = (
    "Council votes on budget\n\n"
    "Councillor Marta Kowalczyk said the Riverside Arts Festival would go ahead. "
    "Kowalczyk spoke at the Riverside Arts Festival on Friday.\n"
)


def make_archive(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(3):
        (archive / f"story{i}.txt").write_text(ARTICLE, "utf-8")
    # one article misspells the name once: the archive's majority spelling still wins
    (archive / "story9.md").write_text("# Brief\n\nMarta Kowalzcyk spoke briefly.\n", "utf-8")
    return archive


def test_learn_writes_a_valid_names_file(tmp_path, capsys):
    archive = make_archive(tmp_path)
    out = tmp_path / "names.yaml"
    assert main(["learn", str(archive), "-o", str(out)]) == 0
    entities, offices, renamings, as_of = read_file(out)
    names = {e.name: e for e in entities}
    assert set(names) == {"Marta Kowalczyk", "Riverside Arts Festival"}
    assert names["Marta Kowalczyk"].type == "person"
    assert "3 mentions in 3 articles" in names["Marta Kowalczyk"].source
    assert offices == [] and renamings == [] and as_of is not None


def test_learned_names_teach_the_garble_check(tmp_path, monkeypatch):
    archive = make_archive(tmp_path)
    assert main(["learn", str(archive), "-o", str(tmp_path / "names.yaml")]) == 0
    (tmp_path / ".copydesk.toml").write_text('[facts]\nknowledge = ["names.yaml"]\n', "utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_text("Headline\n\nThe Riversdie Arts Festival opens on Friday.\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    from linter.config import load_config
    from linter.runner import lint_paths

    result = lint_paths(["draft.txt"], settings=load_config(None, tmp_path))
    facts = [(f.rule, f.line, f.column) for f in result.findings if f.rule == "FACT001"]
    assert facts == [("FACT001", 3, 5)]


def test_learn_bad_archive_is_one_line_error(tmp_path, capsys):
    assert main(["learn", str(tmp_path / "missing")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a folder" in err
