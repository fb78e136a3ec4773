"""Generate docs/rules.md, the rules reference, from the rules' own metadata (id, name,
severity, message, why, source, long documentation and examples), so that the reference can
never drift from the rules: a test compares the checked-in file with a fresh rendering.

    python -m linter.docs_gen            # rewrite docs/rules.md
    python -m linter.docs_gen --check    # exit 1 when docs/rules.md is out of date

Only the built-in rules are documented (rules/ and linter/packs/), never a third-party pack
that happens to be installed, so the output is the same on every machine.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "docs" / "rules.md"
REGENERATE = "python -m linter.docs_gen"
PACK_ORDER = ("core", "spelling", "grammar", "facts", "style")
SECTION_HEAD = re.compile(r"^([A-Z][a-z]+(?: [a-z]+){0,3}):$", re.M)  # "What it does:" etc.


def builtin_rules() -> list:
    from linter.registry import builtin_rules_dir, code_rules, load_folder

    return sorted([*load_folder(builtin_rules_dir()), *code_rules()], key=lambda r: r.id)


def own_doc(rule) -> str:
    """The rule's own documentation: a YAML rule's ``description`` or a code rule's
    docstring; never the docstring of the kind class a YAML rule is made from (that says how
    the engine works, not what the rule checks)."""
    if rule.description:
        return rule.description.strip()
    if rule.kind == "code" and type(rule).__doc__:
        return rule.doc.strip()
    return ""


def _code(text: str) -> str:
    """Inline code that survives backticks and shows line breaks as ↵."""
    text = text.replace("\n", "↵")
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _fixable(rule) -> bool:
    return any(e.bad is not None and e.fixed is not None for e in rule.examples)


def _flags(rule) -> list[str]:
    flags = []
    if not rule.enabled:
        flags.append("opt-in (select it by id)")
    if rule.guides:
        flags.append("style guide: " + ", ".join(sorted(rule.guides)))
    if rule.skip_quotes:
        flags.append("skips quotations")
    return flags


def _section(rule) -> list[str]:
    lines = [f'<a id="{rule.id.lower()}"></a>', "", f"### {rule.id}: {rule.name}", ""]
    meta = f"**Severity:** {rule.severity} · **Pack:** {rule.pack} · **Kind:** {rule.kind}"
    meta += f" · **Defined in:** `{rule.defined_in}`"
    if _fixable(rule):
        meta += " · **Fix:** safe, applied by `--fix`"
    lines.append(meta)
    flags = _flags(rule)
    if flags:
        lines += ["", "*" + "; ".join(flags) + "*"]
    if rule.message:
        lines += ["", f"**Message:** {rule.message}"]
    doc = SECTION_HEAD.sub(r"**\1:**", own_doc(rule))
    if doc:
        lines += ["", doc]
    if rule.why and rule.why not in doc:
        lines += ["", f"**Why:** {rule.why}"]
    if rule.source:
        lines += ["", f"**Source:** {rule.source}"]
    examples = []
    for example in rule.examples:
        note = f" (date {example.date})" if example.date else ""
        note += " (Markdown)" if example.format == "markdown" else ""
        if example.bad is not None:
            item = f"- Bad{note}: {_code(example.bad)}"
            if example.fixed is not None:
                item += f" → {_code(example.fixed)}"
            examples.append(item)
        if example.good is not None:
            examples.append(f"- Good{note}: {_code(example.good)}")
    if examples:
        lines += ["", "**Examples:**", "", *examples]
    return [*lines, ""]


def render(rules: list | None = None) -> str:
    rules = builtin_rules() if rules is None else rules
    by_pack: dict[str, list] = defaultdict(list)
    for rule in rules:
        by_pack[rule.pack].append(rule)
    packs = sorted(by_pack, key=lambda p: (PACK_ORDER.index(p) if p in PACK_ORDER else 99, p))
    out = [
        "# Rules reference",
        "",
        "<!-- Generated from the rules' own metadata; do not edit by hand. "
        f"Regenerate with `{REGENERATE}`. -->",
        "",
        f"copydesk has {len(rules)} built-in rules. Severity: `error` means the text is wrong, "
        "`warning` breaches the house style, `info` is advice. Rules marked *opt-in* run only "
        "when selected by id; rules of a style guide run only under that guide. "
        "`copydesk explain ID` prints the same documentation in the terminal.",
        "",
        "| Rule | Name | Severity | Pack | Fix |",
        "| --- | --- | --- | --- | --- |",
    ]
    for pack in packs:
        for rule in by_pack[pack]:
            name = _cell(rule.name) + ("" if rule.enabled else " (opt-in)")
            out.append(
                f"| [{rule.id}](#{rule.id.lower()}) | {name} | {rule.severity} | {rule.pack} "
                f"| {'yes' if _fixable(rule) else ''} |"
            )
    for pack in packs:
        out += ["", f"## {pack}", ""]
        for rule in by_pack[pack]:
            out += _section(rule)
    return "\n".join(out).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m linter.docs_gen", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the file is out of date")
    parser.add_argument(
        "--output", type=Path, default=DEFAULT_OUTPUT, help="default: docs/rules.md"
    )
    args = parser.parse_args(argv)
    from linter.errors import CopydeskError

    try:
        text = render()
    except CopydeskError as exc:
        print(f"copydesk: error: {exc}", file=sys.stderr)
        return 2
    current = args.output.read_text("utf-8") if args.output.exists() else None
    if args.check:
        if current != text:
            print(
                f"{args.output} is out of date: run `{REGENERATE}` and commit it", file=sys.stderr
            )
            return 1
        return 0
    if current != text:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text, encoding="utf-8", newline="\n")
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
