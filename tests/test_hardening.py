"""Hostile input beyond tests/test_bad_input.py: deeply nested Markdown, UTF-16 with a BOM,
symlink loops, a file deleted mid-run, and the --fix round trip through the real CLI."""

from __future__ import annotations

import codecs
import os

import pytest
from conftest import positions
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter import discovery, runner

DOUBLED = "Headline\n\nHe saw the the ad.\n"


def no_traceback(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.strip()]


# The bracket cases were quadratic once (40,000 unmatched "[" cost 8 s); at these sizes a
# regression would run into the per-test timeout.
NESTED = {
    "blockquotes": "> " * 5000 + "He saw the the ad.\n",
    "lists": "".join("  " * i + "- item\n" for i in range(300)) + "\nHe saw the the ad.\n",
    "brackets": "[" * 100_000 + "He saw the the ad." + "]" * 100_000 + "\n",
    "unmatched brackets": "[" * 200_000 + "\n\nHe saw the the ad.\n",
    "emphasis": "*_" * 5000 + "He saw the the ad." + "_*" * 5000 + "\n",
    "links": "[a](" * 5000 + "x" + ")" * 5000 + "\n\nHe saw the the ad.\n",
    "html": "<div>" * 10000 + "\n\nHe saw the the ad.\n",
    "backticks": "`" * 30000 + "\n\nHe saw the the ad.\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(NESTED))
def test_deeply_nested_markdown_is_linted_or_one_line(run_json, tmp_path, name):
    (tmp_path / "deep.md").write_text(NESTED[name])
    (tmp_path / "good.txt").write_text(DOUBLED)
    code, report, err = run_json(".", cwd=tmp_path)
    errors = no_traceback(err)
    assert code in (1, 2)
    assert all(line.startswith("copydesk: error: deep.md") for line in errors)
    assert ("CORE001", 3, 8) in positions(report["findings"])  # good.txt still checked
    for f in report["findings"]:
        assert f["line"] >= 1 and f["column"] >= 1


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_utf16_with_bom_gives_the_utf8_positions(run_json, tmp_path, bom, newline):
    text = "# Title\n\nCafé 😀 owners saw the the ad.\n\nIt ran ran twice.\n".replace("\n", newline)
    encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-16-be"
    (tmp_path / "wide.md").write_bytes(bom + text.encode(encoding))
    (tmp_path / "narrow.md").write_bytes(text.encode("utf-8"))
    _, wide, err = run_json("wide.md", cwd=tmp_path)
    _, narrow, _ = run_json("narrow.md", cwd=tmp_path)
    assert err == ""
    assert (
        positions(wide["findings"])
        == positions(narrow["findings"])
        == [
            ("CORE001", 3, 19),  # the emoji is one column
            ("CORE001", 5, 4),
        ]
    )


def test_utf16_bom_with_odd_length_is_one_line(run_cli, tmp_path):
    (tmp_path / "odd.txt").write_bytes(codecs.BOM_UTF16_LE + "Hi".encode("utf-16-le") + b"\x00")
    code, _, err = run_cli("check", "odd.txt")
    assert code == 2
    (line,) = no_traceback(err)
    assert line.startswith("copydesk: error: odd.txt: not valid UTF-16 text")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks here")
def test_symlink_loops_end(run_json, tmp_path):
    (tmp_path / "good.txt").write_text(DOUBLED)
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "up").symlink_to(tmp_path, target_is_directory=True)  # a folder loop
    (sub / "self").symlink_to(sub / "self")  # a link to itself
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")  # two links to each other
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    code, report, err = run_json(".", cwd=tmp_path)
    errors = no_traceback(err)
    assert code == 2
    assert positions(report["findings"]) == [("CORE001", 3, 8)]
    assert sorted(line.split(":")[2].strip() for line in errors) == ["a.txt", "b.txt"]
    assert all("symbolic links" in line or "cannot read" in line for line in errors)
    code, _, err = run_json("a.txt", cwd=tmp_path)
    assert code == 2 and len(no_traceback(err)) == 1


def test_file_deleted_mid_run(run_json, tmp_path, monkeypatch):
    """Found by discovery, gone before it is read: one line, and the rest is checked."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(DOUBLED)
    real = discovery.discover

    def discover_then_delete(paths, settings):
        files, errors = real(paths, settings)
        os.unlink(tmp_path / "b.txt")
        return files, errors

    monkeypatch.setattr(discovery, "discover", discover_then_delete)
    code, report, err = run_json(".", cwd=tmp_path)
    assert code == 2
    assert no_traceback(err) == ["copydesk: error: b.txt: no such file"]
    assert sorted({f["path"] for f in report["findings"]}) == ["a.txt", "c.txt"]


def test_file_replaced_by_a_folder_mid_run(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(DOUBLED)
    (tmp_path / "b.txt").write_text(DOUBLED)
    real = discovery.discover

    def discover_then_swap(paths, settings):
        files, errors = real(paths, settings)
        os.unlink(tmp_path / "a.txt")
        (tmp_path / "a.txt").mkdir()
        return files, errors

    monkeypatch.setattr(discovery, "discover", discover_then_swap)
    monkeypatch.chdir(tmp_path)
    result = runner.lint_paths(["."])
    assert result.all_errors == ["a.txt: is a folder, not a file"]
    assert [f.path for f in result.findings] == ["b.txt"]


# ---- --fix through the real CLI: only the fixed spans change, and a second run has nothing
# left to fix, whatever the line endings and BOM ----------------------------------------------
def common_prefix(a: bytes, b: bytes) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


FRAGMENTS = st.sampled_from(
    [
        "the the", "He said said so.", "Mr. Smith", "ran  twice", "a a", "in in the",
        "Friday , twice", "😀", "“quoted the the text”", "café", "It is.", "\n", "\n\n", "\t",
        "2017", "U.S.", "— ", "e-mail", "is is is", "THE THE", "The the",
    ]
)  # fmt: skip
DRAFTS = st.lists(FRAGMENTS, min_size=1, max_size=25).map(" ".join)
FIX_EXAMPLES = max(5, int(os.environ.get("COPYDESK_HYPOTHESIS_EXAMPLES", "25")) // 3)


@settings(
    max_examples=FIX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(DRAFTS, st.sampled_from(["\n", "\r\n"]), st.booleans(), st.sampled_from(["txt", "md"]))
def test_fix_round_trip(run_cli, tmp_path, text, newline, bom, ext):
    path = tmp_path / f"draft.{ext}"
    original = text.replace("\n", newline).encode("utf-8")
    original = (codecs.BOM_UTF8 if bom else b"") + original
    path.write_bytes(original)
    code, _, err = run_cli("check", "--no-cache", "--fix", "--format", "json", path.name)
    assert "Traceback" not in err and code in (0, 1)
    fixed = path.read_bytes()
    assert fixed.startswith(codecs.BOM_UTF8) == bom
    if newline == "\r\n":
        assert fixed.count(b"\n") == fixed.count(b"\r\n")  # no bare LF introduced
    # every changed byte lies inside one changed region that a fix covered: compare the
    # common prefix and suffix; what lies outside them is untouched by construction
    prefix = common_prefix(original, fixed)
    suffix = common_prefix(original[prefix:][::-1], fixed[prefix:][::-1])
    assert original[:prefix] == fixed[:prefix]
    assert original[len(original) - suffix :] == fixed[len(fixed) - suffix :]
    code, _, err = run_cli("check", "--no-cache", "--fix", "--format", "json", path.name)
    assert "fixed" not in err, err  # a second run finds nothing to fix
    assert path.read_bytes() == fixed


@pytest.mark.slow
def test_a_long_file_of_short_paragraphs_is_split_in_linear_time():
    """Cutting sentences looked at every cut for every paragraph: 220 KB of short paragraphs
    took 4 s and this 4 MB text would run past the suite's per-test timeout."""
    from linter.text import sentences

    text = "Short para. Next one.\n\n" * 180_000
    spans = sentences(text)
    assert len(spans) == 360_000
    assert [text[s:e] for s, e in spans[:3]] == ["Short para.", "Next one.", "Short para."]


def test_documents_are_not_kept_alive_by_rule_caches():
    """Rules cache per-document work; none may keep a document alive after its run (a cache
    whose values held their document kept every file of a 10 MB run in memory: 800 MB)."""
    import gc

    from linter.document import Document
    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings())
    for i in range(30):
        engine.lint_text(f"Storm hits coast\n\nThe the storm hit on Friday, No. {i}. It rained.\n")
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, Document)]
    assert len(alive) <= 2, f"{len(alive)} documents still in memory"


def test_discovery_resolves_each_folder_once_and_still_refuses_links_out(tmp_path, monkeypatch):
    """Files that are no links take their folder's real path, resolved once per folder (a
    10,000-file tree resolved every file's path part by part); a folder link or a file link
    out of the tree is still found and skipped."""
    import os

    from linter import discovery
    from linter.settings import Settings

    tree = tmp_path / "tree"
    outside = tmp_path / "outside"
    (tree / "a").mkdir(parents=True)
    outside.mkdir()
    for i in range(30):
        (tree / "a" / f"{i:02}.md").write_text("Text.\n")
    (outside / "far.md").write_text("Far.\n")
    (tree / "b").symlink_to(outside, target_is_directory=True)
    (tree / "a" / "link.md").symlink_to(outside / "far.md")
    resolved: list[str] = []
    real = os.path.realpath

    def counted(path, *args, **kwargs):
        resolved.append(str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os.path, "realpath", counted)
    monkeypatch.chdir(tree)
    notices: list[str] = []
    files, errors = discovery.discover(["a", "b/far.md"], Settings(root=tree), notices=notices)
    assert files == [os.path.join("a", f"{i:02}.md") for i in range(30)] and errors == []
    assert sorted(n.split(":")[0] for n in notices) == [os.path.join("a", "link.md"), "b/far.md"]
    assert len(resolved) < 15  # not one per file
