"""copydesk rules: every known rule, with the severity it reports under the current config,
its pack, and whether it runs (and if not, why)."""

from __future__ import annotations

import argparse

from linter.commands.common import add_config_arguments, settings_from_args

HELP = "list every rule: id, effective severity, pack, on or off, name"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument(
        "--all",
        action="store_true",
        help="kept for old scripts: every rule is listed, with whether it is on",
    )
    parser.add_argument("--on", action="store_true", help="list only the rules that run")
    add_config_arguments(parser)


def rows(settings) -> list[dict]:
    """One row per known rule, as ``copydesk rules`` shows it."""
    from linter.registry import effective_severity, listed_rules, rule_status

    out = []
    for rule in listed_rules(settings):
        on, why = rule_status(rule, settings)
        row = rule.summary()
        row.update(
            default_severity=rule.severity,
            severity=effective_severity(rule, settings) if on else "off",
            on=on,
            off_because=why or None,
        )
        out.append(row)
    return out


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    table = [r for r in rows(settings) if r["on"] or not args.on]
    if args.format == "json":
        import json

        print(json.dumps(table, indent=2, ensure_ascii=False))
        return 0
    for row in table:
        note = f"  (off: {row['off_because']})" if not row["on"] else ""
        if row["on"] and row["severity"] != row["default_severity"]:
            note = f"  ({row['default_severity']} by default)"
        status = "on" if row["on"] else "off"
        severity = row["severity"] if row["on"] else "-"
        print(f"{row['id']:<10} {status:<4} {severity:<8} {row['pack']:<9} {row['name']}{note}")
    on = sum(1 for r in table if r["on"])
    print(f"\n{len(table)} rules, {on} on under {settings.config_path or 'the default settings'}.")
    return 0
