"""Name mentions in prose: capitalised word sequences, with connectors, initials and
possessives, and a bounded edit distance to compare spellings.

Shared by the garbled-name check, the title check and ``copydesk learn``; no state, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A token: a word (letters, digits, inner apostrophes and hyphens) or an initial like "J."
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w]|['’\-](?=\w))*\.?|\d[\w,.]*")
CONNECTORS = frozenset(
    "of de the da del della der van von la le du al bin ibn y di dos das".split()
)
# Sentence-initial words that are never the first word of a name.
FUNCTION_WORDS = frozenset(
    """a an the this that these those it its in on at by for from with without to of and but
    or nor so yet if when while after before since as because although though however despite
    during until unless where whether which who whom whose what why how there here then than
    he she they we you i his her their our my your some many most all any each every no not
    also still even just only both either neither one two three four five six seven eight nine
    ten last next first new former more less meanwhile today yesterday tomorrow tonight monday
    tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december mr mrs ms dr sen rep gov president according
    under over about among against between into through across toward towards like unlike
    once now later earlier instead indeed already moreover furthermore additionally finally
    speaking asked said says image photo""".split()
)
POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class Mention:
    """A name as written: its span, its tokens (possessive removed) and their spans."""

    start: int
    end: int
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    sentence_initial: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)

    @property
    def content(self) -> tuple[str, ...]:
        """The words that carry the name: connectors and initials left out."""
        return tuple(w for w in self.words if w.lower() not in CONNECTORS and not is_initial(w))


def is_initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def strip_possessive(word: str) -> str:
    if len(word) > 2 and word[-2:] in ("'s", "’s"):
        return word[:-2]
    if len(word) > 1 and word[-1] in "'’" and word[-2] in "sS":
        return word[:-1]
    return word


def mentions(
    prose: str,
    sentence_starts: set[int] | frozenset[int] = frozenset(),
    start: int = 0,
    end: int | None = None,
) -> list[Mention]:
    """Capitalised sequences in ``prose[start:end]`` joined by single spaces (or a line break
    inside a paragraph), with lower-case connectors inside ("Bank of America"). A sequence
    ends at a possessive, at punctuation, or at a lower-case word."""
    end = len(prose) if end is None else end
    out: list[Mention] = []
    current: list[tuple[int, int, str]] = []
    initial_flag = False

    def flush() -> None:
        nonlocal current
        while (
            current and current[-1][2].lower() in CONNECTORS and not is_capitalised(current[-1][2])
        ):
            current.pop()
        if current:
            words = tuple(
                strip_possessive(w).rstrip(".") if not is_initial(w) else w for _, _, w in current
            )
            spans = tuple((s, s + len(strip_possessive(w))) for s, _, w in current)
            out.append(Mention(current[0][0], spans[-1][1], words, spans, initial_flag))
        current = []

    prev_end = -1
    for m in TOKEN_RE.finditer(prose, start, end):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(".") and not is_initial(w):
            e -= 1
            w = w[:-1]
            dotted = True
        else:
            dotted = False
        gap = prose[prev_end:s] if prev_end >= 0 else ""
        # A line break ends a name: plain-text news keeps a paragraph on one line, and a
        # name glued to the next line's first word ("Noam Chomsky\nNoam") is worse than a
        # name split by a soft wrap.
        joined = prev_end >= 0 and gap in (" ", "\u00a0")
        if current and not joined:
            flush()
        if (
            current
            and w in ("The", "A")
            and current[-1][2].lower() in CONNECTORS
            and not is_capitalised(current[-1][2])
        ):
            flush()  # "Matthew Ingram of The Globe and Mail": two names
        if is_capitalised(w) and not w[0].isdigit():
            if not current:
                initial_flag = s in sentence_starts
                if initial_flag and w.lower() in FUNCTION_WORDS:
                    prev_end = e + (1 if dotted else 0)
                    continue
            current.append((s, e, w))
            if w[-2:] in ("'s", "’s") or dotted:
                flush()
        elif current and w.lower() in CONNECTORS and not dotted:
            current.append((s, e, w))
        else:
            flush()
        prev_end = e + (1 if dotted else 0) if not dotted else -1
    flush()
    return out


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts one), or
    ``limit + 1`` as soon as it is certain to exceed ``limit``."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = cur[0]
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
            best = min(best, cur[j])
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


INFLECTIONS = ("s", "es", "n", "an", "ian", "ese", "i", "ns", "ans", "ians", "ers", "er")


_DIALECT = (
    (re.compile(r"is(e|ed|es|ing|ation|ations)\b"), r"iz\1"),
    (re.compile(r"ys(e|ed|es|ing)\b"), r"yz\1"),
    (re.compile(r"our\b"), "or"),
    (re.compile(r"tre\b"), "ter"),
    (re.compile(r"ogue\b"), "og"),
    (re.compile(r"ll(ed|ing|or|er)\b"), r"l\1"),
    (re.compile(r"ence\b"), "ense"),
)


def dialect_fold(word: str) -> str:
    """British and American spellings made equal (Organisation/Organization, Centre/Center)."""
    for pattern, repl in _DIALECT:
        word = pattern.sub(repl, word)
    return word


def near_spelling(a: str, b: str) -> bool:
    """True when ``b`` looks like ``a`` with a letter or two wrong: distance 1 (2 for long
    words), same first letter, and not merely an inflection (Sweden/Swedes, America/American)."""
    if a == b or len(a) < 4 or len(b) < 4 or a[0].lower() != b[0].lower():
        return False
    la, lb = a.lower(), b.lower()
    if la == lb:
        return False
    short, long_ = sorted((la, lb), key=len)
    if long_.startswith(short) and long_[len(short) :] in INFLECTIONS:
        return False
    if la.rstrip("s") == lb.rstrip("s") or dialect_fold(la) == dialect_fold(lb):
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    return distance(la, lb, limit) <= limit
