"""The findings on the dev split are those recorded in tests/golden/dev_findings.json (a
digest: the split may not be copied here). A speed change must leave them as they were; a
deliberate change of findings updates the digest (python bench/same_findings.py --update) and
says why in its commit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "same_findings.py"
DEV = ROOT.parent / "shared" / "bench" / "dev"


@pytest.mark.skipif(not (DEV / "clean").is_dir(), reason="no dev split in ../shared")
def test_dev_split_findings_match_the_digest():
    proc = subprocess.run(
        [sys.executable, str(SCRIPT)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("SAME: ")
