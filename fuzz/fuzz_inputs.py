"""Fuzz harness (atheris, libFuzzer) for the other inputs a repository controls: its config
file, its rule files and a draft's front matter (issue 17).

Each input must give settings, rules or a document, or one ``CopydeskError`` line; anything
else (a traceback, ``RecursionError``, ``MemoryError``, a hang past libFuzzer's
``-timeout``) is a finding. Choose the target with ``FUZZ_TARGET`` (config, rules or
frontmatter; default: all three in turn, by the input's first byte).

    mkdir -p /tmp/fuzz-inputs
    python fuzz/fuzz_inputs.py /tmp/fuzz-inputs fuzz/seeds_config fuzz/seeds_rules \\
        fuzz/seeds_frontmatter -max_total_time=600 -timeout=10 -rss_limit_mb=500

tests/test_hostile_fuzz.py runs ``check_config``, ``check_rules`` and ``check_frontmatter``
over the seeds and random inputs without atheris.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from linter.errors import CopydeskError
from linter.formats import build_document
from linter.settings import Settings

SETTINGS = Settings(select=["CORE"])


def _one_line(exc: Exception) -> None:
    assert "\n" not in str(exc), f"an error must be one line: {exc!r}"


def check_config(data: bytes) -> None:
    """Load ``data`` as ``.copydesk.toml`` in a folder of its own (so that the trust boundary
    applies as for a cloned repository), then open its cache options."""
    from linter.cache import cache_options
    from linter.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ".copydesk.toml"
        path.write_bytes(data)
        try:
            settings = load_config(None, Path(tmp))
            cache_options(settings)
        except CopydeskError as exc:
            _one_line(exc)


def check_rules(data: bytes) -> None:
    """Load ``data`` as a rule file; a rule that loads must also lint its own examples."""
    from linter.registry import load_rule_file
    from linter.runner import Engine

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rule.yaml"
        path.write_bytes(data)
        try:
            rules = load_rule_file(path, "fuzz")
        except CopydeskError as exc:
            _one_line(exc)
            return
        engine = Engine(Settings(), rules)
        for rule in rules:
            for example in rule.examples:
                text = example.bad or example.good or ""
                engine.lint_text(text, "fuzz.txt")


def check_frontmatter(data: bytes) -> None:
    """``data`` as the front matter of a Markdown draft."""
    body = data.decode("utf-8", "replace")
    text = f"---\n{body}\n---\n# Headline\n\nHe saw the the ad.\n"
    try:
        doc = build_document("fuzz.md", text, "markdown", None)
    except CopydeskError as exc:
        _one_line(exc)
        return
    assert len(doc.prose) == len(text)
    _ = doc.date  # the article's date is read from the front matter


TARGETS = {"config": check_config, "rules": check_rules, "frontmatter": check_frontmatter}


def check_one(data: bytes) -> None:
    target = os.environ.get("FUZZ_TARGET")
    if target:
        TARGETS[target](data)
    elif data:
        list(TARGETS.values())[data[0] % 3](data[1:])


def main() -> None:
    import atheris

    atheris.instrument_all()
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
