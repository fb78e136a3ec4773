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
    add_config_arguments(parser)


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
    from linter.reporters import Report, render
    from linter.runner import engine_for, lint_paths

    settings = settings_from_args(args)
    result = lint_paths(args.paths or ["."], settings=settings)
    findings = result.findings
    errors = result.all_errors
    report = Report(
        findings=findings,
        files=len(result.files),
        errors=errors,
        texts={r.path: r.source.text for r in result.files if r.source and r.findings},
        rules={r.id: r for r in engine_for(settings).rules},
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
    return exit_code(findings, errors, settings.fail_on)
