"""The fuzz harness stays runnable: its check passes on the seeds and on random bytes, and it
does catch a front end that breaks an invariant."""

from __future__ import annotations

import importlib.util
import os
import random
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"


def harness():
    spec = importlib.util.spec_from_file_location("fuzz_markdown", FUZZ / "fuzz_markdown.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_seeds_pass():
    check = harness().check_one
    seeds = sorted((FUZZ / "seeds").iterdir())
    assert len(seeds) >= 3
    for seed in seeds:
        check(seed.read_bytes())


def test_random_inputs_pass():
    check = harness().check_one
    rng = random.Random(int(os.environ.get("COPYDESK_FUZZ_SEED", "8")))
    pieces = [b"#", b">", b"-", b"*", b"_", b"`", b"[", b"]", b"(", b")", b"|", b"\n", b"\r\n",
              b" ", b"the the", b"\xe2\x80\x9c", b"\xe2\x80\x9d", b"---\n", b"<b>", b"\\",
              b"\xff", b"\x00", b"\xef\xbb\xbf", b"\xf0\x9f\x98\x80", b"http://x.y", b"1."]  # fmt: skip
    for _ in range(int(os.environ.get("COPYDESK_FUZZ_RUNS", "300"))):
        check(b"".join(rng.choice(pieces) for _ in range(rng.randrange(60))))


def test_harness_catches_a_broken_invariant(monkeypatch):
    module = harness()
    real = module.build_document

    def shifting(path, text, *args):
        doc = real(path, text, *args)
        doc.prose = doc.prose[1:]  # a front end that loses a character
        return doc

    monkeypatch.setattr(module, "build_document", shifting)
    with pytest.raises(AssertionError):
        module.check_one(b"# Heading\n\nText.\n")


def test_atheris_entry_point_exists():
    pytest.importorskip("atheris")
    assert callable(harness().main)
