"""The LanguageTool backend against a stand-in server that speaks the real /v2/check
protocol: exact positions (also after an emoji, which is two UTF-16 units), rule ids in the
request, quotation severity, and one clear line when the server is down, slow or broken."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fake_languagetool import FakeLanguageTool

from linter.errors import ConfigError, CopydeskError
from linter.runner import Engine
from linter.settings import Settings
from linter.testing import check_example

ROOT = Path(__file__).resolve().parent.parent


def lint(text: str, table: dict, select=("LT",), path="draft.md"):
    settings = Settings(select=list(select), tables={"languagetool": table})
    return Engine(settings).lint_text(text, path)


def test_matches_land_on_exact_line_and_column_after_an_emoji():
    text = "# Launch 🚀 day\n\nThe rocket 🚀 could of flown; teh crew waited.\n"
    with FakeLanguageTool() as server:
        findings = lint(text, {"url": server.url, "enabled-rules": ["MORFOLOGIK_RULE_EN_US"]})
    got = [(f.rule, f.line, f.column, f.end_column, f.severity) for f in findings]
    assert got == [
        ("LT001", 3, 14, 22, "error"),  # "could of": after the emoji, in code points
        ("LT002", 3, 30, 33, "error"),  # "teh", two emoji (four UTF-16 units) before it
    ]
    assert findings[0].message.endswith("[LanguageTool COULD_OF]")
    assert findings[0].suggestions == ("could have",)
    assert findings[0].fix == "could have"


def test_request_carries_language_and_rule_choices():
    with FakeLanguageTool() as server:
        lint(
            "Fine text.\n",
            {"url": server.url, "disabled-rules": ["EN_UNIQUE"], "language": "en-GB"},
        )
        (form,) = server.requests
    assert form["language"] == "en-GB"
    assert form["text"] == "Fine text.\n"
    assert form["disabledRules"].split(",") == [
        "MORFOLOGIK_RULE_EN_US",
        "MORFOLOGIK_RULE_EN_GB",
        "WHITESPACE_RULE",
        "EN_UNIQUE",
    ]


def test_disabled_and_enabled_only_rules_are_honoured():
    text = "A very unique case that could of been teh end.\n"
    with FakeLanguageTool() as server:
        default = {f.rule for f in lint(text, {"url": server.url})}
        only = lint(text, {"url": server.url, "enabled-rules": ["EN_UNIQUE"], "enabled-only": True})
    assert default == {"LT001", "LT003"}  # spelling disabled by default
    assert [(f.rule, f.column, f.severity) for f in only] == [("LT003", 3, "warning")]


def test_markdown_code_is_masked_before_sending():
    text = "Use `could of` in code.\n\n```\nteh\n```\n"
    with FakeLanguageTool() as server:
        findings = lint(text, {"url": server.url})
        (form,) = server.requests
    assert findings == []
    assert "could of" not in form["text"] and len(form["text"]) == len(text)


def test_quotation_makes_grammar_findings_info():
    text = 'He said, "we could of won," and left.\n'
    with FakeLanguageTool() as server:
        (finding,) = lint(text, {"url": server.url}, path="q.txt")
    assert finding.severity == "info" and finding.in_quote


def test_examples_of_the_backend_rules_run_against_the_stand_in():
    from linter.registry import all_rules

    with FakeLanguageTool() as server:
        settings = Settings(
            tables={"languagetool": {"url": server.url, "enabled-rules": ["MORFOLOGIK_RULE_EN_US"]}}
        )
        for rule in all_rules(Settings()):
            if rule.id.startswith("LT"):
                for example in rule.examples:
                    assert check_example(rule, example, settings) == [], rule.id


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_down_is_one_clear_error():
    url = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(CopydeskError) as info:
        lint("Text.\n", {"url": url})
    message = str(info.value)
    assert "cannot reach the LanguageTool server" in message and url in message
    assert "\n" not in message


def test_slow_server_times_out_quickly():
    with FakeLanguageTool(delay=3) as server:
        start = time.monotonic()
        settings = Settings(
            select=["LT"], tables={"languagetool": {"url": server.url, "timeout": 0.5}}
        )
        engine = Engine(settings)  # the ping (GET /v2/languages) is not delayed
        findings, errors = engine.lint_document(_doc("Some text.\n"))
        elapsed = time.monotonic() - start
    assert findings == []
    assert len(errors) == 1 and "did not answer within 0.5 s" in errors[0]
    assert elapsed < 2.5


def test_broken_server_is_reported():
    with FakeLanguageTool(broken=True) as server:
        engine = Engine(Settings(select=["LT"], tables={"languagetool": {"url": server.url}}))
        _, errors = engine.lint_document(_doc("Some text.\n"))
    assert errors == [
        f"LanguageTool server at {server.url}/v2/ answered HTTP 500: <html>Internal error</html>"
    ]


def _doc(text: str):
    from linter.formats import build_document

    return build_document("d.txt", text, None, None)


@pytest.mark.parametrize(
    "table, problem",
    [
        ({"url": "localhost:8081"}, "is not an http(s) URL"),
        ({"url": "http://x", "timeout": "soon"}, "'timeout' must be a positive number"),
        ({"url": "http://x", "enabled-rules": "COULD_OF"}, "must be a list of strings"),
        ({"url": "http://x", "colour": 1}, "key 'colour' is unknown"),
        ({}, "has no url"),
    ],
)
def test_bad_configuration_is_one_line(table, problem):
    with pytest.raises(ConfigError) as info:
        lint("Text.\n", table)
    assert problem in str(info.value) and "\n" not in str(info.value)


def test_off_by_default_and_on_when_configured():
    assert not any(r.id.startswith("LT") for r in Engine(Settings()).rules)
    with FakeLanguageTool() as server:
        engine = Engine(Settings(tables={"languagetool": {"url": server.url}}))
        assert {r.id for r in engine.rules} >= {"LT001", "LT002", "LT003"}


def test_cli_exits_2_with_one_line_when_the_server_is_down(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.copydesk.languagetool]\nurl = "http://127.0.0.1:{free_port()}"\ntimeout = 2\n'
    )
    (tmp_path / "draft.md").write_text("He could of won.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "linter", "check", "--no-cache", "draft.md"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        # a repository's config may name a server only when trusted (docs/security.md)
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "COPYDESK_TRUST_CONFIG": "1"},
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot reach the LanguageTool server" in lines[0], proc.stderr
