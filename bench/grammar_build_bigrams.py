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

    from linter.grammar.confusables import stat_words

    folder = Path(os.path.dirname(symspellpy.__file__))
    words = stat_words()
    unigrams = {}
    for line in (folder / "frequency_dictionary_en_82_765.txt").open(encoding="utf-8"):
        word, count = line.split()
        if word in words:
            unigrams[word] = int(count)
    rows = [f"{w}\t\t{c}" for w, c in sorted(unigrams.items())]  # "word<TAB><TAB>count"
    for line in (folder / "frequency_bigramdictionary_en_243_342.txt").open(encoding="utf-8"):
        a, b, count = line.split()
        if a in words or b in words:
            rows.append(f"{a}\t{b}\t{count}")
    header = "# word-pair counts: symspellpy (MIT), from Google Books Ngram (CC BY 3.0)\n"
    OUT.write_text(header + "\n".join(rows) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} rows")


if __name__ == "__main__":
    main()
