"""The pre-commit hook runs in one process: pre-commit would otherwise split the staged drafts
over several processes, each paying start-up and rule loading again."""

from __future__ import annotations

from pathlib import Path

import yaml

HOOKS = Path(__file__).resolve().parent.parent / ".pre-commit-hooks.yaml"


def test_the_hook_is_serial():
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text("utf-8"))}
    assert hooks["copydesk"]["require_serial"] is True
