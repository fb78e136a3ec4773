"""Ranked corrections for an unknown word: edit distance first, then word frequency.

Why not SymSpell's index: building it for 140,000 words takes seconds on every run. Generating
the ~600 strings one edit away from a typo and looking each up costs about a millisecond, and
covers most human slips (a letter dropped, doubled, swapped or replaced). Words two edits away
are found, only when none is one edit away, by rapidfuzz's C++ scan of the word list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.memo import BoundedMemo
from linter.record import Frozen

if TYPE_CHECKING:  # pragma: no cover
    from linter.language.lexicon import Lexicon

LETTERS = "abcdefghijklmnopqrstuvwxyz'"
COMMON = 3.0  # Zipf frequency of a word met about once per million words
CLEAR_LEAD = 1.0  # the best candidate is ten times more frequent than the next
DISTANT_COMMON = 4.0  # two edits away: only a very common word (once per 10,000 words)
DISTANT_MIN_LENGTH = 7
MAX_JUDGED = 40  # letters: longer strings get no suggestion search (its cost grows with length)


class Suggestion(Frozen):
    __slots__ = ("distance", "word", "zipf")
    _fields = ("word", "distance", "zipf")

    word: str
    distance: int
    zipf: float

    def __init__(self, word: str, distance: int, zipf: float) -> None:
        put = object.__setattr__
        put(self, "word", word)
        put(self, "distance", distance)
        put(self, "zipf", zipf)


class Verdict(Frozen):
    """What the unknown-word rule should say: candidates ranked best first, whether the best
    is close and common enough to call the word wrong, and whether it is the only sensible
    fix."""

    __slots__ = ("candidates", "confident", "safe_fix")
    _fields = ("candidates", "confident", "safe_fix")

    candidates: tuple[Suggestion, ...]
    confident: bool
    safe_fix: bool

    def __init__(self, candidates: tuple[Suggestion, ...], confident: bool, safe_fix: bool) -> None:
        put = object.__setattr__
        put(self, "candidates", candidates)
        put(self, "confident", confident)
        put(self, "safe_fix", safe_fix)

    @property
    def words(self) -> tuple[str, ...]:
        if self.safe_fix:
            return (self.candidates[0].word,)
        return tuple(c.word for c in self.candidates[:3])


def edits1(word: str) -> set[str]:
    """The distinct strings one slip from ``word`` (see ``edit_strings``)."""
    return set(edit_strings(word))


def edit_strings(word: str) -> list[str]:
    """The strings one slip from ``word``: a letter dropped, swapped with the next,
    replaced or inserted (about 600 for a word of ten letters, some more than once), built
    a position at a time with list comprehensions, the cheapest way to make that many
    strings; a list, since the lexicon's set intersects it without hashing it into one."""
    found: list[str] = []
    add, extend, letters = found.append, found.extend, LETTERS
    for i in range(len(word) + 1):
        a, b = word[:i], word[i:]
        extend([a + c + b for c in letters])  # insertions
        if b:
            rest = b[1:]
            add(a + rest)  # a deletion
            extend([a + c + rest for c in letters])  # replacements
            if rest:
                add(a + rest[0] + b[0] + rest[1:])  # a transposition
    return found


def neighbours(word: str, lexicon: Lexicon) -> frozenset[str]:
    """The known lower-case words one slip from ``word`` (``word`` itself too, if known).
    Remembered: an unknown word is asked about up to three times (is it derived and no slip
    of a common word, is its sentence foreign, which words to suggest), and making its ~600
    strings is the costly step each time."""
    key = (lexicon.dialect, word)
    found = _NEIGHBOURS.get(key)
    if found is None:
        found = _NEIGHBOURS.remember(key, frozenset(lexicon.known_lower(edit_strings(word))))
    return found


_NEIGHBOURS: BoundedMemo[tuple[str, str], frozenset[str]] = BoundedMemo(5_000)


MAX_WORD_LENGTH = 48  # longer "words" get no suggestions: edits cost the square of length


def candidates(word: str, lexicon: Lexicon) -> list[Suggestion]:
    """Known words one edit away (or two, when none is one away), plus the two-word split
    ("alot" -> "a lot"); best first. None for a word over ``MAX_WORD_LENGTH`` letters: its
    one-edit strings alone took 2 GB for 6,000 letters (no English word is that long)."""
    if len(word) > MAX_WORD_LENGTH:
        return []
    found = {e: 1 for e in neighbours(word, lexicon) if e != word}
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if (
            _joinable(left)
            and _joinable(right)
            and lexicon.zipf(left) >= 4.5
            and lexicon.zipf(right) >= 4.5
        ):
            found[f"{left} {right}"] = 1
    if not found and len(word) > 4:
        found = {w: 2 for w in _distance_two(word, lexicon) if lexicon.zipf(w) >= 1.0}
    ranked = [Suggestion(w, d, _zipf(w, lexicon)) for w, d in found.items()]
    ranked.sort(key=lambda s: (s.distance, -s.zipf, s.word))
    return ranked


def _zipf(word: str, lexicon: Lexicon) -> float:
    if " " in word:
        return min(lexicon.zipf(part) for part in word.split())
    return lexicon.zipf(word)


SHORT_WORDS = frozenset(
    "a i of to in on at by up as is it be we he an or no so do go my me us if".split()
)


def _joinable(part: str) -> bool:
    return len(part) > 2 or part in SHORT_WORDS


def _distance_two(word: str, lexicon: Lexicon) -> list[str]:
    """Known words two edits away that share the first letter (a typo rarely changes it, and
    the sorted lists give that slice for free) and are at most two letters longer or
    shorter."""
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    key = (lexicon.dialect, word[0], len(word))
    choices = _CHOICES.get(key)
    if choices is None:
        choices = []
        for lst in lexicon.lists:
            for n in range(len(word) - 2, len(word) + 3):
                choices += lst.starting_with(word[0], n)
        _CHOICES.remember(key, choices)
    hits = process.extract(word, choices, scorer=OSA.distance, score_cutoff=2, limit=50)
    return [w for w, score, _ in hits if score == 2]


# the words a distance-2 search scans, by dialect, first letter and length of the word: the
# typos of a run share them (the list costs as much to gather as a fifth of the scan)
_CHOICES: BoundedMemo[tuple[str, str, int], list[str]] = BoundedMemo(8)


def judge(word: str, lexicon: Lexicon) -> Verdict:
    """Rank corrections of an unknown lower-case word and say how sure we are.

    Confident: a single word one edit away is common (Zipf >= 3), or, for a word of seven
    letters or more, a very common word (Zipf >= 4) is two edits away and no other candidate
    comes close. A frequency list alone cannot tell "recieve" from "militaries", but an
    unknown word a slip or two away from a much more common word is almost always that word
    misspelled. A two-word split ("studymate" -> "study mate") is offered but never makes us
    sure: closed compounds are how new words are born. A safe fix: the best correction is
    ten times more frequent than any other candidate at the same distance.
    """
    if len(word) > MAX_JUDGED:
        return Verdict((), False, False)  # no word is this long: never worth the search
    ranked = candidates(word, lexicon)
    if not ranked:
        return Verdict((), False, False)
    singles = [c for c in ranked if " " not in c.word]
    if not singles:
        return Verdict(tuple(ranked), False, False)
    best = singles[0]
    if best.distance == 1:
        confident = best.zipf >= COMMON
    else:
        confident = len(word) >= DISTANT_MIN_LENGTH and best.zipf >= DISTANT_COMMON
    rivals = [c for c in ranked if c is not best and c.distance == best.distance]
    lead = best.zipf - max((c.zipf for c in rivals), default=0.0)
    if best.distance == 2 and lead < CLEAR_LEAD:
        confident = False
    safe = confident and lead >= CLEAR_LEAD
    ranked.remove(best)
    return Verdict((best, *ranked), confident, safe)
