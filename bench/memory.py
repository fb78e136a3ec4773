"""Where copydesk's memory goes on one big file: the resident set size (RSS) after each stage
of one process's lint of one file of the fresh corpus, and the peak, stage by stage.

    python bench/memory.py               # one 10 MB file
    python bench/memory.py --mb 1

Stages: start (Python and the engine's modules), rules (loading every default rule and its
data), the document (text, masks, folded text, words), the phrase pass, then each rule's
``check`` in the engine's order (the growth each one leaves behind: indexes and memos it
keeps, plus its matches), and the findings. Peak memory of whole runs (the CLI, with its
worker processes) is measured by bench/run.py.
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
from pathlib import Path

from common import ROOT

sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 1e6


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # kB on Linux


def stages(path: Path) -> list[tuple[str, float, float]]:
    """(stage, RSS after it, peak so far) in MB."""
    out = [("start", rss_mb(), peak_mb())]
    from linter.formats import build_document
    from linter.literals import LITERALS
    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings(root=Path.cwd()))
    out.append(("rules", rss_mb(), peak_mb()))
    text = path.read_text("utf-8")
    doc = build_document(str(path), text, None, None)
    _ = doc.folded, doc.words
    out.append(("document", rss_mb(), peak_mb()))
    hits, present = engine.matcher.scan(doc.folded)
    if engine.matcher.literals:
        LITERALS.remember(doc, engine.matcher.literals, present)
    raw = []
    for s, e, payloads in hits:
        for rule, payload in payloads:
            m = rule.on_phrase(doc, s, e, payload)
            if m is not None:
                raw.append((rule, m))
    out.append(("phrases", rss_mb(), peak_mb()))
    for rule in engine.rules:
        raw.extend((rule, m) for m in rule.check(doc))
        out.append((rule.id, rss_mb(), peak_mb()))
    findings = engine._findings(doc, raw)
    out.append((f"findings ({len(findings):,})", rss_mb(), peak_mb()))
    del raw, findings
    gc.collect()
    out.append(("after gc", rss_mb(), peak_mb()))
    return out


def table(rows: list[tuple[str, float, float]], top: int) -> str:
    growth = [
        (name, rss - prev_rss, rss, peak)
        for (name, rss, peak), (_, prev_rss, _) in zip(rows[1:], rows[:-1], strict=True)
    ]
    keep = {name for name, *_ in sorted(growth, key=lambda g: -abs(g[1]))[:top]}
    fixed = {"rules", "document", "phrases", "after gc"}
    lines = [
        "| stage or rule | RSS growth | RSS after | peak so far |",
        "|---|---:|---:|---:|",
        f"| start | | {rows[0][1]:.0f} MB | {rows[0][2]:.0f} MB |",
    ]
    for name, grew, rss, peak in growth:
        if name in keep or name in fixed or name.startswith("findings"):
            lines.append(f"| {name} | {grew:+.0f} MB | {rss:.0f} MB | {peak:.0f} MB |")
    return "\n".join(lines)


def main() -> None:
    from fresh_corpus import one_file

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=10.0, help="size of the one file")
    parser.add_argument("--top", type=int, default=12, help="rules to list")
    args = parser.parse_args()
    path = one_file(args.mb)
    rows = stages(path)
    print(f"one process, one file of {path.stat().st_size / 1e6:.1f} MB (fresh corpus)\n")
    print(table(rows, args.top))
    print(f"\npeak RSS {peak_mb():.0f} MB")


if __name__ == "__main__":
    main()
