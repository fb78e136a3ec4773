"""Memory of a big tree run, per process: the peak PSS of ``copydesk check --no-cache`` over
the fresh n-file tree (the whole process tree, as bench/run.py measures it) and the largest
PSS each process reached; then, in one worker-sized process, what it keeps.

    python bench/tree_memory.py                           # this checkout, 10,000 files
    python bench/tree_memory.py --also /work/main         # side by side with another checkout
    python bench/tree_memory.py --holders 5000            # RSS per 1,000 files, largest tables

``--holders N`` lints the tree's first N files in this process (as one of two workers does
on 10,000 files) and lists the process-wide tables (module globals and the attributes of
rules and their helpers, two levels deep) that hold over 1,000 entries, largest first, with
their size in MB counted through their keys and values (a string two tables share counts
in each). A table several rules share (the spelling context's) is listed once.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from common import ROOT


def pss_of_tree(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[int, dict[int, int], int]:
    """(peak PSS of the process tree, each process's largest PSS, exit code), sampled every
    10 ms."""
    import psutil

    proc = subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    peak, each = 0, {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            try:
                parent = psutil.Process(proc.pid)
                members = [parent, *parent.children(recursive=True)]
            except psutil.Error:
                return
            total = 0
            for member in members:
                with contextlib.suppress(psutil.Error):
                    pss = member.memory_full_info().pss
                    total += pss
                    each[member.pid] = max(each.get(member.pid, 0), pss)
            peak = max(peak, total)
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    proc.wait()
    done.set()
    sampler.join()
    return peak, each, proc.returncode


def whole_tree(roots: list[Path], folder: Path) -> None:
    import resource

    for root in roots:
        env = dict(os.environ, PYTHONPATH=str(root))
        cmd = [sys.executable, "-m", "linter", "check", "--no-cache", "."]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        peak, each, code = pss_of_tree(cmd, folder, env)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        sizes = ", ".join(f"{v / 1e6:.0f}" for v in sorted(each.values(), reverse=True))
        print(
            f"{root}: peak {peak / 1e6:.0f} MB (per process, MB: {sizes}); "
            f"{time.perf_counter() - start:.1f} s, {cpu:.1f} CPU-s, exit {code}"
        )


def _deep(obj: object, seen: set[int]) -> int:
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    size = sys.getsizeof(obj)
    if isinstance(obj, dict):
        size += sum(_deep(k, seen) + _deep(v, seen) for k, v in obj.items())
    elif isinstance(obj, (list, tuple, set, frozenset)):
        size += sum(_deep(v, seen) for v in obj)
    return size


def holders(folder: Path, count: int, top: int) -> None:
    sys.path.insert(0, str(ROOT))
    from linter import parallel
    from linter.config import load_config
    from linter.runner import engine_for

    def rss() -> float:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6

    settings = load_config(None, folder)
    engine = engine_for(settings)
    parallel.settle_gc()
    print(f"engine built: RSS {rss():.0f} MB")
    paths = sorted(glob.glob(f"{folder}/*/*.txt"))[:count]
    for i, path in enumerate(paths, 1):
        parallel.lint_source(settings, path, Path(path).read_text("utf-8"))
        if i in (10, 100) or i % 1000 == 0:
            print(f"{i:6,} files: RSS {rss():.0f} MB")
    rows: list[tuple[int, int, str]] = []
    listed: set[int] = set()  # a table several rules share is listed once

    def scan(label: str, obj: object, depth: int) -> None:
        try:
            attrs = vars(obj)
        except TypeError:
            return
        for name, value in list(attrs.items()):
            if isinstance(value, (dict, list, set)) and len(value) > 1000:
                if id(value) in listed:
                    continue
                listed.add(id(value))
                rows.append((_deep(value, set()), len(value), f"{label}.{name}"))
            elif (
                depth
                and hasattr(value, "__dict__")
                and not isinstance(value, type)
                and type(value).__module__.startswith("linter")
            ):
                scan(f"{label}.{name}", value, depth - 1)

    for name, module in list(sys.modules.items()):
        if name.startswith("linter."):
            scan(name, module, 2)
    for rule in engine.rules:
        scan(type(rule).__name__, rule, 2)
    for size, entries, label in sorted(rows, reverse=True)[:top]:
        print(f"{size / 1e6:7.2f} MB {entries:9,} entries  {label}")


def main() -> None:
    import fresh_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="files in the tree")
    parser.add_argument("--also", type=Path, action="append", default=[], help="checkout")
    parser.add_argument("--holders", type=int, metavar="N", help="one process over N files")
    parser.add_argument("--top", type=int, default=30, help="tables to list")
    args = parser.parse_args()
    folder = fresh_corpus.tree(args.files)
    if args.holders:
        holders(folder, args.holders, args.top)
    else:
        whole_tree([ROOT, *args.also], folder)


if __name__ == "__main__":
    main()
