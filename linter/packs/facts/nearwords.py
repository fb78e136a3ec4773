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


def _deletes(word: str, depth: int) -> set[str]:
    """``word`` with up to ``depth`` (1 or 2) letters deleted, ``word`` itself included."""
    one = {word[:i] + word[i + 1 :] for i in range(len(word))}
    one.add(word)
    if depth < 2:
        return one
    two = set(one)
    for w in one:
        two.update(w[:i] + w[i + 1 :] for i in range(len(w)))
    return two


def _depth(word: str) -> int:
    """The edits ``near_spelling`` allows a pair holding ``word`` at most: two only when
    both words have eight letters or more."""
    return 2 if len(word) >= 8 else 1


class NearIndex:
    """Words by the strings their letters give with one deletion (two for long words),
    for many words to be paired against many (symmetric deletion: two words an
    optimal-alignment edit or two apart give a common string, each with as many
    deletions as edits, since a change, a transposition, an insertion are each one deletion
    on one or both sides). A word is then compared only with the words sharing such a
    string: no pass over a bucket, whose size grows with a long draft's names."""

    def __init__(self, words: Iterable[str]) -> None:
        # a form -> its one word, or a list of its words when several give it: most forms
        # have one, and a list for each took ~10 MB on the 8,000 surnames of a 10 MB draft
        self._by: dict[str, str | list[str]] = {}
        by = self._by
        get = by.get
        for w in dict.fromkeys(words):
            for form in _deletes(w.lower(), _depth(w)):
                hit = get(form)
                if hit is None:
                    by[form] = w
                elif hit.__class__ is str:
                    by[form] = [hit, w]
                else:
                    hit.append(w)  # type: ignore[union-attr]

    def candidates(self, word: str) -> set[str]:
        """The words that may be a near spelling of ``word`` (a superset)."""
        by = self._by
        found: set[str] = set()
        for form in _deletes(word.lower(), _depth(word)):
            hit = by.get(form)
            if hit is None:
                continue
            if hit.__class__ is str:
                found.add(hit)
            else:
                found.update(hit)
        return found

    def near_any(self, word: str) -> bool:
        """As ``near_any`` over the same words."""
        return any(near_spelling(w, word) for w in self.candidates(word))
