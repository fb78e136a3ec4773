"""Inline suppression comments in Markdown (and plain text)."""

from __future__ import annotations

from conftest import positions


def lint(tmp_path, run_json, text, name="draft.md"):
    (tmp_path / name).write_text(text)
    _, report, _ = run_json("--select", "CORE", name)
    return positions(report["findings"])


def test_disable_block_and_enable(tmp_path, run_json):
    text = (
        "the the one\n\n"
        "<!-- copydesk-disable CORE001 -->\n"
        "the the two, a  gap\n\n"
        "<!-- copydesk-enable -->\n"
        "the the three\n"
    )
    assert lint(tmp_path, run_json, text) == [
        ("CORE001", 1, 1),
        ("CORE002", 4, 15),
        ("CORE001", 7, 1),
    ]


def test_disable_all_rules_to_end_of_file(tmp_path, run_json):
    text = "the the one\n\n<!-- copydesk-disable -->\nthe the two, a  gap\n"
    assert lint(tmp_path, run_json, text) == [("CORE001", 1, 1)]


def test_disable_next_line_by_prefix(tmp_path, run_json):
    text = "<!-- copydesk-disable-next-line CORE00 -->\nthe the one, a  gap\nthe the two\n"
    assert lint(tmp_path, run_json, text) == [("CORE001", 3, 1)]


def test_disable_next_line_several_ids(tmp_path, run_json):
    text = "<!-- copydesk-disable-next-line CORE001, CORE002 -->\nthe the one , a  gap\n"
    assert lint(tmp_path, run_json, text) == [("CORE003", 2, 12)]


def test_comments_work_in_plain_text_too(tmp_path, run_json):
    text = "<!-- copydesk-disable-next-line -->\nthe the one\nthe the two\n"
    assert lint(tmp_path, run_json, text, "draft.txt") == [("CORE001", 3, 1)]
