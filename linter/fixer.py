"""Applying safe fixes: ``copydesk check --fix`` and ``--diff``.

A fix is safe when a rule gives exactly one replacement (``Finding.fix``). Fixes apply to the
decoded text (BOM removed, CRLF kept), last first, skipping any that overlaps one already
applied; then the text is linted again and fixed again until nothing changes (at most
``MAX_PASSES``), so a second ``--fix`` finds nothing to do. The file is written back with its
own encoding, BOM and line endings (classic-Mac CR included), and only if nobody changed it
meanwhile: its bytes and identity (inode, size, modification time) are checked again just
before the swap, so an editor's save made during the run is never lost. A read-only file is
refused, never forced. A file with other hard links, or owned by someone else (a run as
root), is rewritten in place after that check, so the links, owner and mode stay; any other
file through a temporary file in the same folder and a rename, keeping its mode (and owner,
when allowed). Fixes that would grow a file past ``MAX_GROWTH`` are refused: a rule whose
replacement repeats its match must not turn 10 KB into 10 MB.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from linter.errors import InputError
from linter.finding import Finding
from linter.source import DEFAULT_MAX_BYTES, SourceText, decode, encode, file_kind

MAX_PASSES = 10
MAX_GROWTH = (2, 64 * 1024)  # fixed text at most twice the original plus 64 KB


class FixError(InputError):
    """A file that could not be fixed; it is left untouched."""


class FixGrowthError(ValueError):
    """Fixes that would grow a text past ``MAX_GROWTH`` (a replacement that repeats its
    match, applied pass after pass)."""

    def __init__(self, before: int, after: int) -> None:
        super().__init__(
            f"its fixes would grow it from {before:,} to over {after:,} characters "
            "(a rule's replacement repeats its match?); not fixed"
        )


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """``text`` with every non-overlapping safe fix applied, and how many were applied."""
    out = text
    applied = 0
    last_start = len(text) + 1
    edits = sorted(
        ((f.start, f.end, f.fix) for f in findings if f.fix is not None),
        key=lambda edit: (edit[0], edit[1]),
        reverse=True,
    )
    for start, end, fix in edits:
        if end > last_start or not 0 <= start <= end <= len(text):
            continue
        out = out[:start] + fix + out[end:]
        last_start = start
        applied += 1
    return out, applied


def fix_until_stable(
    text: str, lint: Callable[[str], list[Finding]], findings: list[Finding] | None = None
) -> tuple[str, int, list[Finding]]:
    """Fix, re-lint and fix again until no fix applies; returns the text, the number of fixes
    applied and the findings that remain in the final text."""
    findings = lint(text) if findings is None else findings
    total = 0
    limit = MAX_GROWTH[0] * len(text) + MAX_GROWTH[1]
    for _ in range(MAX_PASSES):
        new_text, applied = apply_fixes(text, findings)
        if not applied or new_text == text:
            break
        if len(new_text) > limit:
            raise FixGrowthError(len(text), len(new_text))
        text, total = new_text, total + applied
        findings = lint(text)
    return text, total, findings


@dataclass
class FileFix:
    """The outcome of fixing one file."""

    path: str
    before: str = ""
    after: str = ""
    applied: int = 0
    remaining: list[Finding] = field(default_factory=list)
    error: str | None = None

    @property
    def changed(self) -> bool:
        return self.error is None and self.after != self.before


Identity = tuple[int, int, int, int]  # device, inode, size, modification time (ns)


def _snapshot(path: str, limit: int = DEFAULT_MAX_BYTES) -> tuple[bytes, os.stat_result]:
    """The file's bytes and the stat of the very file they were read from (a regular file,
    opened without blocking, read no further than ``limit``)."""
    try:
        kind = file_kind(os.stat(path).st_mode)
        if kind:
            raise FixError(f"not a regular file ({kind}); not fixed", path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as handle:
            st = os.fstat(fd)
            if file_kind(st.st_mode):
                raise FixError("not a regular file; not fixed", path)
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise FixError("vanished while fixing; not fixed", path) from None
    except OSError as exc:
        raise FixError(f"cannot read: {exc.strerror or exc}; not fixed", path) from None
    if len(data) > limit:
        raise FixError("grew over the size limit while fixing; not fixed", path)
    return data, st


def _identity(st: os.stat_result) -> Identity:
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns


def _read_bytes(path: str) -> bytes:
    return _snapshot(path)[0]


def _check_writable(path: str) -> None:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise FixError(f"cannot stat: {exc.strerror or exc}; not fixed", path) from None
    # root may write anything; a file without any write bit is still read-only by intent
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("read-only file; not fixed (make it writable to fix it)", path)


def _unchanged(path: str, data: bytes, st: os.stat_result) -> None:
    """``FixError`` unless the file still holds ``data`` and is the same file as ``st``."""
    try:
        now, now_st = _snapshot(path, len(data) + 1)
        same = now == data and _identity(now_st) == _identity(st)
    except FixError:  # gone, grown or replaced by something else
        same = False
    if not same:
        raise FixError("changed by another process while being fixed; not fixed", path)


def atomic_write(
    path: str, data: bytes, expect: tuple[bytes, os.stat_result] | None = None
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    keeping the file's mode (and owner, where allowed); a crash leaves the old file or the
    new, never half. ``expect``: the bytes and stat the caller read; the swap happens only if
    the file still matches them, checked after the temporary file is complete, just before
    the rename."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    fd, tmp = tempfile.mkstemp(
        dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if os.path.exists(target):
                st = os.stat(target)
                os.chmod(tmp, stat.S_IMODE(st.st_mode))
                with contextlib.suppress(OSError, AttributeError):
                    os.fchown(handle.fileno(), st.st_uid, st.st_gid)
            os.fsync(handle.fileno())
        if expect is not None:
            _unchanged(path, *expect)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_in_place(path: str, data: bytes, expect: tuple[bytes, os.stat_result]) -> None:
    """Overwrite the file itself (same inode: hard links, owner, mode and ACLs stay), after
    checking on the open file that it still holds what was read."""
    old, st = expect
    fd = os.open(path, os.O_RDWR | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "r+b") as handle:
        if _identity(os.fstat(fd)) != _identity(st) or handle.read(len(old) + 1) != old:
            raise FixError("changed by another process while being fixed; not fixed", path)
        handle.seek(0)
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(fd)


def _needs_in_place(st: os.stat_result) -> bool:
    """A rename would break other hard links, or give the file to the user running
    copydesk (root fixing a writer's file)."""
    geteuid = getattr(os, "geteuid", None)
    return st.st_nlink > 1 or (geteuid is not None and st.st_uid != geteuid())


def fix_file(
    path: str,
    lint: Callable[[str], list[Finding]],
    *,
    write: bool,
    linted_text: str | None = None,
) -> FileFix:
    """Fix one file (``write=False``: only compute the result, for ``--diff``).

    ``linted_text`` is the text the caller's findings came from; if the file no longer holds
    it, the file changed since it was checked and is left alone.
    """
    result = FileFix(path)
    try:
        data, st = _snapshot(path)
        source: SourceText = decode(data, path)
        if linted_text is not None and source.text != linted_text:
            raise FixError("changed since it was checked; not fixed (run again)", path)
        result.before = source.text
        try:
            result.after, result.applied, result.remaining = fix_until_stable(source.text, lint)
        except FixGrowthError as exc:
            raise FixError(str(exc), path) from None
        if not write or result.after == result.before:
            return result
        _check_writable(path)
        _unchanged(path, data, st)
        try:
            if _needs_in_place(st):
                write_in_place(path, encode(source, result.after), (data, st))
            else:
                atomic_write(path, encode(source, result.after), (data, st))
        except OSError as exc:
            raise FixError(f"cannot write: {exc.strerror or exc}; not fixed", path) from None
    except InputError as exc:
        result.error = str(exc)
        result.after = result.before
    return result


def unified_diff(fix: FileFix) -> str:
    """The fix of one file as a unified diff (``a/PATH`` -> ``b/PATH``), as git shows it."""
    import difflib
    import re

    def lines(text: str) -> list[str]:
        out = re.findall(r"[^\n]*\n|[^\n]+$", text)  # only \n ends a line, as in git
        if out and not out[-1].endswith("\n"):
            out[-1] += "\n\\ No newline at end of file\n"
        return out

    path = fix.path.replace(os.sep, "/")
    return "".join(
        difflib.unified_diff(lines(fix.before), lines(fix.after), f"a/{path}", f"b/{path}")
    )


@dataclass
class FixRun:
    """All files of a run after ``--fix`` or ``--diff``."""

    files: list[FileFix] = field(default_factory=list)

    @property
    def changed(self) -> list[FileFix]:
        return [f for f in self.files if f.changed]

    @property
    def errors(self) -> list[str]:
        return [f.error for f in self.files if f.error]

    @property
    def applied(self) -> int:
        return sum(f.applied for f in self.changed)


def _linter_for(
    lint_text: Callable[[str, str], list[Finding]], path: str
) -> Callable[[str], list[Finding]]:
    """``lint_text`` with the path bound: lints a text as the file ``path``."""
    return lambda text: lint_text(text, path)


def fix_paths(
    paths: Iterable[str],
    lint_text: Callable[[str, str], list[Finding]],
    *,
    write: bool,
    linted: dict[str, str] | None = None,
) -> FixRun:
    """Fix each of ``paths``; ``lint_text(text, path)`` lints a text as that file.

    ``linted`` maps a path to the text its reported findings came from, to detect a file
    that changed between the check and the fix.
    """
    run = FixRun()
    linted = linted or {}
    for path in paths:
        run.files.append(
            fix_file(
                path,
                _linter_for(lint_text, path),
                write=write,
                linted_text=linted.get(path),
            )
        )
    return run
