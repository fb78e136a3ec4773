"""The Rule contract: every hook the engine calls is declared on ``linter.rule.Rule``, each
piece of a rule's documentation is stated once, and every rule names the file defining it."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from linter import docs_gen
from linter.commands.explain import describe
from linter.registry import all_rules
from linter.rule import Example, Match, Rule
from linter.runner import Engine
from linter.settings import Settings
from linter.testing import check_example

ROOT = Path(__file__).resolve().parents[1]
RULES = all_rules(Settings())
CODE = [r for r in RULES if r.kind == "code"]


class OnlyPhrases(Rule):
    """What it does: flags "zzword" through the phrase hooks alone (no ``check``)."""

    id = "TEST901"
    name = "only-phrases"
    message = "zzword"
    why = "A test rule."
    examples = [Example(bad="a zzword here"), Example(good="a word here")]  # noqa: RUF012

    def phrases(self):
        return [("zzword", "payload")]

    def on_phrase(self, doc, start, end, payload):
        assert payload == "payload"
        return Match(start, end)


class OnlyCheck(Rule):
    """What it does: flags "qqword" through ``check`` alone."""

    id = "TEST902"
    name = "only-check"
    message = "qqword"
    why = "A test rule."

    def check(self, doc):
        at = doc.text.find("qqword")
        return [Match(at, at + 6)] if at >= 0 else []


def test_a_rule_overrides_only_the_hooks_it_needs():
    engine = Engine(Settings(select=["TEST"]), rules=[OnlyPhrases(), OnlyCheck()])
    found = engine.lint_text("one zzword and one qqword")
    assert [(f.rule, f.line, f.column) for f in found] == [("TEST901", 1, 5), ("TEST902", 1, 20)]


def test_examples_run_under_the_declared_settings():
    assert OnlyPhrases().example_settings() is not None
    assert all(check_example(OnlyPhrases(), e) == [] for e in OnlyPhrases.examples)

    class Unavailable(OnlyPhrases):
        def example_settings(self):
            return None  # the service its examples need is not here: skipped, not failed

    assert check_example(Unavailable(), Example(good="a zzword here")) == []
    assert check_example(OnlyPhrases(), Example(good="a zzword here"))  # the harness can fail


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_why_and_examples_are_shown_once(rule):
    text = describe(rule)
    assert text.count("Why:") == 1, rule.id
    assert not any(p.lstrip().startswith(("Why:", "Example:")) for p in rule.doc.split("\n\n"))
    section = "\n".join(docs_gen._section(rule))
    assert section.count("**Why:**") == 1, rule.id


@pytest.mark.parametrize("rule", CODE, ids=lambda r: r.id)
def test_code_rules_state_why_and_examples_only_as_attributes(rule):
    """In the source too: a docstring paragraph restating ``why`` or ``examples`` would
    drift from them."""
    paragraphs = inspect.cleandoc(type(rule).__doc__ or "").split("\n\n")
    assert paragraphs[0].startswith("What it does:"), rule.id
    assert not any(p.startswith(("Why:", "Example:")) for p in paragraphs), rule.id


def test_skip_quotes_reaches_the_reference():
    rule = next(r for r in RULES if r.kind != "code" and "quote" not in r.scope)
    assert rule.skip_quotes
    assert "skips quotations" in "\n".join(docs_gen._section(rule))
    quoting = next(r for r in RULES if "quote" in r.scope)
    assert not quoting.skip_quotes


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_names_the_repository_file_defining_it(rule):
    path = rule.defined_in
    assert not Path(path).is_absolute(), path
    assert (ROOT / path).is_file(), path
    assert path.startswith(f"rules/{rule.pack}/") or path.startswith("linter/packs/"), path
    if rule.kind == "code":
        assert path == inspect.getfile(type(rule)).replace(str(ROOT) + "/", ""), path


def test_cleandoc_is_inspects():
    """``Rule.doc`` dedents docstrings without importing ``inspect`` (the first run's rule
    index reads every code rule's); it gives what ``inspect.cleandoc`` gives, for every
    rule class and for odd shapes."""
    import inspect

    from linter.registry import code_rules
    from linter.rule import cleandoc

    docs = [type(rule).__doc__ or "" for rule in code_rules()]
    docs += ["", "\n", "  one", "one\n  two\n    three\n", "\tTabbed\n\t\tin\n\n  \n", " \n \n"]
    docs += ["First.\n\n    Indented.\n  Less.\n\n", "x\n\u3000wide space\n  y"]
    for doc in docs:
        assert cleandoc(doc) == inspect.cleandoc(doc), doc
