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

from linter.language.tagger import Tagger, _LazyTable, model

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
    """``by_candidates(word, candidates(word))`` for a lower-case word, from the tables."""
    words, _ = _tables()
    if word in words:
        return words[word]
    if word[:1].isdigit():
        return None  # a number the model does not know: CD alone
    ending = word[-3:]
    found = _BY_ENDING.get(ending, _UNSEEN)
    if found is _UNSEEN:
        found = _by_ending(ending)
    return cast("str | None", found)


def numbered(words: Iterable[str]) -> dict[str, str]:
    """``verb_number`` of each of ``words`` that has one (a draft's distinct words at once:
    set operations and C-level maps in place of a call per word)."""
    table, _ = _tables()
    kinds = set(words)
    found = {w: n for w in kinds.intersection(table) if (n := table[w])}
    rest = [w for w in kinds.difference(table) if not w[:1].isdigit()]
    endings = list(map(_ENDING, rest))
    by_ending = _BY_ENDING
    for ending in set(endings).difference(by_ending):
        _by_ending(ending)
    verdicts = list(map(by_ending.__getitem__, endings))
    found.update(
        cast("Iterable[tuple[str, str]]", compress(zip(rest, verdicts, strict=True), verdicts))
    )
    return found


def _by_ending(ending: str) -> str | None:
    """The answer for an unknown word with these last three letters (kept): the model
    guesses by the longest of its last three, two or one letters it has enough counts of."""
    _, endings = _tables()
    found = None
    for k in (3, 2, 1):
        key = ending[-k:]
        if key in endings:
            found = endings[key]
            break
    if len(_BY_ENDING) > 100_000:
        _BY_ENDING.clear()
    _BY_ENDING[ending] = found
    return found


_UNSEEN = object()
_ENDING = itemgetter(slice(-3, None))  # a word's last three letters (what its guess reads)
_BY_ENDING: dict[str, str | None] = {}
_TABLES: list[tuple[dict[str, str | None], dict[str, str | None]]] = []


def _tables() -> tuple[dict[str, str | None], dict[str, str | None]]:
    """(known word -> its answer, for those that differ from their ending's; ending the
    model guesses by -> its answer)."""
    if not _TABLES:
        words: dict[str, str | None] = {}
        endings: dict[str, str | None] = {}
        for line in PATH.read_text("utf-8").splitlines():
            if line and not line.startswith("#"):
                label, _, items = line.partition("\t")
                kind, _, number = label.partition(" ")
                table = endings if kind == "ending" else words
                table.update(dict.fromkeys(items.split(" ") if items else (), _LABELS[number]))
        _TABLES.append((words, endings))
    return _TABLES[0]


def _guessed(tagger: Tagger, word: str) -> str | None:
    """The answer for ``word`` were it unknown to the model (its guess by ending)."""
    if word[:1].isdigit():
        return None  # a number: CD alone
    return by_candidates(word, dict(tagger._guess(word)))


def build(tagger: Tagger) -> str:
    """The tables' text: each ending the model guesses by (one with at least 5 counts), and
    every known word whose answer differs from the one its ending gives."""
    suffixes = tagger.suffixes
    keys = suffixes.raw if isinstance(suffixes, _LazyTable) else suffixes
    rows: dict[str, list[str]] = {f"{kind} {n}": [] for kind in ("ending", "word") for n in _LABELS}
    for key in sorted(keys):
        row = suffixes.get(key)
        if row and sum(row.values()) >= 5:
            got = by_candidates(key, dict(tagger._guess_by_ending(key)))
            rows[f"ending {'none' if got is None else got}"].append(key)
    for word in sorted(tagger.words.raw if hasattr(tagger.words, "raw") else tagger.words):
        got = by_candidates(word, tagger.candidates(word))
        if got != _guessed(tagger, word):
            rows[f"word {'none' if got is None else got}"].append(word)
    head = "# built by python -m linter.language.verb_number from data/model.tsv: the endings\n"
    head += "# the model guesses unknown words by, and the known words whose verb number (sg,\n"
    head += "# pl or none) differs from the one their ending gives\n"
    return head + "".join(f"{label}\t{' '.join(items)}\n" for label, items in rows.items())


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
