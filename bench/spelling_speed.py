"""What the spelling pack costs: a cold ``copydesk check`` of one draft with and without it,
and, in-process, the pack's load (prepare) and check time.

    python bench/spelling_speed.py            # 15 runs each, medians
    python bench/spelling_speed.py --runs 30 --file seeds/musk-hyundai-ad.txt
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from common import ROOT

SPELL_RULES = ("SPELL001", "SPELL002", "SPELL003", "SPELL004", "SPELL005", "SPELL006")


def cold(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "linter", "check", *args], cwd=ROOT, capture_output=True
        )
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def in_process(path: str) -> tuple[float, float, float]:
    """Seconds to prepare the pack (first time in the process), to check the draft the first
    time (suggestion machinery included) and again."""
    sys.path.insert(0, str(ROOT))
    from linter.formats import build_document
    from linter.registry import all_rules
    from linter.settings import Settings

    settings = Settings(root=ROOT)
    rules = [r for r in all_rules(settings) if r.id in SPELL_RULES]
    t = time.perf_counter()
    for rule in rules:
        rule.prepare(settings)
    prepare = time.perf_counter() - t
    text = (ROOT / path).read_text("utf-8")
    timings = []
    for _ in range(2):
        doc = build_document(path, text, None, None)
        t = time.perf_counter()
        for rule in rules:
            list(rule.check(doc))
        timings.append(time.perf_counter() - t)
    return prepare, timings[0], timings[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--file", default="seeds/musk-hyundai-ad.txt")
    args = parser.parse_args()
    with_all = cold([args.file], args.runs)
    without = cold(["--ignore", "SPELL", args.file], args.runs)
    only = cold(["--select", "SPELL", args.file], args.runs)
    folder = cold(["seeds/"], args.runs)
    print(f"cold check of {args.file}, median of {args.runs} runs:")
    print(f"  all default packs          {with_all * 1000:6.0f} ms")
    print(f"  all but spelling           {without * 1000:6.0f} ms")
    print(f"  spelling adds              {(with_all - without) * 1000:6.0f} ms")
    print(f"  spelling pack alone        {only * 1000:6.0f} ms")
    print(f"cold check of seeds/         {folder * 1000:6.0f} ms")
    prepare, first, again = in_process(args.file)
    print("in-process:")
    print(f"  prepare (load word lists, codespell, vocabularies) {prepare * 1000:6.1f} ms")
    print(f"  check, first document                              {first * 1000:6.1f} ms")
    print(f"  check, again                                       {again * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
