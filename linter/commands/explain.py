"""copydesk explain ID: one rule's documentation, examples included."""

from __future__ import annotations

import argparse

from linter.commands.common import known_rule, settings_from_args

HELP = "show the documentation of one rule"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("rule", metavar="ID", help="a rule id, such as CORE001")
    parser.add_argument("--config", metavar="FILE")


def describe(rule) -> str:
    lines = [
        f"{rule.id} ({rule.name})",
        "",
        f"Severity: {rule.severity}    Pack: {rule.pack}    Kind: {rule.kind}",
    ]
    if rule.guides:
        lines.append(f"Style guide: {', '.join(sorted(rule.guides))} only")
    if not rule.enabled:
        lines.append("Opt-in: runs only when selected by its id (--select or select = [...])")
    if rule.message:
        lines += ["", f"Message: {rule.message}"]
    if rule.doc:
        lines += ["", rule.doc]
    lines += ["", f"Why: {rule.why}", f"Source: {rule.source}"]
    if rule.examples:
        lines += ["", "Examples:"]
        for example in rule.examples:
            if example.bad:
                lines.append(f"  bad:   {example.bad}")
            if example.fixed:
                lines.append(f"  fixed: {example.fixed}")
            if example.good:
                lines.append(f"  good:  {example.good}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    args.select, args.ignore, args.date, args.dialect = None, [], None, None
    print(describe(known_rule(args.rule, settings_from_args(args))))
    return 0
