"""Spelling recall and precision: real misspellings injected into clean news text.

Takes the Wikipedia list of common misspellings (../shared/data/misspellings, CC BY-SA; read
here, never shipped), replaces lower-case occurrences of each correct word in the clean
articles by the misspelling (one pair at a time, at least 40 words apart), and counts what
copydesk's spelling pack, codespell and Harper (harper-py) find at exactly those words.

The list is split in two: pairs whose misspelling codespell's dictionary also lists (copydesk
reads that dictionary, so this half measures the rule, not the data) and the held-out rest,
which only the dictionary check (SPELL001) can catch. The clean text is also run unchanged:
false alarms per 1,000 words (error and warning findings; infos are advice and not counted).

    python bench/spelling_recall.py            # all three tools
    python bench/spelling_recall.py --no-harper --limit 600
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from common import DATA, ROOT, clean_files, word_count

LOWER_WORD = re.compile(r"(?<![\w@#/.'’-])[a-z]+(?![\w'’@-])")
GAP = 40  # words between two injections in one copy of a file


def load_pairs() -> list[tuple[str, str]]:
    path = DATA / "misspellings" / "wikipedia_common_misspellings.tsv"
    pairs = []
    for line in path.read_text("utf-8").splitlines()[1:]:
        wrong, _, right = line.partition("\t")
        if right.isalpha() and right.islower() and wrong.isalpha() and wrong.islower():
            pairs.append((wrong, right))
    return pairs


def codespell_keys() -> set[str]:
    import codespell_lib

    text = (Path(codespell_lib.__file__).parent / "data" / "dictionary.txt").read_text("utf-8")
    return {line.split("->")[0] for line in text.splitlines()}


def inject(files: list[Path], pairs: list[tuple[str, str]], out: Path, limit: int, seed: int):
    """Write copies of the clean files with misspellings in them; return the injections as
    dicts (file, start, end, wrong, right)."""
    rng = random.Random(seed)
    texts = {f: f.read_text("utf-8") for f in files}
    places = defaultdict(list)  # right word -> [(file, start)]
    for f, text in texts.items():
        for m in LOWER_WORD.finditer(text):
            places[m.group()].append((f, m.start()))
    usable = [(w, r) for w, r in pairs if places.get(r)]
    rng.shuffle(usable)
    usable = usable[:limit]
    copies: list[dict[Path, list]] = []  # per round: file -> [(start, wrong, right)]
    for wrong, right in usable:
        f, start = rng.choice(places[right])
        for copy in copies:
            taken = copy.setdefault(f, [])
            if all(abs(start - s) > GAP * 6 for s, _, _ in taken):
                taken.append((start, wrong, right))
                break
        else:
            copies.append({f: [(start, wrong, right)]})
    injected = []
    for n, copy in enumerate(copies):
        for f, edits in copy.items():
            text = texts[f]
            target = out / f"r{n:03d}" / f.parent.name / f.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shift = 0
            for start, wrong, right in sorted(edits):
                at = start + shift
                text = text[:at] + wrong + text[at + len(right) :]
                injected.append(
                    {"file": str(target), "start": at, "end": at + len(wrong), "wrong": wrong}
                )
                shift += len(wrong) - len(right)
            target.write_text(text, "utf-8")
    return injected


def offsets(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def run_copydesk(paths: list[Path], *extra: str) -> tuple[dict[str, list], float]:
    """Findings per file as (start, end, rule, severity)."""
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "linter", "check", "--format", "json", "--select", "SPELL"]
    proc = subprocess.run(
        [*cmd, *extra, *map(str, paths)], capture_output=True, text=True, cwd=ROOT
    )
    if proc.returncode not in (0, 1):
        sys.exit(f"copydesk failed: {proc.stderr.strip()}")
    elapsed = time.perf_counter() - t
    found: dict[str, list] = defaultdict(list)
    cache: dict[str, list[int]] = {}
    for f in json.loads(proc.stdout)["findings"]:
        path = str((ROOT / f["path"]).resolve()) if not Path(f["path"]).is_absolute() else f["path"]
        if path not in cache:
            cache[path] = offsets(Path(path).read_text("utf-8"))
        start = cache[path][f["line"] - 1] + f["column"] - 1
        end = cache[path][f["end_line"] - 1] + f["end_column"] - 1
        found[path].append((start, end, f["rule"], f["severity"]))
    return found, elapsed


def run_codespell(paths: list[Path]) -> tuple[dict[str, list], float]:
    """codespell's findings per file as (line, word); it reports lines, not columns."""
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "codespell_lib", *map(str, paths)], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - t
    found: dict[str, list] = defaultdict(list)
    for line in proc.stdout.splitlines():
        m = re.match(r"(.+?):(\d+): (\S+) ==>", line)
        if m:
            found[str(Path(m[1]).resolve())].append((int(m[2]), m[3].lower()))
    return found, elapsed


def run_harper(paths: list[Path]) -> tuple[dict[str, list], float]:
    """Harper's lints per file as (start, end, kind)."""
    import harper

    t = time.perf_counter()
    linter = harper.Linter()
    found: dict[str, list] = defaultdict(list)
    for path in paths:
        for lint in linter.lint(path.read_text("utf-8")):
            found[str(path.resolve())].append((lint.span.start, lint.span.end, lint.lint_kind))
    return found, time.perf_counter() - t


def caught_copydesk(inj: dict, found: dict, severities: tuple[str, ...]) -> bool:
    return any(
        s < inj["end"] and e > inj["start"] and sev in severities
        for s, e, _, sev in found.get(str(Path(inj["file"]).resolve()), ())
    )


def caught_codespell(inj: dict, found: dict, lines: dict) -> bool:
    path = str(Path(inj["file"]).resolve())
    line = lines[path](inj["start"])
    return (line, inj["wrong"]) in found.get(path, ())


def caught_harper(inj: dict, found: dict, kinds: tuple[str, ...] | None) -> bool:
    path = str(Path(inj["file"]).resolve())
    return any(
        s < inj["end"] and e > inj["start"] and (kinds is None or kind in kinds)
        for s, e, kind in found.get(path, ())
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=5000, help="most pairs to inject")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-harper", action="store_true", help="skip Harper (slow)")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args()

    files = clean_files()
    words = word_count(files)
    listed_keys = codespell_keys()
    pairs = load_pairs()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        injected = inject(files, pairs, out, args.limit, args.seed)
        copies = sorted(out.rglob("*.txt"))
        line_of = {}
        for p in copies:
            starts = offsets(p.read_text("utf-8"))
            line_of[str(p.resolve())] = lambda off, s=starts: __import__("bisect").bisect_right(
                s, off
            )
        cd, cd_time = run_copydesk([out])
        config = out / "dictionary-only.toml"
        config.write_text("[spelling]\ncodespell = false\n", "utf-8")
        dict_only, _ = run_copydesk([out], "--config", str(config))
        cs, cs_time = run_codespell([out])
        hp, hp_time = ({}, 0.0) if args.no_harper else run_harper(copies)
        clean_cd, _ = run_copydesk(files)
        clean_dict_only, _ = run_copydesk(files, "--config", str(config))
        clean_cs, _ = run_codespell(files)
        clean_hp, _ = ({}, 0.0) if args.no_harper else run_harper(files)

    clean_cd_count = sum(1 for fs in clean_cd.values() for f in fs if f[3] in ("error", "warning"))
    clean_dict_count = sum(
        1 for fs in clean_dict_only.values() for f in fs if f[3] in ("error", "warning")
    )
    clean_info = sum(1 for fs in clean_cd.values() for f in fs if f[3] == "info")
    groups = {
        "listed": [i for i in injected if i["wrong"] in listed_keys],
        "held-out": [i for i in injected if i["wrong"] not in listed_keys],
    }
    groups["all"] = injected
    print(
        f"clean text: {len(files)} files, {words:,} words; injected {len(injected)} "
        f"misspellings ({len(groups['listed'])} listed by codespell, "
        f"{len(groups['held-out'])} held out) into {len(copies)} copies"
    )
    print()
    print(
        "| tool | recall (all) | recall (codespell-listed) | recall (held-out) | "
        "false alarms / 1,000 words |"
    )
    print("| --- | --- | --- | --- | --- |")

    def row(name: str, hit, clean_count: int | None) -> None:
        cells = []
        for g in ("all", "listed", "held-out"):
            items = groups[g]
            n = sum(1 for i in items if hit(i))
            cells.append(f"{n / len(items):.3f} ({n}/{len(items)})" if items else "-")
        fa = f"{1000 * clean_count / words:.2f}" if clean_count is not None else "-"
        print(f"| {name} | {' | '.join(cells)} | {fa} |")

    row("copydesk (errors)", lambda i: caught_copydesk(i, cd, ("error",)), clean_cd_count)
    row(
        "copydesk (any, incl. info)",
        lambda i: caught_copydesk(i, cd, ("error", "warning", "info")),
        None,
    )
    row(
        "copydesk, dictionary only (no codespell list)",
        lambda i: caught_copydesk(i, dict_only, ("error",)),
        clean_dict_count,
    )
    row("codespell", lambda i: caught_codespell(i, cs, line_of), sum(map(len, clean_cs.values())))
    if not args.no_harper:
        spelling = sum(1 for lints in clean_hp.values() for *_, k in lints if k == "Spelling")
        row("harper-py (Spelling lints)", lambda i: caught_harper(i, hp, ("Spelling",)), spelling)
        row(
            "harper-py (any lint)",
            lambda i: caught_harper(i, hp, None),
            sum(map(len, clean_hp.values())),
        )
    print()
    print(
        f"copydesk info findings on the clean text (not counted): {clean_info} "
        f"({1000 * clean_info / words:.2f} per 1,000 words)"
    )
    print(
        f"time on the injected copies: copydesk {cd_time:.2f} s, codespell {cs_time:.2f} s"
        + ("" if args.no_harper else f", harper-py {hp_time:.2f} s")
    )
    if args.misses:
        missed = [i for i in injected if not caught_copydesk(i, cd, ("error",))]
        print(f"\nfirst {args.misses} of {len(missed)} misses:")
        missed += [
            {**i, "dict": 1} for i in injected if not caught_copydesk(i, dict_only, ("error",))
        ]
        for i in missed[: args.misses]:
            print(f"  {'dictionary-only ' if 'dict' in i else ''}{i['wrong']}")


if __name__ == "__main__":
    main()
