"""Time per MB of the facts rules on one draft of 1 MB and one of 8 MB (issue 18's linearity
aim: the 8 MB figure within 1.3x of the 1 MB one). The drafts are synthetic (varied names,
titles, labels and dates; ``tests/test_facts_bounds.py``'s ``_draft``).

    PYTHONPATH=$PWD python bench/facts_per_mb.py
"""

import sys, time, datetime as dt

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "tests"))
from test_facts_bounds import _draft
from linter.runner import lint_text

rules = ["FACT001", "FACT002", "FACT003", "FACT004", "FACT005", "FACT009"]
lint_text(_draft(50), "d.txt", select=rules, date=dt.date(2023, 2, 10))
for n in (5300, 42400):
    d = _draft(n)
    t = time.perf_counter()
    lint_text(d, "d.txt", select=rules, date=dt.date(2023, 2, 10))
    el = time.perf_counter() - t
    print(f"{len(d) / 1e6:.2f} MB: {el:.1f} s, {el / (len(d) / 1e6):.2f} s/MB", flush=True)
