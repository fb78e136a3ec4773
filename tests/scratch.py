"""Scratch environments for tests that install copydesk as a user would: a virtual
environment that sees the packages of the environment running the tests, and a copy of the
repository's files.

``venv --system-site-packages`` is not enough: run from inside a virtual environment (how most
contributors run the tests) it exposes the *base* interpreter's packages, not the outer
environment's, so the scratch environment lacks copydesk's dependencies. ``make_venv`` lists
the outer environment's site-packages folders in a ``.pth`` file instead, after the scratch
environment's own (so what is installed into it wins), and gives it its own ``pip``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTER_PTH = "zz_outer_environment.pth"  # processed after the scratch environment's own


def outer_site_dirs() -> list[str]:
    """The site-packages folders of the running environment (a venv's own, and the base's
    when that venv was made with system site packages), as ``sys.path`` holds them."""
    return [p for p in sys.path if p.rstrip("/\\").endswith(("site-packages", "dist-packages"))]


def make_venv(folder: Path) -> Path:
    """A virtual environment in ``folder`` that sees this environment's packages; returns
    its ``bin`` folder (with ``python`` and ``pip``)."""
    subprocess.run(
        [sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True, timeout=120
    )
    bindir = folder / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(purelib, OUTER_PTH).write_text("\n".join(outer_site_dirs()) + "\n")
    pip = bindir / "pip"
    pip.write_text(
        f"#!{python}\nimport sys\nfrom pip._internal.cli.main import main\nsys.exit(main())\n"
    )
    pip.chmod(0o755)
    return bindir


def copy_repository(target: Path) -> Path:
    """The repository's tracked and untracked-but-not-ignored files (its working tree as
    git would commit it), copied to ``target``: a fresh clone with today's edits."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        name = raw.decode()
        source = ROOT / name
        if not source.is_file():
            continue  # deleted in the working tree
        dest = target / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(source.read_bytes())
        dest.chmod(source.stat().st_mode & 0o777)
    return target


def clean_env(bindir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of a fresh shell: no PYTHONPATH pointing at this checkout, the
    scratch environment's ``bin`` first on PATH, no colour."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    if bindir is not None:
        env["PATH"] = f"{bindir}{os.pathsep}{env.get('PATH', '')}"
        env["VIRTUAL_ENV"] = str(bindir.parent)
    env["NO_COLOR"] = "1"
    env.update(extra)
    return env
