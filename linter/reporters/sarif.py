"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps, VS Code's SARIF viewer).

The driver lists every rule of the run with its help inline (``help.markdown``: why, source,
examples; there is no website to point a ``helpUri`` at); each result points
at its rule by id and index, carries its region (columns in Unicode code points, declared by
``columnKind``), a stable partial fingerprint (the baseline key, so alerts survive edits
elsewhere in the file) and, for a safe fix, a SARIF ``fix``. Validated in the tests against
the official schema.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath
from urllib.parse import quote

from linter import __version__
from linter.reporters import Report
from linter.reporters._util import rule_help_markdown

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A relative path as a relative URI reference; an absolute one as a file: URI."""
    if os.path.isabs(path):
        return PurePath(path).as_uri()
    return quote(path.replace(os.sep, "/"))


def _rule_descriptor(rule, rule_id: str) -> dict:
    if rule is None:  # a finding from a rule not loaded here (should not happen)
        return {"id": rule_id}
    help_text = "\n\n".join(
        p for p in (rule.why, f"Source: {rule.source}" if rule.source else "") if p
    )
    descriptor = {
        "id": rule.id,
        "name": rule.name or rule.id,
        "shortDescription": {"text": rule.message or rule.name or rule.id},
        "fullDescription": {"text": rule.why or rule.message or rule.id},
        "help": {
            "text": help_text or rule.message or rule.id,
            "markdown": rule_help_markdown(rule),
        },
        "defaultConfiguration": {"level": LEVEL.get(rule.severity, "warning")},
        "properties": {"tags": [t for t in (rule.pack, rule.kind) if t]},
    }
    return descriptor


def _region(f) -> dict:
    return {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }


def render(report: Report) -> str:
    from linter.baseline import finding_key

    used = {f.rule for f in report.findings}
    rule_ids = sorted(set(report.rules or ()) | used)
    index = {rule_id: i for i, rule_id in enumerate(rule_ids)}
    rules = [_rule_descriptor(report.rules.get(r) if report.rules else None, r) for r in rule_ids]
    results = []
    for f in report.findings:
        location = {"artifactLocation": {"uri": artifact_uri(f.path)}, "region": _region(f)}
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {
                "copydeskFindingKey/v1": finding_key(f, report.texts.get(f.path))
            },
        }
        if f.suggestions:
            result["properties"] = {"suggestions": list(f.suggestions)}
        if f.fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": f"Replace with '{f.fix}'" if f.fix else "Delete"},
                    "artifactChanges": [
                        {
                            "artifactLocation": {"uri": artifact_uri(f.path)},
                            "replacements": [
                                {"deletedRegion": _region(f), "insertedContent": {"text": f.fix}}
                            ],
                        }
                    ],
                }
            ]
        results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "copydesk",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": rules,
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": e}} for e in report.errors
                ],
            }
        ],
    }
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
