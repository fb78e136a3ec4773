"""Recall of GRAM004 (pronoun-verb agreement) on slips injected into the clean articles.

Each sentence of ../shared/data with a pronoun subject and a form of be, have or do gets one
slip ("he has" -> "he have", "they were" -> "they was"); a slip counts as found when GRAM004
reports the verb and suggests the original form.

    python bench/grammar_agreement.py --misses 20
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import clean_files

SWAPS = {
    "has": "have", "does": "do", "doesn't": "don't", "is": "are", "isn't": "aren't",
    "was": "were",
}  # fmt: skip
PLURAL_SWAPS = {"were": "was", "have": "has", "do": "does", "don't": "doesn't", "are": "is"}
PATTERN = re.compile(
    r"\b(?:(?P<s>[Hh]e|[Ss]he|[Ii]t) (?P<sv>has|does|doesn't|is|isn't)"
    r"|(?P<p>[Tt]hey|[Ww]e) (?P<pv>were|have|do|don't|are))\b"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()

    from linter.formats import build_document
    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings(select=["GRAM004"]))
    total, found, misses = Counter(), Counter(), []
    for path in clean_files():
        text = path.read_text("utf-8").replace("’", "'")
        doc = build_document(str(path), text, None, None)
        out, swaps, pos, shift = [], [], 0, 0
        for s_start, s_end in doc.sentences:
            m = PATTERN.search(text, s_start, s_end)
            if not m:
                continue
            group = "sv" if m.group("sv") else "pv"
            verb = m.group(group)
            new = (SWAPS if group == "sv" else PLURAL_SWAPS)[verb]
            start = m.start(group)
            out += [text[pos:start], new]
            swaps.append((start + shift, start + shift + len(new), f"{verb}->{new}", verb))
            shift += len(new) - len(verb)
            pos = m.end(group)
        out.append(text[pos:])
        swapped = "".join(out)
        got = engine.lint_text(swapped, str(path))
        for start, end, key, original in swaps:
            total[key] += 1
            ok = any(f.start == start and f.end == end and original in f.suggestions for f in got)
            found[key] += ok
            if not ok:
                misses.append(f"{key}: …{swapped[max(0, start - 50) : end + 30]!r}")
    n, k = sum(total.values()), sum(found.values())
    print(f"injected agreement slips: {n}  found: {k}  recall: {k / max(n, 1):.3f}")
    for key, count in total.most_common():
        print(f"  {key:<16} {found[key]:>4}/{count}")
    for line in misses[: args.misses]:
        print("MISS", line)


if __name__ == "__main__":
    main()
