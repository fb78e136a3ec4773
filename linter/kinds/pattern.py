"""pattern: a regular expression, optionally with a replacement template for the fix."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from itertools import compress
from typing import Any

from linter import regexsafe
from linter.document import fold
from linter.kinds.base import YamlRule
from linter.literals import LITERALS
from linter.memo import PerDocument
from linter.rule import Match

WORD_ONLY_RE = re.compile(r"\w+")
MAX_REPLACEMENT = 200  # characters a replacement may add beyond its match (and 2x it)


class PatternRule(YamlRule):
    """Runs ``pattern`` over the masked prose. ``group`` narrows the reported span, and
    ``replacement`` (a template that may use the pattern's groups) replaces that span."""

    REQUIRED = ("pattern",)
    OPTIONAL = ("replacement", "group", "fix", "requires", "requires_words", "within_line")

    def compile(self, data: Any) -> None:
        self._source = self._str("pattern")
        self._compiled: Any = None
        if not self.deferred:
            self._compile_pattern()
        self._group = data.get("group", 0)
        if not isinstance(self._group, (int, str)):
            self.fail("group", "must be a group number or name")
        if not self.deferred:
            self._check_group()
        self._replacement = data.get("replacement")
        if self._replacement is not None and not isinstance(self._replacement, str):
            self.fail("replacement", "must be text")
        self.fixable = bool(data.get("fix", self._replacement is not None))
        # strings of which every match holds one: a document without any is skipped, since a
        # regex costs a pass over the whole text (docs/writing-rules.md)
        requires = data.get("requires", [])
        if not isinstance(requires, list) or not all(isinstance(r, str) and r for r in requires):
            self.fail("requires", "must be a list of strings that every match contains")
        # the engine looks for them in its phrase pass (``Rule.required_literals``)
        self.required_literals = frozenset(fold(r) for r in requires)
        LITERALS.register(tuple(self.required_literals))
        # words (runs of word characters, exact case) of which every match holds one: checked
        # against the document's set of words, which costs no pass over the text at all
        words = data.get("requires_words", [])
        if not isinstance(words, list) or not all(
            isinstance(w, str) and w and WORD_ONLY_RE.fullmatch(w) for w in words
        ):
            self.fail("requires_words", "must be a list of single words that every match contains")
        self._requires_words = frozenset(words)
        # every match lies within one line and that line holds one of ``requires``: the
        # pattern then runs over those lines only, not the whole text
        self._within_line = data.get("within_line", False)
        if not isinstance(self._within_line, bool):
            self.fail("within_line", "must be true or false")
        if self._within_line and not (self.required_literals or self._requires_words):
            self.fail(
                "within_line",
                "needs `requires` or `requires_words`: the lines to search are those that hold one",
            )

    def _compile_pattern(self) -> Any:
        try:
            self._compiled = regexsafe.compile_pattern(
                self._source, bool(self._data.get("ignorecase", False))
            )
        except ValueError as exc:
            self.fail("pattern", str(exc))
        return self._compiled

    def _check_group(self) -> None:
        exists = (
            self._group in self._compiled.groupindex
            if isinstance(self._group, str)
            else 0 <= self._group <= self._compiled.groups
        )
        if not exists:
            self.fail("group", f"the pattern has no group {self._group!r}")

    @property
    def _pattern(self) -> Any:
        """The compiled pattern: compiled (and its group checked) on first use when the rule
        was loaded ``deferred``, so a run whose drafts never need it never compiles it."""
        if self._compiled is None:
            self._compile_pattern()
            self._check_group()
        return self._compiled

    def check(self, doc):
        required = self.required_literals
        present = LITERALS.which(doc, required) if required else frozenset()
        if required and not present:
            return
        if self._requires_words and doc.word_forms.isdisjoint(self._requires_words):
            return
        if self._within_line:
            found = self._line_matches(doc, present)
        else:
            found = regexsafe.finditer(self._pattern, doc.prose)
        for m in found:
            start, end = m.span(self._group)
            if start < 0 or (end == start and not self._replacement):
                continue
            suggestions: tuple[str, ...] = ()
            if self._replacement is not None:
                expanded = m.expand(self._replacement)  # replaces the reported span
                # a template that repeats its match (\g<0>\g<0>) must not grow the text
                # pass after pass under --fix: an outsized replacement is not offered
                if len(expanded) <= 2 * (end - start) + MAX_REPLACEMENT:
                    suggestions = (expanded,)
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

    def _line_matches(self, doc, present: frozenset[str]) -> list[Any]:
        """The matches on the lines where a required literal (of those ``present``) starts,
        or, for a rule with ``requires_words`` alone, a required word; line by line in
        order. Each window ends after its line break, so a lookahead at the end of the line
        sees it; ``pos`` leaves a lookbehind the text before the line."""
        prose = doc.prose
        if self.required_literals:
            line_starts = self._literal_lines(doc, present)
        else:
            line_starts = {prose.rfind("\n", 0, at) + 1 for at in self._word_starts(doc)}
        found: list[Any] = []
        deadline = time.monotonic() + regexsafe.time_limit(prose)  # for all lines together
        for start in sorted(line_starts):
            end = prose.find("\n", start)
            found += regexsafe.finditer(
                self._pattern,
                prose,
                start,
                end + 1 if end >= 0 else None,
                deadline - time.monotonic(),
            )
        return found

    @staticmethod
    def _literal_lines(doc, present: frozenset[str]) -> set[int]:
        """Where each line that holds one of ``present`` (in ``doc.folded``) starts. An
        occurrence that spans a line break is no occurrence on a line: folding makes every
        paragraph break two spaces, and the double-space rule searched every paragraph."""
        folded, prose = doc.folded, doc.prose
        find_break = prose.find
        line_starts: set[int] = set()
        for literal in present:
            at = folded.find(literal)
            while at >= 0:
                broken = find_break("\n", at, at + len(literal))
                if broken >= 0:  # on no line: look again from the break
                    at = folded.find(literal, broken + 1)
                    continue
                line_starts.add(prose.rfind("\n", 0, at) + 1)
                end = find_break("\n", at)
                at = folded.find(literal, end + 1) if end >= 0 else -1
        return line_starts

    def _word_starts(self, doc) -> Iterator[int]:
        """Where the document's words that are, or hold between apostrophes, one of
        ``requires_words`` start: the engine's word index says, with no pass over the text."""
        wanted = self._requires_words
        hits = set(wanted & doc.word_set)
        hits.update(w for w in APOSTROPHE_WORDS.of(doc) if not wanted.isdisjoint(_parts(w)))
        return compress(doc.word_starts, map(hits.__contains__, doc.word_texts))


def _parts(word: str) -> list[str]:
    return word.replace("’", "'").split("'")


APOSTROPHE_WORDS: PerDocument[list[str]] = PerDocument(
    "apostrophe words", lambda doc: [w for w in doc.word_set if "'" in w or "’" in w]
)

RULE_CLASS = PatternRule
