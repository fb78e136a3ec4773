"""Configuration: found upward, select/ignore/per-file-ignores/severity/rule-dirs/fail-on,
and every bad key named with its file and line (exit 2)."""

from __future__ import annotations

import pytest
from conftest import positions

DRAFT = "Headline\n\nMusk saw the the ad , and  left.\n"


@pytest.fixture
def draft(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "draft.txt").write_text(DRAFT)
    return tmp_path


def test_copydesk_toml_found_from_a_subfolder(draft, run_json):
    (draft / ".copydesk.toml").write_text('ignore = ["CORE002"]\n')
    _, report, _ = run_json("draft.txt", cwd=draft / "sub")
    assert [f["rule"] for f in report["findings"]] == ["CORE001", "CORE003"]


def test_pyproject_tool_table(draft, run_json):
    (draft / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.copydesk]\nselect = ["CORE001"]\n'
    )
    _, report, _ = run_json("sub/draft.txt", cwd=draft)
    assert [f["rule"] for f in report["findings"]] == ["CORE001"]


def test_pyproject_without_table_is_skipped_for_one_above(draft, run_json):
    (draft / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (draft / ".copydesk.toml").write_text('select = ["CORE003"]\n')
    _, report, _ = run_json("draft.txt", cwd=draft / "sub")
    assert [f["rule"] for f in report["findings"]] == ["CORE003"]


def test_severity_override_and_fail_on(draft, run_cli, run_json):
    (draft / ".copydesk.toml").write_text(
        'fail-on = "error"\n[severity]\nCORE = "info"\nCORE001 = "warning"\n'
    )
    code, report, _ = run_json("sub/draft.txt", cwd=draft)
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [
        ("CORE001", "warning"),
        ("CORE003", "info"),
        ("CORE002", "info"),
    ]
    assert code == 0  # nothing at error level


def test_severity_off_disables(draft, run_json):
    (draft / ".copydesk.toml").write_text('[severity]\nCORE00 = "off"\n')
    code, report, _ = run_json("sub/draft.txt", cwd=draft)
    assert report["findings"] == [] and code == 0


def test_per_file_ignores(draft, run_json):
    (draft / "opinion").mkdir()
    (draft / "opinion" / "column.txt").write_text(DRAFT)
    (draft / ".copydesk.toml").write_text('[per-file-ignores]\n"opinion/*" = ["CORE00"]\n')
    _, report, _ = run_json(".", cwd=draft)
    assert {f["path"] for f in report["findings"]} == {"sub/draft.txt"}


def test_explicit_config_flag(draft, run_json):
    (draft / "custom.toml").write_text('select = ["CORE002"]\n')
    _, report, _ = run_json("--config", "custom.toml", "sub/draft.txt", cwd=draft)
    assert [f["rule"] for f in report["findings"]] == ["CORE002"]


def test_cli_select_overrides_config(draft, run_json):
    (draft / ".copydesk.toml").write_text('select = ["CORE002"]\n')
    _, report, _ = run_json("--select", "CORE001", "sub/draft.txt", cwd=draft)
    assert positions(report["findings"]) == [("CORE001", 3, 10)]


@pytest.mark.parametrize(
    "config,expected",
    [
        ('select = ["CORE"]\ncolour = "red"\n', ".copydesk.toml:2: key 'colour' is unknown"),
        (
            'fail-on = "fatal"\n',
            ".copydesk.toml:1: key 'fail-on' must be one of error, warning, info",
        ),
        ("select = 3\n", ".copydesk.toml:1: key 'select' must be a list of strings"),
        (
            '\n[severity]\nCORE001 = "loud"\n',
            ".copydesk.toml:3: key 'severity.CORE001' must be error",
        ),
        ('select = ["CORE"\n', ".copydesk.toml:2: invalid TOML"),
        ('dialect = "en-AU"\n', ".copydesk.toml:1: key 'dialect' must be en-US or en-GB"),
        ('rule-dirs = ["missing"]\n', "missing: rule folder not found"),
    ],
)
def test_bad_config_is_one_line_exit_2(draft, run_cli, config, expected):
    (draft / ".copydesk.toml").write_text(config)
    code, out, err = run_cli("check", "sub/draft.txt", cwd=draft)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err, err


def test_missing_config_file(draft, run_cli):
    code, _, err = run_cli("check", "--config", "nope.toml", cwd=draft)
    assert code == 2 and err.strip() == "copydesk: error: nope.toml: config file not found"


GUIDE_RULE = """\
id: HOUSE010
name: ap-only
kind: existence
severity: warning
guide: ap
message: "'{match}' breaks AP style."
why: w
source: s
phrases: [per cent]
examples:
  - bad: ten per cent
  - good: ten percent
"""


def test_guide_rules_advise_until_the_guide_is_chosen(tmp_path, run_json):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "ap.yaml").write_text(GUIDE_RULE)
    (tmp_path / "draft.txt").write_text("Headline\n\nProfits rose ten per cent.\n")
    (tmp_path / ".copydesk.toml").write_text('rule-dirs = ["pack"]\nselect = ["HOUSE"]\n')
    code, report, _ = run_json("draft.txt", cwd=tmp_path)
    assert [(f["rule"], f["severity"], f["line"], f["column"]) for f in report["findings"]] == [
        ("HOUSE010", "info", 3, 18)
    ]
    assert code == 0
    (tmp_path / ".copydesk.toml").write_text(
        'rule-dirs = ["pack"]\nselect = ["HOUSE"]\n[style]\nguide = "ap"\n'
    )
    code, report, _ = run_json("draft.txt", cwd=tmp_path)
    assert [(f["rule"], f["severity"]) for f in report["findings"]] == [("HOUSE010", "warning")]
    assert code == 1
    (tmp_path / ".copydesk.toml").write_text(
        'rule-dirs = ["pack"]\nselect = ["HOUSE"]\n[style]\nguide = "british"\n'
    )
    _, report, _ = run_json("draft.txt", cwd=tmp_path)
    assert report["findings"] == []  # an AP rule is off under the British guide
