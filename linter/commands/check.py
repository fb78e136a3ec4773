"""copydesk check: lint files and folders and report findings."""

from __future__ import annotations

import argparse
import os
import sys

from linter.commands.common import add_config_arguments, settings_from_args

HELP = "lint drafts (files and folders; default: the current folder)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from linter.reporters import format_names

    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to lint")
    parser.add_argument(
        "--format", default="text", choices=format_names(), help="output format (default: text)"
    )
    parser.add_argument(
        "--fail-on",
        choices=("error", "warning", "info"),
        help="lowest severity that fails the run (default: warning)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE instead of standard output"
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output",
    )
    parser.add_argument("--statistics", action="store_true", help="count findings by rule")
    parser.add_argument(
        "--fix", action="store_true", help="apply safe fixes in place (exit 1 if a file changed)"
    )
    parser.add_argument(
        "--diff", action="store_true", help="print the safe fixes as a unified diff; write nothing"
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help="report only findings not recorded in FILE (created if absent)",
    )
    parser.add_argument(
        "--update-baseline",
        action="store_true",
        help="rewrite the --baseline FILE with today's findings",
    )
    parser.add_argument(
        "--changed-since", metavar="REF", help="report only findings on lines changed since git REF"
    )
    parser.add_argument(
        "--no-cache", action="store_true", help="ignore and do not write the result cache"
    )
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="processes for many files (default and 0: every core; 1: no pool)",
    )
    add_config_arguments(parser)


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of processes")
    return int(value)


def _use_color(choice: str, stream) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def exit_code(findings, errors, fail_on: str) -> int:
    from linter.finding import SEVERITY_RANK

    if errors:
        return 2
    threshold = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] >= threshold for f in findings) else 0


def run(args: argparse.Namespace) -> int:
    from linter.errors import CopydeskError
    from linter.reporters import Report, render
    from linter.runner import LazyRules, Result, lint_paths

    try:
        settings = settings_from_args(args)
    except CopydeskError as exc:
        if args.format == "github":  # the job's annotations say why nothing was checked
            from linter.reporters.github import error_annotation

            sys.stdout.write(error_annotation(str(exc), set()))
        raise
    from linter.reporters._progress import Progress

    paths = args.paths or ["."]
    steps = None  # a plain run (the usual one) imports none of the steps' modules
    if args.fix or args.diff or args.baseline or args.update_baseline or args.changed_since:
        from linter.integrations import Steps

        steps = Steps(args.fix, args.diff, None, args.baseline, args.update_baseline)
    if steps and args.changed_since:  # only the changed drafts reach the engine (and --fix)
        from linter.changed import ChangedLines

        steps.changed = ChangedLines(args.changed_since)  # a bad ref fails here, first
        paths = steps.changed.drafts(paths, settings)
    from linter import userdir

    userdir.keep_results(not args.no_cache)  # for this run only (tests call it in process)
    progress = Progress()
    try:
        result = (
            lint_paths(
                paths,
                settings=settings,
                cache=not args.no_cache,
                jobs=args.jobs,
                progress=progress,
                own_process=True,
            )
            if paths
            else Result()
        )
    finally:
        progress.close()
        userdir.keep_results(True)
    findings = result.findings
    errors = result.all_errors
    texts = {r.path: r.source.text for r in result.files if r.source}
    files_changed = False
    if steps:
        from linter.integrations import after_lint

        after = after_lint(steps, settings, findings, errors, texts)
        if after.exit_code is not None:
            return after.exit_code
        findings, files_changed = after.findings, after.files_changed
    report = Report(
        findings=findings,
        files=len(result.files),
        errors=errors,
        fail_on=settings.fail_on,
        not_linted=result.not_linted,
        texts={f.path: texts[f.path] for f in findings if f.path in texts},
        paths=[r.path for r in result.files],
        rules=LazyRules(settings),
        color=_use_color(args.color, sys.stdout) and not args.output,
        statistics=args.statistics,
    )
    text = render(args.format, report)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
    for error in errors:
        print(f"copydesk: error: {error}", file=sys.stderr)
    code = exit_code(findings, errors, settings.fail_on)
    return max(code, 1) if files_changed and code != 2 else code
