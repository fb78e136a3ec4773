"""The style pack next to proselint on the same clean news text (../shared/data).

Counts error and warning findings of the style pack (STYLE and FURN rules) per 1,000 words,
under the AP guide for every file and under the guide each source actually follows (British
for Wikinews, AP for the US press releases), and counts proselint's findings (all of its
default checks) on the same files.

    python bench/style_vs_proselint.py
    python bench/style_vs_proselint.py --show 20    # also print the style findings
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import DATA, clean_files, copydesk_json, word_count

PROSELINT_LINE = re.compile(r"^(.*?):(\d+):(\d+): ([\w.]+): (.*)$")
PREFIXES = ("STYLE", "FURN")  # the rules enabled by default; opt-in ones are not counted


def copydesk_counted(files: list[Path], guide: str | None) -> tuple[list[dict], float]:
    extra = ["--no-cache", "--ignore", "CORE,SPELL,GRAM,FACT,LT,HARPER"]
    with tempfile.TemporaryDirectory() as tmp:
        if guide:
            config = Path(tmp) / ".copydesk.toml"
            config.write_text(f'[style]\nguide = "{guide}"\n', "utf-8")
            extra += ["--config", str(config)]
        began = time.perf_counter()
        report = copydesk_json(files, *extra)
        took = time.perf_counter() - began
    return [
        f
        for f in report["findings"]
        if f["severity"] in ("error", "warning") and f["rule"].startswith(PREFIXES)
    ], took


def proselint(files: list[Path]) -> tuple[list[tuple[str, str]], float]:
    began = time.perf_counter()
    proc = subprocess.run(
        ["proselint", "check", *map(str, files)], capture_output=True, text=True, check=False
    )
    took = time.perf_counter() - began
    found = []
    for line in proc.stdout.splitlines():
        m = PROSELINT_LINE.match(line)
        if m:
            found.append((m.group(1), m.group(4)))
    return found, took


def rate(count: int, words: int) -> str:
    return f"{1000 * count / words:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="style findings to print")
    args = parser.parse_args()
    files = clean_files()
    wikinews = [f for f in files if f.parent.name.startswith("gum_wikinews")]
    releases = [f for f in files if f not in wikinews]
    words = word_count(files)
    print(f"data: {DATA}  files: {len(files)}  words: {words:,}")

    ap_all, t_ap = copydesk_counted(files, "ap")
    brit, t_b = copydesk_counted(wikinews, "british")
    rel, _ = copydesk_counted(releases, "ap")
    chosen = brit + rel
    prose, t_p = proselint(files)

    print(f"\n{'run':<48} {'findings':>8} {'per 1,000 words':>16} {'seconds':>8}")
    print(
        f"{'copydesk STYLE+FURN, AP guide on every file':<48} {len(ap_all):>8} "
        f"{rate(len(ap_all), words):>16} {t_ap:>8.2f}"
    )
    print(
        f"{'copydesk STYLE+FURN, each source its own guide':<48} {len(chosen):>8} "
        f"{rate(len(chosen), words):>16} {t_b:>8.2f}"
    )
    print(
        f"{'proselint (all default checks)':<48} {len(prose):>8} "
        f"{rate(len(prose), words):>16} {t_p:>8.2f}"
    )

    for title, found in (("copydesk, AP guide", ap_all), ("copydesk, own guide", chosen)):
        counts = Counter(f["rule"] for f in found)
        print(f"\n{title}: " + ", ".join(f"{r} {n}" for r, n in sorted(counts.items())))
    counts = Counter(check for _, check in prose)
    print("\nproselint: " + ", ".join(f"{c} {n}" for c, n in counts.most_common()))

    for f in ap_all[: args.show]:
        line = Path(f["path"]).read_text("utf-8").split("\n")[f["line"] - 1]
        context = line[max(0, f["column"] - 40) : f["end_column"] + 30]
        print(f"{f['path'].split('data/')[-1]}:{f['line']}:{f['column']} {f['rule']} …{context}…")


if __name__ == "__main__":
    main()
