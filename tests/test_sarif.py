"""SARIF 2.1.0 output, validated against the official schema (tests/fixtures/sarif)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")

SCHEMA = Path(__file__).parent / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
TEXT = "Café 😀 the the end.\r\nSecond line , here.\r\n"


def validate(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text("utf-8"))
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


@pytest.fixture
def sarif(run_cli, tmp_path):
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a b.txt").write_bytes(TEXT.encode("utf-8"))
    code, out, _ = run_cli("check", "--select", "CORE", "--format", "sarif", ".")
    assert code == 1
    return json.loads(out)


def test_sarif_is_valid_against_the_official_schema(sarif):
    validate(sarif)
    assert sarif["version"] == "2.1.0"


def test_sarif_schema_rejects_a_broken_log(sarif):
    """The validation can fail: a result without a message breaks the schema."""
    del sarif["runs"][0]["results"][0]["message"]
    with pytest.raises(AssertionError):
        validate(sarif)


def test_sarif_driver_carries_rule_metadata(sarif):
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "copydesk"
    rules = {r["id"]: r for r in driver["rules"]}
    assert {"CORE001", "CORE002", "CORE003"} <= set(rules)
    core1 = rules["CORE001"]
    assert core1["name"] == "doubled-word"
    assert "helpUri" not in core1  # the help is inline, not a link to a missing site
    assert "commonest slip" in core1["help"]["text"]
    assert "Bad:" in core1["help"]["markdown"]
    assert core1["defaultConfiguration"]["level"] == "error"


def test_sarif_results_point_at_code_points_with_their_rule(sarif):
    run = sarif["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    first, second = run["results"]
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == first["ruleId"] == "CORE001"
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "news/a%20b.txt"
    assert loc["region"] == {"startLine": 1, "startColumn": 8, "endLine": 1, "endColumn": 15}
    assert second["level"] == "warning"
    assert first["partialFingerprints"]["copydeskFindingKey/v1"]


def test_sarif_fix_replaces_the_region(sarif):
    result = sarif["runs"][0]["results"][0]
    change = result["fixes"][0]["artifactChanges"][0]["replacements"][0]
    region = change["deletedRegion"]
    line = TEXT.split("\r\n")[region["startLine"] - 1]
    fixed = (
        line[: region["startColumn"] - 1]
        + change["insertedContent"]["text"]
        + line[region["endColumn"] - 1 :]
    )
    assert fixed == "Café 😀 the end."


def test_sarif_reports_errors_as_notifications(run_cli, tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01binary")
    code, out, _ = run_cli("check", "--select", "CORE", "--format", "sarif", "bin.txt")
    assert code == 2
    log = json.loads(out)
    validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "binary" in invocation["toolExecutionNotifications"][0]["message"]["text"]
