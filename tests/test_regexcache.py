"""Rule patterns kept compiled between runs (``linter.regexcache``): a kept pattern is the
one ``regex`` compiles, a later run builds it with the C half alone (``regex`` itself not
imported), and a store made for another ``regex`` build is a miss."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from linter import regexcache, regexsafe

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = [
    (r"(?x)\b(?<=[Tt]he\ (?:former\ |late\ )?)(President|Governor) (?!\ \p{Lu})", False),
    (r"(of)(?<=\b(?:could|would|should|must)(?:n[’']t)?\s+of)\b(?!\s+course)", True),
    (r"(?m)^[ \t]*(?P<credit>Photo(?:graph)?:[ \t]+[^\n]{2,70})$", False),
]
TEXT = "The President and the late Governor Smith said they could of come.\nPhoto: AP files\n"


def _behaviour(pattern) -> tuple:
    found = [(m.span(), m.groups(), m.groupdict()) for m in regexsafe.finditer(pattern, TEXT)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


@pytest.fixture
def fresh(cache_home):
    regexcache.reset()
    yield
    regexcache.reset()


def test_a_kept_pattern_is_the_one_regex_compiles(fresh):
    flags = {False: regex.V0, True: regex.V0 | regex.IGNORECASE}
    expected = [_behaviour(regex.compile(p, flags[i])) for p, i in PATTERNS]
    assert [regexcache.kept(p, i) for p, i in PATTERNS] == [None] * len(PATTERNS)
    assert [_behaviour(regexsafe.compile_pattern(p, i)) for p, i in PATTERNS] == expected
    regexcache.save()
    regexcache.reset()  # a later run
    kept = [regexcache.kept(p, i) for p, i in PATTERNS]
    assert None not in kept
    assert [_behaviour(k) for k in kept] == expected
    assert kept[0].sub(r"\1!", TEXT) == regex.compile(PATTERNS[0][0], regex.V0).sub(r"\1!", TEXT)


def test_a_store_of_another_regex_build_is_a_miss(fresh):
    pattern, ignorecase = PATTERNS[0]
    regexsafe.compile_pattern(pattern, ignorecase)
    regexcache.save()
    regexcache.reset()
    state = regexcache._open()
    assert (pattern, ignorecase) in state["entries"]
    so, size, mtime = state["stamp"]
    regexcache.reset()
    state = regexcache._open()
    state["stamp"] = (so, size + 1, mtime)
    regexcache._state["changed"] = True
    regexcache.save()  # as if written for a build of another size
    regexcache.reset()
    assert regexcache.kept(pattern, ignorecase) is None


PROBE = """
import json, sys
from linter import regexcache, regexsafe
patterns = json.loads(sys.argv[1])
made = [regexsafe.compile_pattern(p, i) for p, i in patterns]
regexcache.save()
found = [[m.span() for m in regexsafe.finditer(p, sys.argv[2])] for p in made]
print(json.dumps({"regex": "regex" in sys.modules, "found": found}))
"""


def test_a_later_run_compiles_kept_patterns_without_importing_regex(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    argv = [sys.executable, "-c", PROBE, json.dumps(PATTERNS), TEXT]
    first = json.loads(subprocess.run(argv, env=env, capture_output=True, check=True).stdout)
    second = json.loads(subprocess.run(argv, env=env, capture_output=True, check=True).stdout)
    assert first["regex"] and not second["regex"]
    assert first["found"] == second["found"] and any(first["found"])
