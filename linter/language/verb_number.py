"""The number a verb form asks of its subject, by the lexicon alone: "sg" for a third person
("shows": a VBZ share of at least 0.4 and a final "s"), "pl" for a bare form ("show": VB and
VBP together at least 0.8), None otherwise.

Why a precomputed table: the grammar pack asks this of every distinct word of a draft, and
on fresh text nearly every word is new to the run, so reading each one's candidates from the
model cost more than the rest of the agreement rule. The answer for a word the model does not
know comes from its guess by ending, so it is kept per ending; ``data/verb_number.tsv`` lists
only the known words whose answer differs from the one their ending gives (about 2,000 of
34,000), loaded in well under a millisecond. ``python -m linter.language.verb_number`` rebuilds
it from the model; tests/test_language_layer.py checks that it is in step with the model.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from itertools import compress
from operator import itemgetter
from pathlib import Path
from typing import cast

from linter.language.tagger import Tagger, model

PATH = Path(__file__).parent / "data" / "verb_number.tsv"
THIRD_PERSON_AT_LEAST = 0.4  # the VBZ share that makes a word in -s a third person
BARE_AT_LEAST = 0.8  # the VB + VBP share that makes a word a bare (plural) form
_LABELS = {"sg": "sg", "pl": "pl", "none": None}


def by_candidates(word: str, cands: Mapping[str, float]) -> str | None:
    """The number ``word`` asks for, from its candidates (the definition)."""
    if cands.get("VBZ", 0.0) >= THIRD_PERSON_AT_LEAST and word.endswith("s"):
        return "sg"
    if cands.get("VB", 0.0) + cands.get("VBP", 0.0) >= BARE_AT_LEAST:
        return "pl"
    return None


def verb_number(word: str) -> str | None:
    """``by_candidates(word, candidates(word))`` for a lower-case word, from the table."""
    table = _table()
    if word in table:
        return table[word]
    if word[:1].isdigit():
        return None  # a number the model does not know: CD alone
    ending = word[-3:]
    if ending not in _BY_ENDING:
        if len(_BY_ENDING) > 100_000:
            _BY_ENDING.clear()
        _BY_ENDING[ending] = _by_guess(model(), word)
    return _BY_ENDING[ending]


def numbered(words: Iterable[str]) -> dict[str, str]:
    """``verb_number`` of each of ``words`` that has one (a draft's distinct words at once:
    set operations and C-level maps in place of a call per word)."""
    table = _table()
    kinds = set(words)
    found = {w: n for w in kinds.intersection(table) if (n := table[w])}
    rest = [w for w in kinds.difference(table) if not w[:1].isdigit()]
    endings = list(map(_ENDING, rest))
    by_ending = _BY_ENDING
    if len(by_ending) > 100_000:
        by_ending.clear()
    if not by_ending.keys() >= set(endings):
        tagger = model()
        for word, ending in zip(rest, endings, strict=True):
            if ending not in by_ending:
                by_ending[ending] = _by_guess(tagger, word)
    verdicts = list(map(by_ending.__getitem__, endings))
    found.update(
        cast("Iterable[tuple[str, str]]", compress(zip(rest, verdicts, strict=True), verdicts))
    )
    return found


def _by_guess(tagger: Tagger, word: str) -> str | None:
    """The answer for ``word`` were it unknown to the model (its ending's guess): the same
    for every word with its last three letters, but for words that start with a digit."""
    if word[:1].isdigit():
        return None  # a number: CD alone
    return by_candidates(word, dict(tagger._guess(word)))


_ENDING = itemgetter(slice(-3, None))  # a word's last three letters (what its guess reads)
_BY_ENDING: dict[str, str | None] = {}
_TABLE: list[dict[str, str | None]] = []


def _table() -> dict[str, str | None]:
    if not _TABLE:
        table: dict[str, str | None] = {}
        for line in PATH.read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                label, _, words = line.partition("\t")
                table.update(dict.fromkeys(words.split(" "), _LABELS[label]))
        _TABLE.append(table)
    return _TABLE[0]


def build(tagger: Tagger) -> str:
    """The table's text: every known word whose answer differs from its ending's guess."""
    rows: dict[str, list[str]] = {"sg": [], "pl": [], "none": []}
    for word in sorted(tagger.words.raw if hasattr(tagger.words, "raw") else tagger.words):
        got = by_candidates(word, tagger.candidates(word))
        if got != _by_guess(tagger, word):
            rows["none" if got is None else got].append(word)
    head = "# built by python -m linter.language.verb_number from data/model.tsv: known words\n"
    head += "# whose verb number (sg, pl or none) differs from what their ending gives\n"
    return head + "".join(f"{label}\t{' '.join(words)}\n" for label, words in rows.items())


def main() -> None:
    """Rebuild the table (``--check``: exit 1 when the shipped one is out of step)."""
    text = build(model())
    if "--check" in sys.argv[1:]:
        if PATH.read_text("utf-8") != text:
            sys.exit(f"{PATH}: out of step with the model; rebuild it")
        return
    PATH.write_text(text, "utf-8")
    print(f"wrote {PATH}")


if __name__ == "__main__":
    main()
