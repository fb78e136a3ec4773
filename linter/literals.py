"""Which of the rules' required literals a document holds, found in one pass for all rules.

A pattern rule that names the strings every match holds (``requires``) is skipped on a
document without them. Looking each literal up with ``in`` costs a pass over the text per
literal; one Aho-Corasick automaton over all of them costs one pass per document."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document


class LiteralIndex:
    """Literals registered by rules as they compile; which occur is kept on each document
    (``doc.analyses``, keyed by this index: the literals looked for, those found), found by
    the engine's phrase pass (``remember``) or else by a pass of its own."""

    def __init__(self) -> None:
        self._literals: set[str] = set()
        self._automaton: Any = None  # an ahocorasick.Automaton, built on first need

    def register(self, literals: tuple[str, ...]) -> None:
        """Add folded literals (see ``linter.document.fold``)."""
        new = set(literals) - self._literals
        if new:
            self._literals |= new
            self._automaton = None

    def remember(self, doc: Document, looked_for: frozenset[str], found: frozenset[str]) -> None:
        """Keep what a pass made anyway found: ``found`` are those of ``looked_for`` that
        occur in ``doc.folded``."""
        doc.analyses[self] = (looked_for, found)

    def which(self, doc: Document, wanted: frozenset[str]) -> frozenset[str]:
        """Those of ``wanted`` (registered literals) that occur in ``doc.folded``."""
        known: tuple[frozenset[str], frozenset[str]] | None = doc.analyses.get(self)
        if known is None or not wanted <= known[0]:
            if self._automaton is None:
                self._automaton = self._build()
            found = frozenset(literal for _, literal in self._automaton.iter(doc.folded))
            known = doc.analyses[self] = (frozenset(self._literals), found)
        return known[1] & wanted

    def _build(self) -> Any:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for literal in self._literals:
            automaton.add_word(literal, literal)
        automaton.make_automaton()
        return automaton


LITERALS = LiteralIndex()
