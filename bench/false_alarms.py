"""False alarms on clean, professionally edited news text (../shared/data).

Counts error and warning findings per 1,000 words from all default packs (or --select),
lists them by rule, and prints each finding with its text so a person can read them.

    python bench/false_alarms.py               # all default rules
    python bench/false_alarms.py --select SPELL --show 40
"""

from __future__ import annotations

import argparse
from collections import Counter

from common import clean_files, copydesk_json, word_count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", help="rule ids or prefixes, comma separated")
    parser.add_argument("--show", type=int, default=25, help="findings to print")
    args = parser.parse_args()
    files = clean_files()
    words = word_count(files)
    extra = ["--select", args.select] if args.select else []
    report = copydesk_json(files, *extra)
    # a stale title in an undated archival text (press releases, interviews: no dateline) is
    # judged at today's date, as documented; like the project's scorer, count it apart
    undated = [f for f in report["findings"] if _undated_title(f)]
    shown = [f for f in report["findings"] if not _undated_title(f)]
    counted = [f for f in shown if f["severity"] in ("error", "warning")]
    infos = len(shown) - len(counted)
    print(f"files: {len(files)}  words: {words:,}")
    print(
        f"error+warning findings: {len(counted)}  per 1,000 words: {1000 * len(counted) / words:.3f}"
    )
    print(f"info findings (not counted): {infos}")
    print(f"stale titles in undated texts, judged at today's date (not counted): {len(undated)}")
    for rule, count in Counter(f["rule"] for f in counted).most_common():
        print(f"  {rule:<10} {count}")
    texts: dict[str, list[str]] = {}
    for f in counted[: args.show]:
        if f["path"] not in texts:
            with open(f["path"], encoding="utf-8") as handle:
                texts[f["path"]] = handle.read().split("\n")
        lines = texts[f["path"]]
        line = lines[f["line"] - 1]
        span = (
            line[f["column"] - 1 : f["end_column"] - 1]
            if f["end_line"] == f["line"]
            else line[f["column"] - 1 :]
        )
        context = line[max(0, f["column"] - 40) : f["end_column"] + 30]
        print(
            f"{f['path'].split('data/')[-1]}:{f['line']}:{f['column']} {f['rule']} [{span}] …{context}…"
        )


def _undated_title(finding: dict) -> bool:
    """FACT002 on a text with no date of its own: the Wikinews news articles carry a
    dateline; the interviews and press releases do not."""
    name = finding["path"].replace("\\", "/").split("/")[-1]
    return finding["rule"] == "FACT002" and not name.startswith("GUM_news_")


if __name__ == "__main__":
    main()
