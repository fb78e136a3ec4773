"""Output formats, one module each; ``--format NAME`` loads ``linter.reporters.NAME``."""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.finding import Finding

if TYPE_CHECKING:  # pragma: no cover
    from linter.rule import Rule


@dataclass
class Report:
    """Everything a reporter may show; reporters read it and return text."""

    findings: list[Finding]
    files: int
    errors: list[str] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)  # path -> source text
    # rule id -> Rule; any mapping, so the CLI's ``LazyRules`` loads them only when read
    rules: Mapping[str, Rule] = field(default_factory=dict)
    color: bool = False
    statistics: bool = False
    paths: list[str] = field(default_factory=list)  # every file checked, in order
    fail_on: str = "warning"  # the lowest severity that fails the run
    # files given or found but not linted (unreadable, binary, too large, a bad front-matter
    # date): (path, the one-line reason)
    not_linted: list[tuple[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for finding in self.findings:
            counts[finding.severity] += 1
        return {
            "files": self.files,
            "findings": len(self.findings),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
        }


@lru_cache(maxsize=1)
def format_names() -> tuple[str, ...]:
    """The reporter modules beside this one (a listing: ``pkgutil`` costs an import)."""
    names = os.listdir(os.path.dirname(__file__))
    return tuple(sorted(n[:-3] for n in names if n.endswith(".py") and not n.startswith("_")))


def render(name: str, report: Report) -> str:
    return importlib.import_module(f"linter.reporters.{name}").render(report)
