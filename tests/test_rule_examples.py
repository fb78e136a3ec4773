"""Every rule's own examples: bad ones are flagged (and fixed as documented), good ones not."""

from __future__ import annotations

import re

import pytest

from linter.registry import all_rules
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
    """The docstring says what the rule does; why and examples are attributes, stated once."""
    assert "What it does" in rule.doc, f"{rule.id}: docstring lacks 'What it does'"
    assert rule.why and rule.examples, rule.id


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


REQUIRING = [r for r in RULES if r.required_literals or getattr(r, "_requires_words", None)]


def _texts_for_requires() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    texts = [ex.bad or ex.good or "" for rule in RULES for ex in rule.examples]
    for folder in ("seeds", "tests/fixtures", "docs/examples"):
        texts += [
            p.read_text("utf-8")
            for p in sorted((root / folder).rglob("*.*"))
            if p.suffix in (".txt", ".md")
        ]
    return texts


@pytest.mark.parametrize("rule", REQUIRING, ids=lambda r: r.id)
def test_requires_holds_every_match(rule):
    """A rule's ``requires`` (and ``requires_words``) is only a promise: wherever its pattern matches (run here without
    the skip) a required literal is present, so skipping never loses a finding."""
    from linter.document import fold
    from linter.formats import build_document

    matched = 0
    for text in _texts_for_requires():
        prose = build_document("t.txt", text).prose
        for m in rule._pattern.finditer(prose):
            matched += 1
            window = prose[max(0, m.start() - 40) : m.end() + 40]
            if rule.required_literals:
                assert any(lit in fold(window) for lit in rule.required_literals), (
                    rule.id,
                    m.group(),
                )
            if rule._requires_words:
                words = set(re.findall(r"\w+", window))
                assert words & rule._requires_words, (rule.id, m.group())
    assert matched, f"{rule.id}: no text here matches its pattern"


WITHIN_LINE = [r for r in RULES if getattr(r, "_within_line", False)]


@pytest.mark.parametrize("rule", WITHIN_LINE, ids=lambda r: r.id)
def test_within_line_finds_what_a_whole_text_search_finds(rule):
    """``within_line`` is a promise too: searching only the lines that hold a required
    literal gives exactly the matches of a search of the whole text (and none of them
    holds a line break)."""
    from linter.formats import build_document

    matched = 0
    for text in _texts_for_requires():
        doc = build_document("t.txt", text)
        whole = [m.span() for m in rule._pattern.finditer(doc.prose)]
        assert all("\n" not in doc.prose[s:e] for s, e in whole), rule.id
        assert [m.span() for m in rule._line_matches(doc, rule.required_literals)] == whole, rule.id
        matched += len(whole)
    assert matched, f"{rule.id}: no text here matches its pattern"
