"""The input fuzz harness (fuzz/fuzz_inputs.py: config, rule files, front matter) stays
runnable and passes on its seeds and on random inputs built from hostile pieces."""

from __future__ import annotations

import importlib.util
import os
import random
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
RUNS = int(os.environ.get("COPYDESK_FUZZ_RUNS", "150"))


def harness():
    spec = importlib.util.spec_from_file_location("fuzz_inputs", FUZZ / "fuzz_inputs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("target", ["config", "rules", "frontmatter"])
def test_seeds_pass(target):
    check = harness().TARGETS[target]
    seeds = sorted((FUZZ / f"seeds_{target}").iterdir())
    assert len(seeds) >= 3
    for seed in seeds:
        check(seed.read_bytes())


PIECES = {
    "config": [b"[cache]\n", b"dir = ", b'"../.."', b'"/"', b"[languagetool]\n", b'path = "x"\n',
               b"rule-dirs = ", b"[", b"]", b"{", b"}", b'"', b"=", b"\n", b"max-file-size = ",
               b"9" * 5000, b"[facts]\n", b"knowledge = ", b"[vocabulary]\n", b"accept = ",
               b"\xff", b"\x00", b"select = ", b'"CORE"', b",", b"enabled = true\n", b"date = ",
               b"2023-02-31", b"[[x]]\n", b"a.b.c = 1\n"],
    "rules": [b"id: ", b"FUZZ001\n", b"kind: pattern\n", b"pattern: ", b"(?:a{1000}){1000}",
              b"(a+)+", b"[", b"]", b"{", b"}", b"&a ", b"*a ", b"- ", b"\n", b"  ", b": ",
              b"examples:\n", b"  - bad: x\n", b"  - good: y\n", b"replacement: '\\g<0>'\n",
              b"name: n\nseverity: error\nmessage: m\nwhy: w\nsource: s\n", b"9" * 5000,
              b"!!python/object:os.system\n", b"\xff", b"? ", b"---\n", b"...\n"],
    "frontmatter": [b"date: ", b"2017-07-21", b"2023-02-31", b"9" * 5000, b"[", b"]", b"{",
                    b"}", b"&a ", b"*a ", b"\n", b"- ", b": ", b"---", b"...", b"\xff", b"? ",
                    b"!!binary ", b"!!python/name:os.system", b"\t", b'"', b"'", b"null"],
}  # fmt: skip


@pytest.mark.parametrize("target", sorted(PIECES))
def test_random_inputs_pass(target):
    check = harness().TARGETS[target]
    rng = random.Random(int(os.environ.get("COPYDESK_FUZZ_SEED", "17")))
    pieces = PIECES[target]
    for _ in range(RUNS):
        check(b"".join(rng.choice(pieces) for _ in range(rng.randrange(40))))


def test_check_one_dispatches_on_the_first_byte():
    module = harness()
    for first in range(3):
        module.check_one(bytes([first]) + b"date: 2020-01-01\n")
