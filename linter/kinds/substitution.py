"""substitution: this, not that, with the fix ("miniscule" -> "minuscule")."""

from __future__ import annotations

from typing import Any

from linter.kinds.base import YamlRule, preserve_case
from linter.phrases import fold_phrase
from linter.rule import Match


class SubstitutionRule(YamlRule):
    """``swap`` maps a wrong phrase to its replacement (or a list of candidates)."""

    REQUIRED = ("swap",)
    OPTIONAL = ("fix",)

    def compile(self, data: Any) -> None:
        swap = data.get("swap")
        if not isinstance(swap, dict) or not swap:
            self.fail("swap", "must be a mapping of wrong phrase: replacement")
        self._swap: dict[str, tuple[str, tuple[str, ...]]] = {}
        for wrong, right in swap.items():
            options = [right] if isinstance(right, str) else right
            if (
                not isinstance(options, list)
                or not options
                or not all(isinstance(o, str) for o in options)
            ):
                self.fail("swap", f"the replacement of '{wrong}' must be text or a list of texts")
            self._swap[fold_phrase(str(wrong))] = (str(wrong), tuple(options))
        self.fixable = bool(data.get("fix", True))

    def phrases(self) -> list[tuple[str, Any]]:
        return list(self._swap.items())

    def on_phrase(self, doc, start: int, end: int, payload) -> Match | None:
        wrong, options = payload
        found = doc.prose[start:end]
        if not self.ignorecase and " ".join(found.split()) != wrong:
            return None
        suggestions = tuple(preserve_case(found, o) for o in options)
        fix = (
            suggestions[0] if self.fixable and len(suggestions) == 1 and "\n" not in found else None
        )
        message = self.format_message(
            match=" ".join(found.split()), suggestion="' or '".join(suggestions)
        )
        return Match(start, end, message, suggestions, fix)

    def check(self, doc):
        return ()


RULE_CLASS = SubstitutionRule
