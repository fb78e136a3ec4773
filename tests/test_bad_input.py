"""Bad input: one clear line naming the file, never a traceback, and the run goes on."""

from __future__ import annotations

import codecs

import pytest
from conftest import positions

GOOD = "Headline\n\nHe saw the the ad.\n"


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD)
    return tmp_path


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_binary_file_reported_and_others_linted(tree, run_json):
    (tree / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, report, err = run_json(".", cwd=tree)
    assert code == 2
    assert (
        one_line(err) == "copydesk: error: photo.txt: binary file (it contains NUL bytes); skipped"
    )
    assert positions(report["findings"]) == [("CORE001", 3, 8)]


def test_not_utf8_names_line_and_column(tree, run_json):
    (tree / "latin1.txt").write_bytes("First line\nCaf\u00e9 society\n".encode("latin-1"))
    code, report, err = run_json(".", cwd=tree)
    assert code == 2
    assert one_line(err) == (
        "copydesk: error: latin1.txt: not UTF-8 text (byte 0xe9 at line 2, column 4); "
        "re-save it as UTF-8; skipped"
    )
    assert report["summary"]["files"] == 2 and len(report["findings"]) == 1


def test_utf16_with_bom_is_read(tree, run_json):
    (tree / "wide.txt").write_bytes(codecs.BOM_UTF16_LE + "He said said so.\n".encode("utf-16-le"))
    _code, report, err = run_json("wide.txt", cwd=tree)
    assert err == "" and positions(report["findings"]) == [("CORE001", 1, 4)]


def test_empty_file_is_fine(tree, run_json):
    (tree / "empty.md").write_text("")
    code, report, err = run_json("empty.md", cwd=tree)
    assert (code, report["findings"], err) == (0, [], "")
    assert report["summary"]["files"] == 1


def test_missing_path(tree, run_json):
    code, report, err = run_json("nope.txt", "good.txt", cwd=tree)
    assert code == 2
    assert one_line(err) == "copydesk: error: nope.txt: no such file or folder"
    assert positions(report["findings"]) == [("CORE001", 3, 8)]


@pytest.mark.slow
def test_folder_of_ten_thousand_files(tmp_path, run_json):
    folder = tmp_path / "archive"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"{i:05d}.txt").write_text(
            "Clean copy.\n" if i != 7777 else "Not the the clean.\n"
        )
    _code, report, err = run_json("archive", cwd=tmp_path)
    assert err == ""
    assert report["summary"]["files"] == 10_000
    assert [(f["path"], f["rule"], f["column"]) for f in report["findings"]] == [
        ("archive/07777.txt", "CORE001", 5)
    ]


def test_fifty_megabyte_file_is_refused_with_a_message(tree, run_json):
    big = tree / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NULs costs no disk
    code, report, err = run_json(".", cwd=tree)
    assert code == 2
    assert one_line(err).startswith(
        "copydesk: error: huge.txt: file is 50.0 MB, over the 10 MB limit"
    )
    assert positions(report["findings"]) == [("CORE001", 3, 8)]


def test_size_limit_is_configurable(tmp_path, run_json):
    paragraph = "Musk tweeted to his followers about the car ad on Friday. " * 16 + "\n\n"
    (tmp_path / "huge.txt").write_text(
        paragraph * (3 * 1024 * 1024 // len(paragraph)) + "the the end\n"
    )
    (tmp_path / ".copydesk.toml").write_text(f"max-file-size = {4 * 1024 * 1024}\n")
    _code, report, err = run_json("--select", "CORE", "huge.txt", cwd=tmp_path)
    assert err == ""
    assert [(f["rule"], f["column"]) for f in report["findings"]] == [("CORE001", 1)]


def test_one_megabyte_single_line(tree, run_json):
    (tree / "line.txt").write_text("word " * 200_000 + "and and end")
    _code, report, err = run_json("line.txt", cwd=tree)
    assert err == ""
    assert positions(report["findings"]) == [("CORE001", 1, 1_000_001)]


SLOW_RULE = """\
id: SLOW001
name: slow
kind: pattern
severity: warning
message: m
why: w
source: s
pattern: "(.*?,){25}P"
examples:
  - bad: "a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,P"
  - good: b
"""


@pytest.mark.slow
def test_catastrophic_regex_is_bounded(tree, run_json):
    (tree / "pack").mkdir()
    (tree / "pack" / "slow.yaml").write_text(SLOW_RULE)
    (tree / ".copydesk.toml").write_text('rule-dirs = ["pack"]\n')
    (tree / "csv.txt").write_text(",".join(["abc"] * 40) + " and the the end\n")
    code, report, err = run_json("csv.txt", cwd=tree)
    assert code == 2
    line = one_line(err)
    assert line.startswith(
        "copydesk: error: pack/slow.yaml: rule SLOW001: its pattern ran over 2 s on csv.txt"
    )
    assert [f["rule"] for f in report["findings"]] == ["CORE001"]  # the other rules still ran


def test_a_file_that_grows_while_read_is_read_whole(tmp_path, monkeypatch):
    """The read is sized to the file; one that grew since its size was taken is read on."""
    from linter import source

    path = tmp_path / "growing.txt"
    path.write_text("Headline\n\nThe whole text, grown since.\n")
    monkeypatch.setattr(source.os.path, "getsize", lambda p: 3)
    assert source.read_source(str(path)).text == "Headline\n\nThe whole text, grown since.\n"


def test_within_line_shares_one_time_limit_across_lines(monkeypatch):
    """A ``within_line`` rule searches line by line; the lines share the document's time
    limit, so a slow pattern cannot take a limit per line (here each search seems to take
    1.2 s of a 2 s limit: the second line's search is refused)."""
    import itertools

    from linter import yamlload
    from linter.formats import build_document
    from linter.kinds import kind_class, pattern
    from linter.regexsafe import RegexTimeout

    data = yamlload.load(SLOW_RULE + 'requires: [","]\nwithin_line: true\n')
    rule = kind_class("pattern")(data, "pack/slow.yaml", "pack")
    clock = itertools.count(step=1.2)
    monkeypatch.setattr(pattern.time, "monotonic", lambda: next(clock))
    doc = build_document("csv.txt", "a,b\nc,d\ne,f\n")
    with pytest.raises(RegexTimeout):
        list(rule.check(doc))
