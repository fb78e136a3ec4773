"""The mapping a parsed rule file is made of, apart from the YAML parser, so that a rule
read back from the parse cache (``linter.rulecache``) needs no YAML import at all."""

from __future__ import annotations


class LineDict(dict):
    """A mapping that knows the 1-based line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]
