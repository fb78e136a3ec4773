"""existence: flag a phrase wherever it appears ("needless to say", "Leave a Comment")."""

from __future__ import annotations

from typing import Any

from linter import regexsafe
from linter.kinds.base import YamlRule
from linter.phrases import fold_phrase
from linter.rule import Match


class ExistenceRule(YamlRule):
    """Literal ``phrases`` go to the shared automaton; ``patterns`` are regexes."""

    OPTIONAL = ("phrases", "patterns")

    def compile(self, data: Any) -> None:
        phrases = data.get("phrases") or []
        patterns = data.get("patterns") or []
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            self.fail("phrases", "must be a list of phrases")
        if not isinstance(patterns, list) or not all(isinstance(p, str) for p in patterns):
            self.fail("patterns", "must be a list of regular expressions")
        if not phrases and not patterns:
            self.fail(None, "needs 'phrases' or 'patterns'")
        self._phrases = {fold_phrase(p): p for p in phrases}
        self._sources = patterns
        self._compiled: list[Any] | None = None
        if not self.deferred:
            self._compile_patterns()

    def _compile_patterns(self) -> list[Any]:
        compiled = []
        for pattern in self._sources:
            try:
                compiled.append(regexsafe.compile_pattern(pattern, self.ignorecase))
            except ValueError as exc:
                self.fail("patterns", str(exc))
        self._compiled = compiled
        return compiled

    @property
    def _patterns(self) -> list[Any]:
        """Compiled on first use when the rule was loaded ``deferred``."""
        if self._compiled is None:
            return self._compile_patterns()
        return self._compiled

    def phrases(self) -> list[tuple[str, Any]]:
        return [(folded, original) for folded, original in self._phrases.items()]

    def on_phrase(self, doc, start: int, end: int, original: str) -> Match | None:
        found = doc.prose[start:end]
        if not self.ignorecase and " ".join(found.split()) != " ".join(original.split()):
            return None
        return Match(start, end, self.format_message(match=" ".join(found.split())))

    def check(self, doc):
        for pattern in self._patterns:
            for m in regexsafe.finditer(pattern, doc.prose):
                if m.end() > m.start():
                    yield Match(m.start(), m.end(), self.format_message(match=m.group()))


RULE_CLASS = ExistenceRule
