"""A progress bar on standard error, only on a terminal and only for big runs (more than
``THRESHOLD`` files to lint): CI logs and pipes never see it, small runs never flicker."""

from __future__ import annotations

import os
import sys
import time

THRESHOLD = 300
WIDTH = 30
INTERVAL = 0.1  # seconds between redraws


class Progress:
    """Callable as ``progress(done, total)``; ``close()`` erases the bar."""

    def __init__(self, stream=None, threshold: int = THRESHOLD, force: bool = False) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.threshold = threshold
        self.enabled = force or (
            hasattr(self.stream, "isatty")
            and self.stream.isatty()
            and not os.environ.get("CI")
            and os.environ.get("TERM") != "dumb"
        )
        self.shown = False
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= self.threshold:
            return
        now = time.monotonic()
        if done < total and now - self.last < INTERVAL:
            return
        self.last = now
        filled = WIDTH * done // total
        bar = "█" * filled + "░" * (WIDTH - filled)
        self.stream.write(f"\r\033[2Kchecking {bar} {done}/{total} files")
        self.stream.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\033[2K")
            self.stream.flush()
            self.shown = False
