"""Resolved settings of one run: the config file merged with command-line flags."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from linter.record import Record

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")


class Settings(Record):
    """Every field as the config file and flags set it; equality and ``replace`` as a
    dataclass's (a plain class: ``@dataclass`` cost every start ~1 ms a class)."""

    def __init__(
        self,
        select: list[str] | None = None,  # id prefixes; None: every rule enabled by default
        ignore: list[str] | None = None,
        per_file_ignores: dict[str, list[str]] | None = None,
        severity: dict[str, str] | None = None,
        rule_dirs: list[Path] | None = None,
        fail_on: str = "warning",
        extensions: tuple[str, ...] = DEFAULT_EXTENSIONS,
        exclude: list[str] | None = None,
        max_file_size: int = 10 * 1024 * 1024,
        dialect: str = "en-US",
        date: dt.date | None = None,
        vocabulary: dict[str, list[Path]] | None = None,
        tables: dict[str, dict[str, Any]] | None = None,  # pack-specific tables
        config_path: Path | None = None,
        root: Path | None = None,
    ) -> None:
        self.select = select
        self.ignore: list[str] = [] if ignore is None else ignore
        self.per_file_ignores: dict[str, list[str]] = (
            {} if per_file_ignores is None else per_file_ignores
        )
        self.severity: dict[str, str] = {} if severity is None else severity
        self.rule_dirs: list[Path] = [] if rule_dirs is None else rule_dirs
        self.fail_on = fail_on
        self.extensions = extensions
        self.exclude: list[str] = [] if exclude is None else exclude
        self.max_file_size = max_file_size
        self.dialect = dialect
        self.date = date
        self.vocabulary: dict[str, list[Path]] = {} if vocabulary is None else vocabulary
        self.tables: dict[str, dict[str, Any]] = {} if tables is None else tables
        self.config_path = config_path
        self.root: Path = Path.cwd() if root is None else root

    @property
    def style_guide(self) -> str:
        """The house guide: ``[tool.copydesk.style] guide``, else ap (en-US) or british (en-GB)."""
        default = "british" if self.dialect == "en-GB" else "ap"
        return str(self.table("style").get("guide", default))

    @property
    def style_guide_chosen(self) -> bool:
        """Whether the newsroom named its guide; until it does, a guide's rules only advise."""
        return "guide" in self.table("style")

    def table(self, name: str) -> dict[str, Any]:
        """A pack's own table, e.g. ``[tool.copydesk.languagetool]``."""
        return self.tables.get(name, {})

    def fingerprint(self) -> str:
        """Stable text of everything that changes results, for caches: JSON-like, keys
        sorted, anything else as its ``str`` (``json`` itself costs a cold run its import)."""
        data = {k: v for k, v in self.__dict__.items() if k not in ("config_path", "root")}
        return _canonical(data)


def _canonical(value: Any) -> str:
    """``value`` as text that two equal settings share: mappings by sorted key, lists and
    tuples alike, strings quoted, other values (paths, dates) as their quoted ``str``."""
    if isinstance(value, dict):
        items = sorted(value.items(), key=lambda kv: str(kv[0]))
        return "{" + ",".join(f"{_canonical(k)}:{_canonical(v)}" for k, v in items) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(_canonical(v) for v in value) + "]"
    if value is None or isinstance(value, (bool, int, float)):
        return repr(value)
    return repr(str(value))
