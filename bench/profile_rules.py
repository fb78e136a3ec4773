"""Where the time goes: parsing documents, the shared phrase automaton, and each rule's
``check``, summed over a set of files in one process (all default rules unless --select).

    python bench/profile_rules.py                 # the 10 MB repeated corpus, top 15 rules
    python bench/profile_rules.py --mb 1 --top 40
    python bench/profile_rules.py --fresh-files 1  # the fresh corpus as ~5 KB files
    python bench/profile_rules.py --fresh-one 8 --clock cpu --json out.json  # one 8 MB file
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))


def rule_packs(select: list[str] | None = None) -> dict[str, str]:
    """Each default rule's pack (spelling, grammar, facts, style, core ...)."""
    from linter.runner import Engine
    from linter.settings import Settings

    packs = {}
    for rule in Engine(Settings(root=Path.cwd(), select=select)).rules:
        origin = getattr(rule, "origin", "") or ""
        from_module = origin.split(".")[2] if origin.startswith("linter.packs.") else ""
        packs[rule.id] = rule.pack or from_module or "?"
    return packs


def profile(
    paths: list[Path],
    select: list[str] | None = None,
    clock=time.perf_counter,
    no_gc: bool = False,
) -> dict[str, float]:
    """Seconds by stage: ``load`` (rules and engine), ``parse``, ``phrases``, ``findings``
    (positions, suppression) and one entry per rule id. ``clock``: wall time by default;
    ``time.process_time`` (CPU time) is steadier on a busy machine. ``no_gc``: no garbage
    collection after loading (a diagnostic: how much of a rule's time is the collector's)."""
    time_now = clock
    from linter.formats import build_document
    from linter.literals import LITERALS
    from linter.runner import Engine
    from linter.settings import Settings

    times: dict[str, float] = defaultdict(float)
    start = time_now()
    engine = Engine(Settings(root=Path.cwd(), select=select))
    times["load"] = time_now() - start
    from linter.parallel import settle_gc

    settle_gc()  # as the CLI does once the engine is loaded (fewer, smaller collections)
    if no_gc:
        import gc

        gc.disable()
    for path in paths:
        text = path.read_text("utf-8")
        t0 = time_now()
        doc = build_document(str(path), text, None, None)
        _ = doc.folded, doc.words  # the shared tokens, counted as parsing
        times["parse"] += time_now() - t0
        raw = []
        t0 = time_now()
        # the engine's one pass: phrases, and the literals the pattern rules require
        hits, present = engine.matcher.scan(doc.folded)
        if engine.matcher.literals:
            LITERALS.remember(doc, engine.matcher.literals, present)
        times["phrases"] += time_now() - t0
        for rule in engine.rules:
            t0 = time_now()
            try:
                raw.extend((rule, m) for m in rule.check(doc))
            except Exception as exc:  # profile the rest; the error is the rule's own business
                print(f"{path}: {rule.id}: {type(exc).__name__}: {exc}", file=sys.stderr)
            times[rule.id] += time_now() - t0
        t0 = time_now()
        for s, e, payloads in hits:
            for rule, payload in payloads:
                m = rule.on_phrase(doc, s, e, payload)
                if m is not None:
                    raw.append((rule, m))
        times["phrases"] += time_now() - t0
        t0 = time_now()
        engine._findings(doc, raw)
        times["findings"] += time_now() - t0
    return dict(times)


def table(times: dict[str, float], megabytes: float, top: int) -> str:
    total = sum(times.values())
    stages = ("load", "parse", "phrases", "findings")
    rows = [(k, times[k]) for k in stages if k in times]
    rules = sorted(((k, v) for k, v in times.items() if k not in stages), key=lambda kv: -kv[1])
    rows += rules[:top]
    rest = sum(v for _, v in rules[top:])
    if rest:
        rows.append((f"{len(rules) - top} other rules", rest))
    out = ["| stage or rule | seconds | share | s per MB |", "|---|---:|---:|---:|"]
    for name, secs in rows:
        out.append(f"| {name} | {secs:.2f} | {100 * secs / total:.0f}% | {secs / megabytes:.3f} |")
    out.append(f"| total | {total:.2f} | 100% | {total / megabytes:.3f} |")
    return "\n".join(out)


def main() -> None:
    from corpus import corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="repeated corpus size in MB")
    parser.add_argument("--fresh-files", type=float, metavar="MB", help="fresh corpus, files")
    parser.add_argument("--fresh-one", type=float, metavar="MB", help="fresh corpus, one file")
    parser.add_argument("--select", help="rule ids or prefixes, comma separated")
    parser.add_argument("--top", type=int, default=15, help="rules to list")
    parser.add_argument("--clock", choices=("wall", "cpu"), default="wall")
    parser.add_argument("--json", metavar="FILE", help="write the seconds by stage as JSON")
    parser.add_argument("--no-gc", action="store_true", help="diagnostic: collector off")
    args = parser.parse_args()
    if args.fresh_one:
        from fresh_corpus import one_file

        paths = [one_file(args.fresh_one)]
    elif args.fresh_files:
        from fresh_corpus import files

        paths = sorted(files(args.fresh_files).glob("*.txt"))
    else:
        paths = sorted(corpus(args.mb).glob("*.txt"))
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    select = args.select.split(",") if args.select else None
    clock = time.process_time if args.clock == "cpu" else time.perf_counter
    print(f"{len(paths)} files, {megabytes:.1f} MB, one process, {args.clock} time\n")
    times = profile(paths, select, clock, args.no_gc)
    print(table(times, megabytes, args.top))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"mb": megabytes, "seconds": times, "packs": rule_packs(select)}, indent=1)
        )


if __name__ == "__main__":
    main()
