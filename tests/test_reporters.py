"""Output formats, each checked the way its consumer reads it: editors' ``path:line:col``,
GitHub's workflow commands, reviewdog's UTF-8 byte columns, JUnit XML for CI dashboards."""

from __future__ import annotations

import json
from xml.etree import ElementTree as ET

import pytest

# An emoji and an accented letter before the slip: code-point, UTF-8 and UTF-16 columns differ.
TEXT = "Café 😀 the the end.\nSecond line , here.\n"


@pytest.fixture
def draft(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "clean.txt").write_text("Nothing wrong here.\n", encoding="utf-8")
    return tmp_path


def test_compact_is_path_line_col_rule_message(run_cli, draft):
    code, out, _ = run_cli("check", "--select", "CORE", "--format", "compact", ".")
    assert code == 1
    assert out.splitlines() == [
        "a.txt:1:8: CORE001 'the' is written twice; delete one.",
        "a.txt:2:12: CORE003 A space before ','; delete the space.",
    ]


def test_github_annotations(run_cli, draft):
    code, out, _ = run_cli("check", "--select", "CORE", "--format", "github", ".")
    assert code == 1
    lines = out.splitlines()
    # GitHub's end column is inclusive: "the the" spans columns 8..14
    assert lines[0] == (
        "::error file=a.txt,line=1,col=8,endLine=1,endColumn=14,"
        "title=copydesk CORE001 (doubled-word)::'the' is written twice; delete one."
    )
    assert lines[1].startswith("::warning file=a.txt,line=2,col=12,endLine=2,endColumn=13,")


def test_github_escapes_properties_and_data():
    from linter.reporters.github import escape_data, escape_property

    assert escape_property("dir,x/a:b.txt") == "dir%2Cx/a%3Ab.txt"
    assert escape_data("100% sure\nnext") == "100%25 sure%0Anext"


def test_github_info_is_a_notice(run_cli, tmp_path):
    from linter.finding import Finding
    from linter.reporters import Report, render

    f = Finding("a.txt", 1, 1, 1, 3, "X001", "info", "advice")
    assert render("github", Report([f], 1)).startswith("::notice file=a.txt,line=1,col=1,")


def test_rdjsonl_counts_utf8_bytes_and_end_is_exclusive(run_cli, draft):
    code, out, _ = run_cli("check", "--select", "CORE", "--format", "rdjsonl", ".")
    assert code == 1
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["location"] == {
        "path": "a.txt",
        "range": {"start": {"line": 1, "column": 12}, "end": {"line": 1, "column": 19}},
    }
    assert first["severity"] == "ERROR"
    assert first["code"]["value"] == "CORE001"
    # applying the suggestion the way reviewdog does (byte ranges) gives the fixed line
    line = TEXT.split("\n")[0].encode("utf-8")
    rng = first["suggestions"][0]["range"]
    fixed = (
        line[: rng["start"]["column"] - 1]
        + first["suggestions"][0]["text"].encode()
        + line[rng["end"]["column"] - 1 :]
    )
    assert fixed.decode("utf-8") == "Café 😀 the end."
    assert second["severity"] == "WARNING"
    assert second["location"]["range"]["start"] == {"line": 2, "column": 12}


def test_junit_xml_lists_findings_as_failures_and_clean_files_as_passes(run_cli, draft):
    code, out, _ = run_cli("check", "--select", "CORE", "--format", "junit", ".")
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("3", "2")
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == {"a.txt", "clean.txt"}
    cases = suites["a.txt"].findall("testcase")
    assert [c.get("name") for c in cases] == ["CORE001 at 1:8", "CORE003 at 2:12"]
    assert cases[0].find("failure").get("type") == "error"
    assert suites["clean.txt"].find("testcase/failure") is None


def test_every_format_renders_an_empty_report():
    from linter.reporters import Report, format_names, render

    for name in format_names():
        assert isinstance(render(name, Report([], 0)), str), name


def test_text_groups_by_file_with_carets_and_summary(run_cli, draft):
    (draft / "b.txt").write_text("One  two.\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--select", "CORE", "--statistics", ".")
    assert code == 1
    assert out.splitlines() == [
        "a.txt (2 findings)",
        "a.txt:1:8: error CORE001 'the' is written twice; delete one.",
        "    Café 😀 the the end.",
        "            ^^^^^^^",  # the emoji takes two terminal cells
        "a.txt:2:12: warning CORE003 A space before ','; delete the space.",
        "    Second line , here.",
        "               ^^",
        "",
        "b.txt (1 finding)",
        "b.txt:1:4: warning CORE002 Two or more spaces inside a sentence; use one.",
        "    One  two.",
        "       ^^",
        "",
        "     1  CORE001    error   doubled-word  [fixable]",
        "     1  CORE002    warning double-space  [fixable]",
        "     1  CORE003    warning space-before-punctuation  [fixable]",
        "",
        "3 findings can be fixed with --fix (see --diff).",
        "Found 3 findings in 3 files: 1 error, 2 warnings, 0 info.",
    ]


def test_progress_bar_only_for_many_files_and_erased():
    import io

    from linter.reporters._progress import Progress

    stream = io.StringIO()
    small = Progress(stream, threshold=300, force=True)
    small(1, 10)
    assert stream.getvalue() == ""
    big = Progress(stream, threshold=300, force=True)
    big(400, 400)
    assert "checking" in stream.getvalue() and "400/400 files" in stream.getvalue()
    big.close()
    assert stream.getvalue().endswith("\r\033[2K")
    assert Progress(io.StringIO()).enabled is False  # not a terminal: never shown


def test_lint_paths_reports_progress(tmp_path):
    from linter.runner import lint_paths

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text("One two.\n", encoding="utf-8")
    seen = []
    lint_paths([str(tmp_path)], select=["CORE"], progress=lambda d, t: seen.append((d, t)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_text_shows_a_window_of_a_long_line(run_cli, tmp_path):
    line = "Word " * 40 + "the the end " + "word " * 40
    (tmp_path / "long.txt").write_text(line + "\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--select", "CORE001", "long.txt")
    assert code == 1
    _, frame, caret = out.splitlines()[:3]
    assert frame.startswith("    …") and frame.endswith("…")
    assert len(frame) < 130
    assert frame[caret.index("^") : caret.index("^") + 7] == "the the"


def test_check_shows_progress_on_a_terminal_for_many_files(tmp_path, monkeypatch, capsys):
    import io
    import sys

    from linter.cli import main

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for i in range(301):
        (tmp_path / f"{i:03d}.txt").write_text("One two.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", "--select", "CORE", "--no-cache", "--jobs", "1", "."]) == 0
    assert "301/301 files" in terminal.getvalue()
    assert terminal.getvalue().endswith("\r\033[2K")  # erased before the report
    assert capsys.readouterr().out == "No findings in 301 files.\n"
