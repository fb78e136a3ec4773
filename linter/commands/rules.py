"""copydesk rules: list every rule with its id, severity and what it checks."""

from __future__ import annotations

import argparse
import json

from linter.commands.common import add_config_arguments, settings_from_args

HELP = "list the rules (id, severity, pack, name)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--all", action="store_true", help="include rules not selected by the config"
    )
    add_config_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from linter.registry import all_rules, is_selected

    settings = settings_from_args(args)
    rules = [
        r
        for r in all_rules(settings)
        if args.all or is_selected(r, settings.select, settings.ignore)
    ]
    if args.format == "json":
        print(json.dumps([r.summary() for r in rules], indent=2, ensure_ascii=False))
        return 0
    for rule in rules:
        flags = [] if rule.enabled else ["opt-in"]
        if not rule.applies_to(settings):
            flags.append(f"{'/'.join(sorted(rule.guides or ()))} guide only")
        flag = f"  ({', '.join(flags)})" if flags else ""
        print(f"{rule.id:<10} {rule.severity:<8} {rule.pack:<10} {rule.name}{flag}")
    return 0
