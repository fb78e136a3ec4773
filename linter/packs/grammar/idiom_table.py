"""Idioms and set phrases, and finding a mention with one word misspelled, dropped or
swapped for a known wrong word (rules/grammar/data/idioms.txt).

Known corruptions ("baited breath", "tow the line") are exact patterns. For the fixed
phrases themselves, a near miss is allowed only where it cannot be an ordinary sentence:
a misspelled word of five letters or more in a phrase of three words or more, or a dropped
word in a phrase of five words or more. A different real word in its place ("at the end of
the year") is never guessed: only the listed corruptions are reported as swaps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from linter.record import Frozen, Record

SLOTS = {
    "poss": "my|your|his|her|its|our|their|one's",
    "have": "has|have|had|having",
    "be": "am|is|are|was|were|be|been|being",
    "kin": "dad|mom|mum|father|mother|son|daughter|wife|husband|brother|sister|family|kids|parents",
}
SLOT_RE = re.compile(r"\{(\w+)\}")
MEMO_LIMIT = 20_000  # near-miss memo entries kept for a run; past it the memo starts afresh
STOPWORDS = frozenset("that this with from than then they them their there what when".split())


class Corruption(Record):
    def __init__(
        self, source: str, fix: str, gate: str, _compiled: re.Pattern[str] | None = None
    ) -> None:
        self.source = source  # the regex, compiled on first use: most drafts need few
        self.fix = fix  # may name slots, filled from the match
        self.gate = gate  # its longest literal word: no match in a draft without it
        self._compiled = _compiled

    @property
    def pattern(self) -> re.Pattern[str]:
        if self._compiled is None:
            self._compiled = re.compile(self.source)
        return self._compiled


class Idiom(Frozen):
    __slots__ = ("text", "words")
    _fields = ("words", "text")

    words: tuple[str, ...]  # lower case; a slot is "{poss}"
    text: str

    def __init__(self, words: tuple[str, ...], text: str) -> None:
        put = object.__setattr__
        put(self, "words", words)
        put(self, "text", text)


def _slot_regex(phrase: str) -> str:
    """The phrase as a regex over folded text: any spaces between words, slots as groups,
    no word character, apostrophe or hyphen on either side."""
    out, pos = [], 0
    for m in SLOT_RE.finditer(phrase):
        out.append(re.escape(phrase[pos : m.start()]).replace(r"\ ", r"\s+"))
        out.append(f"(?P<{m[1]}>{SLOTS[m[1]]})")
        pos = m.end()
    out.append(re.escape(phrase[pos:]).replace(r"\ ", r"\s+"))
    body = "".join(out)
    head = re.match(r"[^\s{]+", phrase)
    if head is None:
        return r"(?<![\w'-])" + body + r"(?![\w'-])"
    # Open with the first word and test the character before it afterwards: a regex that
    # opens with a literal is searched for that literal, not tried at every position.
    first = re.escape(head.group())
    return first + rf"(?<![\w'-]{first})" + body[len(first) :] + r"(?![\w'-])"


def _gate(phrase: str) -> str:
    """The longest literal word of a phrase (as ``linter.text.WORD_RE`` splits it), without
    an apostrophe: every match holds it as a word of the draft. "" when there is none."""
    from linter.text import WORD_RE

    literal = " ".join(w for w in phrase.split() if not w.startswith("{"))
    words = [w for w in WORD_RE.findall(literal) if "'" not in w and "’" not in w]
    return max(words, key=len) if words else ""


def load(path: Path) -> tuple[list[Idiom], list[Corruption]]:
    idioms: list[Idiom] = []
    corruptions: list[Corruption] = []
    for raw in path.read_text("utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=>" in line:
            wrong, right = (part.strip() for part in line.split("=>"))
            corruptions.append(Corruption(_slot_regex(wrong.lower()), right, _gate(wrong.lower())))
        else:
            idioms.append(Idiom(tuple(line.lower().split()), line))
    return idioms, corruptions


def fill(template: str, m: re.Match[str]) -> str:
    """The fix with each slot replaced by the word the match found there."""
    return SLOT_RE.sub(lambda s: m.group(s[1]) or s[0], template)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance, stopping early above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _misspelled(pattern: str, word: str) -> bool:
    if pattern.startswith("{") or len(pattern) < 5 or word[:1] != pattern[:1]:
        return False
    return 0 < edit_distance(pattern, word) <= (1 if len(pattern) < 7 else 2)


def _matcher(pattern: str) -> str | frozenset[str]:
    """A word of an idiom as the rules compare it: itself, or a slot's set of words."""
    return frozenset(SLOTS[pattern[1:-1]].split("|")) if pattern.startswith("{") else pattern


def _matches(pattern: str | frozenset[str], word: str) -> bool:
    return word == pattern if pattern.__class__ is str else word in pattern


class NearMisses:
    """Finds idioms written with one word misspelled or dropped, anchored on their words."""

    def __init__(self, idioms: list[Idiom]) -> None:
        # anchor -> (idiom, the anchor's place in it, the idiom's words as matchers, the
        # idiom's shapes with one word dropped as (offset of the first word from the
        # anchor, the matchers left))
        self.anchors: dict[str, list[tuple[Idiom, int, tuple, tuple]]] = {}
        for idiom in idioms:
            if len(idiom.words) < 3:
                continue
            matchers = tuple(_matcher(w) for w in idiom.words)
            for k, word in enumerate(idiom.words):
                # content words only: anchoring on "the" or "of" would align every idiom
                # at every "the" of the text
                if not word.startswith("{") and len(word) >= 4 and word not in STOPWORDS:
                    entry = (idiom, k, matchers, _deletions(idiom, k, matchers))
                    self.anchors.setdefault(word, []).append(entry)
        # how far an anchor's idioms reach before and after it: what ``_at`` reads
        self.reach: dict[str, tuple[int, int]] = {
            word: (max(k for _, k, _, _ in entries), max(len(m) - k for _, k, m, _ in entries))
            for word, entries in self.anchors.items()
        }
        # anchor -> every word its idioms' other words match: a near miss has one of them
        # around the anchor (a phrase of three words or more with at most one wrong, or
        # all but a dropped one right), so a window without any has none (``find``)
        self.others: dict[str, frozenset[str]] = {}
        for word, entries in self.anchors.items():
            allowed: set[str] = set()
            for _, k, matchers, _ in entries:
                for x, p in enumerate(matchers):
                    if x != k:
                        allowed.update((p,) if p.__class__ is str else p)
            self.others[word] = frozenset(allowed)
        # (anchor's place in the words around it, those words) -> its near misses there:
        # drafts repeat phrases, and a near miss depends on nothing else (see ``find``)
        self._memo: dict[tuple[int, tuple[str, ...]], list[tuple[int, int, Idiom]]] = {}

    def find(
        self, words: Sequence[str], at: Iterable[int] | None = None
    ) -> list[tuple[int, int, Idiom]]:
        """(first word index, end word index, idiom) of each near miss in ``words``;
        ``at``: the indexes (ascending) of the words that are anchors, when known."""
        found: dict[tuple[int, int], Idiom] = {}
        total = len(words)
        memo, reach, others = self._memo, self.reach, self.others
        if len(memo) > MEMO_LIMIT:
            memo.clear()
        for j in range(total) if at is None else at:
            anchor = words[j]
            back, ahead = reach.get(anchor, (0, 0))
            if not ahead:
                continue  # no idiom is anchored on this word
            # the words the anchor's idioms can reach (every index ``_at`` reads), cut at
            # the draft's edges: found there, the near misses are the same, shifted
            lo, hi = max(j - back, 0), min(j + ahead, total)
            window = tuple(words[lo:hi])
            if others[anchor].isdisjoint(window):
                continue  # none of the idioms' other words around: no near miss
            key = (j - lo, window)
            hits = memo.get(key)
            if hits is None:
                hits = memo[key] = self._at(key[1], j - lo)
            for a, b, idiom in hits:
                found.setdefault((a + lo, b + lo), idiom)
        return [(a, b, idiom) for (a, b), idiom in sorted(found.items())]

    def _at(self, words: Sequence[str], j: int) -> list[tuple[int, int, Idiom]]:
        """The near misses of the idioms anchored on word ``j``, in the anchor's order."""
        hits = []
        total = len(words)
        for idiom, k, matchers, deletions in self.anchors.get(words[j], ()):
            n, start, hit = len(matchers), j - k, None
            if start >= 0 and start + n <= total:
                # the idiom at full length: exact (skip), one word wrong, or more
                wrong = -1
                for x in range(n):
                    if x == k:
                        continue
                    p, w = matchers[x], words[start + x]
                    if not (w == p if p.__class__ is str else w in p):
                        if wrong != -1:
                            wrong = -2
                            break
                        wrong = x
                if wrong == -1:
                    continue
                if wrong >= 0 and _misspelled(idiom.words[wrong], words[start + wrong]):
                    hit = start, start + n
            if hit is None and n >= 5:
                hit = self._deletion(words, j, deletions)
            if hit is not None:
                hits.append((hit[0], hit[1], idiom))
        return hits

    @staticmethod
    def _deletion(
        words: Sequence[str], j: int, deletions: tuple[tuple[int, tuple], ...]
    ) -> tuple[int, int] | None:
        total = len(words)
        for offset, rest in deletions:
            start = j - offset
            if start < 0 or start + len(rest) > total:
                continue
            if all(_matches(p, words[start + x]) for x, p in enumerate(rest)):
                return start, start + len(rest)
        return None


def _deletions(idiom: Idiom, k: int, matchers: tuple) -> tuple[tuple[int, tuple], ...]:
    """The shapes of ``idiom`` with one inner word dropped (not the anchor ``k``, a slot or
    a word under three letters; a dropped first or last word is just a shorter phrase), in
    the order ``NearMisses.find`` tries them: (the anchor's offset from the first word, the
    matchers left)."""
    n = len(idiom.words)
    if n < 5:
        return ()
    shapes = []
    for m in range(1, n - 1):
        if m == k or idiom.words[m].startswith("{") or len(idiom.words[m]) < 3:
            continue
        shapes.append((k if k < m else k - 1, matchers[:m] + matchers[m + 1 :]))
    return tuple(shapes)
