"""Applying safe fixes: ``copydesk check --fix`` and ``--diff``.

A fix is safe when a rule gives exactly one replacement (``Finding.fix``). Fixes apply to the
decoded text (BOM removed, CRLF kept), last first, skipping any that overlaps one already
applied; then the text is linted again and fixed again until nothing changes (at most
``MAX_PASSES``), so a second ``--fix`` finds nothing to do. The file is written back with its
own encoding, BOM and line endings, atomically (a temporary file in the same folder, then a
rename), and only if nobody changed it meanwhile; a read-only file is refused, never forced.
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
from linter.source import SourceText, decode, encode

MAX_PASSES = 10


class FixError(InputError):
    """A file that could not be fixed; it is left untouched."""


def apply_fixes(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """``text`` with every non-overlapping safe fix applied, and how many were applied."""
    out = text
    applied = 0
    last_start = len(text) + 1
    ordered = sorted(
        (f for f in findings if f.fix is not None), key=lambda f: (f.start, f.end), reverse=True
    )
    for f in ordered:
        if f.end > last_start or not 0 <= f.start <= f.end <= len(text):
            continue
        out = out[: f.start] + f.fix + out[f.end :]
        last_start = f.start
        applied += 1
    return out, applied


def fix_until_stable(
    text: str, lint: Callable[[str], list[Finding]], findings: list[Finding] | None = None
) -> tuple[str, int, list[Finding]]:
    """Fix, re-lint and fix again until no fix applies; returns the text, the number of fixes
    applied and the findings that remain in the final text."""
    findings = lint(text) if findings is None else findings
    total = 0
    for _ in range(MAX_PASSES):
        new_text, applied = apply_fixes(text, findings)
        if not applied or new_text == text:
            break
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


def _read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise FixError("vanished while fixing; not fixed", path) from None
    except OSError as exc:
        raise FixError(f"cannot read: {exc.strerror or exc}; not fixed", path) from None


def _check_writable(path: str) -> None:
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise FixError(f"cannot stat: {exc.strerror or exc}; not fixed", path) from None
    # root may write anything; a file without any write bit is still read-only by intent
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("read-only file; not fixed (make it writable to fix it)", path)


def atomic_write(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename,
    keeping the file's permissions; a crash leaves the old file or the new, never half."""
    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    fd, tmp = tempfile.mkstemp(
        dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".tmp"
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if os.path.exists(target):
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
        data = _read_bytes(path)
        source: SourceText = decode(data, path)
        if linted_text is not None and source.text != linted_text:
            raise FixError("changed since it was checked; not fixed (run again)", path)
        result.before = source.text
        result.after, result.applied, result.remaining = fix_until_stable(source.text, lint)
        if not write or result.after == result.before:
            return result
        _check_writable(path)
        if _read_bytes(path) != data:
            raise FixError("changed by another process while being fixed; not fixed", path)
        try:
            atomic_write(path, encode(source, result.after))
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
                lambda text, path=path: lint_text(text, path),
                write=write,
                linted_text=linted.get(path),
            )
        )
    return run
