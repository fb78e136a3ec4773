"""The one declared schema of the config file: every table, key, type and allowed value.

``config.py`` checks a whole file against it before any rule is loaded or run, so a misspelt
key or a wrong value is one line naming the file, the line and the key. The packs' tables are
declared here too (``[spelling]``, ``[style]``, ...); a third-party or house pack declares its
own table with a ``config_tables`` attribute on one of its rules (``{"table": {"key": Option}}``),
checked as soon as the rules are loaded, still before any rule runs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from linter.record import Frozen

SEVERITY_VALUES = ("error", "warning", "info")


class Option(Frozen):
    """One key: its type (``what`` says it to the user) and, optionally, its allowed values.
    (A plain frozen record: a run with a config file imports this module.)"""

    __slots__ = ("check", "choices", "listed", "what")
    _fields = ("what", "check", "choices", "listed")

    what: str
    check: Callable[[Any], bool]
    choices: tuple[str, ...]
    listed: bool  # say "one of a, b, c" rather than "a, b or c"

    def __init__(
        self,
        what: str,
        check: Callable[[Any], bool],
        choices: tuple[str, ...] = (),
        listed: bool = False,
    ) -> None:
        put = object.__setattr__
        put(self, "what", what)
        put(self, "check", check)
        put(self, "choices", choices)
        put(self, "listed", listed)

    def problem(self, value: Any) -> str | None:
        """None when ``value`` fits, else what is wrong, for the one-line error."""
        if self.choices:
            if value not in self.choices:
                allowed = (
                    f"one of {', '.join(self.choices)}" if self.listed else _either(self.choices)
                )
                return f"must be {allowed}, not {value!r}"
            return None
        return None if self.check(value) else f"must be {self.what}, not {value!r}"


def _either(values) -> str:
    values = list(values)
    return values[0] if len(values) == 1 else f"{', '.join(values[:-1])} or {values[-1]}"


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _positive(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0


TEXT = Option("text", lambda v: isinstance(v, str))
BOOL = Option("true or false", lambda v: isinstance(v, bool))
STRINGS = Option("a list of strings", _is_str_list)
WORDS = Option("a list of words", _is_str_list)
STRING_OR_LIST = Option("a list of strings", lambda v: isinstance(v, str) or _is_str_list(v))
POSITIVE_INT = Option(
    "a positive whole number", lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0
)
POSITIVE = Option("a positive number", _positive)
DATE = Option("a date like 2023-02-10", lambda v: isinstance(v, dt.date))
RULE_SEVERITY = Option("error, warning, info or off", lambda v: False, (*SEVERITY_VALUES, "off"))


def choice(*values: str, listed: bool = False) -> Option:
    return Option(" or ".join(values), lambda v: v in values, values, listed)


# Top-level keys (of ``.copydesk.toml``, or of ``[tool.copydesk]`` in pyproject.toml).
TOP_LEVEL: dict[str, Option] = {
    "select": STRING_OR_LIST,
    "extend-select": STRING_OR_LIST,
    "ignore": STRING_OR_LIST,
    "exclude": STRING_OR_LIST,
    "rule-dirs": STRING_OR_LIST,
    "extensions": STRING_OR_LIST,
    "fail-on": choice(*SEVERITY_VALUES, listed=True),
    "max-file-size": POSITIVE_INT,
    "dialect": choice("en-US", "en-GB"),
    "date": DATE,
}

# Tables whose keys are the user's (rule ids, globs): each value is checked by one option.
MAPPING_TABLES: dict[str, Option] = {
    "severity": RULE_SEVERITY,
    "per-file-ignores": STRING_OR_LIST,
}

# Tables with a fixed set of keys: the built-in packs', the backends' and the engine's.
TABLES: dict[str, dict[str, Option]] = {
    "vocabulary": {"accept": STRING_OR_LIST, "reject": STRING_OR_LIST},
    "cache": {"enabled": BOOL, "dir": TEXT},
    "spelling": {"accept": WORDS, "reject": WORDS, "codespell": BOOL},
    "grammar": {},
    "facts": {"knowledge": STRING_OR_LIST, "gazetteer": BOOL},
    "style": {"guide": choice("ap", "british")},
    "harper": {
        "enabled": BOOL,
        "rules": STRINGS,
        "disable": STRINGS,
        "dialect": choice("american", "british", "australian", "canadian", "indian"),
    },
    "languagetool": {
        "url": TEXT,
        "path": TEXT,
        "language": TEXT,
        "enabled": BOOL,
        "enabled-rules": STRINGS,
        "disabled-rules": STRINGS,
        "enabled-only": BOOL,
        "disabled-categories": STRINGS,
        "timeout": POSITIVE,
        "level": choice("default", "picky"),
    },
}


def declared_tables(rules) -> dict[str, dict[str, Option]]:
    """Tables declared by loaded packs' rules (``config_tables``), for house and third-party
    packs; a table may not redefine a built-in one."""
    found: dict[str, dict[str, Option]] = {}
    for rule in rules:
        for name, keys in (getattr(rule, "config_tables", None) or {}).items():
            if name in TABLES or name in MAPPING_TABLES or name in TOP_LEVEL:
                continue
            found.setdefault(name, {}).update(keys)
    return found
