"""Helpers for testing rules, public so that third-party packs can test theirs the same way."""

from __future__ import annotations

import datetime as dt

from linter.finding import Finding
from linter.rule import Example, Rule
from linter.settings import Settings


def apply_fixes(text: str, findings: list[Finding]) -> str:
    """Apply every finding's fix, last first, skipping fixes that overlap an applied one
    (the same code as ``copydesk check --fix``, one pass)."""
    from linter.fixer import apply_fixes as apply

    return apply(text, findings)[0]


def lint_with_rule(
    rule: Rule,
    text: str,
    fmt: str = "text",
    date: str | None = None,
    settings: Settings | None = None,
) -> list[Finding]:
    """Findings of ``rule`` alone on ``text`` (other rules are not run)."""
    from linter.runner import Engine

    settings = (settings or Settings()).replace(select=[rule.id], ignore=[])
    if rule.guides and not (settings.style_guide_chosen and settings.style_guide in rule.guides):
        # a guide's rule is tested as a newsroom that chose that guide sees it
        guide = (
            settings.style_guide if settings.style_guide in rule.guides else sorted(rule.guides)[0]
        )
        style = {**settings.table("style"), "guide": guide}
        settings.tables = {**settings.tables, "style": style}
    if date:
        settings.date = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date))
    engine = Engine(settings, rules=[rule])
    path = "example.md" if fmt == "markdown" else "example.txt"
    return engine.lint_text(text, path, fmt)


def check_example(rule: Rule, example: Example, settings: Settings | None = None) -> list[str]:
    """Problems with one example of a rule (empty when it behaves as documented).

    Without ``settings`` the examples run under ``rule.example_settings()``; a rule backed
    by an external service returns None there when the service is not available (its own
    tests then run the examples against a stand-in), and its examples are skipped."""
    if settings is None:
        settings = rule.example_settings()
        if settings is None:
            return []
    problems = []
    if example.bad is not None:
        found = [
            f
            for f in lint_with_rule(rule, example.bad, example.format, example.date, settings)
            if f.rule == rule.id
        ]
        if not found:
            problems.append(f"{rule.id}: bad example not flagged: {example.bad!r}")
        elif example.fixed is not None:
            fixed = apply_fixes(example.bad, found)
            if fixed != example.fixed:
                problems.append(
                    f"{rule.id}: fixing {example.bad!r} gave {fixed!r}, not {example.fixed!r}"
                )
    if example.good is not None:
        found = [
            f
            for f in lint_with_rule(rule, example.good, example.format, example.date, settings)
            if f.rule == rule.id
        ]
        if found:
            problems.append(
                f"{rule.id}: good example flagged ({found[0].message}): {example.good!r}"
            )
    return problems
