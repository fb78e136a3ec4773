"""Resolved settings of one run: the config file merged with command-line flags."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_EXTENSIONS = (".md", ".markdown", ".txt")


@dataclass
class Settings:
    select: list[str] | None = None  # id prefixes; None: every rule enabled by default
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    rule_dirs: list[Path] = field(default_factory=list)
    fail_on: str = "warning"
    extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
    exclude: list[str] = field(default_factory=list)
    max_file_size: int = 10 * 1024 * 1024
    dialect: str = "en-US"
    date: dt.date | None = None
    vocabulary: dict[str, list[Path]] = field(default_factory=dict)
    tables: dict[str, dict[str, Any]] = field(default_factory=dict)  # pack-specific tables
    config_path: Path | None = None
    root: Path = field(default_factory=Path.cwd)

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
        """Stable text of everything that changes results, for caches."""
        import json

        def default(value: Any) -> str:
            return str(value)

        data = {k: v for k, v in self.__dict__.items() if k not in ("config_path", "root")}
        return json.dumps(data, sort_keys=True, default=default)
