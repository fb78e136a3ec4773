"""--fix and --diff: safe fixes applied in place, atomically, keeping encoding, BOM and line
endings; idempotent; exit 1 when a file changed (pre-commit's convention); bad cases exit 2
and leave the file untouched."""

from __future__ import annotations

import codecs
import json
import os
import stat
import sys

import pytest

from linter.finding import Finding
from linter.fixer import apply_fixes, fix_file

BAD = "The the ad ran on\r\non Friday , twice.\r\nIt was  seen.\r\n"
GOOD = "The ad ran on Friday, twice.\r\nIt was seen.\r\n"


def test_fix_keeps_bom_and_crlf_and_exits_1(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + BAD.encode("utf-8"))
    code, out, err = run_cli("check", "--select", "CORE", "--fix", "a.txt")
    assert code == 1
    assert path.read_bytes() == codecs.BOM_UTF8 + GOOD.encode("utf-8")
    assert "fixed 4 findings in 1 file" in err
    assert "No findings" in out


def test_fix_is_idempotent(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(BAD.encode("utf-8"))
    assert run_cli("check", "--select", "CORE", "--fix", "a.txt")[0] == 1
    once = path.read_bytes()
    code, _, err = run_cli("check", "--select", "CORE", "--fix", "a.txt")
    assert code == 0 and "fixed" not in err
    assert path.read_bytes() == once == GOOD.encode("utf-8")


def test_fix_keeps_utf16_encoding(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Ja  da 😀 the the end.\n".encode("utf-16-le"))
    assert run_cli("check", "--select", "CORE", "--fix", "a.txt")[0] == 1
    assert path.read_bytes() == codecs.BOM_UTF16_LE + "Ja da 😀 the end.\n".encode("utf-16-le")


def test_fix_keeps_permissions_and_leaves_no_temporary_file(run_cli, tmp_path):
    path = tmp_path / "a.md"
    path.write_text("One  two.\n", encoding="utf-8")
    path.chmod(0o640)
    assert run_cli("check", "--select", "CORE", "--fix", "a.md")[0] == 1
    assert path.read_text("utf-8") == "One two.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir() if "a.md" in p.name] == ["a.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_fix_writes_through_a_symlink(run_cli, tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("One  two.\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(real)
    assert run_cli("check", "--select", "CORE", "--fix", "link.txt")[0] == 1
    assert (tmp_path / "link.txt").is_symlink()
    assert real.read_text("utf-8") == "One two.\n"


def test_fix_reports_what_remains_in_json(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("One  two.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--select", "CORE", "--fix", "--format", "json", "a.txt")
    assert code == 1
    assert json.loads(out)["findings"] == []


def test_diff_shows_fixes_and_writes_nothing(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Line one.\nIt was  seen by by many.\n", encoding="utf-8")
    before = path.read_bytes()
    code, out, _ = run_cli("check", "--select", "CORE", "--diff", "a.txt")
    assert code == 1
    assert out == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n Line one.\n"
        "-It was  seen by by many.\n+It was seen by many.\n"
    )
    assert path.read_bytes() == before


def test_diff_with_nothing_to_fix_exits_0(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("All good.\n", encoding="utf-8")
    assert run_cli("check", "--select", "CORE", "--diff", "a.txt")[:2] == (0, "")


def test_read_only_file_is_refused_and_untouched(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One  two.\n", encoding="utf-8")
    path.chmod(0o444)
    try:
        code, _, err = run_cli("check", "--select", "CORE", "--fix", "a.txt")
    finally:
        path.chmod(0o644)
    assert code == 2
    assert "a.txt: read-only file; not fixed" in err
    assert len(err.strip().splitlines()) == 1
    assert path.read_text("utf-8") == "One  two.\n"


def test_file_changed_by_another_process_during_fix_is_untouched(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One  two.\n", encoding="utf-8")
    from linter.runner import lint_text

    def lint_and_meddle(text: str):
        path.write_text("Edited by someone else.\n", encoding="utf-8")
        return lint_text(text, "a.txt", select=["CORE"])

    result = fix_file(str(path), lint_and_meddle, write=True)
    assert result.error and "changed by another process" in result.error
    assert not result.changed
    assert path.read_text("utf-8") == "Edited by someone else.\n"


def test_file_changed_since_the_check_is_untouched(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One  two.\n", encoding="utf-8")
    from linter.runner import lint_text

    result = fix_file(
        str(path), lambda t: lint_text(t, "a.txt", select=["CORE"]), write=True, linted_text="x"
    )
    assert "changed since it was checked" in result.error
    assert path.read_text("utf-8") == "One  two.\n"


def test_apply_fixes_skips_overlaps_and_counts():
    def f(start: int, end: int, fix: str | None) -> Finding:
        return Finding("a", 1, 1, 1, 1, "X", "error", "m", fix=fix, start=start, end=end)

    text = "abcdef"
    out, n = apply_fixes(text, [f(0, 2, "X"), f(1, 3, "Y"), f(4, 6, ""), f(3, 4, None)])
    # last first: "ef" deleted, then "bc" -> "Y"; "ab" overlaps "bc" and is skipped
    assert (out, n) == ("aYd", 2)
    assert apply_fixes(text, []) == (text, 0)


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_unwritable_folder_is_a_clear_error(run_cli, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text("One  two.\n", encoding="utf-8")
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root: a read-only folder is still writable")
        code, _, err = run_cli("check", "--select", "CORE", "--fix", str(path))
    finally:
        folder.chmod(0o755)
    assert code == 2 and "not fixed" in err
    assert path.read_text("utf-8") == "One  two.\n"


def test_fix_with_diff_only_shows(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("One  two.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--select", "CORE", "--fix", "--diff", "a.txt")
    assert code == 1 and out.startswith("--- a/a.txt")
    assert path.read_text("utf-8") == "One  two.\n"


def test_testing_helper_uses_the_fixer():
    from linter.testing import apply_fixes as helper

    f = Finding("a", 1, 1, 1, 1, "X", "error", "m", fix="x", start=1, end=3)
    assert helper("abcd", [f]) == "axd"
