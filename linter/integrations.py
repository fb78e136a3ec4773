"""What ``copydesk check`` does between linting and reporting: ``--fix`` / ``--diff``,
``--changed-since`` and ``--baseline``. Typed steps, not the command's flags, so that the
command stays a thin layer over them and they can be called without argparse; each step
imports its module only when it is asked for."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from linter.changed import ChangedLines
    from linter.finding import Finding
    from linter.settings import Settings


@dataclass
class Steps:
    """The steps after linting that a run asked for."""

    fix: bool = False  # apply safe fixes and write the files
    diff: bool = False  # print the fixes as a unified diff instead (writes nothing)
    changed: ChangedLines | None = None  # report only findings on changed lines
    baseline: str | None = None  # report only findings the baseline file does not hold
    update_baseline: bool = False  # record every finding in the baseline instead


@dataclass
class AfterLint:
    """The findings to report, and what the steps did."""

    findings: list[Finding]
    exit_code: int | None = None  # set when a step's output is the whole output (--diff)
    files_changed: bool = False  # --fix wrote a file (pre-commit wants exit 1 then)


def after_lint(
    steps: Steps,
    settings: Settings,
    findings: list[Finding],
    errors: list[str],
    texts: dict[str, Any],
) -> AfterLint:
    """--fix/--diff, --changed-since and --baseline, in that order."""
    changed, baseline = steps.changed, None
    if steps.update_baseline and not steps.baseline:
        from linter.errors import CopydeskError

        raise CopydeskError("--update-baseline needs --baseline FILE")
    if steps.baseline:
        from linter.baseline import Baseline

        if os.path.exists(steps.baseline) and not steps.update_baseline:
            baseline = Baseline.load(steps.baseline)
    files_changed = False
    if steps.fix or steps.diff:
        from linter.fixer import fix_paths, unified_diff
        from linter.runner import engine_for

        engine = engine_for(settings)

        def lint(text: str, path: str) -> list:
            """Only what the report would show: a finding that --changed-since or the
            baseline hides is not fixed either."""
            found = engine.lint_text(text, path)
            return _shown(found, changed, baseline, lambda _path: text)

        run = fix_paths(
            dict.fromkeys(f.path for f in findings),
            lint,
            write=steps.fix and not steps.diff,  # --diff never writes
            linted=texts,
        )
        errors.extend(run.errors)
        if steps.diff:
            sys.stdout.write("".join(unified_diff(f) for f in run.changed))
            for error in errors:
                print(f"copydesk: error: {error}", file=sys.stderr)
            return AfterLint(findings, 2 if errors else (1 if run.changed else 0))
        fixed = {f.path: f for f in run.changed}
        texts.update({path: f.after for path, f in fixed.items()})
        remaining = [x for f in fixed.values() for x in f.remaining]  # already filtered
        findings = [f for f in findings if f.path not in fixed]
        if run.changed:
            n = len(run.changed)
            print(
                f"copydesk: fixed {run.applied} finding{'s' * (run.applied != 1)} in {n} file{'s' * (n != 1)}",
                file=sys.stderr,
            )
            files_changed = True
    else:
        remaining = []

    def text_of(path: str):
        if path not in texts:
            from linter.source import read_source

            try:
                texts[path] = read_source(path).text
            except Exception:
                texts[path] = None
        return texts[path]

    if steps.baseline and baseline is None:  # first run or --update-baseline: record them all
        from linter.baseline import Baseline

        everything = [*_shown(findings, changed, None, text_of), *remaining]
        Baseline.write(steps.baseline, everything, text_of)
        print(f"copydesk: recorded {len(everything)} findings in {steps.baseline}", file=sys.stderr)
        return AfterLint([], files_changed=files_changed)
    findings = [*_shown(findings, changed, baseline, text_of), *remaining]
    return AfterLint(sorted(findings, key=lambda f: f.sort_key()), files_changed=files_changed)


def _shown(findings: list, changed: Any, baseline: Any, text_of: Any) -> list:
    """The findings left after --changed-since and the baseline."""
    if changed is not None:
        findings = changed.filter(findings)
    if baseline is not None:
        findings = baseline.new_findings(findings, text_of)
    return findings
