"""Backend rules: LanguageTool (LT001-LT003) and Harper (HARPER001-HARPER003).

Each backend runs once per document (its rules share the result) and its matches are
split by category into a few stable copydesk ids, so ``--select``/``--ignore`` and
severities work by prefix; the backend's own rule id is named in every message.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import ClassVar

from linter.rule import Example, Match, Rule

_SHARED: dict[tuple[str, str], object] = {}


def _selected_explicitly(settings, prefix: str) -> bool:
    return any(
        p != "ALL" and (p.startswith(prefix) or prefix.startswith(p)) for p in settings.select or ()
    )


def _shared(kind: str, key, make):
    """One backend per configuration in this process (Harper takes a second to build)."""
    key = (kind, key if isinstance(key, str) else key.fingerprint())
    if key not in _SHARED:
        _SHARED[key] = make()
    return _SHARED[key]


# ---- LanguageTool ------------------------------------------------------------------------
LT_GRAMMAR = frozenset(
    "GRAMMAR CONFUSED_WORDS COLLOCATIONS SEMANTICS CASING COMPOUNDING NONSTANDARD_PHRASES".split()
)


class _LanguageToolRule(Rule):
    pack = "grammar"
    source = "LanguageTool (languagetool.org), rules by id"
    categories: ClassVar[frozenset[str] | None] = None  # None: every category not taken

    def example_settings(self):
        """A LanguageTool server is needed: the examples run in tests/test_languagetool.py
        against a stand-in server, or here when COPYDESK_LT_URL names a real one."""
        import os

        from linter.settings import Settings

        url = os.environ.get("COPYDESK_LT_URL")
        return Settings(tables={"languagetool": {"url": url}}) if url else None

    def applies_to(self, settings) -> bool:
        table = settings.table("languagetool")
        if table.get("enabled") is False:
            return False
        return bool(table.get("url") or table.get("path")) or _selected_explicitly(settings, "LT")

    def prepare(self, settings) -> None:
        from linter.packs.backends.languagetool import client_from_settings
        from linter.packs.backends.mapping import BackendRun

        def make():
            client = client_from_settings(settings)
            client.ping()
            return BackendRun(lambda doc: client.check(doc.prose))

        self._run = _shared("languagetool", settings, make)

    def wants(self, m) -> bool:
        if m.category == "TYPOS":
            return self.id == "LT002"
        if m.category in LT_GRAMMAR:
            return self.id == "LT001"
        return self.id == "LT003"

    def check(self, doc) -> Iterator[Match]:
        for m in self._run(doc):
            if m.end > m.start and self.wants(m):
                message = f"{m.message} [LanguageTool {m.rule_id}]"
                fix = m.replacements[0] if len(m.replacements) == 1 else None
                yield Match(
                    m.start, m.end, message, m.replacements, fix if self.id != "LT003" else None
                )


class LanguageToolGrammar(_LanguageToolRule):
    """What it does: sends the draft's prose (markup masked) to a LanguageTool server and
    reports its grammar and word-choice matches (categories GRAMMAR, CONFUSED_WORDS,
    COLLOCATIONS, SEMANTICS, CASING, COMPOUNDING, NONSTANDARD_PHRASES) at their exact line
    and column, with LanguageTool's rule id in the message.

    It is off until ``[tool.copydesk.languagetool] url`` (or a local ``path``) is set, or LT is
    selected. A server that is down or slow ends the run with one line and exit code 2;
    requests time out (``timeout``, 10 s by default).
    """

    id = "LT001"
    name = "languagetool-grammar"
    severity = "error"
    quote_severity = "info"
    message = "LanguageTool: a grammar or word-choice problem."
    why = (
        "LanguageTool has thousands of hand-written English rules; for newsrooms that run a "
        "server it adds coverage."
    )
    examples: Sequence[Example] = (
        Example(bad="LanguageTool flags this when a server is configured: he could of won."),
        Example(good="He could have won."),
    )


class LanguageToolSpelling(_LanguageToolRule):
    """What it does: LanguageTool's spelling matches (category TYPOS). Its spell checkers
    (MORFOLOGIK_RULE_EN_US/_GB) are disabled by default because they flag names; enable
    them by id in ``enabled-rules`` to use this rule.
    """

    id = "LT002"
    name = "languagetool-spelling"
    severity = "error"
    quote_severity = "info"
    message = "LanguageTool: a possible misspelling."
    why = (
        "The spelling pack (SPELL) handles names and news vocabulary; this is for teams who "
        "prefer LanguageTool's dictionary."
    )
    examples: Sequence[Example] = (
        Example(bad="LanguageTool flags this when configured: teh end."),
        Example(good="A spelling check."),
    )


class LanguageToolStyle(_LanguageToolRule):
    """What it does: LanguageTool's other matches (style, typography, punctuation,
    redundancy...), as warnings, without automatic fixes.
    """

    id = "LT003"
    name = "languagetool-style"
    severity = "warning"
    quote_severity = "info"
    message = "LanguageTool: a style or typography suggestion."
    why = "LanguageTool's style advice is useful, but closer to house style than to errors."
    examples: Sequence[Example] = (
        Example(bad="LanguageTool flags this when configured: a very unique case."),
        Example(good="A unique case."),
    )


# ---- Harper ------------------------------------------------------------------------------
class _HarperRule(Rule):
    pack = "grammar"
    source = "Harper (writewithharper.com) through harper-py, lints by name"

    def applies_to(self, settings) -> bool:
        table = settings.table("harper")
        if "enabled" in table:
            return table["enabled"] is True
        return _selected_explicitly(settings, "HARPER")

    def prepare(self, settings) -> None:
        from linter.packs.backends.harper import HarperBackend
        from linter.packs.backends.mapping import BackendRun

        def make():
            backend = HarperBackend(settings)
            if spelling:  # Harper's dictionary flags names: only when asked for by id
                backend.enable_spelling()
            return BackendRun(lambda doc: backend.check(doc.prose))

        table = settings.table("harper")
        spelling = "HARPER002" in (settings.select or ())
        key = f"{sorted(table.items())}|{settings.dialect}|{spelling}"
        self._run = _shared("harper", key, make)

    def wants(self, m) -> bool:
        from linter.packs.backends.harper import STYLE_KINDS

        if m.rule_id == "SpellCheck" or m.kind == "Spelling":
            return self.id == "HARPER002"
        if m.kind in STYLE_KINDS:
            return self.id == "HARPER003"
        return self.id == "HARPER001"

    def check(self, doc) -> Iterator[Match]:
        for m in self._run(doc):
            if m.end > m.start and self.wants(m):
                message = f"{m.message} [Harper {m.rule_id}]"
                fix = m.replacements[0] if len(m.replacements) == 1 else None
                yield Match(
                    m.start, m.end, message, m.replacements, fix if self.id == "HARPER001" else None
                )


class HarperGrammar(_HarperRule):
    """What it does: runs Harper (harper-py, offline) with only the lints that stayed
    precise on clean news text (confusable words such as ThenThan, ModalOf, WereWhere,
    ItsContraction, and corrupted idioms such as BatedBreath, FreeRein), and reports them
    with Harper's lint name in the message.

    It is off by default: building Harper takes about 1.7 s and it checks about 10 KB/s, which
    alone would break copydesk's 0.3 s cold start and its throughput target. Turn it on with
    ``[tool.copydesk.harper] enabled = true`` or ``--select HARPER``.
    """

    id = "HARPER001"
    name = "harper-grammar"
    severity = "error"
    quote_severity = "info"
    message = "Harper: a grammar or word-choice problem."
    why = (
        "A second, independent grammar engine, limited to the lints that stay precise on news text."
    )
    examples: Sequence[Example] = (
        Example(
            bad="He would of known it was more then enough.",
            fixed="He would have known it was more than enough.",
        ),
        Example(good="He would have known it was more than enough."),
    )


class HarperSpelling(_HarperRule):
    """What it does: Harper's spell checker (SpellCheck), only when HARPER002 is selected
    by id.

    It is never on by default: on the seed article it flagged 8 correct names.
    """

    id = "HARPER002"
    name = "harper-spelling"
    severity = "error"
    quote_severity = "info"
    message = "Harper: a possible misspelling."
    why = (
        "Harper's dictionary, as a second opinion on spelling; it flags proper names, handles "
        "and hashtags, so the spelling pack stays the default."
    )
    examples: Sequence[Example] = (
        Example(bad="There was a speling slip in the copy."),
        Example(good="There was a spelling slip in the copy."),
    )


class HarperStyle(_HarperRule):
    """What it does: Harper's style, readability and punctuation lints that a project turns
    on by name in ``[tool.copydesk.harper] rules``, as warnings.
    """

    id = "HARPER003"
    name = "harper-style"
    severity = "warning"
    quote_severity = "info"
    message = "Harper: a style suggestion."
    why = (
        "Harper's style lints encode its own house style: advice, not errors, and none is on "
        "unless named."
    )
    examples: Sequence[Example] = (
        Example(bad="Harper flags this when its style lints are named: red, white and blue."),
        Example(good="Red, white, and blue."),
    )

    def example_settings(self):
        from linter.settings import Settings

        return Settings(tables={"harper": {"rules": ["OxfordComma"]}})


RULES = [
    LanguageToolGrammar,
    LanguageToolSpelling,
    LanguageToolStyle,
    HarperGrammar,
    HarperSpelling,
    HarperStyle,
]
