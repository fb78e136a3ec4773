"""One automaton for every literal phrase of every rule: one pass over a document finds them
all, however many rules and phrases there are."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


class PhraseMatcher:
    """Finds whole-word occurrences of folded phrases (lower case, single spaces, straight
    apostrophes) in a document's ``folded`` text; yields (start, end, payloads)."""

    def __init__(self, entries: list[tuple[str, Any]]) -> None:
        self.payloads: dict[str, list[Any]] = defaultdict(list)
        for phrase, payload in entries:
            if phrase:
                self.payloads[phrase].append(payload)
        self._automaton = None
        if self.payloads:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for phrase in self.payloads:
                automaton.add_word(phrase, phrase)
            automaton.make_automaton()
            self._automaton = automaton

    def find(self, folded: str) -> Iterator[tuple[int, int, list[Any]]]:
        if self._automaton is None:
            return
        n = len(folded)
        for last, phrase in self._automaton.iter(folded):
            end = last + 1
            start = end - len(phrase)
            if start > 0 and _word_char(phrase[0]) and _word_char(folded[start - 1]):
                continue
            if end < n and _word_char(phrase[-1]) and _word_char(folded[end]):
                continue
            yield start, end, self.payloads[phrase]


def fold_phrase(phrase: str) -> str:
    from linter.document import fold_case

    folded = fold_case(" ".join(phrase.split()))
    return folded.replace("’", "'").replace("‘", "'")
