"""Output formats, one module each; ``--format NAME`` loads ``linter.reporters.NAME``."""

from __future__ import annotations

import importlib
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.finding import Finding
from linter.record import Record

if TYPE_CHECKING:  # pragma: no cover
    from linter.rule import Rule


class Report(Record):
    """Everything a reporter may show; reporters read it and return text."""

    def __init__(
        self,
        findings: list[Finding],
        files: int,
        errors: list[str] | None = None,
        texts: dict[str, str] | None = None,  # path -> source text
        # rule id -> Rule; any mapping, so the CLI's ``LazyRules`` loads them only when read
        rules: Mapping[str, Rule] | None = None,
        color: bool = False,
        statistics: bool = False,
        paths: list[str] | None = None,  # every file checked, in order
        fail_on: str = "warning",  # the lowest severity that fails the run
        # files given or found but not linted (unreadable, binary, too large, a bad
        # front-matter date): (path, the one-line reason)
        not_linted: list[tuple[str, str]] | None = None,
    ) -> None:
        self.findings = findings
        self.files = files
        self.errors: list[str] = [] if errors is None else errors
        self.texts: dict[str, str] = {} if texts is None else texts
        self.rules: Mapping[str, Rule] = {} if rules is None else rules
        self.color = color
        self.statistics = statistics
        self.paths: list[str] = [] if paths is None else paths
        self.fail_on = fail_on
        self.not_linted: list[tuple[str, str]] = [] if not_linted is None else not_linted

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
