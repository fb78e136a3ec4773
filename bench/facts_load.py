"""What loading the public-records pack costs a cold run: each sample is a fresh Python
process that imports the reader and loads the pack (and, for comparison, another pack file
given with ``--against``); the minimum of the samples is printed, since a busy machine only
ever adds time.

    python bench/facts_load.py                       # the shipped pack, 9 samples
    python bench/facts_load.py --against OLD.json.gz # and an older pack, interleaved
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import sys, time
t = time.perf_counter()
from linter.packs.facts import records
t1 = time.perf_counter()
recs = records.load(sys.argv[1])
t2 = time.perf_counter()
recs.people(("Mitt", "Romney"))
t3 = time.perf_counter()
recs.coarse()  # the members known only by Congress, read when a lookup needs them
t4 = time.perf_counter()
print(f"{(t1 - t) * 1000:.2f} {(t2 - t1) * 1000:.2f} {(t3 - t2) * 1000:.2f} {(t4 - t3) * 1000:.2f}")
"""


def sample(pack: str) -> tuple[float, float, float, float]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, pack],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    ).stdout.split()
    code, load, lookup, second = map(float, out)
    return code, load, lookup, second


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=9, help="samples (default 9)")
    parser.add_argument("--against", metavar="FILE", help="another pack file to time")
    args = parser.parse_args()
    # the path is given (not found through linter.registry, which a real run has imported
    # already): only the reader and the pack are timed
    packs = {"shipped": str(ROOT / "rules" / "facts" / "knowledge" / "records.json.gz")}
    if args.against:
        packs["against"] = args.against
    best: dict[str, list[float]] = {k: [1e9, 1e9, 1e9, 1e9] for k in packs}
    for _ in range(args.n):
        for name, path in packs.items():  # interleaved: both see the same load
            for i, v in enumerate(sample(path)):
                best[name][i] = min(best[name][i], v)
    for name, (code, load, lookup, second) in best.items():
        size = Path(packs[name]).stat().st_size
        print(
            f"{name}: reader import {code:.1f} ms, pack load {load:.1f} ms, first lookup "
            f"{lookup:.1f} ms ({size // 1024} KB), second file (members by Congress) "
            f"{second:.1f} ms; minimum of {args.n} cold processes"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
