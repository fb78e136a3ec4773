"""Regexes from rule files: compiled with the ``regex`` module and run under a time limit,
so that a pattern that backtracks catastrophically costs a clear message, not a hung hook.

Three bounds (issue 17): a pattern whose counted repeats multiply past ``MAX_EXPANSION``
(``(?:(?:a{1000}){1000}){100}``: 31 characters, 12 GB once compiled) is refused before it is
compiled; each search runs under its rule's time limit; and all searches of one document
share ``DOCUMENT_BUDGET`` and all of one process ``RUN_BUDGET`` (refilled at half the rate
of the clock, for a language server that runs all day), so a pack of many slow patterns,
each just under its own limit, cannot add up to hours."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    import regex

TIMEOUT_SECONDS = 2.0  # per document, plus two seconds per megabyte of text
MAX_EXPANSION = 100_000  # characters a pattern's counted repeats may multiply out to
DOCUMENT_BUDGET = 5.0  # seconds for every search of one document, plus 5 s per megabyte
RUN_BUDGET = 300.0  # seconds for every search of the process...
RUN_REFILL = 0.5  # ...plus half of the time the process has run (a language server lives long)
_spent = 0.0  # seconds spent searching in this process
_started = time.monotonic()
_document_left: float | None = None  # seconds of searching left for the current document


# A quantified group whose body itself ends in a quantifier: (a+)+, (\w*)*, (x|y+){2,}
NESTED_QUANTIFIER_RE = re.compile(r"\((?:\?:)?(?:[^()\\]|\\.)*[+*}]\)(?:[+*]|\{\d*,\d*\})")


class RegexTimeout(Exception):
    """A rule's pattern ran past its time limit on one document."""


def expansion(pattern: str) -> int:
    """An upper estimate of the characters a pattern's counted repeats multiply out to: each
    ``{m,n}`` multiplies what it repeats by its largest count (``*``, ``+`` and ``?`` do not
    expand), alternatives add up. Linear in the pattern; never compiles it."""
    frames: list[list[int]] = [[0, 0]]  # per open group: [total, size of the last atom]
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        frame = frames[-1]
        if c == "\\":
            i += 2
            frame[0] += 1
            frame[1] = 1
            continue
        if c == "[":
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            frame[0] += 1
            frame[1] = 1
            continue
        if c == "(":
            frames.append([0, 0])
        elif c == ")" and len(frames) > 1:
            inner = max(1, frames.pop()[0])
            frames[-1][0] += inner
            frames[-1][1] = inner
        elif c == "{":
            m = COUNTED_RE.match(pattern, i)
            if m:
                low, comma, high = m.group(1), m.group(2), m.group(3)
                count = int(high) if high else int(low or 0) + (1 if comma else 0)
                frame[0] += frame[1] * max(0, count - 1)
                frame[1] *= max(1, count)
                i = m.end()
                continue
            frame[0] += 1
            frame[1] = 1
        elif c not in "*+?|":
            frame[0] += 1
            frame[1] = 1
        i += 1
    return sum(f[0] for f in frames)


COUNTED_RE = re.compile(r"\{(\d{0,9})(,?)(\d{0,9})\}")


def compile_pattern(pattern: str, ignorecase: bool = False) -> regex.Pattern:
    """Compile or raise ``ValueError`` with a message fit for the user. The ``regex`` module
    (~20 ms to import) is imported here, by the first rule that needs a pattern that the
    last runs did not keep compiled (``linter.regexcache``)."""
    from linter import regexcache

    if expansion(pattern) > MAX_EXPANSION:
        raise ValueError(
            f"its counted repeats multiply out to over {MAX_EXPANSION:,} characters (like "
            "(?:a{1000}){1000}), too large to compile; use + or * instead"
        )
    if NESTED_QUANTIFIER_RE.search(pattern):
        raise ValueError(
            "a quantified group inside another quantifier can backtrack catastrophically "
            "(like (a+)+); rewrite it without the nesting"
        )
    made = regexcache.kept(pattern, ignorecase)
    if made is not None:
        return made
    import regex

    try:
        return regexcache.compile_new(pattern, ignorecase)
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
    global _spent, _document_left
    if timeout is None:
        timeout = time_limit(text)
    now = time.monotonic()
    timeout = min(timeout, RUN_BUDGET + (now - _started) * RUN_REFILL - _spent)
    if _document_left is not None:
        timeout = min(timeout, _document_left)
    end = len(text) if endpos is None else endpos
    try:
        if timeout <= 0:
            raise TimeoutError
        return list(pattern.finditer(text, pos, end, timeout=timeout))
    except TimeoutError:
        raise RegexTimeout(pattern.pattern) from None
    finally:
        took = time.monotonic() - now
        _spent += took
        if _document_left is not None:
            _document_left -= took


def start_document(text: str) -> None:
    """Begin the shared time budget of one document's searches (called by the engine). It
    counts only the time spent searching: the other rules' work on a big draft, or a busy
    machine between searches, must not use it up and make the findings depend on the load."""
    global _document_left
    _document_left = DOCUMENT_BUDGET * (1 + len(text) / 1_000_000)


def end_document() -> None:
    """End it: searches outside the engine's loop (a rule used directly) have none."""
    global _document_left
    _document_left = None


def time_limit(text: str) -> float:
    """Seconds a pattern may run over ``text``, however many searches it takes."""
    return TIMEOUT_SECONDS * (1 + len(text) / 1_000_000)
