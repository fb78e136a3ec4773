"""YAML rule kinds, one module each; a rule file's ``kind:`` names the module."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def kind_names() -> tuple[str, ...]:
    here = Path(__file__).parent
    return tuple(sorted(m.name for m in pkgutil.iter_modules([str(here)]) if m.name != "base"))


def kind_class(name: str):
    """The rule class of a kind, or None when no such kind exists."""
    if name not in kind_names():
        return None
    return importlib.import_module(f"linter.kinds.{name}").RULE_CLASS
