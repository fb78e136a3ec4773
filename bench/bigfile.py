"""One big file linted with its rules shared among processes (``linter.bigdoc``) or in one
process: wall time, each process's CPU time and peak memory, and whether the findings match.

    python bench/bigfile.py FILE               # shared (every core) against one process
    python bench/bigfile.py FILE --sizes 100000,250000,500000   # the break-even: prefixes
    python bench/bigfile.py FILE --packs      # CPU s per MB of each pack alone (bigdoc's table)

On a busy machine the wall time says little; the longest path (this process's CPU time alone,
then the slowest share's) is what the wall time would be on idle cores. Each way runs in a
fresh process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))


def measure(path: str, jobs: int) -> dict:
    """Lint ``path`` in this process as the CLI does (``jobs`` processes) and time it."""
    from linter import bigdoc
    from linter.runner import lint_paths

    wall, cpu = time.perf_counter(), time.process_time()
    result = lint_paths([path], jobs=jobs, own_process=True)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {
        "wall": wall,
        "cpu_parent": cpu,
        "cpu_children": kids.ru_utime + kids.ru_stime,
        "peak_parent_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "peak_children_mb": [kb / 1024 for kb in bigdoc.CHILD_PEAKS],
        # CPU on the longest path: what this process did alone, then the slowest share
        "critical": cpu
        - bigdoc.LAST.get("share_seconds", 0.0)
        + max([bigdoc.LAST.get("share_seconds", 0.0), *bigdoc.CHILD_SECONDS]),
        "findings": [f.to_json() for f in result.findings],
        "errors": result.all_errors,
    }


def pack_costs(path: str) -> None:
    """Each pack's rules alone on a parsed document, as a share's process runs them: the
    figures of ``bigdoc.PACK_COST`` (and of ``PARENT_COST``, the parse and scan)."""
    from linter.formats import build_document
    from linter.parallel import settle_gc
    from linter.runner import engine_for
    from linter.settings import Settings

    text = Path(path).read_text("utf-8")
    megabytes = len(text.encode()) / 1e6
    engine = engine_for(Settings(root=Path.cwd()))
    settle_gc()
    packs: dict[str, set[int]] = {}
    for i, rule in enumerate(engine.rules):
        packs.setdefault(rule.pack or "", set()).add(i)
    warm = build_document("warm.txt", text[:20_000], None, None)  # what rules load first
    engine.lint_rules(warm, None, engine.scan(warm))
    doc = build_document(path, text, None, None)
    start = time.process_time()
    _ = doc.line_starts, doc.words, doc.word_set, doc.quotes
    hits = engine.scan(doc)
    print(f"parse and scan: {(time.process_time() - start) / megabytes:.3f} CPU s per MB")
    derived = dict(doc.__dict__)
    for pack, share in packs.items():
        doc.analyses.clear()
        doc.__dict__.clear()
        doc.__dict__.update(derived)  # as forked: parsed, nothing else
        start = time.process_time()
        engine.lint_rules(doc, frozenset(share), hits)
        print(f"{pack or '(none)'}: {(time.process_time() - start) / megabytes:.3f} CPU s per MB")


def run(path: str, jobs: int) -> dict:
    """``measure`` in a fresh process (no memo or memory carried over between ways)."""
    out = subprocess.run(
        [sys.executable, __file__, path, "--one", str(jobs)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    ).stdout
    return json.loads(out)


def line(name: str, m: dict) -> str:
    kids = "+".join(f"{p:.0f}" for p in m["peak_children_mb"]) or "-"
    return (
        f"{name:>8}: wall {m['wall']:6.2f} s  CPU parent {m['cpu_parent']:6.2f} s  "
        f"children {m['cpu_children']:6.2f} s  peak MB parent {m['peak_parent_mb']:.0f} "
        f"children {kids}  longest path {m['critical']:.2f} CPU s"
    )


def compare(path: str) -> None:
    one, shared = run(path, 1), run(path, 0)
    size = Path(path).stat().st_size
    print(f"{path}: {size / 1e6:.2f} MB, {len(one['findings'])} findings")
    print(line("one", one))
    print(line("shared", shared))
    same = (one["findings"], one["errors"]) == (shared["findings"], shared["errors"])
    print("findings and errors the same" if same else "FINDINGS DIFFER")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--sizes", help="comma-separated prefix sizes in characters")
    parser.add_argument("--packs", action="store_true", help="each pack's cost alone")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: one way
    args = parser.parse_args()
    if args.one is not None:
        print(json.dumps(measure(args.file, args.one)))
        return
    if args.packs:
        pack_costs(args.file)
        return
    if not args.sizes:
        compare(args.file)
        return
    text = Path(args.file).read_text("utf-8")
    with tempfile.TemporaryDirectory() as folder:
        for size in map(int, args.sizes.split(",")):
            cut = text.rfind("\n\n", 0, size) + 2 or size  # whole paragraphs
            prefix = Path(folder, f"prefix-{size}.txt")
            prefix.write_text(text[:cut], "utf-8")
            compare(str(prefix))


if __name__ == "__main__":
    main()
