"""copydesk init: write a starter ``.copydesk.toml`` and a house style file.

The files are templates a newsroom edits: the config turns on its own rule folder, picks the
style guide and shows per-file ignores for opinion pieces; the house style file holds one
worked example of each kind of house rule (see docs/house-style.md). Existing files are never
overwritten.
"""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "write a starter .copydesk.toml and a house style file (never overwrites)"

CONFIG_NAME = ".copydesk.toml"
RULE_DIR = "style"
HOUSE_FILE = "house.yaml"

CONFIG_TEMPLATE = """\
# copydesk configuration, written by `copydesk init`. Documentation: docs/house-style.md
# and `copydesk rules`, `copydesk explain ID`.

# The newsroom's own rules: every *.yaml file in these folders.
rule-dirs = ["{rule_dir}"]

# Lowest severity that fails `copydesk check` (error, warning or info).
fail-on = "warning"

# Rules or prefixes to skip everywhere, e.g. ["STYLE020"].
ignore = []

[style]
# "ap" (US wire-service style) or "british" (Guardian/Times conventions).
guide = "{guide}"

[per-file-ignores]
# Opinion pieces may editorialise: no STYLE042 advice there.
"*opinion/*" = ["STYLE042"]

[severity]
# Make a rule advice only ("info"), stricter ("error") or turn it off ("off"):
# STYLE040 = "info"
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", nargs="?", default=".", help="where to write the files (default: here)"
    )
    parser.add_argument(
        "--guide",
        choices=("ap", "british"),
        default="ap",
        help="the style guide to start from (default: ap)",
    )


def house_style_text() -> str:
    """The worked example of house rules, shipped in the style pack's data folder (the same
    text as docs/examples/house-style.yaml; a test keeps the two equal)."""
    from linter.registry import builtin_rules_dir

    return (builtin_rules_dir() / "style" / "data" / "house-style.yaml").read_text("utf-8")


def run(args: argparse.Namespace) -> int:
    from linter.errors import CopydeskError

    folder = Path(args.folder)
    if not folder.is_dir():
        raise CopydeskError(f"{folder}: not a folder")
    config = folder / CONFIG_NAME
    house = folder / RULE_DIR / HOUSE_FILE
    for path in (config, house):
        if path.exists():
            raise CopydeskError(f"{path} already exists; not overwriting it (edit it instead)")
    try:
        text = house_style_text()
    except OSError as exc:
        raise CopydeskError(f"cannot read the house style template: {exc}") from None
    try:
        house.parent.mkdir(parents=True, exist_ok=True)
        house.write_text(text, "utf-8")
        config.write_text(CONFIG_TEMPLATE.format(rule_dir=RULE_DIR, guide=args.guide), "utf-8")
    except OSError as exc:
        raise CopydeskError(f"cannot write the starter files: {exc}") from None
    print(f"wrote {config} and {house}; edit them, then run 'copydesk check'")
    return 0
