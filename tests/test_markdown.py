"""Markdown: code, URLs, e-mail addresses, HTML, link targets and front matter are never
linted; front matter becomes metadata; regions are headline, body, quote and code."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import positions

from linter.formats import build_document

BANNED_RULE = """\
id: TEST001
name: banned-word
kind: existence
severity: error
message: "'{match}' is banned here."
why: A test rule.
source: tests
phrases: [secret]
examples:
  - bad: a secret plan
  - good: a public plan
"""


@pytest.fixture
def project(tmp_path):
    (tmp_path / "pack").mkdir()
    (tmp_path / "pack" / "banned.yaml").write_text(BANNED_RULE)
    (tmp_path / ".copydesk.toml").write_text('rule-dirs = ["pack"]\nselect = ["TEST"]\n')
    return tmp_path


def check(project, run_json, markdown: str):
    (project / "draft.md").write_text(markdown)
    _code, report, err = run_json("draft.md", cwd=project)
    assert err == ""
    return positions(report["findings"])


def test_prose_is_linted(project, run_json):
    assert check(project, run_json, "# Title\n\nA secret plan.\n") == [("TEST001", 3, 3)]


@pytest.mark.parametrize(
    "markdown",
    [
        "```\nsecret\n```\n",
        "~~~python\nx = 'secret'\n~~~\n",
        "    indented secret code\n",
        "Run `secret --now` today.\n",
        "See https://example.com/secret/page today.\n",
        "Mail secret@example.com today.\n",
        "Visit <https://example.com/secret>.\n",
        'A [link](https://example.com/secret "secret title") here.\n',
        "A [link][secret] here.\n\n[secret]: https://example.com\n",
        'Some <span class="secret">text</span> here.\n',
        "<!-- secret note -->\n",
        "<div>\nsecret\n</div>\n",
        "---\ntitle: secret\n---\nBody.\n",
        "![photo](secret.png)\n",
    ],
)
def test_markup_is_never_linted(project, run_json, markdown):
    assert check(project, run_json, markdown) == []


def test_link_text_and_emphasis_are_prose(project, run_json):
    text = "A [secret](https://example.com) and **secret** and _secret_.\n"
    assert check(project, run_json, text) == [
        ("TEST001", 1, 4),
        ("TEST001", 1, 39),
        ("TEST001", 1, 53),
    ]


def test_front_matter_becomes_metadata():
    doc = build_document(
        "a.md", "---\ndate: 2023-02-10\ntitle: Ad\nlang: en\n---\n# Head\n\nBody.\n"
    )
    assert doc.metadata == {"date": dt.date(2023, 2, 10), "title": "Ad", "lang": "en"}
    assert doc.date == dt.date(2023, 2, 10)
    assert doc.text[slice(*doc.headline)].strip() == "# Head"


def test_regions():
    text = "# The headline\n\nBody text “a quote here” and `code`.\n\n```\nblock\n```\n"
    doc = build_document("a.md", text)
    assert doc.region(text.index("headline")) == "headline"
    assert doc.region(text.index("Body")) == "body"
    assert doc.region(text.index("quote"), text.index("quote") + 5) == "quote"
    assert doc.region(text.index("code")) == "code"
    assert doc.region(text.index("block")) == "code"


def test_plain_text_headline_is_first_line():
    text = "\nElon Musk asks users\n\nBody.\n"
    doc = build_document("a.txt", text)
    assert doc.text[slice(*doc.headline)] == "Elon Musk asks users"


def test_quotes_curly_straight_and_apostrophes():
    text = 'He said “go now,” and ‘like’ it. Musk’s "free speech" claim.\n'
    doc = build_document("a.txt", text)
    quoted = [doc.text[s:e] for s, e in doc.quotes]
    assert quoted == ["“go now,”", "‘like’", '"free speech"']


def test_run_on_quote_reopens_next_paragraph():
    text = "“First paragraph of a long quote.\n\n“Second paragraph,” he said.\n"
    doc = build_document("a.txt", text)
    assert [doc.text[s:e] for s, e in doc.quotes] == [
        "“First paragraph of a long quote.",
        "“Second paragraph,”",
    ]


def test_invalid_front_matter_is_one_line_error(project, run_cli):
    (project / "draft.md").write_text("---\ndate: [2023\n---\nBody.\n")
    code, _out, err = run_cli("check", "draft.md", cwd=project)
    assert code == 2
    assert err.strip().startswith("copydesk: error: draft.md:")
    assert "front matter is not valid YAML" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    "text,headline",
    [
        ("Elon Musk asks users to like an ad\n\nBody.\n", "Elon Musk asks users to like an ad"),
        ("Will Musk sell Twitter?\nBody.\n", "Will Musk sell Twitter?"),
        ("The senator said today that the bill passed.\nMore.\n", None),
        ("WASHINGTON – " + "The senator spoke at length about the bill " * 10 + "\n", None),
    ],
)
def test_plain_text_headline_heuristic(text, headline):
    doc = build_document("a.txt", text)
    assert (doc.text[slice(*doc.headline)] if doc.headline else None) == headline


def test_link_brackets_are_masked_and_others_are_prose():
    text = "# T\n\nSee [the ad](https://x.invalid) and ![a photo][p], [not a link] [[x](y).\n"
    doc = build_document("a.md", text)
    masked = [text[s:e] for s, e in doc.masked]
    assert "[" in masked and "![" in masked
    assert doc.prose[text.index("[not") : text.index("[not") + 1] == "["  # no link: kept
    # "[[x](y)": both brackets open the link (the first "]" after each is followed by "(")
    at = text.index("[[x")
    assert doc.prose[at : at + 2] == "  "
