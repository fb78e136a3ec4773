"""Options and set-up shared by the subcommands that lint."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt

    from linter.settings import Settings


def comma_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def iso_date(value: str) -> dt.date:
    import datetime as dt

    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date like 2023-02-10") from None


def add_config_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="FILE",
        help="config file (default: nearest .copydesk.toml or pyproject.toml)",
    )
    parser.add_argument(
        "--select",
        type=comma_list,
        metavar="IDS",
        help="only these rule ids or prefixes (ALL for every default rule)",
    )
    parser.add_argument(
        "--ignore",
        type=comma_list,
        metavar="IDS",
        default=[],
        help="skip these rule ids or prefixes",
    )
    parser.add_argument(
        "--date",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help="the article's date (default: front matter, dateline, today)",
    )
    parser.add_argument("--dialect", choices=("en-US", "en-GB"), help="spelling and style dialect")


def settings_from_args(args: argparse.Namespace) -> Settings:
    from linter.config import load_config

    settings = load_config(Path(args.config) if args.config else None)
    if getattr(args, "select", None):
        settings.select = args.select
    if getattr(args, "ignore", None):
        settings.ignore = [*settings.ignore, *args.ignore]
    if getattr(args, "date", None):
        settings.date = args.date
    if getattr(args, "dialect", None):
        settings.dialect = args.dialect
    if getattr(args, "fail_on", None):
        settings.fail_on = args.fail_on
    flags = {"--select": getattr(args, "select", None), "--ignore": getattr(args, "ignore", None)}
    if any(flags.values()):
        from linter.config import check_rule_ids

        check_rule_ids(settings, flags=flags)
    return settings


def known_rule(rule_id: str, settings: Settings):
    from linter.errors import CopydeskError
    from linter.registry import listed_rules

    for rule in listed_rules(settings):
        if rule.id == rule_id.upper():
            return rule
    raise CopydeskError(f"no rule with the id '{rule_id}' (see 'copydesk rules')")
