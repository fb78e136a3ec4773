"""Some word of a small set that ``near_spelling`` pairs with a given word.

FACT001 asks, for each single word of a document, whether it is a near spelling of the
last word of some full name there. ``near_spelling`` on every word of the draft would be
quadratic; the words are grouped by first letter and length, ``near_spelling``'s own first
tests, and only the groups it could accept are visited.
"""

from __future__ import annotations

from collections.abc import Iterable

from linter.packs.facts.name_mentions import near_spelling_once as near_spelling

Buckets = dict[tuple[str, int], list[str]]


def buckets(words: Iterable[str]) -> Buckets:
    """``words`` (each once) by lower-cased first letter and length."""
    found: Buckets = {}
    for w in dict.fromkeys(words):
        found.setdefault((w[0].lower(), len(w)), []).append(w)
    return found


def near_any(by_bucket: Buckets, word: str) -> bool:
    """Some word ``w`` of ``by_bucket`` has ``near_spelling(w, word)``. Only the buckets
    near_spelling could accept are visited (the same initial, a length at most two apart);
    the words there are few (one draft's), and near_spelling's own edit test is cheap.
    Its cache is left alone: each word of a draft is asked once, and the pairs, kept,
    would fill it (and the memory) with pairs never asked again."""
    initial, n = word[0].lower(), len(word)
    for size in range(n - 2, n + 3):
        for w in by_bucket.get((initial, size), ()):
            if near_spelling(w, word):
                return True
    return False
