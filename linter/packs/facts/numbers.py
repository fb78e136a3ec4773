"""FACT006-FACT007: numbers that contradict each other within one document."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.lazyre import lazy
from linter.rule import Example, Match, Rule
from linter.text import figure_matches

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# NUMBER with its first digit ahead, and the test of the character before the number made
# after that digit: a regex that starts with a digit class is scanned in C.
_NUMBER_TAIL = r"(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
QUANTITY_RE = re.compile(
    rf"(?P<num>\d(?<![\w.,$€£-]\d){_NUMBER_TAIL})"
    r"(?:\s+(?P<scale>thousand|million|billion|trillion))?\s+(?P<noun>[a-z]{3,})\b"
)
NOT_NOUNS = frozenset(
    """and the for from with than that this into onto per percent pct more less fewer over under
    are was were have has had will would can could may might who which what when where while
    times years year months month weeks week days day hours hour minutes minute seconds
    second each other others total people persons dollars euros pounds cents miles km
    kilometers kilometres feet meters metres acres points degrees votes""".split()
)
CHANGE_RE = lazy(
    r"\b(?:rose|rise|rises|risen|fell|fall|falls|fallen|increased?|increases|decreased?|grew|"
    r"grown|dropped|drop|climbed|jumped|surged|declined?|slipped|gained|lost|up from|down from|"
    r"compared|reached|now|another|additional|added|extra|to about|to nearly|to more|from|"
    r"between|range|ranged|estimated|estimates?|projected|expected|target|goal|by|only|"
    r"respectively|each|per|average)\b",
    re.IGNORECASE,
)


def value_of(num: str, scale: str | None) -> float:
    return float(num.replace(",", "")) * SCALES.get(scale or "", 1)


def sentence_of(doc: Document, offset: int) -> tuple[int, int]:
    from linter.packs.facts.docnames import sentence_at

    _, s, e = sentence_at(doc, offset)
    return s, e


class InconsistentQuantity(Rule):
    """What it does:
    Flags the same quantity given twice with different values in one document: "129 million
    followers" and later "130 million followers". Both must count the same thing (the same
    noun right after the number), be 1,000 or more, differ by no more than 10 per cent (a
    larger gap is most likely a different quantity), stand in different sentences, and
    neither sentence may speak of change ("rose", "from ... to", "now", "another").
    """

    id = "FACT006"
    name = "inconsistent-quantity"
    pack = "facts"
    severity = "error"
    message = "The same quantity is given twice with different values."
    why = "A figure that changes between paragraphs makes the reader doubt both."
    source = "Copy-editing practice: figures must agree throughout a story"
    examples: Sequence[Example] = (
        Example(
            bad="Musk has 129 million followers.\n\nMany of his 130 million followers liked it."
        ),
        Example(
            good="Musk has 129 million followers.\n\nMany of his 129 million followers liked it."
        ),
        Example(good="The fund has 2,000 members.\n\nMembership rose to 2,100 members by May."),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        found = []
        for m in _quantities(doc):
            noun = m["noun"]
            if noun in NOT_NOUNS:
                continue
            value = value_of(m["num"], m["scale"])
            if value < 1000:
                continue
            found.append(((noun.rstrip("s"), bool(m["scale"])), value, m))
        if not _near_pair(found):
            return  # no two figures of one thing within a tenth: no sentence is needed
        first: dict[tuple[str, bool], tuple[float, re.Match, tuple[int, int]]] = {}
        for key, value, m in found:
            sent = sentence_of(doc, m.start())
            if CHANGE_RE.search(doc.prose[sent[0] : sent[1]]):
                continue
            if key not in first:
                first[key] = (value, m, sent)
                continue
            value0, m0, sent0 = first[key]
            if value == value0 or sent == sent0:
                continue
            if abs(value - value0) / max(value, value0) > 0.10:
                continue
            line = doc.position(m0.start())[0]
            earlier = m0.group()
            yield Match(
                m.start(),
                m.end(),
                f"'{m.group()}' contradicts '{earlier}' (line {line}): give one figure.",
                suggestions=(earlier,),
            )


def _quantities(doc: Document) -> Iterator[re.Match]:
    """``QUANTITY_RE``'s matches: each starts at a digit no word character precedes, so
    where a run of digits starts."""
    return figure_matches(QUANTITY_RE, doc.prose, doc.digit_starts)


def _near_pair(found: list[tuple[tuple[str, bool], float, re.Match]]) -> bool:
    """Two figures of one key that differ by a tenth or less (what a finding needs)."""
    by_key: dict[tuple[str, bool], list[float]] = {}
    for key, value, _ in found:
        by_key.setdefault(key, []).append(value)
    for values in by_key.values():
        if len(values) > 1:
            for i, a in enumerate(values):
                for b in values[i + 1 :]:
                    if a != b and abs(a - b) / max(a, b) <= 0.10:
                        return True
    return False


COMPARE_RE = lazy(
    rf"\b(?P<dir>more|fewer|less|higher|lower|larger|smaller|bigger)\s+(?P<noun>[a-z]+)?\s*"
    rf"\((?P<n1>{NUMBER})\)\s+than\b"
)


class ContradictedComparison(Rule):
    """What it does:
    Checks a comparison that gives its own numbers: "more likes (2,550) than the ad", where
    the other side's figure is in the same sentence, or is the only other figure of the same
    thing in the paragraph or the one before ("... 3,077 likes"). Flags it when the numbers
    say the opposite.
    """

    id = "FACT007"
    name = "contradicted-comparison"
    pack = "facts"
    severity = "error"
    message = "The numbers contradict the comparison."
    why = "A comparison its own figures contradict is a slip in the figures or the comparison."
    source = "Copy-editing practice: check that figures support the claims made with them"
    examples: Sequence[Example] = (
        Example(bad="The ad had 3,077 likes. The tweet has more likes (2,550) than the ad."),
        Example(bad="The tweet has more likes (2,550) than the ad (3,077)."),
        Example(good="The ad had 2,550 likes. The tweet has more likes (3,077) than the ad."),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        for m in _comparisons(prose):
            n1 = value_of(m["n1"], None)
            noun = m["noun"] or ""
            _, e = sentence_of(doc, m.start())
            rest = prose[m.end() : e]
            other = re.search(rf"\((?P<n>{NUMBER})\)", rest)
            if not other and noun:
                other = re.search(rf"(?P<n>{NUMBER})\s+{re.escape(noun)}\b", rest)
            if other:
                n2, where = value_of(other["n"], None), m.end() + other.start("n")
            elif noun:
                found = self._nearby(doc, noun, n1, m.start())
                if found is None:
                    continue
                n2, where = found
            else:
                continue
            more = m["dir"] in ("more", "higher", "larger", "bigger")
            if (more and n1 > n2) or (not more and n1 < n2):
                continue
            line = doc.position(where)[0]
            word = "more" if more else "fewer"
            shown = f"{n2:,.0f}" if n2 == int(n2) else f"{n2:,}"
            yield Match(
                m.start(),
                m.end(),
                f"'{m.group()}' contradicts its own figures: {m['n1']} is not {word} than "
                f"{shown} (line {line}); check the figures or the comparison.",
            )

    def _nearby(self, doc: Document, noun: str, n1: float, at: int) -> tuple[float, int] | None:
        """The only other figure of ``noun`` in this paragraph and the one before."""
        paras = [p for p in doc.paragraphs if p[0] <= at]
        if not paras:
            return None
        start = paras[-2][0] if len(paras) >= 2 else paras[-1][0]
        end = next((p[1] for p in doc.paragraphs if p[0] <= at < p[1] + 1), at)
        values: dict[float, int] = {}  # each other figure and where it first is
        for m in re.finditer(rf"(?P<n>{NUMBER})\s+{re.escape(noun)}\b", doc.prose[start:end]):
            v = value_of(m["n"], None)
            if v != n1:
                values.setdefault(v, start + m.start())
        if len(values) != 1:
            return None
        return next(iter(values.items()))


# "(2,550) than": a literal bracket the regex engine finds in C; COMPARE_RE is then matched
# from the comparative before it. Its matches hold one bracketed number each, so they are
# what finditer gives.
_PAREN_THAN_RE = re.compile(rf"\((?:{NUMBER})\)\s+than\b")
_DIRECTIONS = ("more", "fewer", "less", "higher", "lower", "larger", "smaller", "bigger")


def _comparisons(prose: str) -> Iterator[re.Match]:
    for paren in _PAREN_THAN_RE.finditer(prose):
        at = paren.start()
        for s in _comparative_starts(prose, at):
            m = COMPARE_RE.match(prose, s)
            if m is not None and m.start("n1") == at + 1:
                yield m
                break


def _comparative_starts(prose: str, paren: int) -> list[int]:
    """Where a comparative can start before the bracket at ``paren``: right before the
    spaces before it, or before the lower-case word (the noun) there and its spaces."""
    j = paren
    while j > 0 and prose[j - 1].isspace():
        j -= 1
    k = j
    while k > 0 and "a" <= prose[k - 1] <= "z":
        k -= 1
    ends = [j] if j < paren else []
    if k < j:
        d = k
        while d > 0 and prose[d - 1].isspace():
            d -= 1
        if d < k:
            ends.append(d)
    return sorted({e - len(w) for e in ends for w in _DIRECTIONS if prose.endswith(w, 0, e)})


RULES = [InconsistentQuantity, ContradictedComparison]
