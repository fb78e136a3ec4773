"""Compiled patterns kept between runs (``linter.recache``): a pattern built from the kept
code is the pattern ``re`` builds, a store that cannot be read is a miss, and only the
command installs the hook and writes the store."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from linter import recache

pytestmark = pytest.mark.skipif(recache._compiler is None, reason="Python 3.10 has no hook")

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = [
    (r"(?P<word>[A-Z][a-z]+)\s+(?P=word)\b", 0),
    (r"colou?r(?:ed|s)?", re.IGNORECASE),
    (r"^\s*(\d{1,3}(?:,\d{3})*)(?!\d)", re.MULTILINE),
    (r"(?x) \b (?<=the\ ) (?:café|naïve) \b", 0),
]
TEXT = "Hello hello Hello Hello World, COLOURED colors 1,234,567\n 42 the café and the naïve"


@pytest.fixture
def hooked(cache_home):
    """``re`` with the hook installed, given back afterwards; each call of the fixture's
    function is a new run (``re``'s own cache emptied, the store read again)."""

    def new_run() -> None:
        recache.uninstall()
        re.purge()
        assert recache.install()

    yield new_run
    recache.uninstall()
    re.purge()


def _behaviour(pattern: re.Pattern[str]) -> tuple:
    found = [(m.span(), m.groups(), m.groupdict()) for m in pattern.finditer(TEXT)]
    return pattern.pattern, pattern.flags, pattern.groups, dict(pattern.groupindex), found


def test_kept_code_makes_the_pattern_re_makes(hooked, cache_home):
    expected = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]  # re's own, unhooked
    hooked()
    assert [_behaviour(re.compile(p, f)) for p, f in PATTERNS] == expected
    recache.save()
    assert list(cache_home.glob("re-code-*.marshal"))
    hooked()  # a later run: every pattern comes from the store
    rebuilt = [_behaviour(re.compile(p, f)) for p, f in PATTERNS]
    assert rebuilt == expected
    assert set(PATTERNS) <= recache._state["used"] and not recache._state["changed"]


def test_a_code_the_engine_refuses_is_compiled_again(hooked):
    pattern, flags = PATTERNS[0]
    expected = _behaviour(re.compile(pattern, flags))
    hooked()
    re.compile(pattern, flags)
    recache.save()
    hooked()
    kept = marshal.loads(recache._state["entries"][(pattern, flags)])  # kept as bytes
    recache._state["entries"][(pattern, flags)] = (kept[0], [999, 999], *kept[2:])
    assert _behaviour(re.compile(pattern, flags)) == expected
    assert recache._state["changed"]  # compiled afresh and kept right again
    assert recache._state["entries"][(pattern, flags)] == kept


def test_a_corrupt_store_is_a_miss(hooked, cache_home):
    cache_home.mkdir(parents=True)
    recache.store_path().write_bytes(b"not marshal at all")
    hooked()
    assert recache._state["entries"] == {}
    assert re.compile(r"a(b)c").match("abc").group(1) == "b"


def test_entries_are_read_only_when_their_pattern_is_compiled(hooked):
    """The store keeps each code as bytes: a run reads the codes of the patterns it
    compiles, not those of every pattern other commands and versions kept."""
    pattern, flags = PATTERNS[0]
    hooked()
    re.compile(pattern, flags)
    recache.save()
    hooked()
    entries = recache._state["entries"]
    assert type(entries[(pattern, flags)]) is bytes
    expected = _behaviour(re.compile(pattern, flags))
    assert (pattern, flags) in recache._state["used"] and not recache._state["changed"]
    assert expected[0] == pattern


def test_a_library_call_installs_nothing():
    from linter.cli import main

    main(["--help"])
    assert "original" not in recache._state
    assert re._compiler.compile.__module__ == "re._compiler"


def test_the_command_keeps_its_patterns_and_the_next_run_reports_the_same(tmp_path):
    (tmp_path / "draft.txt").write_text(
        "Headline\n\nThe the cat sat on on the mat, said Barack Obamma on Monday.\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    argv = [sys.executable, "-m", "linter", "check", "--no-cache", "--format", "json", "draft.txt"]
    first = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True)
    stores = list((tmp_path / "cache" / "copydesk").glob("re-code-*.marshal"))
    assert len(stores) == 1 and stores[0].stat().st_size > 1000
    second = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True)
    assert first.returncode == second.returncode == 1
    assert '"rule": "CORE001"' in first.stdout and first.stdout == second.stdout


def test_a_damaged_store_is_a_miss_not_a_crash(hooked, cache_home):
    """``_sre`` does not check every code (a changed opcode can crash it), so a store whose
    bytes no longer match their checksum is read as empty, even when it still unmarshals."""
    pattern, flags = PATTERNS[0]
    expected = _behaviour(re.compile(pattern, flags))
    hooked()
    re.compile(pattern, flags)
    recache.save()
    (store,) = cache_home.glob("re-code-*.marshal")
    data = store.read_bytes()
    head, entries = data[:4], marshal.loads(data[4:])
    kept = marshal.loads(entries[(pattern, flags)])  # (flags, code, ...): change one opcode
    kept[1][len(kept[1]) // 2] += 1
    entries[(pattern, flags)] = marshal.dumps(kept)
    store.write_bytes(head + marshal.dumps(entries))  # plain data still, the checksum stale
    hooked()
    assert recache._state["entries"] == {}
    assert _behaviour(re.compile(pattern, flags)) == expected
