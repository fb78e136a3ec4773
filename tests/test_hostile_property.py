"""Property: whatever a repository holds (links from its cache folder, its drafts or its
folders to elsewhere, a config naming any cache folder), a run (``--fix`` included) writes,
creates and deletes nothing outside the repository and the user's cache folder."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_hostile_support import snapshot

from linter.cli import main

CACHE_LINKS = ["none", "v1", "folder", "gitignore", "tag", "run-file"]
CACHE_DIRS = [None, "../victim", "..", "/ABS", "sub/cache", "deep/../../victim", "."]
DRAFT_LINKS = ["none", "file", "folder", "dangling"]


def build(base: Path, cache_link: str, cache_dir: str | None, draft_link: str) -> Path:
    victim = base / "victim"
    victim.mkdir()
    (victim / "notes.md").write_text("He saw the the ad.\n")
    old = victim / "old.json"
    old.write_text("{}")
    past = time.time() - 90 * 86400
    os.utime(old, (past, past))
    repo = base / "repo"
    repo.mkdir()
    (repo / "a.md").write_text("Headline\n\nHe saw the the ad.\n")
    cache = repo / ".copydesk_cache"
    if cache_link == "folder":
        cache.symlink_to(victim, target_is_directory=True)
    elif cache_link != "none":
        cache.mkdir()
        if cache_link == "v1":
            (cache / "v1").symlink_to(victim, target_is_directory=True)
        elif cache_link == "gitignore":
            (cache / ".gitignore").symlink_to(victim / "created")
        elif cache_link == "tag":
            (cache / "CACHEDIR.TAG").symlink_to(victim / "old.json")
        elif cache_link == "run-file":
            (cache / "v1").mkdir()
            (cache / "v1" / "stale.json").symlink_to(victim / "old.json")
    if cache_dir is not None:
        value = str(victim) if cache_dir == "/ABS" else cache_dir
        (repo / ".copydesk.toml").write_text(f'[cache]\ndir = "{value}"\n')
    if draft_link == "file":
        (repo / "b.md").symlink_to(victim / "notes.md")
    elif draft_link == "folder":
        (repo / "more").symlink_to(victim, target_is_directory=True)
    elif draft_link == "dangling":
        (repo / "c.md").symlink_to(victim / "missing.md")
    return repo


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    cache_link=st.sampled_from(CACHE_LINKS),
    cache_dir=st.sampled_from(CACHE_DIRS),
    draft_link=st.sampled_from(DRAFT_LINKS),
    fix=st.booleans(),
    named=st.booleans(),
)
def test_no_run_touches_anything_outside(cache_link, cache_dir, draft_link, fix, named):
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(os.path.realpath(tmp))
        repo = build(base, cache_link, cache_dir, draft_link)
        home = base / "home"
        before = snapshot(base / "victim")
        entries = sorted(p.name for p in base.iterdir())
        argv = ["check", *(["--fix"] if fix else [])]
        argv += [p.name for p in sorted(repo.iterdir()) if p.suffix == ".md"] if named else ["."]
        old_cwd = os.getcwd()
        env = {"XDG_CACHE_HOME": str(home / "cache"), "XDG_CONFIG_HOME": str(home / "config")}
        saved = {k: os.environ.get(k) for k in env}
        try:
            os.environ.update(env)
            os.chdir(repo)
            with (
                open(os.devnull, "w") as sink,
                contextlib.redirect_stdout(sink),
                contextlib.redirect_stderr(sink),
            ):
                code = main(argv)
        finally:
            os.chdir(old_cwd)
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v
        assert code in (0, 1, 2)
        assert snapshot(base / "victim") == before
        assert sorted(p.name for p in base.iterdir() if p.name != "home") == entries
