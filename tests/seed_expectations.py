"""The findings expected on each draft in seeds/, kept in seeds/expected.json.

python tests/seed_expectations.py          # show what differs
python tests/seed_expectations.py --update # rewrite seeds/expected.json (review the diff!)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
EXPECTED = SEEDS / "expected.json"
KEYS = ("line", "column", "end_line", "end_column", "rule", "severity", "message")


def actual() -> dict[str, list[dict]]:
    sys.path.insert(0, str(ROOT))
    from linter.runner import lint_paths
    from linter.settings import Settings

    result = lint_paths(["seeds"], settings=Settings(root=ROOT))
    out: dict[str, list[dict]] = {}
    for file in result.files:
        name = Path(file.path).name
        out[name] = [{k: getattr(f, k) for k in KEYS} for f in file.findings]
    return out


def expected() -> dict[str, list[dict]]:
    return json.loads(EXPECTED.read_text("utf-8"))


def main() -> None:
    import os

    os.chdir(ROOT)
    now = actual()
    if "--update" in sys.argv:
        EXPECTED.write_text(json.dumps(now, indent=1, ensure_ascii=False) + "\n", "utf-8")
        print(f"wrote {EXPECTED.relative_to(ROOT)}")
        return
    before = expected() if EXPECTED.exists() else {}
    differs = False
    for name in sorted(set(now) | set(before)):
        a = {json.dumps(f, ensure_ascii=False) for f in now.get(name, [])}
        b = {json.dumps(f, ensure_ascii=False) for f in before.get(name, [])}
        for line in sorted(a - b):
            print(f"+ {name} {line}")
        for line in sorted(b - a):
            print(f"- {name} {line}")
        differs = differs or a != b
    if differs and "--check" in sys.argv:
        print("seed findings differ from seeds/expected.json (see above)")
        sys.exit(1)


if __name__ == "__main__":
    main()
