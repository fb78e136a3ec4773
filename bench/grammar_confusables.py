"""Recall on injected confusable-word swaps, and false alarms on the unchanged articles.

Every occurrence of a confusable word in the clean articles of ../shared/data is swapped for
its rival ("their" -> "there", "than" -> "then", "a" -> "an"), one swap a sentence, and the
grammar pack is run in-process; a swap counts as found when a GRAM finding covers it and
suggests the original word.

    python bench/grammar_confusables.py            # all GRAM rules
    python bench/grammar_confusables.py --select GRAM001 --misses 20
    python bench/grammar_confusables.py --harper   # Harper (kept lints) side by side
    python bench/grammar_confusables.py --harper-all   # Harper with its own defaults (slow)
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import clean_files, word_count

SWAPS = {
    "its": "it's", "it's": "its", "their": "there", "there": "their", "they're": "their",
    "than": "then", "then": "than", "your": "you're", "you're": "your", "whose": "who's",
    "who's": "whose", "lose": "loose", "loose": "lose", "affect": "effect", "effect": "affect",
    "affects": "effects", "effects": "affects", "principal": "principle",
    "principle": "principal", "complement": "compliment", "compliment": "complement",
    "led": "lead", "passed": "past", "past": "passed", "were": "where", "where": "were",
    "we're": "were", "to": "too", "too": "to", "a": "an", "an": "a",
}  # fmt: skip
WORD = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in SWAPS) + r")\b", re.I)


def inject(text: str, sentences) -> tuple[str, list[tuple[int, int, str, str]]]:
    """``text`` with one swap per sentence; the swaps as (start, end, written, original)."""
    out, swaps, pos, shift = [], [], 0, 0
    for s_start, s_end in sentences:
        m = WORD.search(text.replace("’", "'"), s_start, s_end)
        if not m:
            continue
        original = text[m.start() : m.end()]
        new = SWAPS[original.lower().replace("’", "'")]
        if original[0].isupper():
            new = new[0].upper() + new[1:]
        if "’" in original:
            new = new.replace("'", "’")
        out.append(text[pos : m.start()])
        out.append(new)
        start = m.start() + shift
        swaps.append((start, start + len(new), new, original))
        shift += len(new) - len(original)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out), swaps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--select", default="GRAM")
    parser.add_argument("--misses", type=int, default=0, help="missed swaps to print")
    parser.add_argument("--alarms", type=int, default=30, help="false alarms to print")
    parser.add_argument("--margin", type=float, help="GRAM002's statistics margin")
    parser.add_argument("--harper", action="store_true", help="Harper with the kept lints too")
    parser.add_argument("--harper-all", action="store_true", help="Harper with its defaults")
    args = parser.parse_args()

    from linter.formats import build_document
    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings(select=args.select.split(",")))
    for rule in engine.rules:
        if args.margin is not None and hasattr(rule, "margin"):
            rule.margin = args.margin
    files = clean_files()
    words = word_count(files)
    found, total = Counter(), Counter()
    alarms, misses = [], []
    t_lint = 0.0
    harper_found, harper_alarms = Counter(), 0
    harper = None
    if args.harper or args.harper_all:
        from linter.packs.backends.harper import HarperBackend

        backend = HarperBackend(Settings())  # the lints copydesk keeps (KEPT)
        if args.harper_all:
            import harper as harper_mod

            backend._linter = harper_mod.Linter(harper_mod.Dialect.AMERICAN)  # its defaults
        harper = backend
    for path in files:
        text = path.read_text("utf-8")
        t0 = time.perf_counter()
        findings = [
            f for f in engine.lint_text(text, str(path)) if f.severity in ("error", "warning")
        ]
        t_lint += time.perf_counter() - t0
        for f in findings:
            alarms.append(
                f"{path.name}:{f.line}:{f.column} {f.rule} {f.message} …{text[max(0, f.start - 50) : f.end + 30]!r}"
            )
        doc = build_document(str(path), text, None, None)
        swapped, swaps = inject(text, doc.sentences)
        got = engine.lint_text(swapped, str(path))
        hits = harper.check(swapped) if harper else []
        if harper:
            harper_alarms += len(harper.check(text))
        for start, end, new, original in swaps:
            key = f"{original.lower()}->{new.lower()}".replace("’", "'")
            total[key] += 1
            ok = any(
                f.start <= start
                and end <= f.end
                and original.lower().replace("’", "'")
                in [s.lower().replace("’", "'") for s in f.suggestions]
                for f in got
            )
            found[key] += ok
            if harper:
                harper_found[key] += any(
                    h.start <= start
                    and end <= h.end
                    and any(
                        r.lower().replace("’", "'") == original.lower().replace("’", "'")
                        for r in h.replacements
                    )
                    for h in hits
                )
            if not ok:
                misses.append(f"{key}: …{swapped[max(0, start - 60) : end + 40]!r}")
    n, k = sum(total.values()), sum(found.values())
    print(f"files: {len(files)}  words: {words:,}  lint time (clean pass): {t_lint:.2f} s")
    print(
        f"false alarms (error+warning) on clean text: {len(alarms)}  per 1,000 words: {1000 * len(alarms) / words:.3f}"
    )
    print(f"injected swaps: {n}  found: {k}  recall: {k / max(n, 1):.3f}")
    if harper:
        print(
            f"Harper ({'its default lints' if args.harper_all else 'kept lints'}) found: "
            f"{sum(harper_found.values())}  recall: {sum(harper_found.values()) / max(n, 1):.3f}  "
            f"lints on the clean text: {harper_alarms}"
        )
    for key, count in sorted(total.items(), key=lambda kv: -kv[1]):
        extra = f"  harper {harper_found[key]}" if harper else ""
        print(f"  {key:<22} {found[key]:>4}/{count:<4} {found[key] / count:.2f}{extra}")
    for line in alarms[: args.alarms]:
        print("ALARM", line)
    for line in misses[: args.misses]:
        print("MISS ", line)


if __name__ == "__main__":
    main()
