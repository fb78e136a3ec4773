"""The result cache: hits give the same findings without loading a rule, anything that can
change a result misses, and a corrupt or concurrently written cache is never fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import positions

from linter import cache as cachemod
from linter import registry as packs
from linter import runner
from linter.cache import ResultCache
from linter.runner import lint_paths
from linter.settings import Settings

DRAFT = "Headline\n\nHe saw the the ad on on Monday.\n"


@pytest.fixture(autouse=True)
def engine_files_pinned(monkeypatch):
    """The checkout's own engine and rule files leave the run key alone in these tests, so
    that colleagues editing them mid-test cannot turn a hit into a miss; rule folders named
    in the settings still count (``test_rule_file_change_misses``)."""
    real = cachemod._stat_lines
    package = Path(cachemod.__file__).resolve().parent
    pinned = {package, packs.builtin_rules_dir().resolve()}
    monkeypatch.setattr(
        cachemod,
        "_stat_lines",
        lambda folder, *a: [] if Path(folder).resolve() in pinned else real(folder, *a),
    )


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(DRAFT)
    (tmp_path / "b.md").write_text("# Title\n\nA clean draft.\n")
    return tmp_path


def settings_for(root: Path, **changes) -> Settings:
    return Settings(root=root).replace(**changes)


def found(result) -> list[tuple[str, str, int, int]]:
    return [(f.path, f.rule, f.line, f.column) for f in result.findings]


def cache_files(root: Path) -> list[Path]:
    return sorted((root / ".copydesk_cache" / f"v{cachemod.CACHE_FORMAT}").glob("*.json"))


def run_files(root: Path) -> list[Path]:
    return [p for p in cache_files(root) if p.name != "entry-points.json"]


def forbid_rule_loading(monkeypatch) -> None:
    """Make any attempt to load or compile rules fail loudly."""
    monkeypatch.setattr(runner, "_ENGINES", {})

    def boom(*_args, **_kwargs):
        raise AssertionError("rules were loaded although every file hit the cache")

    monkeypatch.setattr(runner, "Engine", boom)
    monkeypatch.setattr(packs, "load_rule_file", boom)


def test_second_run_hits_without_loading_rules(project, monkeypatch):
    settings = settings_for(project)
    first = lint_paths(["."], settings=settings, cache=True)
    assert [(r, line, col) for _, r, line, col in found(first)] == [
        ("CORE001", 3, 8),
        ("CORE001", 3, 19),
    ]
    forbid_rule_loading(monkeypatch)
    second = lint_paths(["."], settings=settings, cache=True)
    assert found(second) == found(first)
    assert [f.fix for f in second.findings] == [f.fix for f in first.findings]
    assert [(f.start, f.end) for f in second.findings] == [(f.start, f.end) for f in first.findings]
    assert second.text_of("a.txt") == DRAFT  # reporters and --fix still get the text


def test_changed_file_misses(project):
    settings = settings_for(project)
    lint_paths(["."], settings=settings, cache=True)
    (project / "a.txt").write_text("Headline\n\nNothing doubled here.\n")
    assert found(lint_paths(["."], settings=settings, cache=True)) == []


def test_settings_change_the_key(project):
    lint_paths(["."], settings=settings_for(project), cache=True)
    ignored = lint_paths(["."], settings=settings_for(project, ignore=["CORE001"]), cache=True)
    assert found(ignored) == []
    assert len(run_files(project)) == 2


def test_rule_file_change_misses(project):
    rules = project / "house"
    rules.mkdir()
    rule = rules / "words.yaml"
    text = """id: HOUSE001
name: no-utilize
kind: substitution
severity: warning
message: "Write '{suggestion}', not '{match}'."
why: Plain words.
source: house style
swap: {WORD: use}
examples:
  - bad: We WORD it.
  - good: We use it.
"""
    rule.write_text(text.replace("WORD", "saw"))
    settings = settings_for(project, rule_dirs=[rules], select=["HOUSE"])
    assert [f.line for f in lint_paths(["a.txt"], settings=settings, cache=True).findings] == [3]
    rule.write_text(text.replace("WORD", "monday"))
    packs._all_rules_cached.cache_clear()
    runner._ENGINES.clear()
    again = lint_paths(["a.txt"], settings=settings, cache=True)
    column = DRAFT.splitlines()[2].index("Monday") + 1
    assert [(f.line, f.column) for f in again.findings] == [(3, column)]


def test_rename_keeps_the_entry_but_per_file_ignores_count(project, monkeypatch):
    settings = settings_for(project, per_file_ignores={"c.txt": ["CORE"]})
    lint_paths(["a.txt"], settings=settings, cache=True)
    (project / "a.txt").rename(project / "z.txt")
    (project / "c.txt").write_text(DRAFT)
    forbid_rule_loading(monkeypatch)
    assert [f.path for f in lint_paths(["z.txt"], settings=settings, cache=True).findings] == [
        "z.txt",
        "z.txt",
    ]
    with pytest.raises(AssertionError, match="rules were loaded"):
        lint_paths(["c.txt"], settings=settings, cache=True)  # other ignores: a miss


def test_undated_runs_are_keyed_by_today(project, monkeypatch):
    import datetime as dt

    settings = settings_for(project)
    lint_paths(["."], settings=settings, cache=True)

    class Tomorrow(dt.date):
        @classmethod
        def today(cls):
            return dt.date(2099, 1, 1)

    monkeypatch.setattr(cachemod.dt, "date", Tomorrow)
    lint_paths(["."], settings=settings, cache=True)
    assert len(run_files(project)) == 2
    lint_paths(["."], settings=settings_for(project, date=dt.date(2020, 1, 1)), cache=True)
    lint_paths(["."], settings=settings_for(project, date=dt.date(2020, 1, 1)), cache=True)
    assert len(run_files(project)) == 3


@pytest.mark.parametrize(
    "garbage",
    [
        b"\x00\xff not json",
        b"[]",
        b'{"entries": 7}',
        b'{"entries": {"x": 1}}',
        b"",
    ],
)
def test_corrupt_cache_file_is_a_miss(project, garbage):
    settings = settings_for(project)
    expected = found(lint_paths(["."], settings=settings, cache=True))
    for file in run_files(project):
        file.write_bytes(garbage)
    assert found(lint_paths(["."], settings=settings, cache=True)) == expected
    assert all(json.loads(f.read_bytes())["entries"] for f in run_files(project))


def test_corrupt_entry_is_a_miss(project):
    settings = settings_for(project)
    expected = found(lint_paths(["."], settings=settings, cache=True))
    (file,) = run_files(project)
    data = json.loads(file.read_bytes())
    for entry in data["entries"].values():
        entry[1] = [[1, "x"]] if entry[1] else [["not", "a", "finding"]]
    file.write_text(json.dumps(data))
    assert found(lint_paths(["."], settings=settings, cache=True)) == expected


def test_concurrent_writers_keep_a_valid_file(project):
    settings = settings_for(project)
    one, two = ResultCache.open(settings), ResultCache.open(settings)
    assert one is not None and two is not None
    one.put("a.txt", "first text", [])
    two.put("b.txt", "second text", [])
    one.save()
    two.save()  # merges what ``one`` wrote instead of dropping it
    three = ResultCache.open(settings)
    assert three.get("a.txt", "first text") == [] and three.get("b.txt", "second text") == []
    assert not list((project / ".copydesk_cache").rglob(".tmp-*"))


def test_unwritable_cache_folder_is_not_fatal(project):
    (project / "blocker").write_text("a file where the cache folder would go")
    settings = settings_for(project, tables={"cache": {"dir": "blocker/cache"}})
    assert len(lint_paths(["."], settings=settings, cache=True).findings) == 2


def test_cli_no_cache_writes_nothing(project, run_json):
    code, report, _ = run_json("--no-cache", ".", cwd=project)
    assert code == 1 and positions(report["findings"]) == [("CORE001", 3, 8), ("CORE001", 3, 19)]
    assert not (project / ".copydesk_cache").exists()
    run_json(".", cwd=project)
    assert run_files(project)
    assert (project / ".copydesk_cache" / ".gitignore").read_text().strip().endswith("*")


def test_cache_table_options(project, run_cli):
    (project / ".copydesk.toml").write_text('[cache]\ndir = "build/cd-cache"\n')
    run_cli("check", ".", cwd=project)
    assert list((project / "build" / "cd-cache").rglob("*.json"))
    (project / ".copydesk.toml").write_text("[cache]\nenabled = false\n")
    run_cli("check", ".", cwd=project)
    assert not (project / ".copydesk_cache").exists()


def test_unknown_cache_key_is_one_line(project, run_cli):
    (project / ".copydesk.toml").write_text("[cache]\nfolder = 'x'\n")
    code, _, err = run_cli("check", ".", cwd=project)
    assert code == 2
    assert err.strip() == "copydesk: error: .copydesk.toml:2: key 'cache.folder' is unknown " + (
        "(use enabled or dir)"
    )
