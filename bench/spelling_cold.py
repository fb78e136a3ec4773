"""Time the spelling pack on one draft in a fresh process (import, load, first sight).

Why CPU time of the pack alone: on a shared machine wall time of a whole run is noise; what
the spelling pack adds to a cold run is the time of ``lint_text`` with only its rules,
minus the same with no rule at all.

    python bench/spelling_cold.py seeds/musk-hyundai-ad.md
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import time, sys
from pathlib import Path
t0 = time.process_time()
from linter.runner import lint_text
text = Path(sys.argv[1]).read_text("utf-8")
lint_text(text, path=sys.argv[1], select=[sys.argv[2]])
print(time.process_time() - t0)
"""


def once(path: str, select: str) -> float:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, path, select],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    path = sys.argv[1] if len(sys.argv) > 1 else "seeds/musk-hyundai-ad.md"
    runs = 7
    spell = sorted(once(path, "SPELL") for _ in range(runs))[runs // 2]
    core = sorted(once(path, "CORE001") for _ in range(runs))[runs // 2]
    print(
        f"{path}: spelling pack {1000 * (spell - core):.0f} ms CPU on a cold run "
        f"(median of {runs}; SPELL {spell:.3f} s, CORE001 alone {core:.3f} s)"
    )


if __name__ == "__main__":
    main()
