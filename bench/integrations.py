"""Integrations on clean news text (../shared/data, copied to a temporary folder, never into
the repository): how many safe fixes --fix would make on professional copy (each one is a
false alarm that rewrites text), whether a second --fix changes anything (idempotence), and
how long each output format takes.

    python bench/integrations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, clean_files, word_count

FORMATS = ("text", "json", "compact", "github", "sarif", "rdjsonl", "junit", "html")


def run(folder: Path, *args: str) -> tuple[int, str, float]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", *args, "."],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
        check=False,
    )
    return proc.returncode, proc.stdout, time.perf_counter() - start


def main() -> int:
    files = clean_files()
    words = word_count(files)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for path in files:
            target = folder / f"{path.parent.name}__{path.name}"
            shutil.copy(path, target)
            target.chmod(0o644)  # the shared data is read-only; --fix refuses read-only files
        print(f"{len(files)} clean files, {words} words")
        run(folder, "--no-cache")  # warm the OS file cache
        for fmt in FORMATS:
            code, out, seconds = run(folder, "--no-cache", "--format", fmt)
            print(f"  --format {fmt:<8} {seconds:5.2f} s  {len(out):>8} bytes  exit {code}")
        code, diff, seconds = run(folder, "--no-cache", "--diff")
        changed = [line for line in diff.splitlines() if line.startswith("+++ ")]
        removed = [
            line
            for line in diff.splitlines()
            if line.startswith("-") and not line.startswith("---")
        ]
        print(f"--diff: {len(changed)} files would change, {len(removed)} lines ({seconds:.2f} s)")
        code, out, _ = run(folder, "--no-cache", "--format", "json")
        import json

        fixes = Counter(f["rule"] for f in json.loads(out)["findings"] if "fix" in f)
        per_k = 1000 * sum(fixes.values()) / max(words, 1)
        print(f"safe fixes on clean text: {sum(fixes.values())} ({per_k:.2f} per 1,000 words)")
        for rule, n in fixes.most_common():
            print(f"  {n:4d}  {rule}")
        first = run(folder, "--no-cache", "--fix")[0]
        snapshot = {p.name: p.read_bytes() for p in folder.glob("*.txt")}
        second = run(folder, "--no-cache", "--fix")[0]
        same = snapshot == {p.name: p.read_bytes() for p in folder.glob("*.txt")}
        print(f"--fix exit {first}; second --fix exit {second}, files unchanged: {same}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
