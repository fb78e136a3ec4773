"""pattern: a regular expression, optionally with a replacement template for the fix."""

from __future__ import annotations

from typing import Any

from linter import regexsafe
from linter.kinds.base import YamlRule
from linter.rule import Match


class PatternRule(YamlRule):
    """Runs ``pattern`` over the masked prose. ``group`` narrows the reported span, and
    ``replacement`` (a template that may use the pattern's groups) replaces that span."""

    REQUIRED = ("pattern",)
    OPTIONAL = ("replacement", "group", "fix")

    def compile(self, data: Any) -> None:
        try:
            self._pattern = regexsafe.compile_pattern(
                self._str("pattern"), bool(data.get("ignorecase", False))
            )
        except ValueError as exc:
            self.fail("pattern", str(exc))
        self._group = data.get("group", 0)
        if not isinstance(self._group, (int, str)):
            self.fail("group", "must be a group number or name")
        exists = (
            self._group in self._pattern.groupindex
            if isinstance(self._group, str)
            else 0 <= self._group <= self._pattern.groups
        )
        if not exists:
            self.fail("group", f"the pattern has no group {self._group!r}")
        self._replacement = data.get("replacement")
        if self._replacement is not None and not isinstance(self._replacement, str):
            self.fail("replacement", "must be text")
        self.fixable = bool(data.get("fix", self._replacement is not None))

    def check(self, doc):
        for m in regexsafe.finditer(self._pattern, doc.prose):
            start, end = m.span(self._group)
            if start < 0 or (end == start and not self._replacement):
                continue
            suggestions: tuple[str, ...] = ()
            if self._replacement is not None:
                suggestions = (m.expand(self._replacement),)  # replaces the reported span
            fix = suggestions[0] if self.fixable and suggestions else None
            yield Match(
                start,
                end,
                self.format_message(
                    match=m.group(self._group), suggestion=suggestions[0] if suggestions else ""
                ),
                suggestions,
                fix,
            )


RULE_CLASS = PatternRule
