"""One big document linted on several cores: its rules shared among processes.

A pool lints many files at once, but one 10 MB draft would keep one core busy while the
others idle. Here the engine's rules are split into shares, whole packs at a time (a pack's
rules share per-document analyses: grammar's tagged sentences, facts' name mentions; split,
each process would compute them again), balanced by each pack's measured cost per MB. This
process parses the document and scans its phrases once, then forks one child per share but
its own; each child lints its share of the rules on the inherited document and sends back
its findings; this process lints its own share meanwhile and merges them all in the order
the one-process run gives (``Engine.finish``). Every rule sees the same document and runs
in the same order within its pack, so the findings, their order and the errors are the
same: exact by construction, not by classifying what each rule reads.

Only with ``fork`` (the child must inherit the engine and the parsed document: anything
else would cost a second load and parse) and only for documents of ``SPLIT_AT`` characters
or more, below which a fork costs more than it saves.
"""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.runner import Engine, Part

# below this many characters one process is as fast: a fork and the pages both processes then
# copy cost about as much as half the rules save on ~200 KB once the rules are loaded
# (bench/bigfile.py --sizes; a first document, whose packs each load in one process, gains
# from ~50 KB)
SPLIT_AT = 250_000
# CPU seconds per MB of each pack's rules run alone on a parsed document (what a share costs
# its process), on the fresh 10 MB text's first 3 MB (bench/bigfile.py --packs)
PACK_COST = {"grammar": 1.0, "facts": 0.92, "style": 0.31, "spelling": 0.27, "core": 0.13}
OTHER_COST = 0.02  # a rule of any other pack (a user's rule file), per rule
# what this process does alone per MB before the fork (read, parse, scan: 2.8 CPU s on 10 MB)
PARENT_COST = 0.28
# the last shared document's figures (for benchmarks): CPU seconds of this process's share,
# and each child's CPU seconds for its share and its peak resident memory in KB
LAST: dict[str, float] = {}
CHILD_PEAKS: list[int] = []
CHILD_SECONDS: list[float] = []


def shares(engine: Engine, wanted: int, spelling_here: bool = False) -> list[frozenset[int]]:
    """The indices of ``engine.rules`` in at most ``wanted`` shares of whole packs, the
    costliest pack first into the share that costs least so far (longest processing time
    first), counting the work this process does alone. The first share is this process's;
    ``spelling_here``: it holds spelling, whose verdicts a cached run saves from the process
    that judged them (``parallel._keeps_results``)."""
    packs: dict[str, list[int]] = {}
    for i, rule in enumerate(engine.rules):
        packs.setdefault(rule.pack or "", []).append(i)
    costs = {
        pack: PACK_COST.get(pack, OTHER_COST * len(indices)) for pack, indices in packs.items()
    }
    count = max(1, min(wanted, len(packs)))
    load = [PARENT_COST] + [0.0] * (count - 1)
    names: list[list[str]] = [[] for _ in range(count)]
    order = sorted(packs, key=lambda p: (-costs[p], p))
    if spelling_here and "spelling" in packs:
        order.remove("spelling")
        load[0] += costs["spelling"]
        names[0].append("spelling")
    for pack in order:
        k = min(range(count), key=lambda j: load[j])
        load[k] += costs[pack]
        names[k].append(pack)
    return [frozenset(i for pack in share for i in packs[pack]) for share in names if share]


def can_share() -> bool:
    """Whether this process may fork children that inherit it: on ``fork`` platforms, and
    not inside a pool's worker (a daemon process may not have children)."""
    import multiprocessing

    from linter.parallel import _context

    if multiprocessing.current_process().daemon:
        return False
    try:
        return _context().get_start_method() == "fork"
    except ValueError:  # an unknown COPYDESK_START_METHOD
        return False


def _peak_kb() -> int:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak


def lint_shared(engine: Engine, doc: Document, phrase_hits: list, wanted: int) -> list[Part] | None:
    """The document's findings and keyed errors with its rules shared among up to
    ``wanted`` processes, a part for each share, which ``Engine.finish`` merges in the
    one-process order; None when the document is too small, there is one share, or this
    process cannot fork (the caller lints it alone)."""
    if len(doc.text) < SPLIT_AT or wanted < 2:
        return None
    from linter.parallel import _keeps_results

    parts = shares(engine, wanted, _keeps_results())
    if len(parts) < 2 or not can_share():
        return None
    from linter.parallel import _context

    # what every share reads, made once here and inherited: positions, tokens, quotations
    _ = doc.line_starts, doc.words, doc.word_set, doc.quotes
    context = _context()
    children = []
    CHILD_PEAKS.clear()
    CHILD_SECONDS.clear()
    for share in parts[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(
            target=_child, args=(engine, doc, share, phrase_hits, send), daemon=True
        )
        try:
            child.start()
        except OSError:  # no process could start: this one lints that share itself
            receive.close()
            send.close()
            children.append((None, None, share))
            continue
        send.close()
        children.append((child, receive, share))
    start = time.process_time()
    found = [engine.lint_rules(doc, parts[0], phrase_hits)]
    LAST["share_seconds"] = time.process_time() - start
    for child, receive, share in children:
        part = None
        if child is not None and receive is not None:
            try:
                part, peak, seconds = receive.recv()
                CHILD_PEAKS.append(peak)
                CHILD_SECONDS.append(seconds)
            except (EOFError, OSError):  # the child died: its share is linted here
                part = None
            receive.close()
            child.join()
        found.append(part if part is not None else engine.lint_rules(doc, share, phrase_hits))
    return found


def _child(engine: Engine, doc: Document, share: frozenset[int], hits: list, send) -> None:
    """In the forked child: lint the share, send it with its CPU time and peak memory."""
    try:
        start = time.process_time()
        part = engine.lint_rules(doc, share, hits)
        send.send((part, _peak_kb(), time.process_time() - start))
    except BaseException:  # the parent lints the share itself when it reads nothing
        pass
    finally:
        send.close()
