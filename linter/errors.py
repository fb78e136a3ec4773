"""Errors that end as one clear line for the user, never a traceback."""

from __future__ import annotations

import os


def display_path(path: str) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    if not os.path.isabs(path):
        return path
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


class CopydeskError(Exception):
    """A problem the user can fix; ``str()`` is the whole one-line message."""

    exit_code = 2

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.detail = message
        super().__init__(self.format())

    def format(self) -> str:
        where = ""
        if self.path:
            where = display_path(self.path) + (f":{self.line}" if self.line else "") + ": "
        from linter.escape import escape_control

        # file names and quoted text come from the repository: never raw to a terminal
        return escape_control(where + self.detail)


class ConfigError(CopydeskError):
    """A configuration file is unreadable or holds an unknown or invalid key."""


class RuleError(CopydeskError):
    """A rule file is invalid: unknown key, missing field, bad regex."""


class InputError(CopydeskError):
    """A file to lint cannot be read as text (binary, undecodable, too large, missing)."""
