"""Regexes from rule files: compiled with the ``regex`` module and run under a time limit,
so that a pattern that backtracks catastrophically costs a clear message, not a hung hook."""

from __future__ import annotations

import re
from typing import Any

import regex

TIMEOUT_SECONDS = 1.0  # per document, plus a second per megabyte of text


# A quantified group whose body itself ends in a quantifier: (a+)+, (\w*)*, (x|y+){2,}
NESTED_QUANTIFIER_RE = re.compile(r"\((?:\?:)?(?:[^()\\]|\\.)*[+*}]\)(?:[+*]|\{\d*,\d*\})")


class RegexTimeout(Exception):
    """A rule's pattern ran past its time limit on one document."""


def compile_pattern(pattern: str, ignorecase: bool = False) -> regex.Pattern:
    """Compile or raise ``ValueError`` with a message fit for the user."""
    if NESTED_QUANTIFIER_RE.search(pattern):
        raise ValueError(
            "a quantified group inside another quantifier can backtrack catastrophically "
            "(like (a+)+); rewrite it without the nesting"
        )
    flags = regex.V0 | (regex.IGNORECASE if ignorecase else 0)
    try:
        return regex.compile(pattern, flags)
    except regex.error as exc:
        raise ValueError(f"invalid regular expression: {exc}") from None


def finditer(pattern: regex.Pattern, text: str) -> list[Any]:
    """All matches, or ``RegexTimeout`` when the pattern runs too long on this text."""
    try:
        return list(pattern.finditer(text, timeout=TIMEOUT_SECONDS + len(text) / 1_000_000))
    except TimeoutError:
        raise RegexTimeout(pattern.pattern) from None
