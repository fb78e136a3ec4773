"""YAML rule kinds, one module each; a rule file's ``kind:`` names the module."""

from __future__ import annotations

import importlib
import os
from functools import lru_cache


@lru_cache(maxsize=1)
def kind_names() -> tuple[str, ...]:
    """The kind modules beside this one (a listing: ``pkgutil`` costs an import)."""
    names = os.listdir(os.path.dirname(__file__))
    return tuple(
        sorted(n[:-3] for n in names if n.endswith(".py") and n not in ("base.py", "__init__.py"))
    )


def kind_class(name: str):
    """The rule class of a kind, or None when no such kind exists."""
    if name not in kind_names():
        return None
    return importlib.import_module(f"linter.kinds.{name}").RULE_CLASS
