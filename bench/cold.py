"""Cold-run CPU time of copydesk on one 1,000-word draft, beside the floor of starting Python.

Why CPU time (user + system of the child, from ``getrusage``) and the best of several runs:
the machine is shared, so wall time is noise; the least CPU a run took is what it costs.
``python -c pass`` is measured in the same run: it is the floor no copydesk change can lower
(on this VM a site hook makes it ~0.13 s). Each copydesk command runs from an empty folder
(no config, no cache) against a byte-compiled copy of ``linter/`` and ``rules/``, as
bench/run.py does.

    python bench/cold.py                 # best of 7
    python bench/cold.py --runs 15 --draft seeds/musk-hyundai-ad.txt
    python bench/cold.py --importtime    # also the slowest imports of one cold check
    python bench/cold.py --against main  # also another git ref's code, in the same run
    python bench/cold.py --instructions  # also each command's instruction count (valgrind)
    python bench/cold.py --first         # also the first run after install (no kept store)

``--instructions`` counts the instructions each command executes (``valgrind --tool=cachegrind
--cache-sim=no``, one run each, ~30x slower): unlike CPU time it does not move with the
machine's load, so a change of a few milliseconds shows on a busy machine too.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ROOT
from run import snapshot

PY = sys.executable


FRESH = "<fresh>"  # an XDG_CACHE_HOME made empty for each run: the first run after install


def _env(env: dict[str, str] | None, cwd: Path) -> dict[str, str] | None:
    """``env``, with a new empty cache folder when it asks for one (``FRESH``)."""
    if env is None or env.get("XDG_CACHE_HOME") != FRESH:
        return env
    return {**env, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="xdg-", dir=cwd)}


def cpu_of(cmd: list[str], cwd: Path, env: dict[str, str] | None) -> float:
    """User + system seconds of one run of ``cmd`` (and its children)."""
    env = _env(env, cwd)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def instructions_of(cmd: list[str], cwd: Path, env: dict[str, str] | None) -> int | None:
    """Instructions one run of ``cmd`` executes (valgrind's cachegrind), or None without
    valgrind. The command runs once before, so that its kept stores are written (not for a
    first run, whose cache folder is new and empty)."""
    import re

    if shutil.which("valgrind") is None:
        return None
    if env is None or env.get("XDG_CACHE_HOME") != FRESH:  # a first run's stays empty
        subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)
    env = _env(env, cwd)
    grind = ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
    proc = subprocess.run(
        [*grind, *cmd],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
    )
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    return int(found.group(1).replace(",", "")) if found else None


def slowest_imports(cmd: list[str], cwd: Path, env: dict[str, str], top: int) -> list[str]:
    """The ``top`` imports with the most cumulative time (``-X importtime``), outermost."""
    proc = subprocess.run(
        [PY, "-X", "importtime", *cmd[1:]], cwd=cwd, env=env, capture_output=True, text=True
    )
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        own, total, name = (p.strip() for p in line.removeprefix("import time:").split("|"))
        if total.isdigit():
            rows.append((int(total), int(own), name))
    rows.sort(reverse=True)
    return [f"{t / 1000:7.1f} ms  (own {o / 1000:5.1f})  {n}" for t, o, n in rows[:top]]


def snapshot_ref(work: Path, ref: str) -> dict[str, str]:
    """``linter/`` and ``rules/`` as they are at git ``ref``, byte-compiled, and an
    environment that runs them (as ``run.snapshot`` does for the checkout)."""
    src = work / "ref-src"
    src.mkdir()
    archive = subprocess.run(
        ["git", "archive", ref, "linter", "rules"], cwd=ROOT, capture_output=True, check=True
    )
    subprocess.run(["tar", "-x", "-C", str(src)], input=archive.stdout, check=True)
    subprocess.run([PY, "-m", "compileall", "-q", str(src)], check=True)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src)
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each command (best kept)")
    parser.add_argument("--draft", type=Path, help="the draft (default: bench/corpus.py's)")
    parser.add_argument("--importtime", action="store_true", help="show the slowest imports")
    parser.add_argument("--against", metavar="REF", help="also time this git ref's code")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (valgrind)"
    )
    parser.add_argument(
        "--first",
        action="store_true",
        help="also the first run after install (an empty cache folder: no kept store)",
    )
    args = parser.parse_args()
    if args.draft:
        draft = args.draft.resolve()
    else:
        from corpus import draft as make_draft

        draft = make_draft(1000)
    work = Path(tempfile.mkdtemp(prefix="copydesk-bench-cold-"))
    env = snapshot(work)
    # the copy alone on the path, as the ref's copy is: the caller's PYTHONPATH (the checkout,
    # as the project's commands set it) would add a folder to every import's search
    env["PYTHONPATH"] = str(work / "src")
    copydesk = [PY, "-m", "linter"]
    commands = {
        "python -c pass (floor)": ([PY, "-c", "pass"], None),
        "copydesk --version": ([*copydesk, "--version"], env),
        "copydesk --help": ([*copydesk, "--help"], env),
        "copydesk rules": ([*copydesk, "rules"], env),
        "copydesk explain CORE001": ([*copydesk, "explain", "CORE001"], env),
        "copydesk check --no-cache DRAFT (cold)": (
            [*copydesk, "check", "--no-cache", str(draft)],
            env,
        ),
    }
    first = "copydesk check --no-cache DRAFT (first run)"
    if args.first:
        cold = commands["copydesk check --no-cache DRAFT (cold)"][0]
        commands[first] = (cold, {**env, "XDG_CACHE_HOME": FRESH})
    if args.against:
        ref_env = snapshot_ref(work, args.against)
        for name in (
            "copydesk --version",
            "copydesk rules",
            "copydesk check --no-cache DRAFT (cold)",
        ):
            commands[f"{name} @{args.against}"] = (commands[name][0], ref_env)
        if args.first:
            ref_first = {**ref_env, "XDG_CACHE_HOME": FRESH}
            commands[f"{first} @{args.against}"] = (commands[first][0], ref_first)
    best = {name: float("inf") for name in commands}
    for _ in range(args.runs):  # interleaved, so a busy moment hits every command alike
        for name, (cmd, cmd_env) in commands.items():
            best[name] = min(best[name], cpu_of(cmd, work, cmd_env))
    floor = best["python -c pass (floor)"]
    print(f"CPU time (user+sys), best of {args.runs}; draft {draft}")
    counts = {}
    if args.instructions:
        counts = {name: instructions_of(cmd, work, e) for name, (cmd, e) in commands.items()}
    if any(counts.values()):
        low = counts["python -c pass (floor)"] or 0
        print("| command | CPU | above the floor | instructions | above the floor |")
        print("|---|---:|---:|---:|---:|")
        for name, seconds in best.items():
            n = counts.get(name) or 0
            print(
                f"| {name} | {seconds:.3f} s | {seconds - floor:+.3f} s "
                f"| {n / 1e6:,.0f} M | {(n - low) / 1e6:+,.0f} M |"
            )
    else:
        print("| command | CPU | above the floor |\n|---|---:|---:|")
        for name, seconds in best.items():
            print(f"| {name} | {seconds:.3f} s | {seconds - floor:+.3f} s |")
    if args.importtime:
        print("\nslowest imports of one cold check (cumulative, -X importtime):")
        cmd = commands["copydesk check --no-cache DRAFT (cold)"][0]
        print("\n".join(slowest_imports(cmd, work, env, 25)))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
