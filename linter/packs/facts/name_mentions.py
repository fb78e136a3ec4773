"""Name mentions in prose: capitalised word sequences, with connectors, initials and
possessives, and a bounded edit distance to compare spellings.

Shared by the garbled-name check, the title check and ``copydesk learn``; no state, no I/O.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence
from functools import cached_property, lru_cache
from itertools import repeat
from operator import sub
from typing import NamedTuple

from linter.editdistance import osa_distance
from linter.memo import BoundedMemo

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


class Mention(NamedTuple):
    """A name as written: its span, its tokens (possessive removed) and their spans.

    ``spans`` are kept relative to ``base`` (the start of the run of capitalised words it
    was found in), so one mention found in a run can be reused, shifted, wherever the same
    run recurs; read them through ``spans``."""

    start: int
    end: int
    words: tuple[str, ...]
    rel_spans: tuple[tuple[int, int], ...]
    sentence_initial: bool = False
    base: int = 0

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        b = self.base
        return tuple((s + b, e + b) for s, e in self.rel_spans) if b else self.rel_spans

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
    from bisect import bisect_left, bisect_right

    ordered = sorted(sentence_starts)
    out: list[Mention] = []
    for s, e in runs(prose, start, end):
        lo, hi = bisect_right(ordered, s), bisect_left(ordered, e)
        inside = tuple(i - s for i in ordered[lo:hi]) if hi > lo else ()
        for m in run_mentions(prose[s:e], s in sentence_starts, inside):
            out.append(Mention(m.start + s, m.end + s, m.words, m.rel_spans, m.sentence_initial, s))
    return out


# ---- runs: where names can be ---------------------------------------------------------
# Every mention lies in a run: a capitalised token, then more tokens each after a single
# space that are capitalised or a connector. One regex finds the runs (its first character
# class lets the regex engine skip lower-case text in C); the token-by-token rules below run
# only on the runs, which hold about a tenth of the tokens of news copy.


def _by_first_letter(words: frozenset[str]) -> str:
    """An alternation of ``words`` grouped by first letter ("d(?:ella|e|u)|of|y"): the regex
    engine tries one group at a position instead of every word in turn."""
    groups: dict[str, list[str]] = {}
    for w in sorted(words, key=lambda w: (-len(w), w)):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(
        f"{re.escape(first)}(?:{'|'.join(rest)})" if rest != [""] else re.escape(first)
        for first, rest in sorted(groups.items())
    )


# A connector ends where its run of word characters ends (the lookahead of ``_CONNECTOR``),
# so at most one of them matches at a place and their order in the alternation is moot.
_CONNECTOR_RE = _by_first_letter(CONNECTORS)
# a token after its capital: TOKEN_RE's second branch written so that ``\w*`` runs in one step
_REST = r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+|\w*(?:['’\-]\w+)*\.?)"
_CONNECTOR = rf"(?i:{_CONNECTOR_RE})(?![\w]|['’\-]\w)\.?"
# A capital right after a letter or digit is inside a token; after these it may be.
_UNSURE = frozenset("_'’-.,")
_UNSURE_RE = re.compile(r"[_'’\-.,]")
_LETTER_RE = re.compile(r"[^\W\d_]")
_NON_ASCII_RE = re.compile(r"[\x00-\x7f]+")


def _upper_class(extra: str) -> str:
    return "[A-Z" + "".join(re.escape(c) for c in sorted(BASE_CAPITALS + extra)) + "]"


def _capitals(first: int, last: int) -> str:
    return "".join(c for c in map(chr, range(first, last)) if c.isupper() and c.isalpha())


# Capitals of the Latin, Greek and Cyrillic blocks are always in the class (it scans no
# slower for them); a document with other capitals gets a regex of its own.
BASE_CAPITALS = _capitals(0x80, 0x530)


class _RunRes:
    """``found``: a run, its first capital a token start unless after _UNSURE; ``at``: a
    run at a known token start; ``split``: ``found`` as one group, to split the prose into
    gaps and runs. ``found`` is ``split`` itself (its group changes no match), and ``at``
    is compiled only for the rescan after a capital inside a token (a compile costs
    milliseconds, paid by every process)."""

    def __init__(self, cap: str) -> None:
        tail = rf"(?:[ \u00a0](?:{cap}{_REST}|{_CONNECTOR}))*"
        self._at = rf"{cap}{_REST}{tail}"
        self.split = self.found = re.compile(rf"({cap}(?<![^\W_].){_REST}{tail})")

    @cached_property
    def at(self) -> re.Pattern:
        return re.compile(self._at)


@lru_cache(maxsize=256)
def _run_res(extra: str) -> _RunRes:
    """The run regexes for prose whose upper-case letters outside A-Z are ``extra``: one
    small character class is scanned far faster than the class of every capital in
    Unicode."""
    return _RunRes(_upper_class(extra))


# Punctuation common in news copy, removed (by C scans) before the search for capitals
_COMMON_NON_ASCII = "’“”–—‘…\u00a0·"


def _extra_capitals(prose: str) -> str:
    if prose.isascii():
        return ""
    for c in _COMMON_NON_ASCII:
        if c in prose:
            prose = prose.replace(c, "")
    if prose.isascii():
        return ""
    rest = set(_NON_ASCII_RE.sub("", prose)).difference(BASE_CAPITALS)
    return "".join(sorted(c for c in rest if c.isupper() and _LETTER_RE.match(c)))


class Runs(NamedTuple):
    offsets: Sequence[int]
    texts: list[str]
    before: str  # the character before each run (a space for a run at the start)


def runs(prose: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the runs in ``prose[start:end]``, each starting at a token start (as
    ``TOKEN_RE`` scanning from ``start`` finds them) and as long as it goes."""
    found = run_texts(prose, start, end)
    return [(s, s + len(t)) for s, t in zip(found.offsets, found.texts, strict=True)]


def run_texts(prose: str, start: int = 0, end: int | None = None) -> Runs:
    """The runs' offsets (an array) and texts, one step per run. (``re.split`` cut the
    prose into gaps and runs in C, but made a string for every gap and an int for every
    part: some 50 MB of small objects on a 10 MB draft, whose arenas the allocator kept.)
    A capital after one of ``_UNSURE`` may lie inside a token ("non-Muslim"); if one does,
    the runs are found again by the slower scan that restarts after such tokens."""
    end = len(prose) if end is None else end
    segment = prose if start == 0 and end == len(prose) else prose[start:end]
    res = _run_res(_extra_capitals(segment))
    offsets = array("q")
    texts: list[str] = []
    at, add = offsets.append, texts.append
    for m in res.found.finditer(segment):
        at(m.start() + start)
        add(m.group())
    if not texts:
        return Runs([], [], "")
    before = "".join(map(prose.__getitem__, map(sub, offsets, repeat(1))))
    if offsets[0] == start:
        before = " " + before[1:]
    for m in _UNSURE_RE.finditer(before):
        if _inside_token(prose, start, offsets[m.start()], end):
            offsets, texts = _rescan(prose, start, end, res, Runs(offsets, texts, before))
            before = "".join(prose[s - 1] if s > start else " " for s in offsets)
            return Runs(offsets, texts, before)
    return Runs(offsets, texts, before)


def _rescan(prose: str, start: int, end: int, res: _RunRes, split: Runs):
    """What ``_scan`` finds, taken from the split's runs wherever the two scans agree: the
    split's runs are what ``_scan``'s search yields until a capital inside a token makes it
    restart, and again from the first run the restarted search finds that the split found
    too (both then search on from its end). Only the runs after an unsure character are
    tested, and only the stretches after a restart are searched again."""
    offsets, texts, before = split
    unsure = [m.start() for m in _UNSURE_RE.finditer(before)]
    index = {s: i for i, s in enumerate(offsets)}
    out_offsets: list[int] = []
    out_texts: list[str] = []
    n, k, u, pos = len(offsets), 0, 0, start
    if offsets[0] == start:  # _scan's first match at ``start``
        out_offsets.append(start)
        out_texts.append(texts[0])
        pos, k = start + len(texts[0]), 1
    while k < n:  # in step with the split: its runs from k on are what _scan's search yields
        while u < len(unsure) and unsure[u] < k:
            u += 1
        nxt = unsure[u] if u < len(unsure) else n
        out_offsets += offsets[k:nxt]
        out_texts += texts[k:nxt]
        if nxt >= n:
            break
        restart = _inside_token(prose, pos, offsets[nxt], end)
        if not restart:
            out_offsets.append(offsets[nxt])
            out_texts.append(texts[nxt])
            k = nxt + 1
            continue
        k = n  # unless the restarted search meets the split again
        while restart:  # _scan after a restart
            pos, restart = restart, 0
            first = res.at.match(prose, pos, end)
            if first is not None:
                out_offsets.append(first.start())
                out_texts.append(first.group())
                pos = first.end()
                if first.start() in index:
                    k = index[first.start()] + 1
                    break
            for m in res.found.finditer(prose, pos, end):
                s = m.start()
                if prose[s - 1] in _UNSURE:
                    restart = _inside_token(prose, pos, s, end)
                    if restart:
                        break
                out_offsets.append(s)
                out_texts.append(m.group())
                if s in index:
                    k = index[s] + 1
                    break
    return out_offsets, out_texts


def _scan(prose: str, pos: int, endpos: int, found, at, out: list) -> None:
    """Runs in ``prose[pos:endpos]``; ``pos`` is where token scanning starts. A capital
    that turns out to be inside a token ("x-Men", "3.Bar") restarts the scan after it."""
    while True:
        first = at.match(prose, pos, endpos)
        if first is not None:
            out.append(first.span())
            pos = first.end()
        restart = 0
        for m in found.finditer(prose, pos, endpos):
            s = m.start()
            if prose[s - 1] in _UNSURE:
                restart = _inside_token(prose, pos, s, endpos)
                if restart:
                    break
            out.append((s, m.end()))
        if not restart:
            return
        pos = restart


def _inside_token(prose: str, pos: int, s: int, endpos: int) -> int:
    """The end of the token ``s`` lies inside, or 0 when a token starts at ``s``. Scanning
    starts after the last whitespace before ``s``: no token holds whitespace."""
    q = s
    while q > pos and not prose[q - 1].isspace():
        q -= 1
    for m in TOKEN_RE.finditer(prose, q, endpos):
        if m.start() >= s:
            return 0
        if m.end() > s:
            return m.end()
    return 0


@lru_cache(maxsize=4096)
def run_mentions(text: str, initial: bool, inside: tuple[int, ...] = ()) -> tuple[Mention, ...]:
    """The mentions in one run, offsets relative to it: ``initial`` says the run starts a
    sentence, ``inside`` lists the other sentence starts within it. The last few answers
    are kept: a run's keys (``docnames.run_keys``) and its names (``docnames._analyse``,
    itself kept for the process) ask for the same run in turn; more would only hold
    Mention objects that no one asks for again."""
    if " " not in text and "\u00a0" not in text:  # one token, the commonest run
        w = text[:-1] if text[-1] == "." and not is_initial(text) else text
        if initial and w.lower() in FUNCTION_WORDS:
            return ()
        bare = strip_possessive(w)
        word = w if is_initial(w) else bare.rstrip(".")
        return (Mention(0, len(bare), (word,), ((0, len(bare)),), initial),)
    if not inside and _PLAIN_RUN(text) is not None:
        return _plain_mentions(text, initial)
    sentence_starts = set(inside)
    if initial:
        sentence_starts.add(0)
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
            forms = [_FORMS.get(w) or _form(w) for _, _, w in current]
            words = tuple(f[0] for f in forms)
            spans = tuple([(t[0], t[0] + f[1]) for t, f in zip(current, forms, strict=True)])
            out.append(Mention(current[0][0], spans[-1][1], words, spans, initial_flag))
        current = []

    prev_end = -1
    for m in TOKEN_RE.finditer(text):
        s, e = m.span()
        w = m.group()
        if w[-1] == "." and not (len(w) == 2 and w[0].isupper()):  # not an initial
            e -= 1
            w = w[:-1]
            dotted = True
        else:
            dotted = False
        # A line break ends a name: plain-text news keeps a paragraph on one line, and a
        # name glued to the next line's first word ("Noam Chomsky\nNoam") is worse than a
        # name split by a soft wrap.
        if current and not (prev_end >= 0 and text[prev_end:s] in _SPACES):
            flush()
        if (
            current
            and w in ("The", "A")
            and current[-1][2].lower() in CONNECTORS
            and not is_capitalised(current[-1][2])
        ):
            flush()  # "Matthew Ingram of The Globe and Mail": two names
        if w[0].isupper() and not w[0].isdigit():
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
        elif current:
            flush()
        prev_end = e + (1 if dotted else 0) if not dotted else -1
    flush()
    return tuple(out)


# A run of words of ASCII letters one space apart, capitalised or lower case, the last one
# perhaps possessive or before a full stop (most runs): each word is a token, and
# ``_plain_mentions`` reads them as ``run_mentions`` does, without the token regex.
_PLAIN_RUN = re.compile(
    r"[A-Z][A-Za-z]*(?: (?:[A-Z][A-Za-z]*|[a-z]+))*(?: [A-Z][A-Za-z]*['’]s| [A-Z][A-Za-z]+\.)?"
).fullmatch


def _plain_mentions(text: str, initial: bool) -> tuple[Mention, ...]:
    """``run_mentions(text, initial)`` for a run that ``_PLAIN_RUN`` matches."""
    pieces = text.split(" ")
    last = len(pieces) - 1
    out: list[Mention] = []
    current: list[tuple[int, int, str]] = []
    e = -1
    for i, w in enumerate(pieces):
        s = e + 1
        e = s + len(w)
        word = w
        if i == last and i:
            if w[-1] == ".":  # a full stop ends the mention; its word goes without it
                word = w = w[:-1]
                e -= 1
            elif w[-2:] in ("'s", "’s"):  # so does a possessive
                word = w[:-2]
        if w[0].isupper():
            if not current:
                if initial and i == 0 and w.lower() in FUNCTION_WORDS:
                    continue
            elif w in ("The", "A") and current[-1][2].islower():
                _flush_plain(current, out, initial)  # "Matthew Ingram of The Globe"
            current.append((s, s + len(word), word))
        elif current:
            if w in CONNECTORS:
                current.append((s, e, w))
            else:
                _flush_plain(current, out, initial)
    _flush_plain(current, out, initial)
    return tuple(out)


def _flush_plain(current: list[tuple[int, int, str]], out: list[Mention], initial: bool) -> None:
    """A mention of ``current`` less its trailing connectors, if any word is left."""
    while current and current[-1][2].islower():
        current.pop()
    if current:
        spans = tuple([(s, e) for s, e, _ in current])
        words = tuple([w for _, _, w in current])
        out.append(Mention(spans[0][0], spans[-1][1], words, spans, initial and not spans[0][0]))
        current.clear()


_FORMS: BoundedMemo[str, tuple[str, int]] = BoundedMemo(20_000)
_SPACES = (" ", "\u00a0")


def _form(token: str) -> tuple[str, int]:
    """A token of a name as its word (possessive and full stop gone, an initial kept) and
    the length it spans (its possessive left out); kept for the process, bounded."""
    bare = strip_possessive(token)
    found = (token if is_initial(token) else bare.rstrip("."), len(bare))
    return _FORMS.remember(token, found)


def distance(a: str, b: str, limit: int = 2) -> int:
    """Optimal string alignment distance (a swap of two neighbours counts one), or
    ``limit + 1`` as soon as it is certain to exceed ``limit``."""
    return osa_distance(a, b, limit)


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


@lru_cache(maxsize=65536)
def dialect_fold(word: str) -> str:
    """British and American spellings made equal (Organisation/Organization, Centre/Center)."""
    for pattern, repl in _DIALECT:
        word = pattern.sub(repl, word)
    return word


@lru_cache(maxsize=1)
def _osa():
    """rapidfuzz's optimal string alignment distance (``distance`` in C++, a few hundred
    times faster), or None without rapidfuzz."""
    try:
        from rapidfuzz.distance import OSA
    except ImportError:  # pragma: no cover - rapidfuzz is a dependency
        return None
    return OSA.distance


def within_one(a: str, b: str) -> bool:
    """The optimal string alignment distance of ``a`` and ``b`` is at most 1 (one letter
    changed, added, dropped, or two neighbours swapped): the first difference found, the
    rest compared in C. Exact, and cheaper than a call into rapidfuzz, whose import a
    cold run is spared."""
    if len(a) > len(b):
        a, b = b, a
    n = len(a)
    if len(b) - n > 1:
        return False
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    if i == n:
        return True  # equal, or ``b`` is ``a`` and one letter more
    if len(b) > n:
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (
        i + 1 < n and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    )


_PYTHON_TWO = 64  # two-edit comparisons done in Python before rapidfuzz is imported
_two_done = [0]


def within_two(a: str, b: str) -> bool:
    """The optimal string alignment distance is at most 2: in Python (``distance``) for the
    first few comparisons of a run, so that a cold check of one draft never imports
    rapidfuzz; by rapidfuzz after that (the same answer, faster)."""
    if _two_done[0] < _PYTHON_TWO:
        _two_done[0] += 1
        return distance(a, b, 2) <= 2
    osa = _osa()
    return (osa(a, b, score_cutoff=2) if osa else distance(a, b, 2)) <= 2


_HAS_DIGIT = re.compile(r"\d").search
# a Roman numeral ("CHAPTER XXXVIII", "Louis XIV"; keys are lower case): a number, not a
# name (no word of four letters or more is also a well-formed numeral)
_ROMAN = re.compile(
    r"(?=[mdclxvi])m{0,4}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})", re.IGNORECASE
).fullmatch


@lru_cache(maxsize=65536)
def near_spelling(a: str, b: str) -> bool:
    """True when ``b`` looks like ``a`` with a letter or two wrong: distance 1 (2 for long
    words), same first letter, and not merely an inflection (Sweden/Swedes, America/American)."""
    if a == b or len(a) < 4 or len(b) < 4 or a[0].lower() != b[0].lower():
        return False
    la, lb = a.lower(), b.lower()
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    if abs(len(la) - len(lb)) > limit:
        return False
    # the edit distance before the other tests (all must pass): most pairs are far apart
    if not (within_two(la, lb) if limit == 2 else within_one(la, lb)):
        return False
    if la == lb or _HAS_DIGIT(a) or _HAS_DIGIT(b) or _ROMAN(a) or _ROMAN(b):
        return False  # "Zeta12" and "Zeta13", "XXVIII" and "XXXVIII": labels, numbers
    short, long_ = sorted((la, lb), key=len)
    if long_.startswith(short) and long_[len(short) :] in INFLECTIONS:
        return False
    return la.rstrip("s") != lb.rstrip("s") and dialect_fold(la) != dialect_fold(lb)


# ``near_spelling`` without its cache, for the pre-checks that compare many pairs of one
# draft once each (kept, they would fill the cache, and the memory, with pairs never asked
# again)
near_spelling_once = near_spelling.__wrapped__
