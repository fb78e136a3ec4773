"""JUnit XML: one test suite per file. A finding at or above the fail level is a failing
test case; a finding below it (advice that does not fail the run) is a passing case with the
finding as its output, so the dashboard and the exit code agree. A clean file is one passing
case; a file that could not be linted, or an input error, is an ``<error>``.

Only attributes of the common (Jenkins) JUnit schema are written: ``testcase`` carries
``name`` and ``classname``, never ``file`` or ``line`` (the place is in the name and text).
"""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from linter.finding import SEVERITY_RANK
from linter.reporters import Report
from linter.reporters._util import escape_control, rule_title


def _describe(report: Report, f) -> str:
    return escape_control(
        f"{f.path}:{f.line}:{f.column}: {f.severity} "
        f"{rule_title(report.rules, f.rule)}: {f.message}"
    )


def render(report: Report) -> str:
    threshold = SEVERITY_RANK[report.fail_on]
    by_path: dict[str, list] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    # XML 1.0 cannot hold most control characters: every text from a draft or a file name
    # is escaped (``escape_control``)
    not_linted = {path: escape_control(why) for path, why in report.not_linted}
    paths = list(dict.fromkeys([*report.paths, *by_path]))
    file_errors = {e for e in not_linted.values()}
    loose_errors = [e for e in report.errors if e not in file_errors]
    total_tests = total_failures = total_errors = 0
    root = ET.Element("testsuites", name="copydesk")
    for raw_path in paths:
        findings = by_path[raw_path]
        path = escape_control(raw_path)
        suite = ET.SubElement(root, "testsuite", name=path)
        tests = failures = errors = 0
        if raw_path in not_linted:
            why = not_linted[raw_path]
            case = ET.SubElement(suite, "testcase", name="not linted", classname=path)
            ET.SubElement(case, "error", message=why).text = why
            tests, errors = 1, 1
        elif not findings:
            ET.SubElement(suite, "testcase", name="copydesk", classname=path)
            tests = 1
        for f in findings:
            case = ET.SubElement(
                suite, "testcase", name=f"{f.rule} at {f.line}:{f.column}", classname=path
            )
            tests += 1
            if SEVERITY_RANK[f.severity] >= threshold:
                failure = ET.SubElement(
                    case, "failure", message=escape_control(f.message), type=f.severity
                )
                failure.text = _describe(report, f)
                failures += 1
            else:  # below the fail level: reported, not failed
                ET.SubElement(case, "system-out").text = _describe(report, f)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", str(errors))
        total_tests, total_failures, total_errors = (
            total_tests + tests,
            total_failures + failures,
            total_errors + errors,
        )
    if loose_errors:
        suite = ET.SubElement(
            root,
            "testsuite",
            name="copydesk",
            tests=str(len(loose_errors)),
            failures="0",
            errors=str(len(loose_errors)),
        )
        for i, error in enumerate(loose_errors, 1):
            case = ET.SubElement(suite, "testcase", name=f"error {i}", classname="copydesk")
            shown = escape_control(error)
            ET.SubElement(case, "error", message=shown).text = shown
        total_tests += len(loose_errors)
        total_errors += len(loose_errors)
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", str(total_errors))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
