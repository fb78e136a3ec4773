"""The Harper backend (harper-py): off by default, precise lints only, exact positions
through the masked prose, Harper's lint name in the message, one-line config errors."""

from __future__ import annotations

import pytest

from linter.errors import ConfigError
from linter.runner import Engine
from linter.settings import Settings

pytest.importorskip("harper")


def lint(text: str, select=("HARPER",), table=None, path="draft.md"):
    settings = Settings(select=list(select), tables={"harper": table or {}})
    return Engine(settings).lint_text(text, path)


def test_off_by_default():
    assert not any(r.id.startswith("HARPER") for r in Engine(Settings()).rules)
    on = Engine(Settings(tables={"harper": {"enabled": True}}))
    assert {r.id for r in on.rules} >= {"HARPER001", "HARPER003"}


def test_confusions_found_at_their_position_with_the_lint_name():
    text = "# Results\n\nIt was more then enough, and he would of known.\n"
    got = [(f.rule, f.line, f.column, f.severity) for f in lint(text)]
    assert got == [("HARPER001", 3, 13, "error"), ("HARPER001", 3, 33, "error")]
    first = lint(text)[0]
    assert first.message.endswith("[Harper ThenThan]")
    assert first.fix == "than"


def test_names_handles_and_code_are_not_flagged():
    text = (
        "Sosie Bacon worries as @kevinbacon watches the Hyundai #IONIQ6 ad.\n\n"
        "Run `it was more then` in a shell.\n"
    )
    assert lint(text) == []


def test_spell_checker_only_when_selected_by_id():
    text = "There was a speling slip in the copy.\n"
    assert lint(text) == []
    got = [(f.rule, f.column) for f in lint(text, select=("HARPER002",))]
    assert got == [("HARPER002", 13)]


def test_quotation_softens_to_info():
    text = 'She said, "it was more then enough."\n'
    (finding,) = lint(text, path="q.txt")
    assert finding.severity == "info"


@pytest.mark.parametrize(
    "table, problem",
    [
        ({"rules": ["NoSuchLint"]}, "unknown Harper rule 'NoSuchLint'"),
        ({"dialect": "martian"}, "dialect must be one of"),
        ({"speed": 3}, "key 'speed' is unknown"),
    ],
)
def test_bad_configuration_is_one_line(table, problem):
    with pytest.raises(ConfigError) as info:
        lint("Text.\n", table=table)
    assert problem in str(info.value)
