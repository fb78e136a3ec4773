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


def finditer(
    pattern: regex.Pattern,
    text: str,
    pos: int = 0,
    endpos: int | None = None,
    timeout: float | None = None,
) -> list[Any]:
    """All matches in ``text[pos:endpos]`` (lookbehinds see before ``pos``), or
    ``RegexTimeout`` when the pattern runs past ``timeout`` seconds (by default the limit
    for the whole text)."""
    if timeout is None:
        timeout = time_limit(text)
    end = len(text) if endpos is None else endpos
    try:
        if timeout <= 0:
            raise TimeoutError
        return list(pattern.finditer(text, pos, end, timeout=timeout))
    except TimeoutError:
        raise RegexTimeout(pattern.pattern) from None


def time_limit(text: str) -> float:
    """Seconds a pattern may run over ``text``, however many searches it takes."""
    return TIMEOUT_SECONDS + len(text) / 1_000_000
