"""copydesk init: starter config and house style that load and work, never overwriting."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, positions


def test_init_writes_a_working_config_and_house_style(run_cli, run_json, tmp_path):
    code, out, err = run_cli("init")
    assert code == 0, err
    assert (tmp_path / ".copydesk.toml").is_file()
    assert (tmp_path / "style" / "house.yaml").is_file()
    assert "wrote" in out
    (tmp_path / "opinion").mkdir()
    draft = "Council vote\n\nSadly, the mayor slammed the plan whilst the daily courier watched.\n"
    (tmp_path / "news.txt").write_text(draft, "utf-8")
    (tmp_path / "opinion" / "column.txt").write_text(draft, "utf-8")
    code, report, err = run_json("--select", "HOUSE,STYLE042", "news.txt", "opinion/column.txt")
    assert code == 1, err
    by_path = {}
    for f in report["findings"]:
        by_path.setdefault(f["path"], []).append((f["rule"], f["line"], f["column"]))
    assert by_path["news.txt"] == [
        ("STYLE042", 3, 1),
        ("HOUSE002", 3, 18),
        ("HOUSE001", 3, 35),
        ("HOUSE003", 3, 46),
    ]
    # the starter config's per-file-ignores keeps editorialising advice out of opinion/
    assert by_path["opinion/column.txt"] == [
        ("HOUSE002", 3, 18),
        ("HOUSE001", 3, 35),
        ("HOUSE003", 3, 46),
    ]


def test_init_guide_option(run_cli, run_json, tmp_path):
    assert run_cli("init", "--guide", "british")[0] == 0
    assert 'guide = "british"' in (tmp_path / ".copydesk.toml").read_text("utf-8")
    (tmp_path / "a.txt").write_text("Vote\n\nIt rose 5 percent.\n", "utf-8")
    _, report, _ = run_json("--select", "STYLE", "a.txt")
    assert positions(report["findings"]) == [("STYLE023", 3, 11)]


def test_init_refuses_to_overwrite(run_cli, tmp_path):
    (tmp_path / ".copydesk.toml").write_text("# mine\n", "utf-8")
    code, out, err = run_cli("init")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and "already exists" in err
    assert (tmp_path / ".copydesk.toml").read_text("utf-8") == "# mine\n"
    assert not (tmp_path / "style").exists()  # nothing written when one file is in the way


def test_init_refuses_existing_house_file(run_cli, tmp_path):
    (tmp_path / "style").mkdir()
    (tmp_path / "style" / "house.yaml").write_text("[]\n", "utf-8")
    code, _, err = run_cli("init")
    assert code == 2 and "house.yaml already exists" in err
    assert not (tmp_path / ".copydesk.toml").exists()


def test_init_into_missing_folder_is_one_line(run_cli, tmp_path):
    code, _, err = run_cli("init", "nowhere")
    assert code == 2 and err.count("\n") == 1 and "not a folder" in err


def test_documented_example_is_the_shipped_template():
    docs = ROOT / "docs" / "examples" / "house-style.yaml"
    shipped = ROOT / "rules" / "style" / "data" / "house-style.yaml"
    assert docs.read_text("utf-8") == shipped.read_text("utf-8")


def test_house_example_rules_pass_their_own_examples():
    from linter.registry import load_rule_file
    from linter.testing import check_example

    rules = load_rule_file(Path(ROOT / "docs" / "examples" / "house-style.yaml"), "house")
    assert [r.id for r in rules] == ["HOUSE001", "HOUSE002", "HOUSE003"]
    assert {r.kind for r in rules} == {"substitution", "existence", "pattern"}
    for rule in rules:
        for example in rule.examples:
            assert check_example(rule, example) == []
