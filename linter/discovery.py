"""Which files a run checks: named files always; folders by extension, minus what git ignores
and the config's ``exclude`` leaves out.

Inside a git work tree the folder is listed as git lists it (tracked files and untracked
ones that are not ignored), so ``.gitignore`` files, ``.git/info/exclude`` and the global
excludes file count exactly as git counts them. Outside one (or without git) the folder is
walked and every ``.gitignore`` on the way is applied in git's order: a deeper file's pattern
(a negation included) overrides a shallower one, and an ignored folder is not entered.

Only regular files are read. A FIFO, device or socket in a folder is skipped with a one-line
notice (reading one blocks forever or never ends); named on the command line it is an error.
A symbolic link is followed only when it resolves inside the repository (the git work tree,
else the configuration's folder, else the folder named): a committed link to ``/etc/passwd``
or ``~/.ssh`` is never read, reported or rewritten. A folder that cannot be read is an error,
so the run exits 2 rather than passing with files silently unchecked.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from linter.settings import Settings
from linter.source import DATA_MAX_BYTES, file_kind, read_text_limited

ALWAYS_SKIPPED = frozenset({".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv"})
GIT_TIMEOUT = 60.0  # seconds for ``git ls-files`` on one folder
GIT_MAX_OUTPUT = 256 * 1024 * 1024  # bytes of file names; more is not a repository of drafts

if TYPE_CHECKING:  # pragma: no cover
    from pathspec import GitIgnoreSpec


def _spec(lines: list[str]) -> GitIgnoreSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _read_ignore(folder: Path, errors: list[str] | None = None) -> GitIgnoreSpec | None:
    """The folder's ``.gitignore`` as a spec (None when absent or empty). It is read like every
    other file: regular files only, bounded (a link to /dev/zero is not read)."""
    path = folder / ".gitignore"
    try:
        lines = read_text_limited(path, DATA_MAX_BYTES).splitlines()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        if errors is not None and os.path.lexists(path):
            reason = getattr(exc, "strerror", None) or str(exc)
            errors.append(
                _printable(f"{path}: cannot read ignore file: {reason}; it is not applied")
            )
        return None
    return _spec(lines) if lines else None


def _git_root(folder: Path) -> Path | None:
    """The work tree holding ``folder`` (a ``.git`` folder or file found upward), or None."""
    for parent in (folder, *folder.parents):
        if os.path.lexists(parent / ".git"):
            return parent
    return None


def _ancestor_specs(folder: Path, top: Path | None) -> list[tuple[Path, GitIgnoreSpec]]:
    """.gitignore files above ``folder`` up to ``top`` (the repository root), outermost first."""
    specs: list[tuple[Path, GitIgnoreSpec]] = []
    for parent in folder.parents:
        if top is None or not parent.is_relative_to(top):
            break
        spec = _read_ignore(parent)
        if spec is not None:
            specs.append((parent, spec))
    return list(reversed(specs))


def _ignored(path: Path, is_dir: bool, specs: list[tuple[Path, GitIgnoreSpec]]) -> bool:
    """git's verdict: the last matching pattern decides, and a deeper .gitignore comes later
    than a shallower one, so ``!keep.md`` in a subfolder re-includes what the root ignored."""
    for base, spec in reversed(specs):
        try:
            rel = path.relative_to(base).as_posix()
        except ValueError:
            continue
        verdict = spec.check_file(rel + ("/" if is_dir else "")).include
        if verdict is not None:
            return bool(verdict)
    return False


class _Walk:
    """One discovery run: the files found, the errors, the notices."""

    def __init__(
        self,
        settings: Settings,
        notices: list[str] | None,
        keep: Callable[[str], bool] | None = None,
    ) -> None:
        self.settings = settings
        self.keep = keep
        self.files: list[str] = []
        self.errors: list[str] = []
        self.notices = notices
        self.exclude = _spec(settings.exclude) if settings.exclude else None
        self.extensions = tuple(e.lower() for e in settings.extensions)
        self._real_folders: dict[str, str] = {}  # a folder as written -> its real path

    def error(self, text: str) -> None:
        self.errors.append(_printable(text))

    def notice(self, text: str) -> None:
        if self.notices is None:
            print(f"copydesk: notice: {_printable(text)}", file=sys.stderr)
        else:
            self.notices.append(text)

    # ---- one candidate -----------------------------------------------------------------
    def consider(self, shown: str, root: Path, named: bool = False) -> None:
        """Add ``shown`` if it is a regular file (or a link to one inside ``root``)."""
        try:
            st = os.lstat(shown)
        except FileNotFoundError:
            if named:
                self.error(f"{shown}: no such file or folder")
            return
        except OSError as exc:
            self.error(f"{shown}: cannot read: {exc.strerror or exc}")
            return
        link = stat.S_ISLNK(st.st_mode)
        if link:
            try:
                os.path.realpath(shown, strict=True)
                st = os.stat(shown)
            except OSError:
                # dangling or a loop: listed, so that reading it fails with one clear line
                self.files.append(shown)
                return
        # the file itself or a folder on its way may be a link (``docs -> /elsewhere``)
        real = self._realpath(shown, link)
        if not _inside(real, root):
            self.notice(f"{shown}: a link to {Path(real)}, outside {root}; skipped")
            return
        kind = file_kind(st.st_mode)
        if kind == "a folder" and named:
            return  # the caller walks it
        if kind:
            message = f"{shown}: not a regular file ({kind}); skipped"
            if named:
                self.error(message)
            else:
                self.notice(message)
            return
        if not named and self.exclude is not None and _excluded(shown, self.exclude, self.settings):
            return
        self.files.append(shown)

    def _realpath(self, shown: str, link: bool) -> str:
        """``os.path.realpath(shown)``. A file that is no link is its folder's real path
        joined with its name: each folder is resolved once, where resolving each file
        again (an ``lstat`` per part of its path, in Python) was most of a 10,000-file
        tree's discovery."""
        head, name = os.path.split(shown)
        if link or name in ("", ".", ".."):
            return os.path.realpath(shown)
        real = self._real_folders.get(head)
        if real is None:
            real = self._real_folders[head] = os.path.realpath(head or os.curdir)
        return os.path.join(real, name)

    def wanted(self, name: str) -> bool:
        return name.lower().endswith(self.extensions) and not name.startswith(".")

    def kept(self, shown: str) -> bool:
        """Whether a file found in a folder is worth a look (``keep``): checking a file
        costs system calls (its kind, where its links lead), and a run that wants only a
        few of ten thousand files skips the rest unchecked."""
        return self.keep is None or self.keep(shown)

    # ---- a folder ----------------------------------------------------------------------
    def folder(self, given: str, root: Path) -> None:
        real = Path(os.path.realpath(given))
        top = _git_root(real)
        listed = _git_list(given, self.errors) if top is not None else None
        if listed is not None:
            for rel in listed:
                parts = rel.split("/")
                if any(p in ALWAYS_SKIPPED or p.startswith(".") for p in parts[:-1]):
                    continue
                if self.wanted(parts[-1]):
                    shown = os.path.normpath(os.path.join(given, rel))
                    if self.kept(shown):
                        self.consider(shown, root)
            return
        specs = _ancestor_specs(real, top)
        self._walk(given, real, root, specs)

    def _walk(
        self, given: str, real_top: Path, root: Path, specs: list[tuple[Path, GitIgnoreSpec]]
    ) -> None:
        def onerror(exc: OSError) -> None:
            where = exc.filename or given
            self.error(f"{where}: cannot read folder: {exc.strerror or exc}")

        by_folder = dict(specs)  # folder -> its .gitignore; looked up by ancestry: O(depth)
        for folder, dirnames, filenames in os.walk(given, onerror=onerror, followlinks=False):
            rel = os.path.relpath(folder, given)
            here = real_top if rel == "." else real_top / rel
            spec = _read_ignore(Path(folder), self.errors)
            if spec is not None:
                by_folder[here] = spec
            local = [(b, by_folder[b]) for b in (*reversed(here.parents), here) if b in by_folder]
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in ALWAYS_SKIPPED
                and not d.startswith(".")
                and not (local and _ignored(here / d, True, local))
            )
            for name in sorted(filenames):
                if not self.wanted(name) or (local and _ignored(here / name, False, local)):
                    continue
                shown = os.path.normpath(os.path.join(folder, name))
                if self.kept(shown):
                    self.consider(shown, root)


def discover(
    paths: list[str],
    settings: Settings,
    notices: list[str] | None = None,
    keep: Callable[[str], bool] | None = None,
) -> tuple[list[str], list[str]]:
    """Files to lint (sorted, as the user would name them) and one-line errors. Notices
    (files skipped on purpose) go to ``notices`` when given, else to standard error.
    ``keep``, when given, is asked about each file found in a folder (as it would be
    shown) before the file is checked: one it refuses is left out unchecked."""
    walk = _Walk(settings, notices, keep)
    for given in paths or ["."]:
        root = _root_for(given, settings)
        if os.path.isdir(given):  # a folder, or a link to one: followed only inside the root
            real = Path(os.path.realpath(given))
            if real.is_relative_to(root):
                walk.folder(given, root)
            else:
                walk.notice(f"{given}: a link to {real}, outside {root}; skipped")
            continue
        walk.consider(given, root, named=True)
    return sorted(dict.fromkeys(walk.files)), walk.errors


def _root_for(given: str, settings: Settings) -> Path:
    """The repository a named path belongs to, found from the path as written (its links
    not followed): the git work tree above it, else the configuration's folder when the path
    lies in it, else the path itself (a folder) or its folder. Real path returned."""
    lexical = Path(os.path.abspath(given))
    top = _git_root(lexical)
    if top is not None:
        return Path(os.path.realpath(top))
    base = Path(os.path.abspath(settings.root))
    if lexical.is_relative_to(base):
        return Path(os.path.realpath(base))
    return Path(os.path.realpath(lexical if os.path.isdir(given) else lexical.parent))


def _git_list(given: str, errors: list[str]) -> list[str] | None:
    """Paths under ``given`` (relative to it, with ``/``) as git lists them: tracked, plus
    untracked and not ignored. None when git is missing or fails (the walk takes over).

    Run so that the repository cannot run anything through it: ``core.fsmonitor`` off (a
    hostile ``.git/config`` could name a program), ``--`` before the path, a time limit."""
    git = shutil.which("git")
    if git is None:
        return None
    import subprocess  # here: a run on files, not folders, never starts git

    command = [
        git,
        "-c",
        "core.fsmonitor=false",
        "-c",
        "core.quotepath=off",
        "ls-files",
        "-z",
        "--cached",
        "--others",
        "--exclude-standard",
        "--",
        ".",
    ]
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        proc = subprocess.run(
            command,
            cwd=given,
            capture_output=True,
            timeout=GIT_TIMEOUT,
            env=env,
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0 or len(proc.stdout) > GIT_MAX_OUTPUT:
        return None
    for line in proc.stderr.decode("utf-8", "replace").splitlines():
        if "could not open directory" in line or "Permission denied" in line:
            errors.append(_printable(f"{given}: git: {line.strip()}"))
    names = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    return sorted(dict.fromkeys(n for n in names if n))


def _inside(real: str, root: Path) -> bool:
    """``Path(real).is_relative_to(root)`` for a real path: a comparison of text when it
    settles the question (a ``Path`` made and compared part by part for each file cost
    more than finding the file), the parts compared otherwise."""
    top = str(root)
    if real == top or real.startswith(top if top.endswith(os.sep) else top + os.sep):
        return True
    return Path(real).is_relative_to(root)


def _printable(text: str) -> str:
    from linter.escape import escape_control

    return escape_control(text)


def _excluded(shown: str, exclude, settings: Settings) -> bool:
    absolute = Path(os.path.realpath(shown))
    try:
        rel = absolute.relative_to(Path(os.path.realpath(settings.root))).as_posix()
    except ValueError:
        rel = Path(shown).as_posix()
    return bool(exclude.match_file(rel))
