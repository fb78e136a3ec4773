"""Fuzz harness (atheris, libFuzzer) for the Markdown front end and the engine behind it.

Each input is decoded as copydesk decodes a file, parsed as Markdown, and linted with the
core rules (every default rule with FUZZ_ALL_RULES=1). It fails on any exception other than
the one-line ``CopydeskError`` for input copydesk refuses, and on a broken invariant:
the masked prose has the text's length and newlines; every finding lies inside the text.
A slow input (libFuzzer's ``-timeout``) is a finding too: the linter must not hang.

    mkdir -p /tmp/fuzz-corpus        # libFuzzer adds new inputs to the FIRST folder only
    python fuzz/fuzz_markdown.py /tmp/fuzz-corpus fuzz/seeds -max_total_time=600 -timeout=10
    python fuzz/fuzz_markdown.py crash-<hash>      # replay one input

tests/test_hardening_fuzz.py runs ``check_one`` over the seeds and random bytes without atheris.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.errors import CopydeskError
from linter.formats import build_document
from linter.runner import engine_for
from linter.settings import Settings
from linter.source import decode

SETTINGS = Settings(select=None if os.environ.get("FUZZ_ALL_RULES") else ["CORE"])


def check_one(data: bytes) -> None:
    """Decode, parse and lint one input; raise AssertionError on a broken invariant."""
    try:
        text = decode(data, "fuzz.md").text
        doc = build_document("fuzz.md", text, "markdown", SETTINGS.date)
    except CopydeskError as exc:
        assert "\n" not in str(exc), "an error must be one line"
        return
    assert len(doc.prose) == len(text)
    assert len(doc.folded) == len(text)
    assert all(doc.prose[i] == "\n" for i, c in enumerate(text) if c == "\n")
    findings, errors = engine_for(SETTINGS).lint_document(doc)
    assert errors == [], errors
    lines = text.split("\n")
    for f in findings:
        assert 0 <= f.start < f.end <= len(text), f
        assert 1 <= f.line <= len(lines) and 1 <= f.column <= len(lines[f.line - 1]) + 1, f


def main() -> None:
    import atheris

    def one_input(data: bytes) -> None:
        """Half the inputs as raw bytes (decoding is fuzzed too), half as valid text, so
        that most inputs reach the parser instead of stopping at invalid UTF-8."""
        if data[:1] and data[0] & 1:
            provider = atheris.FuzzedDataProvider(data[1:])
            data = provider.ConsumeUnicodeNoSurrogates(len(data)).encode("utf-8")
        check_one(data)

    atheris.instrument_all()  # coverage feedback for copydesk and markdown-it-py
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
