"""copydesk learn ARCHIVE/: a names file built from a folder of published articles.

A newsroom's archive spells its own names (its reporters' sources, local schools, councils,
companies) one way, many times. ``learn`` collects the multi-word names of every article,
keeps those written the same way at least ``--min-count`` times in at least ``--min-files``
articles, drops names that rival spellings make doubtful, and writes a knowledge file in the
facts pack's schema. Point ``[tool.copydesk.facts] knowledge`` at it and FACT001 checks new
drafts against those names.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter, defaultdict
from pathlib import Path

from linter.errors import InputError

HELP = "build a names file (facts knowledge) from a folder of published articles"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archive", metavar="ARCHIVE", help="folder of published articles")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the names file here (default: stdout)"
    )
    parser.add_argument(
        "--min-count", type=int, default=3, metavar="N", help="mentions needed (default 3)"
    )
    parser.add_argument(
        "--min-files", type=int, default=2, metavar="N", help="articles needed (default 2)"
    )
    parser.add_argument(
        "--include-known",
        action="store_true",
        help="also list names the built-in knowledge pack already knows",
    )
    parser.add_argument("--config", metavar="FILE")


def collect(files: list[str]) -> tuple[Counter, dict, set[str]]:
    """Mentions of multi-word names by spelling, the files each occurs in, and the
    spellings that look like people's names (the archive uses their last word alone)."""
    from linter.formats import build_document
    from linter.packs.facts.docnames import HEAD_NOUNS, doc_names
    from linter.source import read_source

    spellings: Counter = Counter()
    where: dict[str, set[str]] = defaultdict(set)
    keys: dict[str, tuple[str, ...]] = {}
    alone: set[str] = set()
    for path in files:
        try:
            doc = build_document(path, read_source(path).text)
        except InputError as exc:
            print(f"copydesk learn: skipped {exc}", file=sys.stderr)
            continue
        for n in doc_names(doc):
            if len(n.key) == 1:
                alone.add(n.key[0])
                continue
            text = " ".join(n.mention.words)
            spellings[text] += 1
            where[text].add(path)
            keys[text] = n.key
    people = {text for text, key in keys.items() if key[-1] in alone and key[-1] not in HEAD_NOUNS}
    return spellings, where, people


def choose(
    spellings: Counter, where: dict, min_count: int, min_files: int
) -> list[tuple[str, int, int]]:
    """Names spelled one way many times: enough mentions in enough files, and no rival
    spelling (one word a letter or two off, same length) used twice or more and at least a
    third as often: a single slip in the archive does not make a name doubtful."""
    from linter.packs.facts.index import name_key
    from linter.packs.facts.name_mentions import near_spelling

    by_shape: dict[tuple[int, str], list[str]] = defaultdict(list)
    for text in spellings:
        key = name_key(text)
        for i in range(len(key)):
            by_shape[(len(key), " ".join((*key[:i], "*", *key[i + 1 :])))].append(text)
    chosen = []
    for text, count in spellings.items():
        files = len(where[text])
        if count < min_count or files < min_files:
            continue
        key = name_key(text)
        doubtful = False
        for i in range(len(key)):
            for other in by_shape[(len(key), " ".join((*key[:i], "*", *key[i + 1 :])))]:
                if other == text:
                    continue
                okey = name_key(other)
                if (
                    near_spelling(key[i], okey[i])
                    and spellings[other] >= 2
                    and spellings[other] * 3 >= count
                ):
                    doubtful = True
        if not doubtful:
            chosen.append((text, count, files))
    chosen.sort(key=lambda item: (-item[1], item[0]))
    return chosen


def render(chosen, people: set[str], archive: str, today: dt.date) -> str:
    import json

    lines = [
        f"# Names learned by 'copydesk learn' from {archive} on {today.isoformat()}.",
        "# Each name is spelled this way in the archive the number of times its source says.",
        "# Review it, then list this file in [tool.copydesk.facts] knowledge.",
        f"as_of: {today.isoformat()}",
        "entities:",
    ]
    for text, count, files in chosen:
        kind = "person" if text in people else "name"
        source = f"copydesk learn: {count} mentions in {files} articles of {archive}"
        lines.append(
            f"  - {{name: {json.dumps(text, ensure_ascii=False)}, type: {kind}, "
            f"source: {json.dumps(source, ensure_ascii=False)}}}"
        )
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    from linter.commands.common import settings_from_args
    from linter.discovery import discover

    archive = Path(args.archive)
    if not archive.is_dir():
        raise InputError("not a folder of articles", args.archive)
    if args.min_count < 1 or args.min_files < 1:
        raise InputError("--min-count and --min-files must be 1 or more", args.archive)
    args.select, args.ignore, args.date, args.dialect = None, [], None, None
    settings = settings_from_args(args)
    files, errors = discover([str(archive)], settings)
    for error in errors:
        print(f"copydesk learn: {error}", file=sys.stderr)
    from linter.packs.facts.index import name_key
    from linter.packs.facts.knowledge import load

    spellings, where, people = collect(files)
    chosen = choose(spellings, where, args.min_count, args.min_files)
    known = load(settings)
    people = {p for p in people if not known.is_single_name(name_key(p)[-1])}
    if not args.include_known:
        chosen = [c for c in chosen if not known.known(name_key(c[0]))]
    text = render(chosen, people, archive.as_posix(), dt.date.today())
    if args.output:
        Path(args.output).write_text(text, "utf-8")
        print(f"wrote {len(chosen)} names from {len(files)} articles to {args.output}")
    else:
        sys.stdout.write(text)
    return 0
