"""FACT001's checks for the garbles its key index cannot see, because the garbled mention
has no key in common with the right one:

- a connector dropped: "University Copenhagen" after "University of Copenhagen" (both keys
  are ``("university", "copenhagen")``: keys leave connectors out);
- a title word misspelt before a name: "Profeosor Eastman" beside "Eastman";
- a surname misspelt inside another name: "Larry Lesmig" after "Lawrence Lessig" (the given
  names differ too), "Perdae Elementary" or "The Ilgraham Angle" after "Laura Ingraham";
- a garble of a person named only in a Title Case headline, whose capitals ``doc_names``
  leaves out: "Messina Frank" or "Frank Mezsina" under "Frank Messina: An Interview".

Each asks for evidence on both sides: the right form written in the draft, the garbled word
written once, unknown to the dictionary, to the given-name list and to the pack, and never in
lower case. Two full names whose given names are not one person's ("John", "Jane") are two
people.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, filterfalse, pairwise
from typing import TYPE_CHECKING, NamedTuple

from linter.memo import BoundedMemo, PerDocument
from linter.packs.facts.name_mentions import near_spelling_once, strip_possessive

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.facts.docnames import Named
    from linter.packs.facts.knowledge import Knowledge


Names = Callable[[], "Sequence[Named]"]  # the draft's names, made when first asked for


class Slip(NamedTuple):
    """A garble found: its span, the right form and what is wrong, the evidence."""

    start: int
    end: int
    right: str
    how: str
    evidence: str  # the right form as the draft writes it
    evidence_at: int  # where (an offset)
    safe: bool = False


# connectors whose loss garbles an institution's name ("Church Scientology")
DROPPABLE = frozenset({"of"})
_MIN_WORD = 5  # shorter words are too often two real names one letter apart


def _lexicon():
    from linter.language.lexicon import lexicon

    return lexicon("en-US")


def _given() -> frozenset[str]:
    from linter.packs.facts.given_names import given_names

    return given_names() or frozenset()


class Counts(NamedTuple):
    """How often the draft writes each word (counted in C), and its candidate slips."""

    written: Counter  # the words not in lower case (those a name's words are)
    rare: tuple[str, ...]  # capitalised words written once, unknown to the dictionary
    caps: frozenset[str]  # the words of the runs of capitals (possessives and stops kept)
    runs: str  # the runs' texts, joined by line breaks

    def of(self, word: str) -> int:
        """Mentions of ``word`` (not in lower case), its possessives counted."""
        c = self.written
        return c[word] + c[word + "'s"] + c[word + "’s"]


class _Shapes(BoundedMemo[str, str]):
    """A capitalised token as the word it may misspell ("Lesmig's" -> "Lesmig"), or "" when
    its shape rules it out: too short, not letters, capitals inside. Kept for the process
    (a miss calls ``__missing__``; hits stay in C). Whether the word is a dictionary word is
    asked later (``_unknown_words``), of the few words the counts leave."""

    def __missing__(self, token: str) -> str:
        w = token
        if len(w) >= _MIN_WORD and not w.isalpha():
            w = strip_possessive(w.rstrip("."))
        if len(w) < _MIN_WORD or not w.isalpha() or not w[1:].islower():
            w = ""
        return self.remember(token, w)


_SHAPES = _Shapes(200_000)
_IN_LEXICON: BoundedMemo[str, bool] = BoundedMemo(20_000)  # a lower-cased word: known?


def _unknown_words(words: set[str]) -> set[str]:
    """Those of ``words`` whose lower-case form the dictionary does not hold (each word's
    answer kept for the process)."""
    lexicon = _lexicon()
    if lexicon is None or not words:
        return words
    lows = {w: w.lower() for w in words}
    answers = {low: _IN_LEXICON.get(low) for low in lows.values()}
    new = [low for low, known in answers.items() if known is None]
    if new:
        if lexicon.lower_hashed:  # one set intersection, in C
            known_words = lexicon.known_lower(new)
        else:  # a cold run: the few words looked up one by one (no hashing of the lexicon)
            known_words = {low for low in new if low in lexicon}
        for low in new:
            answers[low] = _IN_LEXICON.remember(low, low in known_words)
    return {w for w, low in lows.items() if not answers[low]}


def _counts(doc: Document) -> Counts:
    """Counted in C; only the capitalised words (those of the runs ``doc_names`` reads,
    split in C) that may be slips are looked at one by one, and only those written once and
    never in lower case are looked up in the dictionary."""
    from linter.packs.facts.docnames import doc_runs

    # only the words not in lower case are counted: the words asked about are capitalised
    written = Counter(filterfalse(str.islower, doc.word_texts))
    present = doc.word_set
    count = written.get
    runs = "\n".join(doc_runs(doc).texts)
    caps = frozenset(runs.split())
    once = set()
    for w in filter(None, map(_SHAPES.__getitem__, caps)):
        if w.islower():
            continue  # a connector of a run ("della"): the draft writes it in lower case
        if count(w, 0) + count(w + "'s", 0) + count(w + "’s", 0) != 1:
            continue  # "Lesmig" and "Lesmig's" both written
        if w.lower() not in present:  # the draft writes it in lower case: a word
            once.add(w)
    rare = _unknown_words(once)
    return Counts(written, tuple(sorted(rare)), caps, runs)


_COUNTS: PerDocument[Counts] = PerDocument("facts: word counts for name slips", _counts)


def word_counts(doc: Document) -> Counts:
    """The draft's word counts and rare capitalised words, kept on the document."""
    return _COUNTS.of(doc)


# ---- a connector dropped ---------------------------------------------------------------
def _spanned(prose: str, n: Named) -> list[tuple[str, int, int]]:
    """The words of ``n`` with their spans, its title words ("Governor") first."""
    out = [(w, s, e) for w, (s, e) in zip(n.words, n.mention.spans, strict=True)]
    pos = n.start
    for t in reversed(n.title):
        s = pos - 1 - len(t)
        if s < 0 or prose[s:pos] != t + " ":
            break
        out.insert(0, (t, s, s + len(t)))
        pos = s
    return out


def _capital(word: str) -> bool:
    return word[:1].isupper() and word != "The"


_OF_RE = re.compile(r"\b([A-Z]\w*) of ([A-Z]\w*)")


def connector_dropped(doc: Document, names: Names, counts: Counts) -> Iterator[Slip]:
    """Two words the draft writes with "of" between them ("University of Copenhagen",
    "Governor of Virginia"), written side by side in a name, less often than with it
    ("University Copenhagen")."""
    runs = counts.runs
    if not any(f"{a} {b}" in runs for a, b in set(_OF_RE.findall(runs))):
        return  # no two words written with "of" between them are written side by side
    found_names = names()
    prose = doc.prose
    # pair -> ("X of Y", where, the whole name's words when only a quotation writes it)
    with_of: dict[tuple[str, str], tuple[str, int, tuple[str, ...] | None]] = {}
    written: Counter = Counter()
    for n in found_names:
        if "of" not in n.words:
            continue
        words = _spanned(prose, n)
        for i in range(1, len(words) - 1):
            if words[i][0] in DROPPABLE and _capital(words[i - 1][0]) and _capital(words[i + 1][0]):
                pair = (words[i - 1][0].lower(), words[i + 1][0].lower())
                written[pair] += 1
                quoted = doc.in_quote(words[i - 1][1], words[i + 1][2])
                if pair not in with_of or (with_of[pair][2] is not None and not quoted):
                    text = f"{words[i - 1][0]} {words[i][0]} {words[i + 1][0]}"
                    with_of[pair] = (text, words[i - 1][1], _content(words) if quoted else None)
    if not with_of:
        return
    firsts = {a for a, _ in with_of}
    found = []
    for n in found_names:
        if firsts.isdisjoint(n.key) and not (n.title and n.title[-1].lower() in firsts):
            continue
        words = _spanned(prose, n)
        for (a, s, _), (b, _, e) in pairwise(words):
            pair = (a.lower(), b.lower())
            if pair in with_of and _capital(a) and _capital(b):
                whole = with_of[pair][2]
                # a speaker's "Food Standards of Australia" is evidence only against the
                # same name less its "of", not against the longer "Food Standards
                # Australia New Zealand" (an official name may differ from the spoken one)
                if whole is None or whole == _content(words):
                    found.append((pair, s, e))
    without = Counter(pair for pair, _, _ in found)
    for pair, s, e in found:
        if written[pair] >= without[pair]:
            text, at, _ = with_of[pair]
            yield Slip(s, e, text, "drops 'of' from the middle", text, at)


def _content(words: list[tuple[str, int, int]]) -> tuple[str, ...]:
    return tuple(w.lower() for w, _, _ in words if w.lower() not in ("of", "the"))


# ---- a title word misspelt ---------------------------------------------------------------
def _titles() -> dict[tuple[str, int], list[str]]:
    from linter.packs.facts.docnames import TITLE_WORDS

    out: dict[tuple[str, int], list[str]] = {}
    for t in TITLE_WORDS:
        if len(t) >= _MIN_WORD and t.isalpha():
            out.setdefault((t[0], len(t)), []).append(t)
    return out


_TITLES: dict[tuple[str, int], list[str]] | None = None


class _TitleOf(BoundedMemo[str, str]):
    """The one title a word is a near spelling of ("Profeosor": "Professor"), or ""."""

    def __missing__(self, word: str) -> str:
        global _TITLES
        if _TITLES is None:
            _TITLES = _titles()
        near = [
            t
            for size in range(len(word) - 2, len(word) + 3)
            for t in _TITLES.get((word[0], size), ())
            if near_spelling_once(t, word)  # the word's answer is kept: no pair is asked again
        ]
        return self.remember(word, near[0] if len(near) == 1 else "")


_TITLE_OF = _TitleOf(100_000)


def misspelt_title(names: Names, counts: Counts, knowledge: Knowledge) -> Iterator[Slip]:
    """ "Profeosor Eastman": the first word of a name is one letter from a title, is no word,
    no given name and no known name, and the name's last word is written elsewhere."""
    given = _given()
    slips: dict[str, str] = {}  # a rare word -> the one title it misspells
    for w in counts.rare:
        title = _TITLE_OF[w]
        if title and w.lower() not in given and not knowledge.is_single_name(w):
            slips[w] = title
    if not slips:
        return
    for n in names():
        if len(n.key) < 2 or n.title or n.words[0] not in slips:
            continue
        if counts.of(strip_possessive(n.words[-1])) < 2:
            continue  # the person is named elsewhere too
        right = " ".join((slips[n.words[0]], *n.words[1:]))
        yield Slip(n.start, n.end, right, "is misspelled", right, n.start)


# ---- a surname misspelt inside another name ------------------------------------------------
class _Person(NamedTuple):
    given: str  # lower case
    surname: str  # as written
    text: str
    start: int


def _persons(names: Sequence[Named], given: frozenset[str]) -> list[_Person]:
    """The full names of people: a given name and a surname (its last word), or a title."""
    from linter.packs.facts.name_mentions import FUNCTION_WORDS

    out: list[_Person] = []
    seen: set[str] = set()
    for n in names:
        key = n.key
        if not 2 <= len(key) <= 3 or len(key[-1]) < 4 or key[0] in FUNCTION_WORDS:
            continue  # "In the Delightful Bermudas": "In" is in the census list
        if any(w.islower() for w in n.words):
            continue
        if key[0] in given or n.title:
            last = strip_possessive(n.words[-1])
            if last not in seen and last.isalpha():
                seen.add(last)
                out.append(_Person(key[0], last, n.text, n.start))
    return out


def surname_inside(
    names: Names,
    counts: Counts,
    knowledge: Knowledge,
    extra: Sequence[_Person] = (),
) -> Iterator[Slip]:
    """A word of a longer name that spells the surname of a person named before it
    another way: "Larry Lesmig" after "Lawrence Lessig" (one person's given names),
    "Perdae Elementary" after "David Perdue"."""
    if not counts.rare:
        return
    given = _given()
    rare = [w for w in counts.rare if w.lower() not in given]
    if not rare:
        return
    letters = {w[0] for w in rare}
    buckets: dict[tuple[str, int], list[str]] = {}  # near_spelling's first tests
    for c in chain(counts.caps, (p.surname for p in extra)):
        if c[:1] in letters and len(c) >= 4:
            c = strip_possessive(c.rstrip(".,"))
            buckets.setdefault((c[0], len(c)), []).append(c)
    if not any(
        near_spelling_once(c, w)  # each pair once: kept, they would only fill the cache
        for w in rare
        for size in range(len(w) - 2, len(w) + 3)
        for c in buckets.get((w[0], size), ())
    ):
        return  # no capitalised word of the draft is a near spelling of a rare one
    found_names = names()
    people = list(extra) + _persons(found_names, given)
    by_initial: dict[str, list[_Person]] = {}
    for p in people:
        by_initial.setdefault(p.surname[0], []).append(p)
    pairs = {}  # a rare word -> the persons whose surname it may misspell
    for w in rare:
        mine = by_initial.get(w[0], ())
        # a surname recurs (a person per mention): each asked once, for this draft alone
        close = {s for s in {p.surname for p in mine} if near_spelling_once(s, w)}
        near = [p for p in mine if p.surname in close]
        if near and not knowledge.is_single_name(w):
            pairs[w] = near
    if not pairs:
        return
    for n in found_names:
        if len(n.key) < 2 or pairs.keys().isdisjoint(n.words):
            continue
        for i, word in enumerate(n.words):
            for p in pairs.get(word, ()):
                if p.start >= n.start:
                    continue
                if i == len(n.words) - 1 and n.key[0] in given and not one_given(n.key[0], p.given):
                    break  # "Jane Smithars" after "John Smithers": two people
                if knowledge.known(n.key) or _two_real_people(p.text, n.words):
                    break
                s = n.mention.spans[i][0]
                yield Slip(
                    s,
                    s + len(word),
                    p.surname,
                    f"spells the surname in '{p.text}' another way",
                    p.text,
                    p.start,
                )
                break


def one_given(a: str, b: str) -> bool:
    """Two given names one person may go by: the same, or a short form ("Larry",
    "Lawrence"; "Mike", "Michael"): the first two letters shared, and one a prefix of the
    other or two letters longer. "Mark" and "Mary", "John" and "Jane" are two people."""
    if a == b:
        return True
    if a[:2] != b[:2]:
        return False
    return a.startswith(b) or b.startswith(a) or abs(len(a) - len(b)) >= 2


def _two_real_people(a: str, b: tuple[str, ...]) -> bool:
    from linter.packs.facts.garbled_names import two_real_people

    return two_real_people(tuple(a.split()), b)


# ---- people named in a Title Case headline -------------------------------------------------
_PAIR_RE = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{3,})\b")


def headline_people(doc: Document) -> list[_Person]:
    """ "Frank Messina" in "Frank Messina: An Interview ...": a given name and a word the
    dictionary does not hold, in a Title Case headline (whose capitals ``doc_names`` skips)."""
    from linter.packs.facts.docnames import _body_start

    if not doc.headline or _body_start(doc) == 0:
        return []
    s, e = doc.headline
    given = _given()
    lexicon = _lexicon()
    out = []
    for m in _PAIR_RE.finditer(doc.prose, s, e):
        first, last = m[1].lower(), m[2].lower()
        if first in given and last not in given and (lexicon is None or last not in lexicon):
            out.append(_Person(first, m[2], m.group(), m.start()))
    return out


def against_headline(names: Names, people: list[_Person], counts: Counts) -> Iterator[Slip]:
    """A body mention that writes a headline's person with the words swapped."""
    swapped: dict[tuple[str, ...], _Person] = {
        (p.surname.lower(), p.given): p for p in people if p.surname in counts.caps
    }
    if not swapped:
        return
    for n in names():
        p = swapped.get(n.key)
        if p is not None and len(n.words) == 2:
            yield Slip(n.start, n.end, p.text, "has its words in the wrong order", p.text, p.start)
