"""Harper's cost and false alarms on the clean news text, beside copydesk's default packs.

Runs Harper (harper-py) with the lints copydesk keeps (linter/packs/backends/harper.py KEPT) and,
with --all, with Harper's own defaults; prints build time, lint time, throughput and every
lint raised on clean text; then the same for copydesk's default packs in-process.

    python bench/grammar_harper.py
    python bench/grammar_harper.py --all --show 30
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import clean_files, word_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="also Harper's default lints")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    files = clean_files()
    texts = [p.read_text("utf-8") for p in files]
    size = sum(len(t.encode("utf-8")) for t in texts)
    words = word_count(files)
    print(f"files: {len(files)}  words: {words:,}  size: {size / 1024:.0f} KB")

    from linter.packs.backends.harper import HarperBackend
    from linter.settings import Settings

    t0 = time.perf_counter()
    backend = HarperBackend(Settings())
    t1 = time.perf_counter()
    found = []
    for path, text in zip(files, texts, strict=True):
        for m in backend.check(text):
            found.append((path.name, m, text[max(0, m.start - 40) : m.end + 25]))
    t2 = time.perf_counter()
    print(
        f"Harper, kept lints: build {t1 - t0:.2f} s, lint {t2 - t1:.2f} s "
        f"({size / 1024 / (t2 - t1):.0f} KB/s), lints on clean text: {len(found)} "
        f"({1000 * len(found) / words:.3f} per 1,000 words)"
    )
    for rule, count in Counter(m.rule_id for _, m, _ in found).most_common():
        print(f"  {rule:<28} {count}")
    for name, m, context in found[: args.show]:
        print(f"  {name} {m.rule_id}: …{context!r}")

    if args.all:
        import harper

        linter = harper.Linter(harper.Dialect.AMERICAN)
        t3 = time.perf_counter()
        total = sum(len(linter.lint(text, language="plaintext")) for text in texts)
        t4 = time.perf_counter()
        print(
            f"Harper, default lints: lint {t4 - t3:.2f} s ({size / 1024 / (t4 - t3):.0f} KB/s), "
            f"lints on clean text: {total} ({1000 * total / words:.2f} per 1,000 words)"
        )

    from linter.runner import Engine

    t5 = time.perf_counter()
    engine = Engine(Settings())
    t6 = time.perf_counter()
    n = sum(len(engine.lint_text(text, str(path))) for path, text in zip(files, texts, strict=True))
    t7 = time.perf_counter()
    print(
        f"copydesk default packs (in-process): load {t6 - t5:.2f} s, lint {t7 - t6:.2f} s "
        f"({size / 1024 / (t7 - t6):.0f} KB/s), findings: {n}"
    )


if __name__ == "__main__":
    main()
