"""Start-up work a cold run skips, as behaviour: modules a plain check never imports, and the
entry-point scan answered from what the last run kept while nothing it read has changed."""

from __future__ import annotations

import os
import time
from pathlib import Path

from linter import entryscan
from tests.test_cold_start import loaded_by


def _site(tmp_path: Path, declares: bool) -> Path:
    site = tmp_path / "site"
    dist = site / "housepack-1.0.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    group = "copydesk.packs" if declares else "console_scripts"
    (dist / "entry_points.txt").write_text(f"[{group}]\nhouse = house:folder\n")
    (site / "other-2.0.dist-info").mkdir(exist_ok=True)  # no entry points at all
    return site


def _scans(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = entryscan._scan

    def counted(path):
        calls.append(1)
        return real(path)

    monkeypatch.setattr(entryscan, "_scan", counted)
    return calls


def test_entry_scan_is_kept_and_read_back(tmp_path, cache_home, monkeypatch):
    site = _site(tmp_path, declares=True)
    calls = _scans(monkeypatch)
    assert entryscan.may_declare_packs((str(site),)) is True
    assert entryscan.may_declare_packs((str(site),)) is True
    assert len(calls) == 1  # the second answer came from the kept scan
    assert os.path.isfile(entryscan.store_for((str(site),)))
    other = (str(site), str(tmp_path / "elsewhere"))  # another sys.path keeps its own scan
    assert entryscan.may_declare_packs(other) is True
    assert entryscan.may_declare_packs((str(site),)) is True
    assert len(calls) == 2


def test_entry_points_rewritten_in_place_are_read_again(tmp_path, cache_home, monkeypatch):
    site = _site(tmp_path, declares=False)
    calls = _scans(monkeypatch)
    assert entryscan.may_declare_packs((str(site),)) is False
    points = site / "housepack-1.0.dist-info" / "entry_points.txt"
    before = points.stat()
    points.write_text("[copydesk.rules]\nhouse = house:Rule\n")  # same folder, new text
    os.utime(points, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
    assert entryscan.may_declare_packs((str(site),)) is True
    assert len(calls) == 2


def test_a_new_distribution_or_folder_is_seen(tmp_path, cache_home):
    site = _site(tmp_path, declares=False)
    later = tmp_path / "later"  # on the path but absent at the first scan
    assert entryscan.may_declare_packs((str(site), str(later))) is False
    dist = later / "newpack-0.1.dist-info"
    dist.mkdir(parents=True)
    (dist / "entry_points.txt").write_text("[copydesk.packs]\nnew = new:folder\n")
    assert entryscan.may_declare_packs((str(site), str(later))) is True


def test_a_corrupt_kept_scan_is_a_miss(tmp_path, cache_home):
    site = _site(tmp_path, declares=True)
    cache_home.mkdir(parents=True)
    store = Path(entryscan.store_for((str(site),)))
    store.write_bytes(b"\x00 not marshal")
    assert entryscan.may_declare_packs((str(site),)) is True
    import marshal

    store.write_bytes(marshal.dumps([[str(site)], [], "yes"]))
    assert entryscan.may_declare_packs((str(site),)) is True  # wrong shape: scanned again


def test_a_library_call_keeps_no_scan(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    site = _site(tmp_path, declares=True)
    assert entryscan.may_declare_packs((str(site),)) is True
    assert not (tmp_path / "cache").exists()


def test_a_plain_check_imports_no_step_nor_pkgutil(tmp_path):
    (tmp_path / "draft.txt").write_text("Headline\n\nThe the cat sat.\n")
    modules = loaded_by("check", "--no-cache", "draft.txt", cwd=tmp_path, cache=tmp_path / "c")
    assert "linter.runner" in modules  # it did lint
    assert not {"linter.integrations", "linter.fixer", "linter.baseline", "pkgutil"} & modules


def _core(rule_id: str):
    from linter.registry import all_rules
    from linter.settings import Settings

    return next(r for r in all_rules(Settings()) if r.id == rule_id)


def test_a_blank_line_is_no_double_space_to_search(monkeypatch):
    """The folded text has a space per line break, so every paragraph break held CORE002's
    "  ": its regex compiled and searched lines that cannot hold a match."""
    from linter import runner
    from linter.formats import build_document

    rule = _core("CORE002")
    compiled: list[str] = []
    real = rule._compile_pattern
    monkeypatch.setattr(rule, "_compile_pattern", lambda: compiled.append(rule.id) or real())
    monkeypatch.setattr(rule, "_compiled", None)
    engine = runner.Engine(runner.Settings(select=["CORE002"]), [rule])
    paragraphs = "Headline\n\nThe cat sat.\n\nThe dog sat. \n Then it ran.\n"
    assert engine.lint_document(build_document("d.txt", paragraphs, None, None)) == ([], [])
    assert compiled == []
    slips = build_document("d.txt", paragraphs + "\nTwo  spaces here.\n", None, None)
    found, _ = engine.lint_document(slips)
    assert [(f.rule, f.line, f.column) for f in found] == [("CORE002", 8, 4)]
    assert compiled == ["CORE002"]


def test_rule_files_are_those_rglob_finds(tmp_path):
    """One scandir walk lists what the two rglobs did: data folders left out, linked folders
    not entered, a linked file listed (and marked, for the check that it stays inside)."""
    from linter.registry import DATA_FOLDERS, _rule_files

    root = tmp_path / "rules"
    for name in (
        "house/a.yaml",
        "house/b.yml",
        "house/knowledge/k.yaml",
        "top.yaml",
        "style/deep/data/d.yaml",
        "style/deep/c.yaml",
        "style/notes.txt",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x")
    (root / "linked").symlink_to(root / "house", target_is_directory=True)
    (root / "style" / "alias.yaml").symlink_to(root / "top.yaml")
    expected = []
    for path in sorted([*root.rglob("*.yaml"), *root.rglob("*.yml")]):
        parts = path.relative_to(root).parts
        if not DATA_FOLDERS & set(parts[:-1]):
            expected.append((parts, path.is_symlink()))
    assert _rule_files(root) == expected
    assert (("style", "alias.yaml"), True) in expected
    assert not any(parts[0] == "linked" for parts, _ in expected)


def test_plain_records_compare_and_print_as_dataclasses_did():
    from linter.reporters import Report
    from linter.rule import Example
    from linter.runner import FileResult, Result

    assert FileResult("a.txt") == FileResult("a.txt", [], [], None)
    assert FileResult("a.txt") != FileResult("b.txt")
    assert repr(FileResult("a.txt")) == (
        "FileResult(path='a.txt', findings=[], errors=[], source=None)"
    )
    one, two = Result(), Result()
    one.files.append(FileResult("a.txt"))
    assert two.files == [] and one != two  # each gets its own list
    assert Report([], 0).fail_on == "warning" and Report([], 0).rules == {}
    assert Example(bad="x") == Example("x") and Example(bad="x").format == "text"


def test_old_stores_of_other_checkouts_are_pruned(tmp_path, cache_home):
    """Every checkout and version kept its own rule index; those unused for 30 days go."""
    from linter import ruleindex
    from linter.registry import code_rules

    cache_home.mkdir(parents=True)
    old, recent = (
        cache_home / "code-rules-1-0.0.1-x-dead.marshal",
        cache_home / "code-rules-1-y.marshal",
    )
    for store in (old, recent):
        store.write_bytes(b"x")
    month_ago = time.time() - 31 * 86400
    os.utime(old, (month_ago, month_ago))
    ruleindex.indexed_code_rules(code_rules)
    assert not old.exists() and recent.exists()
    assert ruleindex._store().is_file()


LEAVE = """
import atexit, runpy, sys
atexit.register(lambda: sys.stderr.write("atexit ran\\n"))
class Teardown:
    def __del__(self):
        sys.stderr.write("interpreter teardown ran\\n")
marker = Teardown()
sys.argv = ["copydesk", *sys.argv[1:]]
runpy.run_module("linter", run_name="__main__")
"""


def _command(tmp_path: Path, *argv: str):
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    return subprocess.run(
        [sys.executable, "-c", LEAVE, *argv],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_check_leaves_with_its_output_flushed_and_no_teardown(tmp_path):
    (tmp_path / "draft.txt").write_text("Headline\n\nThe the cat sat on the mat.\n")
    proc = _command(tmp_path, "check", "--no-cache", "--format", "json", "draft.txt")
    assert proc.returncode == 1  # a finding: the exit code survives the quick exit
    assert '"rule": "CORE001"' in proc.stdout and proc.stdout.rstrip().endswith("}")
    assert "interpreter teardown ran" not in proc.stderr
    assert "atexit ran" in proc.stderr  # stores that save at exit still save


def test_other_commands_end_as_python_ends(tmp_path):
    proc = _command(tmp_path, "--version")
    assert proc.returncode == 0 and proc.stdout.startswith("copydesk ")
    assert "interpreter teardown ran" in proc.stderr


def test_printable_text_is_kept_without_compiling_the_control_pattern():
    """Every character ``escape_control`` rewrites is one ``str.isprintable`` refuses, so
    printable text (curly quotes, accents: most messages) needs no pattern at all."""
    from linter import escape

    fresh = escape.lazy(escape.CONTROL_RE.pattern)
    original, escape.CONTROL_RE = escape.CONTROL_RE, fresh
    try:
        text = "“Café” — naïve ‘quotes’"
        assert escape.escape_control(text) == text
        assert "_compiled" not in vars(fresh)
        assert escape.escape_control("a\u202eb\tc\nd") == "a\\u202eb\tc\\nd"
    finally:
        escape.CONTROL_RE = original
