"""Every rule's own examples: bad ones are flagged (and fixed as documented), good ones not."""

from __future__ import annotations

import re

import pytest

from linter.packs import all_rules
from linter.settings import Settings
from linter.testing import check_example

RULES = all_rules(Settings())
CASES = [(rule, i, ex) for rule in RULES for i, ex in enumerate(rule.examples)]


@pytest.mark.parametrize("rule,index,example", CASES, ids=[f"{r.id}-{i}" for r, i, _ in CASES])
def test_example(rule, index, example):
    assert check_example(rule, example) == []


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_metadata_complete(rule):
    assert re.fullmatch(r"[A-Z][A-Z0-9]*\d{3}", rule.id)
    assert rule.name and rule.message and rule.why and rule.source, rule.id
    assert rule.severity in ("error", "warning", "info")
    assert any(e.bad for e in rule.examples), f"{rule.id} has no bad example"
    assert any(e.good for e in rule.examples), f"{rule.id} has no good example"


@pytest.mark.parametrize("rule", [r for r in RULES if r.kind == "code"], ids=lambda r: r.id)
def test_code_rules_document_themselves(rule):
    doc = rule.doc
    for section in ("What it does", "Why", "Example"):
        assert section in doc, f"{rule.id}: docstring lacks '{section}'"


def test_ids_unique_and_many_packs_load():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert "CORE001" in ids


def test_broken_example_is_caught():
    """The harness itself can fail: a good example that the rule flags is reported."""
    from linter.rule import Example

    rule = next(r for r in RULES if r.id == "CORE001")
    problems = check_example(rule, Example(good="the the"))
    assert problems and "good example flagged" in problems[0]
