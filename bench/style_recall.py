"""Recall of the style pack on slips injected into clean news text (../shared/data).

Each clean file gets one slip of each kind at a fixed, seeded place; a slip counts as found
when the expected rule reports a finding on the injected line. Precision on the untouched
text is measured by bench/style_vs_proselint.py.

    python bench/style_recall.py
"""

from __future__ import annotations

import random
import tempfile
from collections import Counter
from pathlib import Path

from common import clean_files, copydesk_json

# kind: (rule, function(line) -> line with the slip, or None when the line does not fit)
FURNITURE = ["Advertisement", "Leave a Comment", "Read more", "Share this article"]
CLICHES = ["Needless to say, ", "At the end of the day, "]


def inject_furniture(lines: list[str], rng: random.Random) -> tuple[list[str], int]:
    at = rng.randrange(2, len(lines) + 1)
    return [*lines[:at], rng.choice(FURNITURE), *lines[at:]], at + 1


def inject_cliche(lines: list[str], rng: random.Random) -> tuple[list[str], int] | None:
    candidates = [i for i, line in enumerate(lines) if i >= 2 and line[:1].isupper()]
    if not candidates:
        return None
    i = rng.choice(candidates)
    line = lines[i]
    out = list(lines)
    out[i] = rng.choice(CLICHES) + line[0].lower() + line[1:]
    return out, i + 1


def inject_comma_outside(lines: list[str], rng: random.Random) -> tuple[list[str], int] | None:
    candidates = [i for i, line in enumerate(lines) if ",”" in line or ',"' in line]
    if not candidates:
        return None
    i = rng.choice(candidates)
    out = list(lines)
    out[i] = (
        lines[i].replace(",”", "”,", 1) if ",”" in lines[i] else lines[i].replace(',"', '",', 1)
    )
    return out, i + 1


def inject_antisemitic(lines: list[str], rng: random.Random) -> tuple[list[str], int]:
    at = rng.randrange(2, len(lines) + 1)
    return [
        *lines[:at],
        "The group condemned the anti-Semitic posts on Monday.",
        *lines[at:],
    ], at + 1


SLIPS = {
    "furniture line": ("FURN001", inject_furniture),
    "cliche": ("STYLE040", inject_cliche),
    "comma outside quote": ("STYLE001", inject_comma_outside),
    "anti-Semitic": ("STYLE015", inject_antisemitic),
}


def main() -> None:
    rng = random.Random(2026)
    tried: Counter[str] = Counter()
    hit: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        jobs: list[tuple[str, str, Path, int]] = []
        for n, path in enumerate(clean_files()):
            lines = path.read_text("utf-8").split("\n")
            for kind, (rule, inject) in SLIPS.items():
                made = inject(lines, rng)
                if made is None:
                    continue
                new_lines, line_no = made
                target = Path(tmp) / f"{n:03d}-{kind.replace(' ', '_')}.txt"
                target.write_text("\n".join(new_lines), "utf-8")
                jobs.append((kind, rule, target, line_no))
        report = copydesk_json([j[2] for j in jobs], "--no-cache", "--select", "STYLE,FURN")
        found = {(Path(f["path"]).name, f["rule"], f["line"]) for f in report["findings"]}
        for kind, rule, target, line_no in jobs:
            tried[kind] += 1
            hit[kind] += (target.name, rule, line_no) in found
    total_tried, total_hit = sum(tried.values()), sum(hit.values())
    for kind in SLIPS:
        print(
            f"{kind:<22} {hit[kind]:>3}/{tried[kind]:<3} recall {hit[kind] / max(1, tried[kind]):.3f}"
        )
    print(f"{'all':<22} {total_hit:>3}/{total_tried:<3} recall {total_hit / total_tried:.3f}")


if __name__ == "__main__":
    main()
