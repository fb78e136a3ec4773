"""``--changed-since REF``: lint only the drafts changed since a git ref, and keep only
findings on their changed lines.

Changed lines come from ``git diff --unified=0 REF`` (committed, staged and unstaged changes
against REF, as a pull request shows them) plus every line of files git does not track yet.
A finding counts when any line of its span was added or modified. Only the changed and
untracked files among the drafts a run would find reach the engine (``ChangedLines.drafts``),
so a one-line edit in a tree of thousands of drafts costs the lint of one draft.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Iterable

from linter.errors import CopydeskError
from linter.finding import Finding

HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")
ALL_LINES = None  # marker: the whole file is new
GIT_TIMEOUT = 120.0  # seconds for one git command


class GitError(CopydeskError):
    """git is missing, the folder is not a repository, or the ref does not exist."""


def _git(args: list[str], cwd: str) -> str:
    try:
        # a repository's own .git/config could name programs for git to run: fsmonitor hooks,
        # external diff and textconv drivers; none are wanted for reading line numbers
        proc = subprocess.run(
            ["git", "-c", "core.fsmonitor=false", *args],
            cwd=cwd,
            stdin=subprocess.DEVNULL,
            timeout=GIT_TIMEOUT,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise GitError("--changed-since needs git, and git is not installed") from None
    except subprocess.TimeoutExpired:
        raise GitError(f"git {args[0]} took over {GIT_TIMEOUT:.0f} s; stopped") from None
    if proc.returncode != 0:
        detail = (proc.stderr.strip().splitlines() or ["git failed"])[0]
        raise GitError(f"git {args[0]} failed: {detail}")
    return proc.stdout


def parse_diff(diff: str) -> dict[str, set[int]]:
    """Added or modified line numbers (new side) per path, from ``git diff -U0`` output."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            if target == "/dev/null":
                current = None
                continue
            path = _unquote(target)
            current = changed.setdefault(path[2:] if path.startswith("b/") else path, set())
        elif line.startswith("@@") and current is not None:
            m = HUNK.match(line)
            if m:
                start, count = int(m[1]), int(m[2]) if m[2] is not None else 1
                current.update(range(start, start + count))
    return changed


def _unquote(path: str) -> str:
    """git quotes paths with unusual characters C-style ("a/caf\\303\\251.md")."""
    if not (path.startswith('"') and path.endswith('"')):
        return path
    raw = path[1:-1].encode("latin-1", "backslashreplace").decode("unicode_escape")
    return raw.encode("latin-1").decode("utf-8", "replace")


class _Links:
    """Which files are symbolic links, read a folder at a time: one ``scandir`` of a folder
    of a hundred drafts tells from the directory entries what a hundred ``lstat`` calls
    would."""

    def __init__(self) -> None:
        self._by_folder: dict[str, frozenset[str] | None] = {}

    def holds(self, path: str) -> bool:
        folder, name = os.path.split(path)
        if folder not in self._by_folder:
            try:
                with os.scandir(folder or ".") as entries:
                    found = frozenset(e.name for e in entries if e.is_symlink())
            except OSError:
                found = None
            self._by_folder[folder] = found
        known = self._by_folder[folder]
        return os.path.islink(path) if known is None else name in known


class ChangedLines:
    """Lines changed since ``ref`` in the repository that holds ``cwd``."""

    def __init__(self, ref: str, cwd: str | None = None) -> None:
        cwd = cwd or os.getcwd()
        try:
            root = _git(["rev-parse", "--show-toplevel"], cwd).strip()
        except GitError:
            raise GitError(
                f"--changed-since needs a git repository, and {os.path.abspath(cwd)} is not in one"
            ) from None
        try:
            _git(["rev-parse", "--verify", "--quiet", "--end-of-options", f"{ref}^{{commit}}"], cwd)
        except GitError:
            raise GitError(
                f"git ref '{ref}' does not exist (try a branch, tag or commit)"
            ) from None
        self.root = os.path.realpath(root)
        diff = _git(
            [
                "diff",
                "--unified=0",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--end-of-options",
                ref,
                "--",
            ],
            self.root,
        )
        self.lines: dict[str, set[int] | None] = {
            self._abs(p): lines for p, lines in parse_diff(diff).items()
        }
        untracked = _git(["ls-files", "--others", "--exclude-standard", "-z"], self.root)
        for path in filter(None, untracked.split("\0")):
            self.lines[self._abs(path)] = ALL_LINES

    def drafts(self, paths: list[str], settings) -> list[str]:
        """The files a run over ``paths`` would lint (``discovery.discover``: extensions,
        .gitignore, the config's ``exclude``) that changed or are new since the ref. A path
        that is neither file nor folder is kept, so the run reports it as usual."""
        from linter.discovery import discover

        # resolving a path costs a system call per folder level, and checking a file's kind
        # one more: only a file with a changed file's name, or a link (it may point to one),
        # can be a changed file, so discovery checks those alone
        names = {os.path.basename(key) for key in self.lines}
        links = _Links()

        def maybe(shown: str) -> bool:
            return os.path.normcase(os.path.basename(shown)) in names or links.holds(shown)

        files, _ = discover(paths, settings, keep=maybe)
        missing = [p for p in paths if not os.path.exists(p)]
        return [*missing, *(f for f in files if maybe(f) and self._key(f) in self.lines)]

    @staticmethod
    def _key(path: str) -> str:
        return os.path.normcase(os.path.realpath(path))

    def _abs(self, path: str) -> str:
        return os.path.normcase(os.path.join(self.root, path))

    def touches(self, finding: Finding) -> bool:
        key = self._key(finding.path)
        if key not in self.lines:
            return False
        lines = self.lines[key]
        if lines is ALL_LINES:
            return True
        return any(n in lines for n in range(finding.line, finding.end_line + 1))

    def filter(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if self.touches(f)]
