"""docs/rules.md is generated from the rules' own metadata and must be current."""

from __future__ import annotations

from collections.abc import Sequence

from linter import docs_gen
from linter.rule import Example, Rule

REGENERATE = "python -m linter.docs_gen"


def test_rules_reference_is_current():
    current = docs_gen.DEFAULT_OUTPUT.read_text("utf-8")
    assert current == docs_gen.render(), (
        f"docs/rules.md is out of date: run `{REGENERATE}` and commit docs/rules.md"
    )


def test_every_builtin_rule_has_an_anchor_and_a_row():
    text = docs_gen.render()
    for rule in docs_gen.builtin_rules():
        assert f'<a id="{rule.id.lower()}"></a>' in text, rule.id
        assert f"| [{rule.id}](#{rule.id.lower()}) |" in text, rule.id


class Sample(Rule):
    """What it does:
    Flags a sample.

    Why:
    Because.
    """

    id = "TEST001"
    name = "sample|rule"
    pack = "test"
    severity = "warning"
    message = "Sample '{match}'."
    why = "Because."
    source = "Nowhere."
    enabled = False
    examples: Sequence[Example] = (Example(bad="a `b`\nc", fixed="a c"), Example(good="fine"))


def test_render_of_one_rule():
    text = docs_gen.render([Sample()])
    assert "| [TEST001](#test001) | sample\\|rule (opt-in) | warning | test | yes |" in text
    assert "**What it does:**\nFlags a sample." in text
    # the docstring's "Why:" paragraph restates the attribute: shown once, from ``why``
    assert "**Why:** Because." in text and text.count("Because.") == 1
    assert "- Bad: ``a `b`↵c`` → `a c`" in text
    assert "- Good: `fine`" in text
    assert "*opt-in (select it by id)*" in text


def test_check_mode_names_the_command(tmp_path, capsys):
    stale = tmp_path / "rules.md"
    stale.write_text("old\n", encoding="utf-8")
    assert docs_gen.main(["--check", "--output", str(stale)]) == 1
    assert REGENERATE in capsys.readouterr().err
    assert docs_gen.main(["--output", str(stale)]) == 0
    assert docs_gen.main(["--check", "--output", str(stale)]) == 0


def _check_commands(text: str) -> list[list[str]]:
    """Every ``copydesk check ...`` command line of a CI example, as argv after ``copydesk``."""
    import re
    import shlex

    text = text.replace("\\\n", " ")
    commands = []
    for m in re.finditer(r"copydesk (check[^\n]*)", text):
        argv = shlex.split(m[1].split("||")[0].split(" # ")[0])
        commands.append(argv)
    return commands


def test_ci_examples_are_valid_yaml_and_use_real_flags():
    import yaml

    from linter.cli import build_parser

    folder = docs_gen.ROOT / "docs" / "ci"
    files = sorted(folder.glob("*.yml"))
    assert [f.name for f in files] == ["github-actions.yml", "gitlab-ci.yml"]
    parser = build_parser()
    for path in files:
        text = path.read_text("utf-8")
        assert isinstance(yaml.safe_load(text), dict), path
        commands = _check_commands(text)
        assert len(commands) >= 2, path
        for argv in commands:
            args = parser.parse_args(argv)  # a flag that does not exist exits 2 here
            assert args.command == "check", argv
