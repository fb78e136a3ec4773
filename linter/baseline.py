"""Baselines: adopt copydesk on an archive by recording today's findings and reporting only
new ones.

A finding is keyed by its file, its rule, the flagged text and a little of the text around it
on the same line (whitespace folded), never by its line number: adding or removing paragraphs
elsewhere in the file keeps old findings known, while a new slip, or an old one whose
sentence is rewritten, is reported. Keys are a multiset, so a second identical slip in the same
context counts as new once the recorded ones are used up.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from linter.errors import CopydeskError
from linter.finding import Finding
from linter.source import read_text_limited

FORMAT_VERSION = 1
CONTEXT = 20  # characters of context kept on each side of the flagged text


class BaselineError(CopydeskError):
    """The baseline file is unreadable, not JSON, or not shaped as a copydesk baseline."""


def _fold(text: str) -> str:
    return " ".join(text.split())


def finding_key(finding: Finding, text: str | None) -> str:
    """A stable key for a finding that does not depend on its line or column."""
    if text is not None and 0 <= finding.start < finding.end <= len(text):
        line_start = max(text.rfind("\n", 0, finding.start) + 1, finding.start - CONTEXT)
        line_end = text.find("\n", finding.end)
        line_end = len(text) if line_end < 0 else line_end
        line_end = min(line_end, finding.end + CONTEXT)
        parts = (
            text[finding.start : finding.end],
            _fold(text[line_start : finding.start]),
            _fold(text[finding.end : line_end]),
        )
    else:  # no text (e.g. a cached result): the message names the flagged words
        parts = (finding.message, "", "")
    raw = "\0".join((finding.rule, *parts))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:20]


def _relative(path: str, base: Path) -> str:
    try:
        rel = os.path.relpath(os.path.abspath(path), base)
    except ValueError:  # another drive on Windows
        return Path(path).as_posix()
    return Path(rel).as_posix()


class Baseline:
    """Recorded findings of one baseline file: (path relative to the file's folder, key)."""

    def __init__(self, path: str, entries: Iterable[tuple[str, str]] = ()) -> None:
        self.path = path
        self.base = Path(os.path.abspath(path)).parent
        self.entries = Counter(entries)

    @classmethod
    def load(cls, path: str) -> Baseline:
        try:
            raw = read_text_limited(path)  # a regular file, bounded (issue 17)
        except FileNotFoundError:
            raise BaselineError("baseline file not found", path) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"cannot read baseline file: {exc}", path) from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BaselineError(
                f"not a copydesk baseline: invalid JSON ({exc.msg}, column {exc.colno})",
                path,
                exc.lineno,
            ) from None
        if not isinstance(data, dict) or data.get("copydesk_baseline") != FORMAT_VERSION:
            raise BaselineError(
                f'not a copydesk baseline: expected {{"copydesk_baseline": {FORMAT_VERSION}, '
                '"findings": [...]}; delete it and run again to record a new one',
                path,
            )
        items = data.get("findings")
        if not isinstance(items, list):
            raise BaselineError("not a copydesk baseline: 'findings' must be a list", path)
        entries = []
        for i, item in enumerate(items, 1):
            if not (
                isinstance(item, dict)
                and isinstance(item.get("path"), str)
                and isinstance(item.get("key"), str)
            ):
                raise BaselineError(
                    f"not a copydesk baseline: finding {i} needs string 'path' and 'key'", path
                )
            entries.append((item["path"], item["key"]))
        return cls(path, entries)

    def _entry(self, finding: Finding, text_of: Callable[[str], str | None]) -> tuple[str, str]:
        return _relative(finding.path, self.base), finding_key(finding, text_of(finding.path))

    def new_findings(
        self, findings: list[Finding], text_of: Callable[[str], str | None]
    ) -> list[Finding]:
        """The findings not recorded in the baseline (each record excuses one finding)."""
        left = Counter(self.entries)
        fresh = []
        for finding in findings:
            entry = self._entry(finding, text_of)
            if left[entry] > 0:
                left[entry] -= 1
            else:
                fresh.append(finding)
        return fresh

    @classmethod
    def write(
        cls, path: str, findings: list[Finding], text_of: Callable[[str], str | None]
    ) -> Baseline:
        """Record ``findings`` in ``path`` (atomically; sorted, so diffs stay small)."""
        from linter.fixer import atomic_write

        baseline = cls(path)
        records = []
        for finding in findings:
            rel, key = baseline._entry(finding, text_of)
            baseline.entries[(rel, key)] += 1
            records.append(
                {
                    "path": rel,
                    "rule": finding.rule,
                    "key": key,
                    "line": finding.line,
                    "message": finding.message,
                }
            )
        records.sort(key=lambda r: (r["path"], r["line"], r["rule"], r["key"]))
        data = {"copydesk_baseline": FORMAT_VERSION, "findings": records}
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        try:
            atomic_write(path, text.encode("utf-8"))
        except OSError as exc:
            raise BaselineError(
                f"cannot write baseline file: {exc.strerror or exc}", path
            ) from None
        return baseline
