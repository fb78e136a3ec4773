"""Which of the rules' required literals a document holds, found in one pass for all rules.

A pattern rule that names the strings every match holds (``requires``) is skipped on a
document without them. Looking each literal up with ``in`` costs a pass over the text per
literal; one Aho-Corasick automaton over all of them costs one pass per document."""

from __future__ import annotations

from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document


class LiteralIndex:
    """Literals registered by rules as they compile; ``present`` is cached per document."""

    def __init__(self) -> None:
        self._literals: set[str] = set()
        self._automaton = None
        self._present: WeakKeyDictionary = WeakKeyDictionary()

    def register(self, literals: tuple[str, ...]) -> None:
        """Add folded literals (see ``linter.document.fold``)."""
        new = set(literals) - self._literals
        if new:
            self._literals |= new
            self._automaton = None
            self._present = WeakKeyDictionary()

    def present(self, doc: Document) -> frozenset[str]:
        """The registered literals that occur in ``doc.folded``."""
        found = self._present.get(doc)
        if found is None:
            if self._automaton is None:
                self._automaton = self._build()
            found = frozenset(literal for _, literal in self._automaton.iter(doc.folded))
            self._present[doc] = found
        return found

    def _build(self):
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for literal in self._literals:
            automaton.add_word(literal, literal)
        automaton.make_automaton()
        return automaton


LITERALS = LiteralIndex()
