"""What every YAML rule shares: the metadata keys, their validation, and the phrase protocol."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from linter.errors import RuleError
from linter.finding import SEVERITIES
from linter.rule import PROSE_REGIONS, Example, Rule

ID_RE = re.compile(r"^[A-Z][A-Z0-9]*\d{3}$")
COMMON_REQUIRED = ("id", "name", "kind", "severity", "message", "why", "source", "examples")
COMMON_OPTIONAL = (
    "description",
    "scope",
    "skip_quotes",
    "quote_severity",
    "enabled",
    "ignorecase",
    "guide",
)
EXAMPLE_KEYS = {"bad", "good", "fixed", "format", "date"}


class YamlRule(Rule):
    """A rule built from a YAML mapping; subclasses name their own keys and compile them."""

    REQUIRED: ClassVar[tuple[str, ...]] = ()
    OPTIONAL: ClassVar[tuple[str, ...]] = ()

    def __init__(self, data: Any, origin: str, pack: str, *, deferred: bool = False) -> None:
        """``deferred``: compile regexes on first use, not here (the built-in rules, which
        the test suite compiles; a user's rule file is checked in full as it loads)."""
        self.origin = origin
        self.deferred = deferred
        self.pack = pack
        self._data = data
        self._validate_keys(data)
        self.id = self._str("id")
        if not ID_RE.match(self.id):
            self.fail("id", f"'{self.id}' is not an id like STYLE012 (capitals, then 3 digits)")
        self.name = self._str("name")
        self.kind = self._str("kind")
        self.severity = self._str("severity")
        if self.severity not in SEVERITIES:
            self.fail("severity", f"must be error, warning or info, not '{self.severity}'")
        self.message = self._str("message")
        self.why = self._str("why")
        self.source = self._str("source")
        self.description = str(data.get("description", "") or "")
        self.enabled = bool(data.get("enabled", True))
        self.ignorecase = bool(data.get("ignorecase", True))
        scope = data.get("scope", sorted(PROSE_REGIONS))
        if isinstance(scope, str):
            scope = [scope]
        bad = [s for s in scope if s not in PROSE_REGIONS] if isinstance(scope, list) else [scope]
        if bad:
            self.fail("scope", f"has {bad[0]!r}; use headline, body or quote")
        self.scope = frozenset(scope)
        if data.get("skip_quotes"):
            self.scope = self.scope - {"quote"}
        self.quote_severity = data.get("quote_severity")
        if self.quote_severity is not None and self.quote_severity not in SEVERITIES:
            self.fail("quote_severity", "must be error, warning or info")
        guide = data.get("guide")
        if guide is not None:
            guide = [guide] if isinstance(guide, str) else guide
            if not isinstance(guide, list) or not all(isinstance(g, str) for g in guide):
                self.fail("guide", "must be a style guide name or a list of them (ap, british)")
            self.guides = frozenset(guide)
        self.examples = self._examples(data.get("examples"))
        self.compile(data)

    # ---- validation helpers --------------------------------------------------------------
    def fail(self, key: str | None, problem: str) -> None:
        lines = getattr(self._data, "key_lines", {})
        line = lines.get(key) if key else None
        line = line or getattr(self._data, "line", None)
        label = f"rule {self._data.get('id', '?')}: " if isinstance(self._data, dict) else ""
        where = f"key '{key}' " if key else ""
        raise RuleError(f"{label}{where}{problem}", self.origin, line)

    def _validate_keys(self, data: Any) -> None:
        if not isinstance(data, dict):
            raise RuleError("a rule must be a mapping of keys", self.origin)
        allowed = (
            set(COMMON_REQUIRED) | set(COMMON_OPTIONAL) | set(self.REQUIRED) | set(self.OPTIONAL)
        )
        for key in data:
            if key not in allowed:
                self.fail(str(key), f"is unknown for kind '{data.get('kind')}'")
        for key in (*COMMON_REQUIRED, *self.REQUIRED):
            if key not in data or data[key] in (None, ""):
                self.fail(None, f"is missing the required key '{key}'")

    def _str(self, key: str) -> str:
        value = self._data.get(key)
        if not isinstance(value, str):
            self.fail(key, "must be text")
        return value.strip()

    def _examples(self, raw: Any) -> list[Example]:
        if not isinstance(raw, list) or not raw:
            self.fail("examples", "must be a list with at least one bad and one good example")
        examples = []
        for item in raw:
            if not isinstance(item, dict) or not (item.keys() & {"bad", "good"}):
                self.fail("examples", "each example needs a 'bad' or a 'good' text")
            unknown = set(item) - EXAMPLE_KEYS
            if unknown:
                self.fail("examples", f"an example has the unknown key '{sorted(unknown)[0]}'")
            examples.append(Example(**{k: (str(v) if k != "date" else v) for k, v in item.items()}))
        if not any(e.bad for e in examples) or not any(e.good for e in examples):
            self.fail("examples", "needs at least one 'bad' and one 'good' example")
        return examples

    def compile(self, data: Any) -> None:
        """Validate and compile the kind's own keys."""

    # ---- the phrase protocol -------------------------------------------------------------
    def phrases(self) -> list[tuple[str, Any]]:
        """Literal phrases for the shared automaton, each with a payload for ``on_phrase``."""
        return []


def preserve_case(model: str, replacement: str) -> str:
    """Give ``replacement`` the capitalisation of the text it replaces."""
    if model.isupper() and len(model) > 1:
        return replacement.upper()
    if model[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
