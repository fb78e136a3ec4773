"""repetition: a word written twice in a row ("the the"), also across a line break."""

from __future__ import annotations

import re
from itertools import islice
from operator import eq
from typing import Any

from linter.kinds.base import YamlRule
from linter.rule import Match

DOUBLED_RE = re.compile(r"\b([^\W\d_][\w'’]*)([ \t]+|[ \t]*\n[ \t]*)(\1)\b", re.IGNORECASE)
# apostrophes side by side: the engine's words split there, so the word list cannot rule out
# a doubling like "a''b a''b"
DOUBLE_APOSTROPHES = ("''", "'’", "’'", "’’")
JOINERS = "'’-"  # "e-mail mail" or "Musk’s s" are not doubled words


class RepetitionRule(YamlRule):
    """``exceptions`` lists doublings that are grammatical ("had had", "that that")."""

    OPTIONAL = ("exceptions",)

    def compile(self, data: Any) -> None:
        exceptions = data.get("exceptions") or []
        if not isinstance(exceptions, list):
            self.fail("exceptions", "must be a list of doubled phrases")
        self._exceptions = frozenset(" ".join(str(e).lower().split()) for e in exceptions)

    def check(self, doc):
        if not _may_double(doc):
            return
        prose = doc.prose
        for m in DOUBLED_RE.finditer(prose):
            first, gap, second = m.group(1), m.group(2), m.group(3)
            before = prose[m.start() - 1] if m.start() else " "
            after = prose[m.end()] if m.end() < len(prose) else " "
            if before in JOINERS or after in JOINERS or after.isalnum():
                continue
            if not gap or f"{first.lower()} {second.lower()}" in self._exceptions:
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


def _may_double(doc) -> bool:
    """False only when no doubling can be reported: a reported one is two consecutive engine
    words equal in lower case (their texts are compared in C), unless apostrophes side by
    side cut a word in two."""
    lows = doc.lower_words
    if any(map(eq, lows, islice(lows, 1, None))):
        return True
    prose = doc.prose
    return any(pair in prose for pair in DOUBLE_APOSTROPHES)


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
