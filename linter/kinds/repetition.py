"""repetition: a word written twice in a row ("the the"), also across a line break."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress, count, islice
from operator import eq
from typing import Any

from linter.kinds.base import YamlRule
from linter.lazyre import lazy
from linter.rule import Match

DOUBLED_RE = lazy(r"\b([^\W\d_][\w'’]*)([ \t]+|[ \t]*\n[ \t]*)(\1)\b", re.IGNORECASE)
# apostrophes side by side: the engine's words split there, so the word list cannot rule out
# a doubling like "a''b a''b"
DOUBLE_APOSTROPHES = ("''", "'’", "’'", "’’")
JOINERS = "'’-"  # "e-mail mail" or "Musk’s s" are not doubled words
MATCH_NON_ALNUM = "_'’ \t\n"  # what a match holds besides letters and digits
BARRIER_RE = lazy(r"[^\w'’ \t\n]")  # what no match holds
NEXT_WORD_RE = lazy(r"[ \t]+([^\W\d_]+)\b")
PREVIOUS_WORD_RE = lazy(r"([^\W\d_]+)[ \t]+$")
# verbs that strand "to" at the end of a clause ("the firm I'm going to to see")
VERBS_TAKING_TO = frozenset(
    """go goes went gone come comes came talk talks listen listens apply applies refer refers
    belong belongs turn turns look looks get gets got move moves return returns speak speaks
    spoke write writes wrote reply replies respond responds react reacts report reports
    relate relates object objects contribute contributes adapt adapts commit commits admit
    admits lead leads led switch switches stick sticks stuck add adds point points""".split()
)


# words that open a noun phrase: after "to to" they show a slip ("to to the office"),
# where a verb shows a stranded preposition and an infinitive ("applying to to be")
NOUN_OPENERS = frozenset(
    """the a an his her their its my our your this that these those some any every each
    all him them me us it one two three no""".split()
)
# function words: "The The" or "In In" is a slip even when both copies are capitalised
FUNCTION_WORDS = frozenset("the a an of and or to in on at by for is was it he she we".split())


class RepetitionRule(YamlRule):
    """``exceptions`` lists doublings that are grammatical ("had had", "that that");
    ``before_verb`` words that may be doubled when a verb follows ("the company I'm applying
    to to be efficient"); ``names: true`` spares a name made of a repeated word ("Duran
    Duran", "Sirhan Sirhan")."""

    OPTIONAL = ("exceptions", "before_verb", "names")

    def compile(self, data: Any) -> None:
        exceptions = data.get("exceptions") or []
        if not isinstance(exceptions, list):
            self.fail("exceptions", "must be a list of doubled phrases")
        self._exceptions = frozenset(" ".join(str(e).lower().split()) for e in exceptions)
        before_verb = data.get("before_verb") or []
        if not isinstance(before_verb, list):
            self.fail("before_verb", "must be a list of words")
        self._before_verb = frozenset(str(w).lower() for w in before_verb)
        names = data.get("names", False)
        if not isinstance(names, bool):
            self.fail("names", "must be true or false")
        self._names = names

    def _allowed(self, prose: str, start: int, end: int, first: str, second: str) -> bool:
        """A grammatical doubling by ``before_verb`` or ``names``."""
        low = first.lower()
        if (
            self._names
            and first[:1].isupper()
            and second[:1].isupper()
            and low not in FUNCTION_WORDS
        ):
            return True
        if low in self._before_verb:
            # "applying to to be": a verb before, a verb after ("users to to move" and
            # "chapter to to chapter" are slips)
            m = NEXT_WORD_RE.match(prose, end)
            if m is None or not m.group(1).islower() or m.group(1) in NOUN_OPENERS:
                return False
            before = PREVIOUS_WORD_RE.search(prose, max(0, start - 40), start)
            if before is None:
                return False
            word = before.group(1).lower()
            return word.endswith(("ing", "ed")) or word in VERBS_TAKING_TO
        return False

    def check(self, doc):
        prose = doc.prose
        for m in _doublings(doc):
            first, gap, second = m.group(1), m.group(2), m.group(3)
            before = prose[m.start() - 1] if m.start() else " "
            after = prose[m.end()] if m.end() < len(prose) else " "
            if before in JOINERS or after in JOINERS or after.isalnum():
                continue
            if not gap or f"{first.lower()} {second.lower()}" in self._exceptions:
                continue
            if self._allowed(prose, m.start(), m.end(), first, second):
                continue
            if _repeated_again(prose, m.end(), first) or _repeated_before(prose, m.start(), first):
                continue  # three in a row ("killing killing killing") is deliberate rhetoric
            if first != second and not (first[:1].isupper() and first.lower() == second.lower()):
                continue  # "the The" straddles a lost full stop; not this rule's business
            yield Match(
                m.start(),
                m.end(),
                self.format_message(match=first),
                (first,),
                first,
            )


def _doublings(doc) -> Iterator[re.Match]:
    """``DOUBLED_RE``'s matches, looked for only around the places that can hold a reported
    one: two consecutive engine words equal in lower case (compared in C), unless apostrophes
    side by side cut a word in two. A match holds only word characters, apostrophes and
    spaces, so any other character (a barrier) is one no match crosses, and a scan of the
    stretch between two barriers finds what a scan of the whole prose finds there."""
    prose = doc.prose
    if any(pair in prose for pair in DOUBLE_APOSTROPHES):
        yield from DOUBLED_RE.finditer(prose)
        return
    lows = doc.lower_words
    pairs = list(compress(count(), map(eq, lows, islice(lows, 1, None))))
    words = doc.words
    done = 0  # the end of the last stretch scanned: a barrier, or the end of the prose
    for i in pairs:
        start = words[i][0]
        if start < done:
            continue  # scanned already, or a barrier parts the two words
        low = start
        while low > done and _may_be_in_match(prose[low - 1]):
            low -= 1
        barrier = BARRIER_RE.search(prose, words[i + 1][1])
        done = barrier.start() if barrier else len(prose)
        yield from DOUBLED_RE.finditer(prose, low, done)


def _may_be_in_match(char: str) -> bool:
    """Whether ``char`` can be part of a ``DOUBLED_RE`` match (the complement of
    ``BARRIER_RE``: ``\\w`` is ``str.isalnum`` or the underscore)."""
    return char.isalnum() or char in MATCH_NON_ALNUM


def _repeated_again(prose: str, end: int, word: str) -> bool:
    m = re.match(
        r"[ \t]*\n?[ \t]*" + re.escape(word) + r"(?![\w'’-])",
        prose[end : end + len(word) + 8],
        re.I,
    )
    return m is not None


def _repeated_before(prose: str, start: int, word: str) -> bool:
    head = prose[max(0, start - len(word) - 8) : start]
    return (
        re.search(r"(?<![\w'’-])" + re.escape(word) + r"[ \t]*\n?[ \t]*$", head, re.I) is not None
    )


RULE_CLASS = RepetitionRule
