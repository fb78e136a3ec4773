"""Time per MB of the facts rules on one draft of 1 MB and one of 8 MB (issue 18's linearity
aim: the 8 MB figure within 1.3x of the 1 MB one). The drafts are synthetic (varied names,
titles, labels and dates; ``tests/test_facts_bounds.py``'s ``_draft``).

    PYTHONPATH=$PWD python bench/facts_per_mb.py
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

RULES = ["FACT001", "FACT002", "FACT003", "FACT004", "FACT005", "FACT009"]


def main() -> int:
    from test_facts_bounds import _draft

    from linter.runner import lint_text

    day = dt.date(2023, 2, 10)
    lint_text(_draft(50), "d.txt", select=RULES, date=day)  # imports and the pack
    for n in (5300, 42400):  # about 1 MB and 8 MB
        draft = _draft(n)
        t = time.perf_counter()
        lint_text(draft, "d.txt", select=RULES, date=day)
        took = time.perf_counter() - t
        size = len(draft) / 1e6
        print(f"{size:.2f} MB: {took:.1f} s, {took / size:.2f} s/MB", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
