"""Running copydesk as an attacker's repository would make it run: in a subprocess, under a
memory limit (``RLIMIT_AS``) and a CPU-time limit, with a wall-clock timeout for hangs, and
with its own home, cache and config folders. A regression then fails the test instead of
hanging CI or eating the machine (issue 17, docs/security.md).

``COPYDESK_UNDER_TEST=/path/to/checkout`` runs the cases against another checkout (to see
that they fail on the code before the fix)."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(os.environ.get("COPYDESK_UNDER_TEST") or Path(__file__).resolve().parent.parent)
MEMORY_LIMIT = 500 * 1024 * 1024  # bytes of address space
CPU_SECONDS = 10  # seconds of processor time
WALL_SECONDS = 60  # a hang (a FIFO read) uses no processor time: the wall clock ends it


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]

    def assert_honest(self) -> None:
        """No traceback, no internal error, no MemoryError: every problem is one line."""
        text = self.out + self.err
        for bad in ("Traceback", "internal error", "MemoryError", "RecursionError"):
            assert bad not in text, text[-2000:]


def _limits() -> None:  # pragma: no cover - runs in the child
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def environment(home: Path, **extra: str) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": str(ROOT),
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "NO_COLOR": "1",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.update(extra)
    return env


def run(*args: str, cwd: Path, home: Path | None = None, **env: str) -> Run:
    """``copydesk ARGS`` in ``cwd`` under the limits; a hang or a kill fails the test."""
    home = home or cwd.parent / f"{cwd.name}-home"
    proc = subprocess.run(
        [sys.executable, "-m", "linter", *args],
        cwd=cwd,
        env=environment(home, **env),
        capture_output=True,
        timeout=WALL_SECONDS,
        preexec_fn=_limits,
        stdin=subprocess.DEVNULL,
    )
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode} (over a limit?)"
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    return Run(proc.returncode, out, err)


def snapshot(folder: Path) -> dict[str, tuple[str, int, bytes | str]]:
    """Every entry under ``folder`` (links not followed): kind, mode and content."""
    out: dict[str, tuple[str, int, bytes | str]] = {}
    for base, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = os.path.join(base, name)
            st = os.lstat(path)
            rel = os.path.relpath(path, folder)
            if os.path.islink(path):
                out[rel] = ("link", 0, os.readlink(path))
            elif os.path.isdir(path):
                out[rel] = ("dir", st.st_mode, b"")
            else:
                out[rel] = ("file", st.st_mode, Path(path).read_bytes())
    return out
