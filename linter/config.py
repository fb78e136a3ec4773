"""Configuration: ``.copydesk.toml`` or ``[tool.copydesk]`` in ``pyproject.toml``, found from
the current folder upward.

The steps are separate so that each can be called (and guarded) on its own:
``locate_config`` (which file, and how it was chosen), ``read_config`` (its TOML, one line
per error), ``check_schema`` (every table and key against ``config_schema``, before any rule
is loaded) and ``settings_from_mapping``. ``check_rule_ids`` then checks that every rule id or
prefix named in the file matches a known rule, once the rules are known.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from linter.errors import ConfigError
from linter.lazyre import lazy
from linter.record import Record
from linter.settings import Settings
from linter.source import read_text_limited

CONFIG_NAMES = (".copydesk.toml", "copydesk.toml", "pyproject.toml")


def __getattr__(name: str) -> Any:
    """``PACK_TABLES``, kept for callers that list the known tables: the schema is imported
    when a config file is checked, not by a run without one."""
    if name == "PACK_TABLES":
        from linter import config_schema

        return frozenset(config_schema.TABLES)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


class ConfigFile(Record):
    """One config file as read: its copydesk mapping, its text (for line numbers) and how it
    was chosen: ``"option"`` (``--config``) or ``"found"`` (the upward search)."""

    def __init__(
        self,
        path: Path,
        text: str,
        data: dict[str, Any],
        origin: str,
        prefix: tuple[str, ...] = (),  # ("tool", "copydesk") in a pyproject.toml
    ) -> None:
        self.path = path
        self.text = text
        self.data = data
        self.origin = origin
        self.prefix = prefix

    def line_of(self, *keys: str) -> int | None:
        """The line where the key path is written (a key, or a table header)."""
        return key_lines(self.text).get((*self.prefix, *keys))


def locate_config(path: Path | None, cwd: Path | None = None) -> tuple[Path | None, str]:
    """The config file of this run and its origin (``"option"``, ``"found"``, ``"none"``)."""
    if path is not None:
        return Path(path), "option"
    found = find_config(cwd or Path.cwd())
    return (found, "found") if found else (None, "none")


def _toml():
    """The TOML parser, imported when a config file is read (a run without one skips it)."""
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def read_config(path: Path, origin: str = "option") -> ConfigFile:
    """Read and parse one config file; every problem is a ConfigError naming file and line."""
    name = str(path)
    try:
        text = read_text_limited(path, 4 * 1024 * 1024)
    except FileNotFoundError:
        raise ConfigError("config file not found", name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read config file: {exc}", name) from None
    try:
        data = _toml().loads(text)
    except _toml().TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        line = int(m[1]) if m else (text.count("\n") + 1 if "end of document" in str(exc) else None)
        raise ConfigError(f"invalid TOML: {exc}", name, line) from None
    except (ValueError, RecursionError) as exc:  # issue 17: 4,301+ digits, deep nesting
        problem = str(exc).split(":")[0] if isinstance(exc, ValueError) else "nested too deeply"
        raise ConfigError(f"invalid TOML: {problem}", name) from None
    prefix: tuple[str, ...] = ()
    if Path(path).name == "pyproject.toml":
        data = data.get("tool", {}).get("copydesk", {})
        prefix = ("tool", "copydesk")
    return ConfigFile(Path(path), text, data, origin, prefix)


def load_config(path: Path | None, cwd: Path | None = None) -> Settings:
    """Settings from ``path`` (or the nearest config file, or defaults), fully checked, then
    held to the trust boundary (``linter.trust``: a repository's config may not start
    programs or name files outside the repository)."""
    from linter import trust

    cwd = cwd or Path.cwd()
    found, origin = locate_config(path, cwd)
    if found is None:
        return trust.apply(Settings(root=cwd), explicit=False)
    from linter import config_schema as schema  # only a run with a config file checks one

    config = read_config(found, origin)
    check_schema(config)
    settings = settings_from_mapping(config.data, config.path, config.text)
    check_rule_folders(config, settings)
    check_rule_ids(settings, config)
    if any(name not in schema.TABLES for name in settings.tables):
        from linter.registry import all_rules

        check_schema(config, schema.declared_tables(all_rules(settings)))
    return trust.apply(settings, explicit=origin == "option")


# ---- line numbers ------------------------------------------------------------------------
_HEADER_RE = lazy(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY_RE = lazy(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*="""
)
_PART_RE = lazy(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_\-]+)""")


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(next(g for g in m.groups() if g is not None) for m in _PART_RE.finditer(dotted))


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Full key path -> the line that writes it (table headers included). Enough of TOML
    for error messages: headers, bare, quoted and dotted keys; lines inside a multi-line
    array or string are skipped."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    depth = 0
    in_string = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_string:
            in_string = line.count('"""') % 2 == 0 and line.count("'''") % 2 == 0
            continue
        if depth > 0:
            depth += line.count("[") - line.count("]")
            continue
        header = _HEADER_RE.match(line)
        if header:
            table = _parts(header[1])
            lines.setdefault(table, number)
            continue
        key = _KEY_RE.match(line)
        if key:
            path = (*table, *_parts(key[1]))
            lines.setdefault(path, number)
            for i in range(len(table) + 1, len(path)):
                lines.setdefault(path[:i], number)
            value = line[key.end() :]
            depth = max(value.count("[") - value.count("]"), 0)
            in_string = value.count('"""') % 2 == 1 or value.count("'''") % 2 == 1
    return lines


# ---- the schema ----------------------------------------------------------------------------
def _fail(config: ConfigFile, keys: tuple[str, ...], problem: str) -> ConfigError:
    line = None
    for i in range(len(keys), 0, -1):  # the key's own line, else its table's
        line = config.line_of(*keys[:i])
        if line:
            break
    return ConfigError(f"key '{'.'.join(keys)}' {problem}", str(config.path), line)


def _unknown(known, name: str) -> str:
    from linter import config_schema as schema

    known = list(known)
    if not known:
        return "is unknown (this table takes no keys)"
    import difflib

    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"use {schema._either(known)}"
    return f"is unknown ({hint})"


def check_schema(config: ConfigFile, extra_tables: dict | None = None) -> None:
    """Every key of the file against the declared schema; the first problem is raised.
    Tables not declared by copydesk are left for ``check_declared_tables`` (a house pack
    may declare them) only when ``extra_tables`` is None."""
    from linter import config_schema as schema

    for key, value in config.data.items():
        if key in schema.TOP_LEVEL:
            problem = schema.TOP_LEVEL[key].problem(value)
            if problem:
                raise _fail(config, (key,), problem)
        elif key in schema.MAPPING_TABLES:
            if not isinstance(value, dict):
                raise _fail(config, (key,), "must be a table")
            for sub, item in value.items():
                problem = schema.MAPPING_TABLES[key].problem(item)
                if problem:
                    raise _fail(config, (key, sub), problem)
        elif key in schema.TABLES or (extra_tables and key in extra_tables):
            declared = schema.TABLES[key] if key in schema.TABLES else (extra_tables or {})[key]
            _check_table(config, key, value, declared)
        elif isinstance(value, dict) and extra_tables is None:
            continue  # a pack's table: checked once the packs are loaded
        else:
            known = [*schema.TOP_LEVEL, *schema.MAPPING_TABLES, *schema.TABLES]
            raise _fail(config, (key,), _unknown(known, key))


def _check_table(config: ConfigFile, name: str, value: Any, declared: dict) -> None:
    if not isinstance(value, dict):
        raise _fail(config, (name,), "must be a table")
    for sub, item in value.items():
        option = declared.get(sub)
        if option is None:
            raise _fail(config, (name, sub), _unknown(declared, sub))
        problem = option.problem(item)
        if problem:
            raise _fail(config, (name, sub), problem)


def check_rule_folders(config: ConfigFile, settings: Settings) -> None:
    written = config.data.get("rule-dirs", [])
    written = [written] if isinstance(written, str) else written
    for folder, name in zip(settings.rule_dirs, written, strict=False):
        if not folder.is_dir():
            raise ConfigError(
                f"key 'rule-dirs': {name}: rule folder not found",
                str(config.path),
                config.line_of("rule-dirs"),
            )


# ---- rule ids ------------------------------------------------------------------------------
def _prefixes(ids: list[str]) -> set[str]:
    """Every id, and the pack prefix of each (the letters before its number)."""
    out = set(ids)
    for rule_id in ids:
        m = re.match(r"[A-Z]+", rule_id)
        if m:
            out.add(m[0])
    return out


def unknown_rule_id(name: str, ids: list[str]) -> str | None:
    """None when ``name`` (an id or prefix, or ALL) selects a known rule, else the message."""
    if name == "ALL" or any(rule_id.startswith(name) for rule_id in ids):
        return None
    import difflib

    close = difflib.get_close_matches(name.upper(), sorted(_prefixes(ids)), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else " (see 'copydesk rules')"
    return f"'{name}' matches no rule{hint}"


def check_rule_ids(settings: Settings, config: ConfigFile | None = None, flags=None) -> None:
    """Every id or prefix in select, ignore, [severity] and per-file ignores must match a
    known rule, or the run stops: a typo must never turn a check green with nothing checked.
    ``flags``: {"--select": [...], "--ignore": [...]} from the command line."""
    named: list[tuple[str, tuple[str, ...], str]] = []  # (what, config key path, id)
    if config is not None:
        data = config.data
        for key in ("select", "extend-select", "ignore"):
            value = data.get(key, [])
            for item in [value] if isinstance(value, str) else value:
                named.append((key, (key,), item))
        for rule_id in data.get("severity", {}):
            named.append(("severity", ("severity", rule_id), rule_id))
        for glob, ids in data.get("per-file-ignores", {}).items():
            for item in [ids] if isinstance(ids, str) else ids:
                named.append(("per-file-ignores", ("per-file-ignores", glob), item))
    for flag, items in (flags or {}).items():
        named.extend((flag, (), item) for item in items or ())
    if not named:
        return
    from linter.registry import listed_rules

    ids = [r.id for r in listed_rules(settings)]  # ids only: no rule pack imported
    for what, keys, item in named:
        problem = unknown_rule_id(item, ids)
        if problem is None:
            continue
        if config is not None and keys:
            raise _fail(config, keys, f"names an unknown rule: {problem}")
        raise ConfigError(f"{what}: {problem}")


# ---- settings --------------------------------------------------------------------------------
def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def settings_from_mapping(data: dict[str, Any], path: Path, text: str = "") -> Settings:
    """Settings from a mapping that ``check_schema`` accepted (checked again here when
    called on its own, so that a bad mapping still fails with one line)."""
    check_schema(ConfigFile(Path(path), text, data, "option"))
    root = Path(path).parent.resolve()
    settings = Settings(config_path=Path(path), root=root)
    for key, value in data.items():
        if key == "select":
            settings.select = _as_list(value)
        elif key == "extend-select":
            settings.select = [*(settings.select or []), *_as_list(value)]
        elif key == "ignore":
            settings.ignore.extend(_as_list(value))
        elif key == "exclude":
            settings.exclude.extend(_as_list(value))
        elif key == "rule-dirs":
            settings.rule_dirs = [root / p for p in _as_list(value)]
        elif key == "extensions":
            exts = _as_list(value)
            settings.extensions = tuple(e if e.startswith(".") else "." + e for e in exts)
        elif key == "fail-on":
            settings.fail_on = value
        elif key == "severity":
            settings.severity.update(value)
        elif key == "per-file-ignores":
            settings.per_file_ignores = {g: _as_list(v) for g, v in value.items()}
        elif key == "max-file-size":
            settings.max_file_size = value
        elif key == "dialect":
            settings.dialect = value
        elif key == "date":
            settings.date = value
        elif key == "vocabulary":
            settings.vocabulary = {sub: [root / f for f in _as_list(v)] for sub, v in value.items()}
        else:
            settings.tables[key] = value
    return settings
