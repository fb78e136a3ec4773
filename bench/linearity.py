"""Is copydesk linear in document size? Time per MB on one 8 MB file against one 1 MB file.

Each size runs in its own fresh process (``profile_rules.py --fresh-one MB --clock cpu``: no
memo carried over from the other run), on the first megabytes of the fresh corpus (public-
domain prose, no paragraph repeated; bench/fresh_corpus.py). CPU time is used because it
barely moves when other work shares the machine; loading the rules is left out (it does not
grow with the text). The run passes when the whole engine's time per MB on the big file is
within --limit (1.3x) of its time per MB on the small one; the table names every stage and
rule that grows faster than that, by pack, so each can go to its pack's owner.

    python bench/linearity.py                  # 1 MB against 8 MB (a few minutes)
    python bench/linearity.py --small 0.5 --big 2 --limit 1.3

Exit status: 0 when it passes, 1 when it does not.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from common import ROOT

HERE = Path(__file__).resolve().parent
STAGES = ("parse", "phrases", "findings")
NOISE_S = 0.2  # a rule under this many seconds on the big file is too small to judge


def measure(megabytes: float, no_gc: bool = False) -> dict:
    """Seconds by stage and rule on one file of ``megabytes``, in a fresh process."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        cmd = [
            sys.executable,
            str(HERE / "profile_rules.py"),
            "--fresh-one",
            f"{megabytes:g}",
            "--clock",
            "cpu",
            "--json",
            out.name,
            *(["--no-gc"] if no_gc else []),
        ]
        print(f"profiling one {megabytes:g} MB file ...", file=sys.stderr)
        subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        return json.loads(Path(out.name).read_text())


def compare(small: dict, big: dict, limit: float) -> tuple[bool, str]:
    """The verdict and a Markdown table: per stage and rule, seconds per MB at each size and
    their ratio; rules grouped by pack, the most super-linear first."""
    per_mb_small = {k: v / small["mb"] for k, v in small["seconds"].items() if k != "load"}
    per_mb_big = {k: v / big["mb"] for k, v in big["seconds"].items() if k != "load"}
    total_small, total_big = sum(per_mb_small.values()), sum(per_mb_big.values())
    ratio = total_big / total_small
    passed = ratio <= limit
    packs = big.get("packs", {})
    rows: dict[str, list[tuple[str, float, float, float]]] = defaultdict(list)
    for key, big_rate in per_mb_big.items():
        small_rate = per_mb_small.get(key, 0.0)
        r = big_rate / small_rate if small_rate > 0 else float("inf")
        group = "engine" if key in STAGES else packs.get(key, "?")
        rows[group].append((key, small_rate, big_rate, r))
    lines = [
        f"| pack | stage or rule | s/MB at {small['mb']:.1f} MB | s/MB at {big['mb']:.1f} MB "
        "| ratio | verdict |",
        "|---|---|---:|---:|---:|---|",
    ]
    for group in sorted(rows, key=lambda g: (g != "engine", g)):
        for key, s_rate, b_rate, r in sorted(rows[group], key=lambda x: -x[3]):
            if b_rate * big["mb"] < NOISE_S and r <= limit:
                continue  # small and linear: leave it out of the table
            if b_rate * big["mb"] < NOISE_S:
                verdict = "super-linear (small)"
            else:
                verdict = "SUPER-LINEAR" if r > limit else "linear"
            lines.append(
                f"| {group} | {key} | {s_rate:.3f} | {b_rate:.3f} | {r:.2f}x | {verdict} |"
            )
    lines.append(
        f"| all | total (without loading rules) | {total_small:.3f} | {total_big:.3f} "
        f"| {ratio:.2f}x | {'linear' if passed else 'SUPER-LINEAR'} |"
    )
    worst = sorted(
        (
            (r, key, group)
            for group, items in rows.items()
            for key, _, b, r in items
            if r > limit and b * big["mb"] >= NOISE_S
        ),
        reverse=True,
    )
    by_pack: dict[str, list[str]] = defaultdict(list)
    for r, key, group in worst:
        by_pack[group].append(f"{key} {r:.1f}x")
    summary = "; ".join(f"{g}: {', '.join(v)}" for g, v in sorted(by_pack.items())) or "none"
    verdict = (
        f"{'PASS' if passed else 'FAIL'}: time per MB on one {big['mb']:.1f} MB file is "
        f"{ratio:.2f}x that on one {small['mb']:.1f} MB file (limit {limit:g}x); "
        f"super-linear by pack: {summary}"
    )
    return passed, "\n".join([*lines, "", verdict])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=float, default=1.0, help="MB of the small file")
    parser.add_argument("--big", type=float, default=8.0, help="MB of the big file")
    parser.add_argument("--limit", type=float, default=1.3, help="largest ratio that passes")
    parser.add_argument("--json", metavar="FILE", help="also write both profiles as JSON")
    parser.add_argument(
        "--no-gc",
        action="store_true",
        help="diagnostic: no garbage collection while linting (is the growth the collector's?)",
    )
    args = parser.parse_args()
    small, big = measure(args.small, args.no_gc), measure(args.big, args.no_gc)
    passed, report = compare(small, big, args.limit)
    print(report)
    if args.json:
        Path(args.json).write_text(json.dumps({"small": small, "big": big}, indent=1))
    sys.exit(0 if passed else 1)


if __name__ == "__main__":
    main()
