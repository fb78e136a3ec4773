"""The one-command benchmark: copydesk against proselint, codespell, typos and Harper
(harper-py), side by side on the same inputs in the same run, every default pack on. Prints
Markdown tables for the README.

    python bench/run.py                  # everything (about 15 minutes on 2 cores)
    python bench/run.py --mb 2 --files 2000 --no-peers   # a quick look
    python bench/run.py --repeated       # also the old corpus, labelled "repeated text"
    python bench/run.py --j1             # also copydesk on one core
    python bench/run.py --profile        # also the per-rule time breakdown

What it measures (wall time: the median of --repeat runs for the short ones and of
--corpus-repeat runs over a corpus, 0 for one sampled run; one sampled run of each tool
on the one big file):
- start-up: ``--version`` of each tool;
- one 1,000-word news draft: a cold run of each tool on it (copydesk with ``--no-cache``);
- throughput on the fresh corpus (bench/fresh_corpus.py: public-domain prose in which no
  paragraph repeats) as ~5 KB files and as one file, at --mb and at --sample-mb (where the
  slow peers run): MB/s, words/s and peak memory (proportional set size of the tool's whole
  process tree, PSS, sampled every 10 ms in a separate run, since sampling slows the tool it
  watches);
- scaling: one 3 MB file against three times one 1 MB file;
- a fresh 10,000-file tree in a git repository: ``--changed-since HEAD`` with 5 files
  changed, a whole run without the cache (time, peak memory), and a first and second run with
  the result cache;
- with --repeated, the old corpus (bench/corpus.py: 52 news articles copied round-robin),
  whose figures are labelled "repeated text": copydesk remembers verdicts per word and name,
  so repeated text costs less than new text.
Inputs live outside the repository (``$COPYDESK_BENCH_DIR``, default /tmp/copydesk-bench).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import platform
import resource
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
# measured on the sample corpus only (Harper took 38 s for 1.47 MB of news when the project began); "copydesk
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
    cpu: float = 0.0  # user + system seconds of the command and its children


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
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
    )
    if not sample:
        _, err = proc.communicate()
        return _finished(cmd, proc, err, time.perf_counter() - start, 0, before)
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
    return _finished(cmd, proc, err, seconds, peak, before)


def _finished(cmd: list[str], proc, err: bytes, seconds: float, peak: int, before) -> Run:
    found = FOUND_CODES.get(os.path.basename(cmd[0]), 1)
    if proc.returncode not in (0, 1, found):
        tail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        print(f"warning: {' '.join(cmd[:4])} exited {proc.returncode}: {tail[0]}", file=sys.stderr)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return Run(seconds, peak / 1e6, proc.returncode, cpu)


def time_and_memory(
    cmd: list[str], cwd: Path, env: dict[str, str] | None = None, repeat: int = 1
) -> Run:
    """Wall time, the median of ``repeat`` unobserved runs; peak memory from one more,
    sampled run. With ``repeat`` 0, one sampled run gives both (cheaper, a little slower)."""
    if repeat == 0:
        return measure(cmd, cwd, env, sample=True)
    timed = median_run(cmd, cwd, repeat, env)
    sampled = measure(cmd, cwd, env, sample=True)
    return Run(timed.seconds, sampled.peak_mb, timed.code, timed.cpu)


def median_run(cmd: list[str], cwd: Path, repeat: int, env=None) -> Run:
    runs = [measure(cmd, cwd, env) for _ in range(repeat)]
    return Run(
        statistics.median(r.seconds for r in runs),
        max(r.peak_mb for r in runs),
        runs[-1].code,
        statistics.median(r.cpu for r in runs),
    )


# exit codes that mean "ran and found something" besides 0 and 1
FOUND_CODES = {"codespell": 65, "typos": 2}


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
        "typos": {"version": ["typos", "--version"], "check": ["typos", "--format", "brief"]},
        "harper-py": {
            "version": [PY, "-c", "import harper; harper.Linter()"],
            "check": [PY, "-c", HARPER_SCRIPT],
        },
    }
    missing = [n for n in ("proselint", "codespell", "typos") if shutil.which(n) is None]
    try:
        import harper  # noqa: F401
    except ImportError:
        missing += ["harper-py", "copydesk +HARPER"]
    for name in missing:
        print(f"note: {name} is not installed (pip install {name}); left out", file=sys.stderr)
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


@dataclass
class Input:
    """One benchmark input: a folder of files or one file, and who runs on it."""

    key: str
    label: str
    path: Path
    tools: tuple[str, ...]
    repeat: int


FAST_PEERS = ("proselint", "codespell", "typos")


def inputs(args) -> list[Input]:
    """The fresh corpus first (files and one file, at 10 MB and on the slow peers' sample),
    then, with --repeated, the old corpus that repeats 52 news articles."""
    import corpus
    import fresh_corpus

    big, small, rep = args.mb, min(args.sample_mb, args.mb), args.corpus_repeat
    every = ("copydesk", *(("copydesk -j1",) if args.j1 else ()), *FAST_PEERS)
    out = [
        Input("files", f"fresh, ~5 KB files, {big:g} MB", fresh_corpus.files(big), every, rep),
        Input(
            "one",
            f"fresh, one file, {big:g} MB",
            fresh_corpus.one_file(big),
            ("copydesk", *FAST_PEERS),
            0,  # one sampled run: the big file is the slow case, and its figure is its own
        ),
        Input(
            "files-sample",
            f"fresh, ~5 KB files, {small:g} MB",
            fresh_corpus.files(small),
            ("copydesk", *SLOW),
            rep,
        ),
        Input(
            "one-sample",
            f"fresh, one file, {small:g} MB",
            fresh_corpus.one_file(small),
            ("copydesk", "harper-py"),
            rep,
        ),
    ]
    if args.repeated:
        out.append(
            Input(
                "repeated",
                f"repeated text, {big:g} MB (52 news articles copied round-robin)",
                corpus.corpus(big),
                every,
                rep,
            )
        )
    return out


def throughput(
    items: list[Input], all_tools: dict, work: Path, env: dict[str, str]
) -> dict[str, dict[str, dict]]:
    """Per input, per tool: seconds, MB/s, words/s and peak memory."""
    from corpus import size_of

    figures: dict[str, dict[str, dict]] = {}
    for item in items:
        n_files, n_bytes, n_words = size_of(item.path)
        figures[item.key] = {"_label": item.label, "_files": n_files}
        for name in item.tools:
            if name not in all_tools:
                continue
            env_here = env if name.startswith("copydesk") else None
            print(f"{name}: {item.label} ...", file=sys.stderr)
            run = time_and_memory(
                [*all_tools[name]["check"], str(item.path)], work, env_here, item.repeat
            )
            figures[item.key][name] = {
                "mb": n_bytes / 1e6,
                "seconds": run.seconds,
                "cpu_s": run.cpu,
                "mb_per_s": n_bytes / 1e6 / run.seconds,
                "words_per_s": n_words / run.seconds,
                "peak_mb": run.peak_mb,
            }
    return figures


def scaling(copydesk: list[str], work: Path, env: dict[str, str], repeat: int) -> dict:
    """One 3 MB file against three times one 1 MB file (the same text's first megabytes)."""
    import fresh_corpus

    cmd = [*copydesk, "check", "--no-cache"]
    print("copydesk: one 1 MB and one 3 MB file ...", file=sys.stderr)
    one = median_run([*cmd, str(fresh_corpus.one_file(1))], work, repeat, env)
    three = median_run([*cmd, str(fresh_corpus.one_file(3))], work, repeat, env)
    return {
        "one_1mb_s": one.seconds,
        "one_3mb_s": three.seconds,
        "ratio": three.seconds / (3 * one.seconds),
        "cpu_ratio": three.cpu / (3 * one.cpu),
    }


def git_tree(count: int) -> Path:
    """The fresh tree as a git repository with one commit (made once, then reused)."""
    import fresh_corpus

    folder = fresh_corpus.tree(count)
    if not (folder / ".git").is_dir():

        def git(*argv: str) -> None:
            subprocess.run(["git", *argv], cwd=folder, check=True, capture_output=True)

        git("init", "-q")
        git("add", "-A")
        git(
            "-c",
            "user.name=bench",
            "-c",
            "user.email=bench@example.invalid",
            "commit",
            "-q",
            "-m",
            "tree",
        )
    return folder


def tree_runs(copydesk: list[str], count: int, work: Path, env: dict, repeat: int) -> dict:
    """On the fresh n-file tree: --changed-since with 5 files edited (no cache), a whole run
    without the cache (time and peak memory), and a first and second run with the cache."""
    from corpus import size_of

    folder = git_tree(count)
    out: dict = {"files": count, "mb": size_of(folder)[1] / 1e6}
    drafts = sorted(folder.rglob("*.txt"))
    edited = drafts[:: max(1, len(drafts) // 5)][:5]
    try:
        for path in edited:  # a new sentence at the end of each, as a writer would add
            with path.open("a", encoding="utf-8") as handle:
                handle.write("The council meets again on Tuesday, its chair said.\n")
        print(f"copydesk: {count:,} files, --changed-since (5 changed) ...", file=sys.stderr)
        cmd = [*copydesk, "check", "--no-cache", "--changed-since", "HEAD", "."]
        run = time_and_memory(cmd, folder, env, repeat)
        out["changed_since_s"], out["changed_since_peak_mb"] = run.seconds, run.peak_mb
    finally:
        subprocess.run(["git", "checkout", "-q", "--", "."], cwd=folder, check=True)
    print(f"copydesk: {count:,} files, no cache ...", file=sys.stderr)
    run = time_and_memory([*copydesk, "check", "--no-cache", str(folder)], work, env, 1)
    out["whole_s"], out["whole_peak_mb"] = run.seconds, run.peak_mb
    shutil.rmtree(work / ".copydesk_cache", ignore_errors=True)
    for fmt in ("text", "json"):  # the cache does not depend on the format: one first run
        cmd = [*copydesk, "check", "--format", fmt, "-o", os.devnull, str(folder)]
        if fmt == "text":
            print(f"copydesk: {count:,} files, first run (cache) ...", file=sys.stderr)
            out["first_s"] = measure(cmd, work, env).seconds
        print(f"copydesk: {count:,} files, second run ({fmt}) ...", file=sys.stderr)
        out[f"second_{fmt}_s"] = median_run(cmd, work, max(1, repeat // 2), env).seconds
    return out


def main() -> None:
    import fresh_corpus
    from corpus import draft

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size (default 10 MB)")
    parser.add_argument("--files", type=int, default=10_000, help="files in the tree")
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
    parser.add_argument(
        "--repeated", action="store_true", help="also the old corpus of repeated news articles"
    )
    parser.add_argument("--j1", action="store_true", help="also copydesk on one core (-j 1)")
    parser.add_argument("--profile", action="store_true", help="add the per-rule breakdown")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()

    copydesk = [PY, "-m", "linter"]
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-run-"))  # no config, no cache above
    env = snapshot(work)
    all_tools = tools(copydesk)
    if args.no_peers:
        all_tools = {k: v for k, v in all_tools.items() if k.startswith("copydesk")}
    items = inputs(args)
    one = draft(1000)
    short: dict[str, dict] = {}
    for name, cmds in all_tools.items():
        if "version" not in cmds:
            continue
        env_here = env if name.startswith("copydesk") else None
        short[name] = {
            "startup_s": median_run(cmds["version"], work, args.repeat, env_here).seconds,
            "draft_s": median_run([*cmds["check"], str(one)], work, args.repeat, env_here).seconds,
        }
    figures = throughput(items, all_tools, work, env)
    scale = scaling(copydesk, work, env, max(1, args.corpus_repeat))
    trees = tree_runs(copydesk, args.files, work, env, args.corpus_repeat)
    meta = {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}",
        "fresh": fresh_corpus.describe(),
        "draft_words": 1000,
    }
    print(render(meta, short, figures, scale, trees))
    if args.profile:
        from profile_rules import profile, table

        sample = next(i for i in items if i.key == "files-sample")
        paths = sorted(sample.path.glob("*.txt"))
        megabytes = sum(p.stat().st_size for p in paths) / 1e6
        print(f"\nWhere copydesk's time goes (one process, {sample.label}):\n")
        print(table(profile(paths), megabytes, 15))
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {"meta": meta, "short": short, "tools": figures, "scaling": scale, "tree": trees},
                indent=2,
            )
        )
    shutil.rmtree(work, ignore_errors=True)


def render(meta: dict, short: dict, figures: dict, scale: dict, trees: dict) -> str:
    lines = [
        f"copydesk benchmark, {meta['date']}, {meta['cores']} cores ({meta['machine']}); "
        f"fresh corpus: {meta['fresh']}",
        "",
        "| tool | start-up | 1,000-word draft, no cache |",
        "|---|---:|---:|",
    ]
    for name, row in short.items():
        lines.append(f"| {name} | {row['startup_s']:.2f} s | {row['draft_s']:.2f} s |")
    lines += [
        "",
        "| input | tool | time | CPU time | MB/s | words/s | peak memory "
        "| copydesk is faster by | by CPU time |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for rows in figures.values():
        base = rows.get("copydesk")
        for name, m in rows.items():
            if name.startswith("_"):
                continue
            ratio = f"{base['mb_per_s'] / m['mb_per_s']:.2f}x" if base else ""
            # CPU time: the work done, steadier than wall time when the machine is shared
            by_cpu = f"{m['cpu_s'] / base['cpu_s']:.2f}x" if base and base["cpu_s"] else ""
            lines.append(
                f"| {rows['_label']} ({rows['_files']:,} files) | {name} | {m['seconds']:.1f} s "
                f"| {m['cpu_s']:.1f} s "
                f"| {m['mb_per_s']:.2f} | {m['words_per_s']:,.0f} | {m['peak_mb']:.0f} MB "
                f"| {ratio} | {by_cpu} |"
            )
    lines += [
        "",
        f"Scaling, one file: 1 MB {scale['one_1mb_s']:.1f} s, 3 MB {scale['one_3mb_s']:.1f} s: "
        f"the 3 MB file costs {scale['ratio']:.2f}x three 1 MB files in wall time, "
        f"{scale['cpu_ratio']:.2f}x in CPU time (aim: at most 1.3x).",
        f"Fresh {trees['files']:,}-file tree ({trees['mb']:.1f} MB, a git repository): "
        f"--changed-since HEAD with 5 files changed, no cache: {trees['changed_since_s']:.2f} s "
        f"(peak {trees['changed_since_peak_mb']:.0f} MB); the whole tree, no cache: "
        f"{trees['whole_s']:.1f} s, peak {trees['whole_peak_mb']:.0f} MB; with the cache, first "
        f"run {trees['first_s']:.1f} s, second run (nothing changed) "
        f"{trees['second_text_s']:.2f} s with the text report, {trees['second_json_s']:.2f} s "
        "with --format json.",
        f"Slow peers ({', '.join(SLOW)}) run on the small inputs only; every ratio compares "
        "copydesk on the same input.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
