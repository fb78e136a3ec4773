"""copydesk knowledge: rebuild the public-records pack from a local copy of its data, or
print what the shipped pack holds (sources, as-of date, counts)."""

from __future__ import annotations

import argparse
from pathlib import Path

HELP = "build or describe the facts knowledge pack (public records of US officeholders)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    build = sub.add_parser(
        "build",
        help="rebuild the records pack from a copy of unitedstates/congress-legislators",
        description="Rebuild the records pack from a local copy (folder, clone or bare git "
        "directory) of the unitedstates/congress-legislators data; give --from again for "
        "a copy of fivethirtyeight/data (members before 2012, by Congress).",
    )
    build.add_argument("--from", dest="source", required=True, metavar="PATH", action="append")
    build.add_argument(
        "-o",
        "--out",
        metavar="FILE",
        help="where to write the pack (default: the built-in rules/facts/knowledge/)",
    )
    build.add_argument("--as-of", metavar="YYYY-MM-DD", help="default: the data's last commit")
    info = sub.add_parser("info", help="print the pack's sources, as-of date and counts")
    info.add_argument("--format", choices=("text", "json"), default="text")
    info.add_argument("--pack", metavar="FILE", help="a pack file other than the built-in one")


def run(args: argparse.Namespace) -> int:
    if args.action == "build":
        return _build(args)
    return _info(args)


def _build(args: argparse.Namespace) -> int:
    import datetime as dt

    from linter.errors import CopydeskError
    from linter.packs.facts.records import pack_path
    from linter.packs.facts.records_build import BuildError, build

    if args.as_of:
        try:
            dt.date.fromisoformat(args.as_of)
        except ValueError:
            raise CopydeskError(f"--as-of: '{args.as_of}' is not a date (YYYY-MM-DD)") from None
    out = Path(args.out) if args.out else pack_path()
    try:
        header = build([Path(p) for p in args.source], out, args.as_of)
    except (BuildError, OSError) as exc:
        raise CopydeskError(str(exc)) from None
    print(f"wrote {out}")
    _print(header)
    return 0


def _info(args: argparse.Namespace) -> int:
    from linter.errors import CopydeskError
    from linter.packs.facts.records import load, pack_path

    path = args.pack or str(pack_path())
    records = load(path)
    if records is None:
        raise CopydeskError("not a readable records pack", path)
    header: dict[str, object] = {
        "as_of": records.as_of.isoformat(),
        "sources": records.sources,
        "counts": records.counts,
    }
    if args.format == "json":
        import json

        print(json.dumps({"pack": path, **header}, indent=2, ensure_ascii=False))
        return 0
    print(f"pack: {path}")
    _print(header)
    print("hand-entered pack: rules/facts/knowledge/*.yaml (offices.yaml, entities.yaml, ")
    print("  renamings.yaml), each entry with its own source; see docs/facts.md")
    return 0


def _print(header: dict) -> None:
    print(f"as of: {header['as_of']}")
    for source in header.get("sources", []):
        print(f"source: {source.get('name')} ({source.get('url')}), {source.get('licence')}")
        if source.get("commit"):
            print(f"  commit: {source['commit']}")
        if source.get("read"):
            print(f"  read: {source['read']}")
        if source.get("note"):
            print(f"  note: {source['note']}")
    counts = header.get("counts", {})
    print("counts: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
