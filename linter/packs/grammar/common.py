"""Small helpers shared by the grammar rules."""

from __future__ import annotations

from pathlib import Path


def data_dir() -> Path:
    """The grammar pack's data folder (``rules/grammar/data``, or its copy in a wheel)."""
    from linter.registry import builtin_rules_dir

    return builtin_rules_dir() / "grammar" / "data"


def match_case(model: str, word: str) -> str:
    """``word`` written with the capitalisation of ``model`` (It's -> Its, THEIR -> THERE)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def apostrophe_like(model: str, word: str) -> str:
    """Use the curly apostrophe in ``word`` when ``model`` does (it’s, not it's)."""
    return word.replace("'", "’") if "’" in model else word
