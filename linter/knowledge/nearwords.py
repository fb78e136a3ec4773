"""The words met so far in the process that ``near_spelling`` pairs with each word.

FACT001 can only report a misspelled name where two of a document's words are near
spellings of each other. Asking ``near_spelling`` of every pair of a document's words is
quadratic; instead each word is indexed once for the process by its deletion variants
(two words within the edit distance share one: a substitution or a swap of neighbours is a
deletion on both sides, an insertion a deletion on one), so a document's near pairs are
found with set operations on the words it holds.
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.knowledge.names import near_spelling

_NEIGHBOURS: dict[str, set[str]] = {}
_BY_VARIANT: dict[str, tuple[str, ...]] = {}
_LIMIT = 200_000  # words kept: a bound on memory over a long run of documents
_NONE: frozenset[str] = frozenset()
_MET: set[str] = set()  # the words learnt
_PAIRED: set[str] = set()  # those with a neighbour


def _variants(word: str) -> set[str]:
    """The word (lower-cased) with up to one letter deleted, or two for a word of eight
    letters or more (``near_spelling`` allows two edits only when both words are that
    long)."""
    low = word.lower()
    found = {low[:i] + low[i + 1 :] for i in range(len(low))}
    if len(word) >= 8:
        found.update([v[:i] + v[i + 1 :] for v in found for i in range(len(v))])
    found.add(low)
    return found


def _learn(word: str) -> None:
    """Index ``word`` and pair it with the words met before it that share a variant."""
    if len(word) < 4:
        return  # near_spelling refuses short words
    mine: set[str] = set()
    _NEIGHBOURS[word] = mine
    found = _variants(word)
    new = found.difference(_BY_VARIANT)
    _BY_VARIANT.update(dict.fromkeys(new, (word,)))
    for v in found - new:
        others = _BY_VARIANT[v]
        _BY_VARIANT[v] = (*others, word)
        for other in others:
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
            new = words
        for w in sorted(new):
            _learn(w)
        _MET.update(new)
    return words & _PAIRED


def near_pairs(words: Iterable[str], others: set[str]) -> list[tuple[str, str]]:
    """The pairs (w, o), w in ``words`` and o in ``others``, that ``near_spelling`` pairs
    (``paired`` must have met both)."""
    return [(w, o) for w in words for o in _NEIGHBOURS.get(w, _NONE) & others]
