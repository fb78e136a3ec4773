"""copydesk explain ID: one rule's documentation, examples included, and what it does under
the current config (its severity there, whether it runs)."""

from __future__ import annotations

import argparse

from linter.commands.common import known_rule, settings_from_args
from linter.docs_gen import own_doc

HELP = "show the documentation of one rule"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="ID", help="a rule id, such as CORE001")
    parser.add_argument("--config", metavar="FILE")


def _example(label: str, text: str, date: str | None) -> list[str]:
    head = f"  {label}{f' (article dated {date})' if date else ''}:"
    first, *rest = text.split("\n")
    return [f"{head} {first}", *(" " * (len(head) + 1) + line for line in rest)]


def describe(rule, settings=None) -> str:
    from linter.registry import effective_severity, rule_status
    from linter.settings import Settings

    settings = settings or Settings()
    on, why = rule_status(rule, settings)
    severity = effective_severity(rule, settings) if on else "off"
    default = f" ({rule.severity} by default)" if severity != rule.severity else ""
    lines = [
        f"{rule.id} ({rule.name})",
        "",
        f"Severity: {severity}{default}    Pack: {rule.pack}",
        f"Status: {'on' if on else 'off: ' + why}",
        f"Defined in: {rule.defined_in}",
    ]
    if rule.guides:
        lines.append(f"Style guide: {', '.join(sorted(rule.guides))} only")
    if rule.message:
        lines += ["", f"Message: {rule.message}"]
    doc = own_doc(rule)
    if doc:
        lines += ["", doc]
    if rule.why and rule.why not in doc:
        lines += ["", f"Why: {rule.why}"]
    if rule.source:
        lines.append(f"Source: {rule.source}")
    if rule.examples:
        lines += ["", "Examples:"]
        for example in rule.examples:
            if example.bad:
                lines += _example("bad", example.bad, example.date)
            if example.fixed:
                lines += _example("fixed", example.fixed, None)
            if example.good:
                lines += _example("good", example.good, example.date)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    args.select, args.ignore, args.date, args.dialect = None, [], None, None
    settings = settings_from_args(args)
    print(describe(known_rule(args.rule, settings), settings))
    return 0
