"""What the spelling pack costs a cold run on one draft, in CPU time, in a fresh process.

Why CPU time of the pack alone: on a shared machine the wall time of a whole run is noise.
Each run imports the engine and lints the draft with one cheap core rule (the document, the
engine), then times ``lint_text`` with the spelling rules alone: loading the word lists,
first sight of every word, suggestions, word pairs.

    python bench/spelling_cold.py                       # seeds/musk-hyundai-ad.md
    python bench/spelling_cold.py path/to/draft.txt --runs 9
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys, time
from pathlib import Path
from linter.runner import lint_text
path = sys.argv[1]
text = Path(path).read_text("utf-8")
lint_text(text, path=path, select=["CORE003"])  # the engine and document, no spelling
start = time.process_time()
lint_text(text, path=path, select=["SPELL"])
print(time.process_time() - start)
"""


def once(path: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, path], capture_output=True, text=True, cwd=ROOT, check=True
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", nargs="?", default="seeds/musk-hyundai-ad.md")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    times = [once(args.path) for _ in range(args.runs)]
    print(
        f"{args.path}: the spelling pack costs {1000 * statistics.median(times):.0f} ms CPU "
        f"on a cold run (median of {args.runs}; min {1000 * min(times):.0f} ms)"
    )


if __name__ == "__main__":
    main()
