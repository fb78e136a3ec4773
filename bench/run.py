"""The one-command benchmark: copydesk against proselint, codespell and Harper (harper-py),
side by side on the same files in the same run. Prints a Markdown table for the README.

    python bench/run.py                  # everything (about 6 minutes on 2 cores)
    python bench/run.py --mb 2 --files 2000 --no-peers   # a quick look
    python bench/run.py --profile        # also the per-rule time breakdown

What it measures (wall time: the median of --repeat runs for the short ones and of
--corpus-repeat runs over a corpus):
- start-up: ``--version`` of each tool;
- one 1,000-word draft: a cold run of each tool on it (copydesk with ``--no-cache``);
- throughput on ~10 MB of news text (whole articles, one per file, built from
  ../shared/data by bench/corpus.py): MB/s, words/s and peak memory (proportional set size of the
  tool's whole process tree, PSS, sampled every 10 ms in a second run, since sampling slows the
  tool it watches); copydesk on every core and on one;
- the result cache: a first and a second run of ``copydesk check`` over a 10,000-file tree.
Inputs live outside the repository (``$COPYDESK_BENCH_DIR``, default /tmp/copydesk-bench).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from common import ROOT

PY = sys.executable
# measured on the sample corpus only (Harper: 38 s for 1.47 MB in DESIGN.md); "copydesk
# +HARPER" is copydesk with its opt-in Harper backend rules added to the default packs
SLOW = ("copydesk +HARPER", "harper-py")
HARPER_SCRIPT = """
import os, sys, harper
linter = harper.Linter()
paths = []
for arg in sys.argv[1:]:
    if os.path.isdir(arg):
        for base, _, names in os.walk(arg):
            paths += [os.path.join(base, n) for n in names if n.endswith('.txt')]
    else:
        paths.append(arg)
count = 0
for path in sorted(paths):
    with open(path, encoding='utf-8') as handle:
        count += len(linter.lint(handle.read()))
print(count)
"""


@dataclass
class Run:
    seconds: float
    peak_mb: float
    code: int


def _tree_memory(proc) -> int:
    """Memory of a process and its children: the sum of proportional set sizes (PSS), so that
    pages a forked worker shares with its parent count once; RSS where PSS is unavailable."""
    import psutil

    try:
        parent = psutil.Process(proc.pid)
        members = [parent, *parent.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for member in members:
        with contextlib.suppress(psutil.Error):
            try:
                total += member.memory_full_info().pss
            except (AttributeError, psutil.AccessDenied):
                total += member.memory_info().rss
    return total


def measure(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None, sample: bool = False
) -> Run:
    """Wall time of a command and, with ``sample``, the peak memory (PSS) of it and all its
    child processes (0 without). Sampling reads every process's smaps each 10 ms, which costs
    a multi-process tool about a tenth of its time on 2 cores: time and memory are therefore
    measured in separate runs (``time_and_memory``)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    if not sample:
        _, err = proc.communicate()
        return _finished(cmd, proc, err, time.perf_counter() - start, 0)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_memory(proc))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    return _finished(cmd, proc, err, seconds, peak)


def _finished(cmd: list[str], proc, err: bytes, seconds: float, peak: int) -> Run:
    if proc.returncode not in (0, 1, 65):  # 65: codespell found misspellings
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        print(f"warning: {' '.join(cmd[:4])} exited {proc.returncode}: {tail[0]}", file=sys.stderr)
    return Run(seconds, peak / 1e6, proc.returncode)


def time_and_memory(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None, repeat: int = 1
) -> Run:
    """Wall time, the median of ``repeat`` unobserved runs; peak memory from one more,
    sampled run."""
    timed = median_run(cmd, cwd, repeat, env)
    sampled = measure(cmd, cwd, env, sample=True)
    return Run(timed.seconds, sampled.peak_mb, timed.code)


def median_run(cmd: list[str], cwd: Path, repeat: int, env=None) -> Run:
    runs = [measure(cmd, cwd, env) for _ in range(repeat)]
    return Run(
        statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs), runs[-1].code
    )


def tools(copydesk: list[str]) -> dict[str, dict[str, list[str]]]:
    """Per tool: the command for --version and the command to check paths (appended)."""
    table = {
        "copydesk": {
            "version": [*copydesk, "--version"],
            "check": [*copydesk, "check", "--no-cache"],
        },
        "copydesk -j1": {"check": [*copydesk, "check", "--no-cache", "-j", "1"]},
        "copydesk +HARPER": {"check": [*copydesk, "check", "--no-cache", "--select", "ALL,HARPER"]},
        "proselint": {"version": ["proselint", "version"], "check": ["proselint", "check"]},
        "codespell": {"version": ["codespell", "--version"], "check": ["codespell"]},
        "harper-py": {
            "version": [PY, "-c", "import harper; harper.Linter()"],
            "check": [PY, "-c", HARPER_SCRIPT],
        },
    }
    missing = [n for n in ("proselint", "codespell") if shutil.which(n) is None]
    try:
        import harper  # noqa: F401
    except ImportError:
        missing += ["harper-py", "copydesk +HARPER"]
    for name in missing:
        print(f"note: {name} is not installed; left out", file=sys.stderr)
        table.pop(name)
    return table


def snapshot(work: Path) -> dict[str, str]:
    """Copy ``linter/`` and ``rules/`` into ``work`` and return an environment that runs that
    copy: every measurement sees the same code even while the checkout is being edited (the
    cache keys on the rule and engine files, so an edit mid-run would turn hits into misses)."""
    src = work / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "linter", src / "linter", ignore=ignore)
    shutil.copytree(ROOT / "rules", src / "rules", ignore=ignore)
    # byte-compiled once, as an installed package is (pip compiles on install): without it,
    # each run of the copy would compile every module again, which no installed tool does
    subprocess.run([PY, "-m", "compileall", "-q", str(src)], check=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
    return env


def main() -> None:
    from corpus import corpus, draft, size_of, tree

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size (default 10 MB)")
    parser.add_argument("--files", type=int, default=10_000, help="files in the cache tree")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each short measurement")
    parser.add_argument(
        "--corpus-repeat",
        type=int,
        default=3,
        help="runs of each tool over a corpus (the median is reported)",
    )
    parser.add_argument(
        "--sample-mb",
        type=float,
        default=1.0,
        help="corpus for the slow peers (Harper), measured with copydesk on the same files",
    )
    parser.add_argument("--no-peers", action="store_true", help="copydesk only")
    parser.add_argument("--profile", action="store_true", help="add the per-rule breakdown")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()

    copydesk = [PY, "-m", "linter"]
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-run-"))  # no config, no cache above
    env = snapshot(work)
    all_tools = tools(copydesk)
    if args.no_peers:
        all_tools = {k: v for k, v in all_tools.items() if k.startswith("copydesk")}
    one = draft(1000)
    inputs = {"full": corpus(args.mb), "sample": corpus(min(args.sample_mb, args.mb))}
    sizes = {k: size_of(v) for k, v in inputs.items()}
    figures: dict[str, dict] = {}
    for name, cmds in all_tools.items():
        env_here = env if name.startswith("copydesk") else None
        row: dict = {}
        if "version" in cmds:
            row["startup_s"] = median_run(cmds["version"], work, args.repeat, env_here).seconds
            row["draft_s"] = median_run(
                [*cmds["check"], str(one)], work, args.repeat, env_here
            ).seconds
        for which in ("full", "sample") if name in ("copydesk", *SLOW) else ("full",):
            if which == "full" and name in SLOW:
                continue
            _, n_bytes, n_words = sizes[which]
            print(f"{name}: checking {n_bytes / 1e6:.1f} MB ...", file=sys.stderr)
            run = time_and_memory(
                [*cmds["check"], str(inputs[which])], work, env_here, args.corpus_repeat
            )
            row[which] = {
                "mb": n_bytes / 1e6,
                "seconds": run.seconds,
                "mb_per_s": n_bytes / 1e6 / run.seconds,
                "words_per_s": n_words / run.seconds,
                "peak_mb": run.peak_mb,
            }
        figures[name] = row

    cache_tree = tree(args.files)
    cache = {"files": args.files, "mb": size_of(cache_tree)[1] / 1e6}
    shutil.rmtree(work / ".copydesk_cache", ignore_errors=True)
    for fmt in ("text", "json"):  # the cache does not depend on the format: one first run
        cached_cmd = [*copydesk, "check", "--format", fmt, "-o", os.devnull, str(cache_tree)]
        if fmt == "text":
            print(f"copydesk: {args.files:,} files, first run ...", file=sys.stderr)
            cache["first_s"] = measure(cached_cmd, work, env).seconds
        print(f"copydesk: {args.files:,} files, second run ({fmt}) ...", file=sys.stderr)
        second = median_run(cached_cmd, work, max(1, args.repeat // 2), env)
        cache[f"second_{fmt}_s"] = second.seconds

    n_files, n_bytes, n_words = sizes["full"]
    meta = {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "corpus": {"files": n_files, "bytes": n_bytes, "words": n_words},
        "sample_mb": sizes["sample"][1] / 1e6,
        "draft_words": 1000,
    }
    print(render(meta, figures, cache))
    if args.profile:
        from profile_rules import profile, table

        paths = sorted(inputs["sample"].glob("*.txt"))
        print(f"\nWhere copydesk's time goes (one process, {sizes['sample'][1] / 1e6:.1f} MB):\n")
        print(table(profile(paths), sizes["sample"][1] / 1e6, 15))
    if args.json:
        Path(args.json).write_text(
            json.dumps({"meta": meta, "tools": figures, "cache": cache}, indent=2)
        )
    shutil.rmtree(work, ignore_errors=True)


def render(meta: dict, figures: dict[str, dict], cache: dict) -> str:
    base = figures["copydesk"]
    sampled = any("sample" in row for name, row in figures.items() if name != "copydesk")
    lines = [
        f"copydesk benchmark, {meta['date']}, {meta['cores']} cores ({meta['machine']}); "
        f"corpus: {meta['corpus']['files']:,} files, {meta['corpus']['bytes'] / 1e6:.1f} MB, "
        f"{meta['corpus']['words']:,} words",
        "",
        "| tool | start-up | 1,000-word draft | corpus | time | MB/s | words/s | peak memory "
        "| copydesk is faster by |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|",
    ]
    for name, row in figures.items():
        startup = f"{row['startup_s']:.2f} s" if "startup_s" in row else ""
        one = f"{row['draft_s']:.2f} s" if "draft_s" in row else ""
        for which in ("full", "sample"):
            if which not in row or (which == "sample" and not sampled):
                continue
            m = row[which]
            ratio = base[which]["mb_per_s"] / m["mb_per_s"]
            lines.append(
                f"| {name} | {startup} | {one} | {m['mb']:.1f} MB | {m['seconds']:.1f} s "
                f"| {m['mb_per_s']:.2f} | {m['words_per_s']:,.0f} | {m['peak_mb']:.0f} MB "
                f"| {ratio:.2f}x |"
            )
            startup = one = ""
    lines += [
        "",
        f"Result cache, {cache['files']:,}-file tree ({cache['mb']:.1f} MB): first run "
        f"{cache['first_s']:.1f} s; second run, nothing changed: {cache['second_text_s']:.2f} s "
        f"with the text report, {cache['second_json_s']:.2f} s with --format json.",
        f"Slow peers ({', '.join(SLOW)}) run on the first {meta['sample_mb']:.1f} MB only; their "
        "ratio compares copydesk on the same files.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
