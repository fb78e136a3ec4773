"""The words met so far in the process that ``near_spelling`` pairs with each word.

FACT001 can only report a misspelled name where two of a document's words are near
spellings of each other. Asking ``near_spelling`` of every pair of a document's words is
quadratic; instead each word is paired once for the process with the words met before it:
through its variants with one letter deleted (two words one edit apart share one: a
substitution or a swap of neighbours is a deletion on both sides, an insertion a deletion on
one), and, for two long words (which may be two edits apart), by rapidfuzz among the long
words of its first letter. A document's near pairs are then found with set operations.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache, partial

from linter.packs.facts.name_mentions import _HAS_DIGIT, near_spelling

_NEIGHBOURS: dict[str, set[str]] = {}
_BY_VARIANT: dict[str, tuple[str, ...]] = {}
_LIMIT = 200_000  # words kept: a bound on memory over a long run of documents
_NONE: frozenset[str] = frozenset()
_VARIANT_LIMIT = 256  # words kept per variant: bounds the pairs tried per new word
_MET: set[str] = set()  # the words learnt
_PAIRED: set[str] = set()  # those with a neighbour
# long words by first letter and length: lower, as met
_LONG: dict[tuple[str, int], tuple[list[str], list[str]]] = {}
_BUCKET_LIMIT = 2_000  # long words kept per bucket: bounds the work per new long word


def _variants(word: str) -> set[str]:
    """The word (lower-cased) and the word with one letter deleted."""
    low = word.lower()
    found = {low[:i] + low[i + 1 :] for i in range(len(low))}
    found.add(low)
    return found


def _variants2(word: str) -> set[str]:
    """``_variants`` and the word with two letters deleted (without rapidfuzz)."""
    found = _variants(word)
    found.update([v[:i] + v[i + 1 :] for v in found for i in range(len(v))])
    return found


def _long_neighbours(word: str) -> list[str]:
    """The long words met before whose lower-cased form is within two edits of this long
    word's (two edits are allowed only between words of eight letters or more), found
    by rapidfuzz among the long words of the same first letter (``near_spelling``
    requires it) and a length at most two apart; at most ``_BUCKET_LIMIT`` words are kept
    per letter and length, so the work per word is bounded however long the run."""
    low = word.lower()
    found: list[str] = []
    extract = _extract()
    if extract is None:  # pragma: no cover - rapidfuzz is a dependency
        return found
    for size in range(len(low) - 2, len(low) + 3):  # two edits change the length by two
        bucket = _LONG.get((low[0], size))
        if bucket and bucket[0]:
            lows, words = bucket
            found.extend(words[i] for _, _, i in extract(low, lows))
    lows, words = _LONG.setdefault((low[0], len(low)), ([], []))
    if len(lows) < _BUCKET_LIMIT:  # past it, a new word is still paired, not kept
        lows.append(low)
        words.append(word)
    return found


@lru_cache(maxsize=1)
def _extract():
    try:
        from rapidfuzz import process
        from rapidfuzz.distance import OSA
    except ImportError:  # pragma: no cover
        return None
    return partial(process.extract, scorer=OSA.distance, score_cutoff=2, limit=None)


def _learn(word: str) -> None:
    """Index ``word`` and pair it with the words met before it that share a variant (or,
    for two long words, that rapidfuzz finds within two edits)."""
    if len(word) < 4 or _HAS_DIGIT(word):
        return  # near_spelling refuses short words and words with a figure
    mine: set[str] = set()
    _NEIGHBOURS[word] = mine
    long_ = len(word) >= 8
    found = _variants2(word) if long_ and _extract() is None else _variants(word)
    new = found.difference(_BY_VARIANT)
    _BY_VARIANT.update(dict.fromkeys(new, (word,)))
    candidates: list[str] = []
    for v in found - new:
        others = _BY_VARIANT[v]
        if len(others) < _VARIANT_LIMIT:  # past it a word is still paired, not kept
            _BY_VARIANT[v] = (*others, word)
        candidates.extend(others)
    if long_ and _extract() is not None:
        candidates.extend(_long_neighbours(word))
    for other in candidates:
        if other not in mine and near_spelling(word, other):
            mine.add(other)
            _NEIGHBOURS[other].add(word)
            _PAIRED.add(other)
            _PAIRED.add(word)


def paired(words: set[str]) -> set[str]:
    """Those of ``words`` that ``near_spelling`` pairs with some word met in the process
    (``words`` are met first)."""
    new = words - _MET
    if new:
        if len(_MET) + len(new) > _LIMIT:
            _NEIGHBOURS.clear()
            _BY_VARIANT.clear()
            _MET.clear()
            _PAIRED.clear()
            _LONG.clear()
            new = words
        for w in sorted(new):
            _learn(w)
        _MET.update(new)
    return words & _PAIRED


def near_pairs(words: Iterable[str], others: set[str]) -> list[tuple[str, str]]:
    """The pairs (w, o), w in ``words`` and o in ``others``, that ``near_spelling`` pairs
    (``paired`` must have met both)."""
    return [(w, o) for w in words for o in _NEIGHBOURS.get(w, _NONE) & others]


# ---- some word of a small set near a given word ------------------------------------------
# FACT001 asks, for each single word of a document, whether it is a near spelling of the
# last word of some full name there. ``near_spelling`` in Python on every word of the same
# first letter and a length at most two apart is quadratic on a long document; rapidfuzz
# first picks, in C, the words within the edit limit (which ``near_spelling`` requires).

Buckets = dict[tuple[str, int], tuple[list[str], list[str]]]


def buckets(words: Iterable[str]) -> Buckets:
    """``words`` (each once) by lower-cased first letter and length: lower-cased, as given."""
    found: Buckets = {}
    for w in dict.fromkeys(words):
        lows, given = found.setdefault((w[0].lower(), len(w)), ([], []))
        lows.append(w.lower())
        given.append(w)
    return found


def near_any(by_bucket: Buckets, word: str) -> bool:
    """Some word ``w`` of ``by_bucket`` has ``near_spelling(w, word)``. Only the buckets
    near_spelling could accept are visited (the same initial, a length at most two apart);
    the words there are few (one draft's), and near_spelling's own edit test is cheap."""
    initial, n = word[0].lower(), len(word)
    for size in range(n - 2, n + 3):
        bucket = by_bucket.get((initial, size))
        if bucket:
            for w in bucket[1]:
                if near_spelling(w, word):
                    return True
    return False
