"""Findings unchanged? The dev split's findings against a committed digest, or against the
findings of another git ref's code.

The dev split (../shared/bench/dev: clean and injected news) may not be copied into the
repository, and messages quote its words, so what is committed is a digest of every finding
(file, rule, line, column, end, severity, message, suggestions) and the count per rule:
tests/golden/dev_findings.json. "Today" is fixed (to DAY) while linting, so that a finding
that depends on the date (a title judged on an undated text) does not move with the calendar.
The seeds have their own full record (seeds/expected.json, tests/test_seeds.py).

    python bench/same_findings.py                # compare with the digest (exit 1 if changed)
    python bench/same_findings.py --update       # rewrite the digest (review why first!)
    python bench/same_findings.py --before main  # run main's code and this tree on the dev
                                                 # split and the seeds; list every difference
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import types
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("COPYDESK_DEV", ROOT.parent / "shared" / "bench" / "dev"))
GOLDEN = ROOT / "tests" / "golden" / "dev_findings.json"
DAY = dt.date(2026, 11, 25)  # "today" while linting


def _freeze_today() -> None:
    """Make ``article_date``'s fallback date DAY (the only place the engine asks for today)."""
    from linter import article_date

    class AnyDate(type):
        """``isinstance(x, Day)`` holds for every date, as it does for ``dt.date``: a front
        matter date read by YAML is a plain ``dt.date``."""

        def __instancecheck__(cls, obj: object) -> bool:
            return isinstance(obj, dt.date)

    class Day(dt.date, metaclass=AnyDate):
        @classmethod
        def today(cls) -> dt.date:
            return DAY

    shim = types.ModuleType("datetime")
    shim.__dict__.update(dt.__dict__)
    shim.date = Day
    article_date.dt = shim


def collect(folders: list[Path]) -> dict[str, list[list]]:
    """Every finding of the default rules on the drafts under ``folders``, per file (paths
    relative to the folders' parent), in report order; runs the ``linter`` on sys.path."""
    from linter.runner import lint_paths
    from linter.settings import Settings

    _freeze_today()
    out: dict[str, list[list]] = {}
    for folder in folders:
        result = lint_paths([str(folder)], settings=Settings(root=folder), jobs=1)
        if result.all_errors:
            sys.exit(f"same_findings: {result.all_errors[0]}")
        for file in result.files:
            name = Path(file.path).resolve().relative_to(folder.resolve().parent).as_posix()
            out[name] = [
                [
                    f.rule,
                    f.line,
                    f.column,
                    f.end_line,
                    f.end_column,
                    f.severity,
                    f.message,
                    list(f.suggestions),
                ]
                for f in file.findings
            ]
    return dict(sorted(out.items()))


def summary(findings: dict[str, list[list]]) -> dict:
    canonical = json.dumps(findings, ensure_ascii=False, sort_keys=True).encode("utf-8")
    by_rule = Counter(f[0] for items in findings.values() for f in items)
    return {
        "digest": hashlib.sha256(canonical).hexdigest(),
        "files": len(findings),
        "findings": sum(by_rule.values()),
        "by_rule": dict(sorted(by_rule.items())),
    }


def _run_collector(code: Path, folders: list[Path]) -> dict[str, list[list]]:
    """``collect`` in a fresh process that imports the ``linter`` found in ``code``."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        env = {**os.environ, "PYTHONPATH": str(code)}
        cmd = [sys.executable, __file__, "--collect", out.name, *map(str, folders)]
        subprocess.run(cmd, cwd=code, env=env, check=True)
        return json.loads(Path(out.name).read_text("utf-8"))


def _dev_folders() -> list[Path]:
    folders = [DEV / "clean", DEV / "injected"]
    if not all(f.is_dir() for f in folders):
        sys.exit(f"same_findings: no dev split under {DEV}; set COPYDESK_DEV")
    return folders


def compare_with_ref(ref: str) -> bool:
    """This tree's findings against ``ref``'s on the dev split and the seeds."""
    folders = [*_dev_folders(), ROOT / "seeds"]
    with tempfile.TemporaryDirectory(prefix="copydesk-before-") as tmp:
        archive = subprocess.run(
            ["git", "archive", "--format=tar", ref, "linter", "rules"],
            cwd=ROOT,
            capture_output=True,
            check=False,
        )
        if archive.returncode != 0:
            sys.exit(f"same_findings: git archive {ref} failed: {archive.stderr.decode().strip()}")
        subprocess.run(["tar", "-x", "-C", tmp], input=archive.stdout, check=True)
        print(f"findings with {ref}'s code ...", file=sys.stderr)
        before = _run_collector(Path(tmp), folders)
    print("findings with this tree's code ...", file=sys.stderr)
    after = _run_collector(ROOT, folders)
    same = True
    for name in sorted(set(before) | set(after)):
        a = {json.dumps(f, ensure_ascii=False) for f in after.get(name, [])}
        b = {json.dumps(f, ensure_ascii=False) for f in before.get(name, [])}
        for line in sorted(b - a):
            print(f"- {name} {line}")
        for line in sorted(a - b):
            print(f"+ {name} {line}")
        same = same and a == b and before.get(name) == after.get(name)
    n = sum(map(len, after.values()))
    print(
        f"{'SAME' if same else 'CHANGED'}: {n} findings on {len(after)} files "
        f"(dev split and seeds) with this tree, against {ref}"
    )
    return same


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the committed digest")
    parser.add_argument("--before", metavar="REF", help="compare with REF's code instead")
    parser.add_argument("--collect", metavar="OUT", help=argparse.SUPPRESS)
    parser.add_argument("folders", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.collect:  # the child process of _run_collector
        found = collect([Path(f) for f in args.folders])
        Path(args.collect).write_text(json.dumps(found, ensure_ascii=False), "utf-8")
        return
    if args.before:
        sys.exit(0 if compare_with_ref(args.before) else 1)
    now = summary(_run_collector(ROOT, _dev_folders()))
    if args.update:
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(now, indent=1) + "\n", "utf-8")
        print(f"wrote {GOLDEN.relative_to(ROOT)}: {now['findings']} findings")
        return
    before = json.loads(GOLDEN.read_text("utf-8"))
    if now == before:
        print(f"SAME: {now['findings']} findings on {now['files']} dev files match the digest")
        return
    for rule in sorted(set(now["by_rule"]) | set(before["by_rule"])):
        a, b = before["by_rule"].get(rule, 0), now["by_rule"].get(rule, 0)
        if a != b:
            print(f"  {rule}: {a} -> {b}")
    print(
        f"CHANGED: the dev split's findings differ from {GOLDEN.relative_to(ROOT)} "
        "(counts per rule above; 'python bench/same_findings.py --before REF' lists them)"
    )
    sys.exit(1)


if __name__ == "__main__":
    main()
