"""One automaton for every literal phrase of every rule: one pass over a document finds them
all, however many rules and phrases there are."""

from __future__ import annotations

from collections import defaultdict
from typing import Any


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


Hit = tuple[int, int, list[Any]]


class PhraseMatcher:
    """Finds whole-word occurrences of folded phrases (lower case, single spaces, straight
    apostrophes) in a document's ``folded`` text, as (start, end, payloads).

    ``literals`` (the pattern rules' required strings, ``linter.literals``) share the
    automaton: ``scan`` finds the phrases and which literals occur in one pass, where two
    automata cost two (a pass costs about as much as the automaton's first characters are
    common in text, and both sets start with letters)."""

    def __init__(self, entries: list[tuple[str, Any]], literals: frozenset[str] = frozenset()):
        self.payloads: dict[str, list[Any]] = defaultdict(list)
        for phrase, payload in entries:
            if phrase:
                self.payloads[phrase].append(payload)
        self.literals = literals
        self._automaton = None
        keys = set(self.payloads) | literals
        if keys:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for key in keys:
                # (the key, whether it is a phrase, whether it is a literal)
                automaton.add_word(key, (key, key in self.payloads, key in literals))
            automaton.make_automaton()
            self._automaton = automaton

    def scan(self, folded: str) -> tuple[list[Hit], frozenset[str]]:
        """The phrase hits in order of their ends, and the literals that occur."""
        hits: list[Hit] = []
        present: set[str] = set()
        if self._automaton is None:
            return hits, frozenset()
        n = len(folded)
        for last, (key, is_phrase, is_literal) in self._automaton.iter(folded):
            if is_literal:
                present.add(key)
                if not is_phrase:
                    continue
            end = last + 1
            start = end - len(key)
            if start > 0 and _word_char(key[0]) and _word_char(folded[start - 1]):
                continue
            if end < n and _word_char(key[-1]) and _word_char(folded[end]):
                continue
            hits.append((start, end, self.payloads[key]))
        return hits, frozenset(present)


def fold_phrase(phrase: str) -> str:
    from linter.document import fold_case

    folded = fold_case(" ".join(phrase.split()))
    return folded.replace("’", "'").replace("‘", "'")
