"""Shared fixtures: run the CLI in-process, as pre-commit-hooks' tests do."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from linter.cli import main

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def run_cli(capsys, monkeypatch, tmp_path):
    """Run ``copydesk`` in-process in ``tmp_path`` (no config above it is found by accident
    because tests pass --config or work in tmp_path); returns (exit code, stdout, stderr)."""

    def run(*argv: str, cwd: Path | None = None):
        monkeypatch.chdir(cwd or tmp_path)
        monkeypatch.setenv("NO_COLOR", "1")
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def run_json(run_cli):
    def run(*argv: str, cwd: Path | None = None):
        code, out, err = run_cli("check", "--format", "json", *argv, cwd=cwd)
        return code, json.loads(out), err

    return run


def positions(findings, rule: str | None = None):
    """(rule, line, column) triples of JSON findings, in order."""
    return [
        (f["rule"], f["line"], f["column"]) for f in findings if rule is None or f["rule"] == rule
    ]


os.environ.setdefault("NO_COLOR", "1")


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    """A user cache folder of the test's own, written as the command writes it."""
    from linter import userdir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(userdir, "_keeping", True)
    return tmp_path / "cache" / "copydesk"
