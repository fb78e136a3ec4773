"""Linting many texts across processes, in the order they were given.

Each worker builds its Engine once (the pool's initializer), so rules load and compile once
per process, not once per file. A pool costs start-up time and, with ``spawn``, an Engine build
per worker; small runs therefore stay in this process (see ``worker_count``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain, islice

from linter.finding import Finding
from linter.settings import Settings

MIN_FILES_PER_WORKER = 4  # fewer files than this per worker: not worth a pool
MIN_CHARS = 200_000  # less text than this in all: one process is faster than starting a pool
MAX_WORKERS = 32  # never more processes than this, nor than twice the cores (``-j 300``)

Outcome = tuple[list[Finding], list[str]]


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def worker_count(jobs: int | None, sizes: Sequence[int]) -> int:
    """Processes to use: ``jobs`` (None or 0: every core), fewer when the run is small, and
    at most ``MAX_WORKERS`` or twice the cores: each worker holds the rules in memory, so
    ``-j 300`` would start 300 of them for nothing."""
    wanted = cores_wanted(jobs)
    if wanted <= 1 or sum(sizes) < MIN_CHARS:
        return 1
    return max(1, min(wanted, len(sizes) // MIN_FILES_PER_WORKER))


def cores_wanted(jobs: int | None) -> int:
    """Processes ``jobs`` asks for (None or 0: every core), at most ``MAX_WORKERS`` or
    twice the cores."""
    cores = available_cores()
    return cores if not jobs else min(max(1, jobs), 2 * cores, MAX_WORKERS)


def lint_source(settings: Settings, path: str, text: str, split: int = 1) -> Outcome:
    """Findings and one-line errors for one decoded text; never raises. ``split``:
    processes a big text's rules may be shared among (``linter.bigdoc``)."""
    from linter.errors import CopydeskError
    from linter.escape import escape_control
    from linter.formats import build_document
    from linter.runner import engine_for

    try:
        doc = build_document(path, text, None, settings.date)
        return engine_for(settings).lint_document(doc, split)
    except CopydeskError as exc:
        return [], [str(exc)]
    except RecursionError:
        return [], [escape_control(f"{path}: too deeply nested to parse; skipped")]
    except Exception as exc:  # a crash is a bug; it must not cost the other files
        return [], [escape_control(f"{path}: internal error: {type(exc).__name__}: {exc}")]


_WORKER_SETTINGS: Settings | None = None
# A run allocates many small objects that live for the run (compiled rules, word lists, the
# per-word verdicts the packs memoise) and few reference cycles, so the collector's default
# pace spends about a tenth of the time rescanning them. A process that is copydesk's own
# (the CLI, a pool worker) freezes what is loaded and collects young objects less often.
GC_THRESHOLD = (20_000, 50, 1_000)


def settle_gc() -> None:
    """For a process that is copydesk's own: move everything loaded so far (the engine)
    out of the collector's view and collect less often. Not for library callers' processes."""
    import gc

    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def _init_worker(settings: Settings) -> None:
    """Runs once in each worker: build (or, after fork, inherit) the Engine."""
    global _WORKER_SETTINGS
    from linter.runner import engine_for

    _WORKER_SETTINGS = settings
    engine_for(settings)
    settle_gc()


def _work(item: tuple[str, str]) -> Outcome:
    assert _WORKER_SETTINGS is not None
    return lint_source(_WORKER_SETTINGS, item[0], item[1])


def share_before_fork(settings: Settings) -> None:
    """Load in this process, before the workers fork, what each worker would otherwise load
    for itself and keep apart: the dictionary's words hashed into sets (300,000 strings,
    about 30 MB), which a 10,000-file tree needs in every worker. Forked workers share
    those pages (a set lookup writes nothing to its strings)."""
    from linter.runner import engine_for

    if any(rule.pack == "spelling" for rule in engine_for(settings).rules):
        from linter.language.lexicon import lexicon

        lexicon(settings.dialect).lower_words()


def _context():
    """``fork`` on Linux (workers inherit the parent's compiled rules for free) unless
    ``COPYDESK_START_METHOD`` says otherwise; the platform default elsewhere."""
    import multiprocessing

    method = os.environ.get("COPYDESK_START_METHOD")
    if not method and sys.platform.startswith("linux"):
        method = "fork"
    return multiprocessing.get_context(method) if method else multiprocessing.get_context()


def _keeps_results() -> bool:
    """Whether this run keeps what it judges across runs (the command with its cache): a
    store that arranges its save when first written to (the spelling verdicts) would
    arrange it in the parent, and a forked worker would then never save its own."""
    from linter.userdir import keeping_results

    return keeping_results()


def lint_many(
    settings: Settings,
    items: Iterable[tuple[str, str]],
    jobs: int | None = 1,
    progress: Callable[[int, int], None] | None = None,
    own_process: bool = False,
    expected: int | None = None,
) -> list[Outcome]:
    """Outcomes for ``(path, text)`` items, in the same order, in parallel when worth it.
    ``progress(done, total)`` is called as each outcome arrives (the CLI's progress bar).
    ``own_process``: this process is copydesk's own (the CLI): see ``settle_gc``.

    ``items`` may be a lazy iterable (files read as they are asked for) that gives at most
    ``expected`` items: once the text read ahead shows the run is worth a pool, the workers
    start on the first files while the rest are still being read."""
    from linter.runner import engine_for

    pending = iter(items)
    ahead: list[tuple[str, str]] = []  # read ahead until the run is known to be big enough
    chars = 0
    for item in pending:
        ahead.append(item)
        chars += len(item[1])
        if chars >= MIN_CHARS and expected is not None:
            total = max(expected, len(ahead))
            break
    else:
        total = len(ahead)  # all read
    if not ahead:
        return []
    seen: list[tuple[str, str]] = []

    def stream() -> Iterator[tuple[str, str]]:
        for item in chain(ahead, pending):
            seen.append(item)
            yield item

    feed = stream()

    def tick(outcomes: Iterable[Outcome], done: list[Outcome] | None = None) -> list[Outcome]:
        done = [] if done is None else done
        if progress is None:
            done.extend(outcomes)
            return done
        for outcome in outcomes:
            done.append(outcome)
            progress(len(done), len(seen))
        return done

    engine_for(settings)  # here first: a bad rule file stops the run with one line
    sizes = [len(text) for _, text in ahead] + [0] * (total - len(ahead))
    split = cores_wanted(jobs)  # a big document's rules are shared among these (bigdoc)
    workers = worker_count(jobs, sizes)
    context = _context() if workers > 1 else None
    if context is not None and context.get_start_method() == "fork":
        share_before_fork(settings)
    if own_process:
        settle_gc()
    if context is None:
        every = list(feed)  # one process gains nothing from reading as it goes
        return tick(lint_source(settings, path, text, split) for path, text in every)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    from linter.bigdoc import SPLIT_AT, can_share

    first: list[Outcome] = []
    if context.get_start_method() == "fork" and not _keeps_results():
        # the first file linted here, before the fork: what the rules load on first use
        # (the facts' knowledge, the slot model, the spelling tables: ~60 ms of CPU) is then
        # loaded once and inherited by every worker, where each loaded it for itself
        first = tick(lint_source(settings, path, text, split) for path, text in islice(feed, 1))
        if own_process:
            settle_gc()  # what that loaded joins the engine, out of the collector's view
    # a document big enough to share its rules among processes waits for the pool to end,
    # then has every core: in the pool it would keep one worker busy long after the rest
    defer = split > 1 and can_share()
    big_at: list[int] = []  # where each such document is in the run

    def pooled() -> Iterator[tuple[str, str]]:
        for item in feed:
            if defer and len(item[1]) >= SPLIT_AT:
                big_at.append(len(seen) - 1)
            else:
                yield item

    # with fork, workers inherit the engine built above
    # chunks of up to 64 files: on 10 MB, chunks of 16 made the run a tenth slower and of 4
    # a fifth (each chunk is a round trip through the pool's queues)
    chunk = max(1, min(64, len(sizes) // (workers * 8)))
    try:
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_init_worker, initargs=(settings,)
        ) as pool:
            done = tick(pool.map(_work, pooled(), chunksize=chunk), list(first))
    except (BrokenProcessPool, OSError):  # a worker died or no process could start
        for _ in feed:  # what the pool had not asked for yet
            pass
        rest = seen[len(first) :]
        return first + [lint_source(settings, path, text, split) for path, text in rest]
    for at in big_at:  # ascending: each goes where it was in the run
        path, text = seen[at]
        done.insert(at, lint_source(settings, path, text, split))
        if progress is not None:
            progress(len(done), len(seen))
    return done
