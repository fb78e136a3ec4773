"""The modern training text's sentence splitting and cleaning (bench/grammar_modern_corpus.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import grammar_modern_corpus as gmc  # noqa: E402


def test_split_at_stops_not_after_abbreviations() -> None:
    text = "Mr. Smith went to Washington. He met Dr. Jones at 3 p.m. It rained! Did it?"
    assert gmc.split_sentences(text) == [
        "Mr. Smith went to Washington.",
        "He met Dr. Jones at 3 p.m. It rained!",
        "Did it?",
    ]


def test_split_keeps_closing_quote_with_its_sentence() -> None:
    text = "She said, \"It's late.\" They're gone (for now.) Then we left."
    assert gmc.split_sentences(text) == [
        'She said, "It\'s late."',
        "They're gone (for now.)",
        "Then we left.",
    ]


def test_split_does_not_break_initials_or_decimals() -> None:
    assert gmc.split_sentences("J. R. Smith paid 3.5 dollars. Then he left.") == [
        "J. R. Smith paid 3.5 dollars.",
        "Then he left.",
    ]


def test_curly_apostrophes_and_entities_are_straightened() -> None:
    assert gmc.clean_sentence("It’s what they&#8217;re “after” now.") == (
        "It's what they're \"after\" now."
    )


@pytest.mark.parametrize(
    "bad",
    [
        "see https://example.gov for more.",  # lower-case start
        "Read the docs at https://example.gov today.",  # URL
        "Run `make all` before you start.",  # code
        "Too short.",  # two words
        "This sentence has no final stop",
        "THE NEW GUIDE FOR ALL AGENCIES IS OUT NOW.",  # headline capitals
        'He said "yes and left.',  # unbalanced quote
        "Email us at team@example.gov with questions.",
    ],
)
def test_residue_and_fragments_are_dropped(bad: str) -> None:
    assert gmc.clean_sentence(bad) is None


def test_markdown_prose_drops_markup_and_keeps_link_text() -> None:
    page = "\n".join(
        [
            "---",
            "title: 'A post'",
            "---",
            "",
            "## A heading that is not a sentence",
            "",
            "Read our [plain language guide](https://example.gov/guide) first. It's **short**.",
            "",
            "```",
            "print('code is not prose.')",
            "```",
            "",
            "| a | table |",
            "",
            '{{< img src="x.png" >}}',
            "",
            "- You're never alone in this",
            "- Their team helps.",
        ]
    )
    sentences = [s for p in gmc.markdown_prose(page) for s in gmc.split_sentences(p)]
    assert sentences == [
        "Read our plain language guide first.",
        "It's short.",
        "You're never alone in this",  # a list item is not joined to the next
        "Their team helps.",
    ]


def test_counts_fold_case_and_keep_contractions_apart() -> None:
    counts = gmc.counts_of(
        ["It's its own thing.", "They're there with their dog, then more than that."]
    )
    assert counts["it's"] == 1 and counts["its"] == 1
    assert counts["they're"] == counts["there"] == counts["their"] == 1
    assert counts["then"] == counts["than"] == 1


def _repo(tmp: Path) -> tuple[Path, str]:
    """A bare mirror, owner+name/repo, with one markdown page and one sentence list."""
    work = tmp / "work"
    work.mkdir()
    (work / "page.md").write_text("It's a test page. It's a test page.\n\nNo stop here\n")
    (work / "lines.txt").write_text("Your call is important.\nYour call is important.\n")
    git = ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "x"], check=True)
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True)
    mirror = tmp / "mirror"
    subprocess.run(
        ["git", "clone", "-q", "--bare", str(work), str(mirror / "o+r" / "repo")], check=True
    )
    return mirror, commit.stdout.strip()


def test_build_reads_the_mirror_at_its_commit_and_deduplicates(tmp_path: Path) -> None:
    mirror, commit = _repo(tmp_path)
    sources = [
        gmc.Source("md", "o/r", commit, ("*.md",), (), "markdown", "CC0", "page.md"),
        gmc.Source("txt", "o/r", commit, ("*.txt",), (), "lines", "CC0", "lines.txt"),
    ]
    out = tmp_path / "out" / "text.txt"
    stats = gmc.build(mirror, out, sources)
    assert out.read_text().splitlines() == ["It's a test page.", "Your call is important."]
    assert [(s.sentences, s.words) for s in stats] == [(1, 4), (1, 4)]
    assert stats[0].counts["it's"] == 1 and stats[1].counts["your"] == 1


def test_missing_mirror_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert gmc.main([str(tmp_path), str(tmp_path / "t.txt"), "--only", "digitalgov"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "GSA/digitalgov.gov" in err


def test_a_quotation_split_into_sentences_loses_its_lone_quote() -> None:
    halves = gmc.split_sentences("\"Come in. It's open, and they're here.\"")
    assert [gmc.clean_sentence(h) for h in halves] == [None, "It's open, and they're here."]
    assert gmc.clean_sentence("\"Yes, sir, you're right.") == "Yes, sir, you're right."
    assert gmc.clean_sentence('"and then it went.') is None  # not a sentence's start


def test_gutenberg_text_loses_header_licence_and_italics() -> None:
    book = "\n".join(
        [
            "The Project Gutenberg EBook of A Book, by Someone.",
            "*** START OF THIS PROJECT GUTENBERG EBOOK A BOOK ***",
            "E-text prepared by Project Gutenberg volunteers and revised by A. Person.",
            "",
            "[Illustration: They're at the gate.]",
            "",
            "CHAPTER I",
            "",
            '"It\'s _very_ late," she said, and',
            "looked at the clock.",
            "",
            "*** END OF THIS PROJECT GUTENBERG EBOOK A BOOK ***",
            "Section 1. General Terms of Use and Redistributing this work.",
        ]
    )
    kept = [c for c in map(gmc.clean_sentence, gmc.sentences_of("gutenberg", book)) if c]
    assert kept == ['"It\'s very late," she said, and looked at the clock.']


def test_speeches_lose_audience_notes_and_speaker_labels() -> None:
    speech = "President: Someone\n\nTHE PRESIDENT: We're ready now. (Applause.) Their work is done."
    kept = [c for c in map(gmc.clean_sentence, gmc.sentences_of("text", speech)) if c]
    assert kept == ["We're ready now.", "Their work is done."]
