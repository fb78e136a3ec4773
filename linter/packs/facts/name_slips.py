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
from collections.abc import Iterator
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from linter.packs.facts.name_mentions import near_spelling, strip_possessive

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.facts.docnames import Named
    from linter.packs.facts.knowledge import Knowledge


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


def word_counts(doc: Document) -> Counter:
    """How often the draft writes each word, a possessive counted as its word."""
    return Counter(strip_possessive(w) for w in doc.word_texts if w[:1].isupper())


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


def connector_dropped(doc: Document, names: list[Named]) -> Iterator[Slip]:
    """Two words the draft writes with "of" between them ("University of Copenhagen",
    "Governor of Virginia"), written side by side in a name, less often than with it
    ("University Copenhagen")."""
    prose = doc.prose
    with_of: dict[tuple[str, str], tuple[str, int]] = {}  # pair -> "X of Y", where
    written: Counter = Counter()
    spanned = []
    for n in names:
        if len(n.words) + len(n.title) < 2:
            continue
        words = _spanned(prose, n)
        spanned.append(words)
        for i in range(1, len(words) - 1):
            if (
                words[i][0] in DROPPABLE
                and _capital(words[i - 1][0])
                and _capital(words[i + 1][0])
                and not doc.in_quote(words[i - 1][1], words[i + 1][2])
            ):  # a speaker's "Food Standards of Australia" is no evidence of the name
                pair = (words[i - 1][0].lower(), words[i + 1][0].lower())
                written[pair] += 1
                if pair not in with_of:
                    text = f"{words[i - 1][0]} {words[i][0]} {words[i + 1][0]}"
                    with_of[pair] = (text, words[i - 1][1])
    if not with_of:
        return
    found = []
    for words in spanned:
        for (a, s, _), (b, _, e) in pairwise(words):
            pair = (a.lower(), b.lower())
            if pair in with_of and _capital(a) and _capital(b):
                found.append((pair, s, e))
    without = Counter(pair for pair, _, _ in found)
    for pair, s, e in found:
        if written[pair] >= without[pair]:
            text, at = with_of[pair]
            yield Slip(s, e, text, "drops 'of' from the middle", text, at)


# ---- a title word misspelt ---------------------------------------------------------------
def _titles() -> dict[tuple[str, int], list[str]]:
    from linter.packs.facts.docnames import TITLE_WORDS

    out: dict[tuple[str, int], list[str]] = {}
    for t in TITLE_WORDS:
        if len(t) >= _MIN_WORD and t.isalpha():
            out.setdefault((t[0], len(t)), []).append(t)
    return out


_TITLES: dict[tuple[str, int], list[str]] | None = None


def misspelt_title(names: list[Named], counts: Counter, knowledge: Knowledge) -> Iterator[Slip]:
    """ "Profeosor Eastman": the first word of a name is one letter from a title, is no word,
    no given name and no known name, and the name's last word is written elsewhere."""
    global _TITLES
    if _TITLES is None:
        _TITLES = _titles()
    lexicon = _lexicon()
    given = _given()
    for n in names:
        if len(n.key) < 2 or n.title:
            continue
        first = n.words[0]
        if len(first) < _MIN_WORD or not first.isalpha() or not first[1:].islower():
            continue
        low = first.lower()
        if low in given or (lexicon is not None and low in lexicon) or counts[first] > 1:
            continue
        near = [
            t
            for size in range(len(first) - 2, len(first) + 3)
            for t in _TITLES.get((first[0], size), ())
            if near_spelling(t, first)
        ]
        if len(near) != 1 or knowledge.is_single_name(first):
            continue
        last = n.words[-1]
        if counts[strip_possessive(last)] < 2:
            continue  # the person is named elsewhere too
        right = " ".join((near[0], *n.words[1:]))
        yield Slip(n.start, n.end, right, "is misspelled", right, n.start)


# ---- a surname misspelt inside another name ------------------------------------------------
class _Person(NamedTuple):
    given: str  # lower case
    surname: str  # as written
    text: str
    start: int


def _persons(names: list[Named], given: frozenset[str]) -> list[_Person]:
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
    doc: Document,
    names: list[Named],
    counts: Counter,
    knowledge: Knowledge,
    extra: list[_Person] = (),  # type: ignore[assignment]
) -> Iterator[Slip]:
    """A word of a longer name that spells the surname of a person named before it
    another way: "Larry Lesmig" after "Lawrence Lessig" (given names of one initial),
    "Perdae Elementary" after "David Perdue"."""
    given = _given()
    people = list(extra) + _persons(names, given)
    if not people:
        return
    by_initial: dict[str, list[_Person]] = {}
    for p in people:
        by_initial.setdefault(p.surname[0], []).append(p)
    lexicon = _lexicon()
    from linter.packs.facts.docnames import lowercase_words

    lower = lowercase_words(doc)
    for n in names:
        if len(n.key) < 2:
            continue
        spans = n.mention.spans
        for i, written in enumerate(n.words):
            word = strip_possessive(written)
            cands = by_initial.get(word[:1])
            if not cands or len(word) < _MIN_WORD or not word.isalpha():
                continue
            if not word[1:].islower() or counts[word] != 1:
                continue
            low = word.lower()
            if low in given or low in lower or (lexicon is not None and low in lexicon):
                continue
            for p in cands:
                if p.start >= n.start or not near_spelling(p.surname, word):
                    continue
                if i == len(n.words) - 1 and n.key[0] in given and not one_given(n.key[0], p.given):
                    break  # "Jane Smithars" after "John Smithers": two people
                if knowledge.is_single_name(word) or knowledge.known(n.key):
                    break
                if _two_real_people(p.text, n.words):
                    break
                s = spans[i][0]
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


def against_headline(names: list[Named], people: list[_Person]) -> Iterator[Slip]:
    """A body mention that writes a headline's person with the words swapped."""
    swapped = {(p.surname.lower(), p.given): p for p in people}
    for n in names:
        p = swapped.get(n.key)
        if p is not None and len(n.words) == 2:
            yield Slip(n.start, n.end, p.text, "has its words in the wrong order", p.text, p.start)
