"""Build rules/grammar/data/bigrams.tsv: the word-pair counts the confusable-word rule uses.

The counts come from symspellpy's bigram dictionary (MIT; counts from the Google Books
Ngram corpus, CC BY 3.0). Only pairs that contain a confusable word, or a stand-in for a
contraction ("it"/"is" for "it's"), are kept, so the file stays small and loads in
milliseconds.

    python bench/grammar_build_bigrams.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "rules" / "grammar" / "data" / "bigrams.tsv"


def main() -> None:
    import symspellpy

    from linter.packs.grammar.confusion_model import EXPANSIONS, FAMILIES, FAMILY_OF, STAT_FAMILIES

    folder = Path(os.path.dirname(symspellpy.__file__))
    # Which pairs the model looks up: both sides of a confusable; for a contraction's
    # stand-ins, the pair before the first ("said it"), the inner pair ("it is") and the
    # pair after the second ("is going"); for "to", only the pair after it ("to lose").
    words = {w for f in STAT_FAMILIES for w in FAMILIES[f] if "'" not in w} - {"to", "too"}
    firsts = {parts[0] for w, parts in EXPANSIONS.items() if FAMILY_OF[w] in STAT_FAMILIES}
    seconds = {parts[1] for w, parts in EXPANSIONS.items() if FAMILY_OF[w] in STAT_FAMILIES}
    inner = {parts for w, parts in EXPANSIONS.items() if FAMILY_OF[w] in STAT_FAMILIES}
    unigram_words = words | firsts | seconds | {"to", "too"}
    rows = []
    for line in (folder / "frequency_dictionary_en_82_765.txt").open(encoding="utf-8"):
        word, count = line.split()
        if word in unigram_words:
            rows.append(f"{word}\t{count}")
    for line in (folder / "frequency_bigramdictionary_en_243_342.txt").open(encoding="utf-8"):
        a, b, count = line.split()
        if (
            a in words
            or b in words
            or b in firsts
            or (a, b) in inner
            or a in seconds
            or a in ("to", "too")
        ):
            rows.append(f"{a} {b}\t{count}")
    header = "# word-pair counts: symspellpy (MIT), from Google Books Ngram (CC BY 3.0)"
    rows.sort(key=lambda row: row.partition("\t")[0])  # by key: looked up by bisection
    OUT.write_text("\n".join([header, *rows]) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
