"""Recall per family on the learner set of bench/grammar_learner.py, split in two fixed
halves so that rules can be developed on one and measured on the other.

A slip's half is set by a hash of its sentence (MD5 of the text, even first byte: "dev",
odd: "held-out"; the same halves as ``grammar_learner.py --split`` on the confusables branch), so every slip of one sentence falls in the same half and the split does
not depend on the rules. Develop on ``--show dev``; report the held-out half and the whole.

    python bench/grammar_learner_split.py /tmp/gram/data
    python bench/grammar_learner_split.py /tmp/gram/data --misses dev --no-harper
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from grammar_learner import _overlaps, ewt_slips, jfleg_slips

FAMILIES = ("confusable", "agreement", "verb-form")
HALVES = ("dev", "held-out", "whole")


def half(text: str) -> str:
    """The half a sentence belongs to, fixed by its text alone."""
    return "dev" if hashlib.md5(text.encode("utf-8")).digest()[0] % 2 == 0 else "held-out"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", choices=("dev", "held-out", "whole"), default=None)
    parser.add_argument("--no-harper", action="store_true")
    args = parser.parse_args()

    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings(select=["GRAM"]))
    harper = None
    if not args.no_harper:
        import harper as harper_mod

        harper = harper_mod.Linter(harper_mod.Dialect.AMERICAN)

    total, caught, caught_h = Counter(), Counter(), Counter()
    misses = []
    for text, start, end, wrong, right, fam in jfleg_slips(args.folder) + ewt_slips(args.folder):
        h = half(text)
        found = [f for f in engine.lint_text(text, "s.md") if _overlaps(f, text, start, end)]
        hit_h = False
        if harper is not None:
            lints = [x for x in harper.lint(text) if x.lint_kind != "Spelling"]
            hit_h = any(lint.span.start < end and start < lint.span.end for lint in lints)
        for key in (h, "whole"):
            total[key, fam] += 1
            caught[key, fam] += bool(found)
            caught_h[key, fam] += hit_h
        if not found and args.misses in (h, "whole"):
            misses.append((h, fam, wrong, right, text))
    print(f"{'half':9} {'family':11} {'slips':>5} {'copydesk':>9} {'harper':>7}")
    for key in HALVES:
        for fam in FAMILIES:
            n = total[key, fam]
            if not n:
                continue
            ours = f"{caught[key, fam]}/{n} = {caught[key, fam] / n:.2f}"
            theirs = f"{caught_h[key, fam] / n:.2f}" if harper else "-"
            print(f"{key:9} {fam:11} {n:5} {ours:>15} {theirs:>7}")
    for h, fam, wrong, right, text in misses:
        print(f"MISS {h} {fam}: {wrong} -> {right} | {text[:160]}")


if __name__ == "__main__":
    main()
