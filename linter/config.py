"""Configuration: ``.copydesk.toml`` or ``[tool.copydesk]`` in ``pyproject.toml``, found from
the current folder upward; every unknown or malformed key is an error naming file and line."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path
from typing import Any

from linter.errors import ConfigError
from linter.finding import SEVERITIES
from linter.settings import Settings
from linter.source import read_text_limited  # issue 17: bounded reads, regular files only

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = (".copydesk.toml", "copydesk.toml", "pyproject.toml")
# Tables owned by packs and backends; each validates its own keys.
PACK_TABLES = frozenset(
    {"spelling", "grammar", "facts", "style", "languagetool", "harper", "cache"}
)
LIST_KEYS = ("select", "ignore", "extend-select", "exclude", "rule-dirs", "extensions")


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` upward; a pyproject.toml counts only with a
    ``[tool.copydesk]`` table."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml":
                return candidate
            try:
                if re.search(
                    r"^\[tool\.copydesk[\].]", read_text_limited(candidate, 4 * 1024 * 1024), re.M
                ):
                    return candidate
            except (OSError, UnicodeDecodeError):
                continue
    return None


def _key_line(text: str, key: str) -> int | None:
    m = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.M)
    if not m:
        m = re.search(rf"^\s*\[[^\]]*\b{re.escape(key)}\]", text, re.M)
    return text.count("\n", 0, m.start()) + 1 if m else None


def load_config(path: Path | None, cwd: Path | None = None) -> Settings:
    """Settings from ``path`` (or the nearest config file, or defaults)."""
    from linter import trust  # issue 17: the trust boundary (policy in linter/trust.py)

    cwd = cwd or Path.cwd()
    explicit = path is not None
    if path is None:
        path = find_config(cwd)
        if path is None:
            return trust.apply(Settings(root=cwd), explicit=False)
    name = str(path)
    try:
        text = read_text_limited(path, 4 * 1024 * 1024)
    except FileNotFoundError:
        raise ConfigError("config file not found", name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", name) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m[1]) if m else (text.count("\n") + 1 if "end of document" in str(exc) else None)
        raise ConfigError(f"invalid TOML: {exc}", name, line) from None
    except (ValueError, RecursionError) as exc:  # issue 17: 4,301+ digits, deep nesting
        problem = str(exc).split(":")[0] if isinstance(exc, ValueError) else "nested too deeply"
        raise ConfigError(f"invalid TOML: {problem}", name) from None
    if Path(path).name == "pyproject.toml":
        data = data.get("tool", {}).get("copydesk", {})
    return trust.apply(settings_from_mapping(data, Path(path), text), explicit=explicit)


def _as_list(value: Any, key: str, fail) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        fail(key, "must be a list of strings")
    return list(value)


def settings_from_mapping(data: dict[str, Any], path: Path, text: str = "") -> Settings:
    root = path.parent.resolve()
    settings = Settings(config_path=path, root=root)

    def fail(key: str, problem: str) -> None:
        raise ConfigError(f"key '{key}' {problem}", str(path), _key_line(text, key.split(".")[-1]))

    for key, value in data.items():
        if key in ("select", "extend-select", "ignore", "exclude"):
            items = _as_list(value, key, fail)
            if key == "select":
                settings.select = items
            elif key == "extend-select":
                settings.select = [*(settings.select or []), *items]
            elif key == "ignore":
                settings.ignore.extend(items)
            else:
                settings.exclude.extend(items)
        elif key == "rule-dirs":
            settings.rule_dirs = [(root / p) for p in _as_list(value, key, fail)]
        elif key == "extensions":
            exts = _as_list(value, key, fail)
            settings.extensions = tuple(e if e.startswith(".") else "." + e for e in exts)
        elif key == "fail-on":
            if value not in SEVERITIES:
                fail(key, f"must be one of {', '.join(SEVERITIES)}, not {value!r}")
            settings.fail_on = value
        elif key == "severity":
            if not isinstance(value, dict):
                fail(key, "must be a table of rule id = severity")
            for rule_id, level in value.items():
                if level not in (*SEVERITIES, "off"):
                    fail(
                        f"severity.{rule_id}", f"must be error, warning, info or off, not {level!r}"
                    )
                settings.severity[rule_id] = level
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                fail(key, "must be a table of glob = [rule ids]")
            settings.per_file_ignores = {
                g: _as_list(v, f"{key}.{g}", fail) for g, v in value.items()
            }
        elif key == "max-file-size":
            if not isinstance(value, int) or value <= 0:
                fail(key, "must be a positive number of bytes")
            settings.max_file_size = value
        elif key == "dialect":
            if value not in ("en-US", "en-GB"):
                fail(key, f"must be en-US or en-GB, not {value!r}")
            settings.dialect = value
        elif key == "date":
            if isinstance(value, dt.date):
                settings.date = value
            else:
                fail(key, "must be a date like 2023-02-10")
        elif key == "vocabulary":
            if not isinstance(value, dict):
                fail(key, "must be a table with accept and reject lists of files")
            for sub, files in value.items():
                if sub not in ("accept", "reject"):
                    fail(f"vocabulary.{sub}", "is unknown (use accept or reject)")
                settings.vocabulary[sub] = [
                    root / f for f in _as_list(files, f"vocabulary.{sub}", fail)
                ]
        elif key in PACK_TABLES:
            if not isinstance(value, dict):
                fail(key, "must be a table")
            settings.tables[key] = value
        else:
            fail(key, "is unknown")
    return settings
