"""Rule files are validated on load: file, line and key named, exit 2; extra packs load from
config folders and entry points."""

from __future__ import annotations

import pytest
from conftest import positions

GOOD = """\
id: HOUSE001
name: no-utilize
kind: substitution
severity: warning
message: "Write '{suggestion}', not '{match}'."
why: House style prefers plain words.
source: Our style sheet, section 2.
swap:
  utilize: use
examples:
  - bad: We utilize data.
    fixed: We use data.
  - good: We use data.
"""


@pytest.fixture
def pack(tmp_path):
    (tmp_path / "house").mkdir()
    (tmp_path / ".copydesk.toml").write_text('rule-dirs = ["house"]\n')
    (tmp_path / "draft.txt").write_text("Headline\n\nWe Utilize the data.\n")
    return tmp_path


def test_house_rule_loads_and_preserves_case(pack, run_json):
    (pack / "house" / "words.yaml").write_text(GOOD)
    _, report, _ = run_json("--select", "HOUSE", "draft.txt", cwd=pack)
    assert positions(report["findings"]) == [("HOUSE001", 3, 4)]
    assert report["findings"][0]["fix"] == "Use"
    assert report["findings"][0]["message"] == "Write 'Use', not 'Utilize'."


@pytest.mark.parametrize(
    "edit,expected",
    [
        (
            ("swap:\n", "swop:\n"),
            "words.yaml:8: rule HOUSE001: key 'swop' is unknown for kind 'substitution'",
        ),
        (
            ("why: House style prefers plain words.\n", ""),
            "words.yaml:1: rule HOUSE001: is missing the required key 'why'",
        ),
        (
            ("kind: substitution", "kind: magic"),
            "words.yaml:3: rule HOUSE001: key 'kind' must be one of",
        ),
        (
            ("severity: warning", "severity: fatal"),
            "words.yaml:4: rule HOUSE001: key 'severity' must be error, warning or info",
        ),
        (
            ("id: HOUSE001", "id: house-1"),
            "words.yaml:1: rule house-1: key 'id' 'house-1' is not an id like STYLE012",
        ),
        (
            ("  - good: We use data.\n", ""),
            "words.yaml:10: rule HOUSE001: key 'examples' needs at least one 'bad' and one 'good' example",
        ),
        (
            ("swap:\n  utilize: use\n", "swap: [utilize]\n"),
            "words.yaml:8: rule HOUSE001: key 'swap' must be a mapping",
        ),
        (("name: no-utilize", "name: [unclosed"), "words.yaml:3: invalid YAML"),
    ],
)
def test_invalid_rule_file_names_file_line_key(pack, run_cli, edit, expected):
    old, new = edit
    assert old in GOOD
    (pack / "house" / "words.yaml").write_text(GOOD.replace(old, new))
    code, out, err = run_cli("check", "draft.txt", cwd=pack)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err, err


BAD_REGEX = """\
id: HOUSE002
name: bad-regex
kind: pattern
severity: warning
message: m
why: w
source: s
pattern: "{pattern}"
examples:
  - bad: a
  - good: b
"""


@pytest.mark.parametrize(
    "pattern,expected",
    [
        ("(unclosed", "key 'pattern' invalid regular expression"),
        ("(a+)+$", "key 'pattern' a quantified group inside another quantifier can backtrack"),
        ("(\\\\w*)*x", "key 'pattern' a quantified group inside another quantifier"),
    ],
)
def test_bad_regex_rejected_at_load(pack, run_cli, pattern, expected):
    (pack / "house" / "regex.yaml").write_text(BAD_REGEX.replace("{pattern}", pattern))
    code, _, err = run_cli("check", "draft.txt", cwd=pack)
    assert code == 2
    assert "regex.yaml:8: rule HOUSE002: " + expected in err, err


def test_duplicate_id_is_an_error(pack, run_cli):
    (pack / "house" / "a.yaml").write_text(GOOD)
    (pack / "house" / "b.yaml").write_text(GOOD)
    code, _, err = run_cli("check", "draft.txt", cwd=pack)
    assert code == 2 and "rule id HOUSE001 is defined twice" in err


def test_entry_point_pack(tmp_path, monkeypatch, run_json):
    """A third-party pack installed as a distribution with a copydesk.packs entry point."""
    import sys

    site = tmp_path / "site"
    (site / "newsroom_pack" / "rules").mkdir(parents=True)
    (site / "newsroom_pack" / "__init__.py").write_text(
        "from pathlib import Path\n\ndef folder():\n    return Path(__file__).parent / 'rules'\n"
    )
    (site / "newsroom_pack" / "rules" / "words.yaml").write_text(GOOD)
    dist = site / "newsroom_pack-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: newsroom-pack\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[copydesk.packs]\nnewsroom = newsroom_pack:folder\n")
    monkeypatch.syspath_prepend(str(site))
    from linter import registry as packs

    packs._all_rules_cached.cache_clear()
    try:
        (tmp_path / "draft.txt").write_text("We utilize data.\n")
        _, report, _ = run_json("--select", "HOUSE", "draft.txt")
        assert positions(report["findings"]) == [("HOUSE001", 1, 4)]
    finally:
        packs._all_rules_cached.cache_clear()
        sys.modules.pop("newsroom_pack", None)


@pytest.mark.parametrize(
    "group,expected",
    [("3", "the pattern has no group 3"), ("nope", "the pattern has no group 'nope'")],
)
def test_pattern_group_must_exist(pack, run_cli, group, expected):
    text = BAD_REGEX.replace("{pattern}", "(a)(b)") + f"group: {group}\n"
    (pack / "house" / "regex.yaml").write_text(text)
    code, _, err = run_cli("check", "draft.txt", cwd=pack)
    assert code == 2 and f"regex.yaml:12: rule HOUSE002: key 'group' {expected}" in err, err


@pytest.mark.parametrize(
    "key,value",
    [
        *[("requires", v) for v in ("'a string'", "{a: b}", "[1, 2]", "['']")],
        *[("requires_words", v) for v in ("[two words]", "[a-b]", "['']", "word")],
        ("within_line", "'yes'"),
        ("within_line", "true"),  # without `requires`: no lines to search
    ],
)
def test_pattern_skip_hints_are_validated(pack, run_cli, key, value):
    text = BAD_REGEX.replace("{pattern}", "(a)(b)") + f"{key}: {value}\n"
    (pack / "house" / "regex.yaml").write_text(text)
    code, _, err = run_cli("check", "draft.txt", cwd=pack)
    assert code == 2 and f"rule HOUSE002: key '{key}'" in err, err
