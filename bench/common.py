"""Shared helpers for the benchmarks: where the data is, word counts, running copydesk."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("COPYDESK_DATA", ROOT.parent / "shared" / "data"))
CLEAN_FOLDERS = ("gum_wikinews", "gum_wikinews_interviews", "us_congress_press_releases")
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")


def clean_files() -> list[Path]:
    files: list[Path] = []
    for folder in CLEAN_FOLDERS:
        files.extend(sorted((DATA / folder).glob("*.txt")))
    if not files:
        sys.exit(f"no data under {DATA}; set COPYDESK_DATA to the shared data folder")
    return files


def word_count(paths: list[Path]) -> int:
    return sum(len(WORD_RE.findall(p.read_text("utf-8"))) for p in paths)


def copydesk_json(paths: list[Path | str], *extra: str) -> dict:
    """Run the installed copydesk on ``paths`` and return its JSON report."""
    cmd = [sys.executable, "-m", "linter", "check", "--format", "json", *extra, *map(str, paths)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)


def everyday_word(word: str) -> bool:
    """An everyday English word (wordfreq, a dev dependency), not a surname."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover
        return False
    return zipf_frequency(word.lower(), "en") >= 3.5
