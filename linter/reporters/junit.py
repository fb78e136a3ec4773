"""JUnit XML: one test suite per file, one failing test case per finding, one passing case
for a clean file, so CI dashboards (GitLab, Jenkins, Azure) list slips as failed tests."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from linter.reporters import Report
from linter.reporters._util import escape_control, rule_title

FAILURE_TYPE = {"error": "error", "warning": "warning", "info": "info"}


def render(report: Report) -> str:
    by_path: dict[str, list] = defaultdict(list)
    for f in report.findings:
        by_path[f.path].append(f)
    paths = list(dict.fromkeys([*report.paths, *by_path]))
    root = ET.Element(
        "testsuites",
        name="copydesk",
        tests=str(sum(max(1, len(by_path[p])) for p in paths)),
        failures=str(len(report.findings)),
        errors=str(len(report.errors)),
    )
    for raw_path in paths:
        findings = by_path[raw_path]
        path = escape_control(raw_path)  # XML 1.0 cannot hold most control characters
        suite = ET.SubElement(
            root,
            "testsuite",
            name=path,
            tests=str(max(1, len(findings))),
            failures=str(len(findings)),
            errors="0",
        )
        if not findings:
            ET.SubElement(suite, "testcase", name="copydesk", classname=path, file=path)
        for f in findings:
            case = ET.SubElement(
                suite,
                "testcase",
                name=f"{f.rule} at {f.line}:{f.column}",
                classname=path,
                file=path,
                line=str(f.line),
            )
            failure = ET.SubElement(
                case, "failure", message=escape_control(f.message), type=FAILURE_TYPE[f.severity]
            )
            failure.text = (
                f"{path}:{f.line}:{f.column}: {f.severity} "
                f"{rule_title(report.rules, f.rule)}: {escape_control(f.message)}"
            )
    if report.errors:
        suite = ET.SubElement(
            root,
            "testsuite",
            name="copydesk",
            tests=str(len(report.errors)),
            failures="0",
            errors=str(len(report.errors)),
        )
        for i, error in enumerate(report.errors, 1):
            case = ET.SubElement(suite, "testcase", name=f"error {i}", classname="copydesk")
            shown = escape_control(error)
            ET.SubElement(case, "error", message=shown).text = shown
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
