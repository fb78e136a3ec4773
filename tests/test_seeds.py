"""The seed drafts produce exactly the findings recorded beside them in seeds/expected.json."""

from __future__ import annotations

import seed_expectations


def test_seed_findings_match_expectations(monkeypatch):
    monkeypatch.chdir(seed_expectations.ROOT)
    assert seed_expectations.actual() == seed_expectations.expected(), (
        "seed findings changed: run 'python tests/seed_expectations.py' to see how, "
        "and '--update' once the change is right"
    )
