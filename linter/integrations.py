"""What ``copydesk check`` does between linting and reporting: ``--fix`` / ``--diff``,
``--changed-since`` and ``--baseline``. Kept out of the command module so that the command
stays a thin layer of flags; each step imports its module only when its flag is given."""

from __future__ import annotations

import os
import sys


def after_lint(
    args, settings, findings: list, errors: list, texts: dict
) -> tuple[list, int | None]:
    """--fix/--diff, --changed-since and --baseline, in that order; returns the findings to
    report and, for --diff, the exit code (the diff is the whole output)."""
    changed = baseline = None
    if args.update_baseline and not args.baseline:
        from linter.errors import CopydeskError

        raise CopydeskError("--update-baseline needs --baseline FILE")
    if args.changed_since:  # a bad ref or a bad baseline fails before any file is touched
        from linter.changed import ChangedLines

        changed = getattr(args, "changed_lines", None) or ChangedLines(args.changed_since)
    if args.baseline:
        from linter.baseline import Baseline

        if os.path.exists(args.baseline) and not args.update_baseline:
            baseline = Baseline.load(args.baseline)
    if args.fix or args.diff:
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
            write=args.fix and not args.diff,  # --diff never writes
            linted=texts,
        )
        errors.extend(run.errors)
        if args.diff:
            sys.stdout.write("".join(unified_diff(f) for f in run.changed))
            for error in errors:
                print(f"copydesk: error: {error}", file=sys.stderr)
            return findings, 2 if errors else (1 if run.changed else 0)
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
            args.files_changed = True
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

    if args.baseline and baseline is None:  # first run or --update-baseline: record them all
        from linter.baseline import Baseline

        everything = [*_shown(findings, changed, None, text_of), *remaining]
        Baseline.write(args.baseline, everything, text_of)
        print(f"copydesk: recorded {len(everything)} findings in {args.baseline}", file=sys.stderr)
        return [], None
    findings = [*_shown(findings, changed, baseline, text_of), *remaining]
    return sorted(findings, key=lambda f: f.sort_key()), None


def _shown(findings: list, changed, baseline, text_of) -> list:
    """The findings left after --changed-since and the baseline."""
    if changed is not None:
        findings = changed.filter(findings)
    if baseline is not None:
        findings = baseline.new_findings(findings, text_of)
    return findings
