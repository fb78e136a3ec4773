"""Line and column are exact: 1-based, in Unicode characters, unmoved by CRLF, BOM, tabs,
curly quotes and emoji, in plain text and Markdown."""

from __future__ import annotations

import codecs

from conftest import positions

from linter.formats import build_document
from linter.source import decode


def lint_bytes(tmp_path, run_json, data: bytes, name: str = "draft.txt", *extra: str):
    path = tmp_path / name
    path.write_bytes(data)
    code, report, err = run_json(name, "--select", "CORE", *extra)
    return code, report["findings"], err


def test_lf_positions(tmp_path, run_json):
    code, findings, _ = lint_bytes(tmp_path, run_json, b"Headline\n\nMusk saw the the ad.\n")
    assert code == 1
    assert positions(findings) == [("CORE001", 3, 10)]
    assert (findings[0]["end_line"], findings[0]["end_column"]) == (3, 17)


def test_crlf_does_not_shift_columns(tmp_path, run_json):
    lf = b"Headline\n\nMusk saw the the ad.\nAnd a  gap.\n"
    _, want, _ = lint_bytes(tmp_path, run_json, lf, "lf.txt")
    _, got, _ = lint_bytes(tmp_path, run_json, lf.replace(b"\n", b"\r\n"), "crlf.txt")
    assert positions(got) == positions(want) == [("CORE001", 3, 10), ("CORE002", 4, 6)]
    assert [(f["end_line"], f["end_column"]) for f in got] == [(3, 17), (4, 8)]


def test_bom_is_not_a_column(tmp_path, run_json):
    data = codecs.BOM_UTF8 + b"the the start"
    _, findings, _ = lint_bytes(tmp_path, run_json, data)
    assert positions(findings) == [("CORE001", 1, 1)]


def test_columns_count_characters_not_bytes(tmp_path, run_json):
    text = "“Press heart,” Musk 👍 tweeted to to his followers.\n"
    _, findings, _ = lint_bytes(tmp_path, run_json, text.encode())
    col = text.index("to to") + 1
    assert positions(findings) == [("CORE001", 1, col)]
    assert findings[0]["end_column"] == col + len("to to")


def test_tab_is_one_column(tmp_path, run_json):
    _, findings, _ = lint_bytes(tmp_path, run_json, b"\tHe said said it.\n")
    assert positions(findings) == [("CORE001", 1, 5)]


def test_doubled_word_across_line_break_spans_two_lines(tmp_path, run_json):
    _, findings, _ = lint_bytes(tmp_path, run_json, b"Headline\n\nHe asked for\nfor calm.\n")
    f = findings[0]
    assert (f["rule"], f["line"], f["column"], f["end_line"], f["end_column"]) == (
        "CORE001",
        3,
        10,
        4,
        4,
    )


def test_markdown_positions_after_front_matter_and_markup(tmp_path, run_json):
    text = "---\ndate: 2023-02-10\n---\n# A **bold** headline\n\nSome *emphasis* and the the end.\n"
    _, findings, _ = lint_bytes(tmp_path, run_json, text.encode(), "draft.md")
    assert positions(findings) == [("CORE001", 6, 21)]


def test_markdown_crlf_and_bom(tmp_path, run_json):
    text = "# Headline\r\n\r\n> He said said so.\r\n"
    data = codecs.BOM_UTF8 + text.encode()
    _, findings, _ = lint_bytes(tmp_path, run_json, data, "draft.md")
    assert positions(findings) == [("CORE001", 3, 6)]


def test_document_position_round_trip():
    text = "ab\r\ncd é 👍\n\nx"
    doc = build_document("x.txt", decode(text.encode(), "x.txt").text)
    lines = doc.text.split("\n")
    for offset, ch in enumerate(text):
        line, column = doc.position(offset)
        assert (lines[line - 1] + "\n")[column - 1] == ch
