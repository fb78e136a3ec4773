"""The trust boundary: what a repository's configuration may make copydesk do.

copydesk runs in pre-commit hooks, CI and editors on whatever repository is checked out, so
a config file found there (``.copydesk.toml``, ``copydesk.toml``, ``pyproject.toml``) is
written by whoever wrote the repository. Such a config may choose rules, severities, globs and
files *inside the repository*; it may not:

- start a program or reach the network: ``[languagetool] path`` (starts a Java server from
  that folder) and ``[languagetool] url`` are dropped with a notice;
- read outside the repository: ``rule-dirs``, ``vocabulary`` files and ``[facts] knowledge``
  must resolve (symbolic links followed) inside the repository root, else the run stops with
  one line naming the key;
- lift the per-file size limit above ``MAX_FILE_SIZE_FROM_REPOSITORY``.

A config is trusted (none of the above applies) when it is the user's own: named on the
command line with ``--config``, or the user config file (``user_config_path``), whose
``[languagetool]`` keys are also honoured in every repository. ``COPYDESK_TRUST_CONFIG=1``
trusts a repository's config too (for a CI job on the newsroom's own repository).
docs/security.md states the whole policy.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from linter.errors import ConfigError
from linter.settings import Settings

TRUSTED_ONLY = {"languagetool": ("path", "url")}  # table -> keys that run or reach out
MAX_FILE_SIZE_FROM_REPOSITORY = 64 * 1024 * 1024
TRUST_ENV = "COPYDESK_TRUST_CONFIG"


def user_config_path() -> Path:
    """The user's own config: ``$COPYDESK_USER_CONFIG``, else
    ``$XDG_CONFIG_HOME/copydesk/config.toml`` (``~/.config/copydesk/config.toml``)."""
    named = os.environ.get("COPYDESK_USER_CONFIG")
    if named:
        return Path(named)
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "copydesk" / "config.toml"


def repository_root(folder: Path) -> Path:
    """The git work tree holding ``folder``, else ``folder`` itself (both real paths)."""
    real = Path(os.path.realpath(folder))
    for parent in (real, *real.parents):
        if os.path.lexists(parent / ".git"):
            return parent
    return real


def within(path: Path, folder: Path) -> bool:
    """``path`` resolves (links followed) inside ``folder`` (also resolved): a file found in a
    rule or knowledge folder may not be a link to a file elsewhere."""
    return _inside(path, Path(os.path.realpath(folder)))


def _inside(path: Path, root: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(root)
        return True
    except ValueError:
        return False


def _notice(text: str) -> None:
    from linter.escape import escape_control

    print(f"copydesk: notice: {escape_control(text)}", file=sys.stderr)


def _user_values() -> dict[str, dict[str, Any]]:
    """The trusted-only keys set in the user's config file (nothing when it is absent)."""
    from linter.source import read_text_limited

    path = user_config_path()
    try:
        text = read_text_limited(path, 1024 * 1024)
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or exc
        raise ConfigError(f"cannot read user config: {reason}", str(path)) from None
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    try:
        data = tomllib.loads(text)
    except (ValueError, RecursionError) as exc:  # a TOMLDecodeError is a ValueError
        problem = str(exc).split(";")[0] if isinstance(exc, ValueError) else "nested too deeply"
        raise ConfigError(f"invalid TOML: {problem}", str(path)) from None
    out: dict[str, dict[str, Any]] = {}
    for table, keys in TRUSTED_ONLY.items():
        values = data.get(table)
        if isinstance(values, dict):
            picked = {k: values[k] for k in keys if k in values}
            if picked:
                out[table] = picked
    return out


def is_trusted(settings: Settings, explicit: bool) -> bool:
    """Whether the config behind ``settings`` is the user's own."""
    if explicit or os.environ.get(TRUST_ENV) == "1" or settings.config_path is None:
        return True
    try:
        return os.path.samefile(settings.config_path, user_config_path())
    except OSError:
        return False


def apply(settings: Settings, *, explicit: bool) -> Settings:
    """Enforce the boundary on settings just loaded from a config file (``explicit``: named
    with ``--config``), then add the user's own trusted keys. Returns ``settings``."""
    if not is_trusted(settings, explicit):
        _restrict(settings)
    for table, values in _user_values().items():
        settings.tables[table] = {**settings.tables.get(table, {}), **values}
    return settings


def _restrict(settings: Settings) -> None:
    where = str(settings.config_path)
    root = repository_root(settings.root)
    for table, keys in TRUSTED_ONLY.items():
        values = settings.tables.get(table)
        for key in keys:
            if values and key in values:
                settings.tables[table] = values = {k: v for k, v in values.items() if k != key}
                _notice(
                    f"{where}: [{table}] {key} is ignored in a repository's config (it would "
                    f"run or contact a program); set it in {user_config_path()} or pass --config"
                )

    def outside(key: str, path: Path) -> None:
        raise ConfigError(
            f"key '{key}' names {path}, outside the repository {root}; a repository's config "
            "may only name files inside it (use --config or your user config for others)",
            where,
        )

    for folder in settings.rule_dirs:
        if not _inside(Path(folder), root):
            outside("rule-dirs", Path(folder))
    for sub, files in settings.vocabulary.items():
        for file in files:
            if not _inside(Path(file), root):
                outside(f"vocabulary.{sub}", Path(file))
    knowledge = settings.tables.get("facts", {}).get("knowledge", [])
    for item in [knowledge] if isinstance(knowledge, str) else list(knowledge or []):
        if isinstance(item, str) and not _inside(Path(settings.root) / item, root):
            outside("facts.knowledge", Path(settings.root) / item)
    if settings.max_file_size > MAX_FILE_SIZE_FROM_REPOSITORY:
        raise ConfigError(
            f"key 'max-file-size' may be at most {MAX_FILE_SIZE_FROM_REPOSITORY} bytes in a "
            "repository's config (use --config or your user config for more)",
            where,
        )
