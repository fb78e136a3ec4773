"""Small hostile inputs that cost copydesk unbounded memory or time: a draft, a rule file or
a front matter a few kilobytes long must finish within the limits of
``test_hostile_support`` (500 MB of address space, 10 s of processor time) with findings or
one honest line (issue 17)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
import yaml
from test_hostile_support import run

RULE = {
    "id": "HOST001",
    "name": "hostile",
    "kind": "pattern",
    "severity": "error",
    "message": "hostile",
    "why": "a hostile rule pack",
    "source": "test",
    "pattern": "x",
    "examples": [{"bad": "x"}, {"good": "y"}],
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "work"
    out.mkdir()
    return out


def check(folder: Path, name: str, text: str, *args: str):
    (folder / name).write_text(text, encoding="utf-8")
    result = run("check", "--no-cache", "--format", "json", *args, name, cwd=folder)
    result.assert_honest()
    return result


# ---- drafts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("letters", [6_000, 20_000])
def test_one_very_long_word(folder, letters):
    word = "".join(random.Random(letters).choice("abcdefghij") for _ in range(letters))
    result = check(folder, "word.txt", f"Headline\n\nHe wrote {word} once.\n", "--select", "SPELL")
    assert result.code in (0, 1) and result.err == ""


def test_a_long_run_of_capitalised_words(folder):
    words = ["Alpha", "Beta", "Gamma", "Delta", "Echo", "Foxtrot", "Golf", "Hotel"]
    rng = random.Random(7)
    text = " ".join(rng.choice(words) for _ in range(2_000)) + ".\n"
    result = check(folder, "caps.txt", "Headline\n\n" + text, "--select", "FACT")
    assert result.code in (0, 1) and result.err == ""


def test_thousands_of_titles(folder):
    text = "Headline\n\n" + "The President said no. " * 20_000
    result = check(folder, "titles.txt", text, "--select", "FACT")
    assert result.code in (0, 1) and result.err == ""


@pytest.mark.parametrize(
    "table",
    [
        "| a | b |\n|---|---|\n| " + "word|" * 6_500 + "\n",  # a 32 KB row
        "|" + "a|" * 8_000 + "\n|" + "-|" * 8_000 + "\n",  # 8,000 columns
    ],
    ids=["long-row", "many-columns"],
)
def test_a_long_markdown_table_row(folder, table):
    result = check(folder, "table.md", "# Headline\n\n" + table)
    assert result.code in (0, 1) and result.err == ""


def test_findings_are_capped_with_a_summary_line(folder):
    from linter.runner import finding_caps

    text = "Headline\n\n" + "\u201c" * 300_000 + "\n"
    rule_cap, file_cap = finding_caps(text)
    assert (rule_cap, file_cap) == (4_000, 25_000)  # linear in the size, far below 300,000
    result = check(folder, "quotes.txt", text)
    assert result.code == 2  # the report is incomplete, and says so
    findings = json.loads(result.out)["findings"]
    assert 0 < len(findings) <= file_cap
    assert any(f"stopped after {rule_cap:,} findings" in line for line in result.err_lines)


def test_rdjsonl_on_a_long_line_with_many_findings(folder):
    line = "é the the " * 50_000  # one line of 500,000 characters, non-ASCII
    result = check(folder, "long.txt", "Headline\n\n" + line + "\n", "--format", "rdjsonl")
    rows = [json.loads(r) for r in result.out.splitlines()]
    assert rows and rows[0]["location"]["range"]["start"]["column"] > 0


def test_numbers_of_thousands_of_digits(folder):
    digits = "9" * 5_000
    text = f"Headline\n\n{digits} people came. At {digits} p.m. it was {digits} percent.\n"
    result = check(folder, "digits.txt", text)
    assert result.code in (0, 1)


def test_front_matter_number_of_thousands_of_digits(folder):
    result = check(folder, "digits.md", f"---\ndate: {'9' * 5_000}\n---\nA draft.\n")
    assert result.code == 2
    (line,) = result.err_lines
    # read as the written value (the document is measured first), then refused as a date
    assert line.startswith("copydesk: error: digits.md:2: front matter 'date': '999")
    assert "is not a date" in line and len(line) < 200


def test_front_matter_billion_laughs(folder):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    result = check(folder, "bomb.md", "---\n" + "\n".join(lines) + "\ndate: *a9\n---\nText.\n")
    assert result.code == 2
    assert "billion" in result.err


def test_front_matter_nested_deeply(folder):
    result = check(folder, "deep.md", "---\na: " + "[" * 50_000 + "]" * 50_000 + "\n---\nText.\n")
    assert result.code == 2 and "nested deeper" in result.err


# ---- rule files and config --------------------------------------------------------------------


def rule_pack(folder: Path, **changes) -> None:
    (folder / "rules").mkdir(exist_ok=True)
    (folder / "rules" / "hostile.yaml").write_text(yaml.safe_dump({**RULE, **changes}))
    (folder / ".copydesk.toml").write_text('rule-dirs = ["rules"]\n')


def test_pattern_that_compiles_to_gigabytes(folder):
    rule_pack(folder, pattern="(?:(?:(?:a{1000}){1000}){100})")
    result = check(folder, "a.txt", "Text.\n")
    assert result.code == 2
    (line,) = result.err_lines
    assert "hostile.yaml" in line and "counted repeats" in line


def test_billion_laughs_in_a_rule_id(folder):
    (folder / "rules").mkdir()
    (folder / "rules" / "bomb.yaml").write_text(_bomb_rule())
    (folder / ".copydesk.toml").write_text('rule-dirs = ["rules"]\n')
    result = check(folder, "a.txt", "Text.\n")
    assert result.code == 2
    (line,) = result.err_lines
    assert "bomb.yaml" in line and "billion" in line


def _bomb_rule() -> str:
    """A rule whose ``id`` is a billion-laughs alias: anchors defined in an unused key."""
    anchors = ['  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    anchors += [f"  a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    body = yaml.safe_dump({k: v for k, v in RULE.items() if k != "id"})
    return "description:\n" + "\n".join(anchors) + "\n" + body + "id: *a9\n"


def test_huge_max_file_size_from_a_repository(folder):
    (folder / ".copydesk.toml").write_text(f"max-file-size = {10**12}\n")
    result = check(folder, "a.txt", "Text.\n")
    assert result.code == 2 and "max-file-size" in result.err


def test_jobs_are_capped(monkeypatch):
    from linter import parallel

    monkeypatch.setattr(parallel, "available_cores", lambda: 4)
    assert parallel.worker_count(300, [100_000] * 10_000) == 8
    monkeypatch.setattr(parallel, "available_cores", lambda: 64)
    assert parallel.worker_count(300, [100_000] * 10_000) == parallel.MAX_WORKERS


@pytest.mark.parametrize(
    "config",
    [f"max-file-size = {'9' * 5_000}\n", "select = " + "[" * 50_000 + "]" * 50_000 + "\n"],
    ids=["digits", "nesting"],
)
def test_config_that_cannot_be_read_is_one_line(folder, config):
    (folder / ".copydesk.toml").write_text(config)
    result = check(folder, "a.txt", "Text.\n")
    assert result.code == 2
    (line,) = result.err_lines
    assert line.startswith("copydesk: error: .copydesk.toml: invalid TOML")


def test_regex_time_is_budgeted_per_document_and_per_run(monkeypatch):
    from linter import regexsafe

    pattern = regexsafe.compile_pattern(r"\bx\b")
    regexsafe.start_document("x y x")
    assert len(regexsafe.finditer(pattern, "x y x")) == 2
    monkeypatch.setattr(regexsafe, "DOCUMENT_BUDGET", 0.0)
    regexsafe.start_document("x y x")  # the document's budget is spent: every rule stops
    with pytest.raises(regexsafe.RegexTimeout):
        regexsafe.finditer(pattern, "x y x")
    monkeypatch.setattr(regexsafe, "DOCUMENT_BUDGET", 3.0)
    regexsafe.start_document("x y x")
    monkeypatch.setattr(regexsafe, "_spent", regexsafe.RUN_BUDGET * 1000)  # the run's is spent
    with pytest.raises(regexsafe.RegexTimeout):
        regexsafe.finditer(pattern, "x y x")
    regexsafe.end_document()


@pytest.mark.parametrize(
    "pattern, refused",
    [
        ("(?:(?:(?:a{1000}){1000}){100})", True),
        ("(?:a{1000}){1000}", True),
        (r"(?:[{(]{500}){300}", True),
        (r"\w{1,100}", False),
        (r"(?:\d{1,3},){1,5}\d{3}", False),
        (r"\{1000\}{3}", False),
    ],
)
def test_regex_compile_size_limit(pattern, refused):
    from linter import regexsafe

    if refused:
        with pytest.raises(ValueError, match="counted repeats"):
            regexsafe.compile_pattern(pattern)
    else:
        regexsafe.compile_pattern(pattern)


def test_document_regex_budget_counts_searching_only(monkeypatch):
    """Other rules' work between searches (an hour here, on a clock moved forward) does not
    use up a document's regex budget, so findings do not depend on the machine's load."""
    import time

    from linter import regexsafe

    pattern = regexsafe.compile_pattern(r"\bx\b")
    monkeypatch.setattr(regexsafe, "DOCUMENT_BUDGET", 1.0)
    regexsafe.start_document("x y x")
    later = time.monotonic() + 3600
    monkeypatch.setattr(regexsafe.time, "monotonic", lambda: later)
    try:
        assert len(regexsafe.finditer(pattern, "x y x")) == 2
    finally:
        regexsafe.end_document()
