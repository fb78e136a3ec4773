"""Property-based tests (hypothesis) of the document model, the engine and the reporters, with
every default rule on: for any Unicode text and any Markdown, no exception and no rule error;
every finding inside the file, at the line and column its offsets name; CRLF and a BOM give
the same findings as LF; applying fixes changes nothing outside the fixed spans.

Examples per test: 25 in CI; set COPYDESK_HYPOTHESIS_EXAMPLES=2000 for a longer hunt.
"""

from __future__ import annotations

import codecs
import itertools
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.errors import CopydeskError
from linter.finding import Finding
from linter.formats import build_document
from linter.reporters import Report, format_names, render
from linter.runner import engine_for
from linter.settings import Settings
from linter.source import decode

EXAMPLES = int(os.environ.get("COPYDESK_HYPOTHESIS_EXAMPLES", "25"))
SETTINGS = Settings(root=Path(__file__).parent)
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text that exercises what the rules look at: words (with doubles), names, numbers, dates,
# quotes of every kind, dashes, spaces, line breaks and wide characters.
WORDS = st.sampled_from(
    [
        "the", "the the", "The", "said", "President", "Trump", "Obama", "Monday", "July 4",
        "2017", "1,000", "5", "percent", "%", "a", "an", "its", "it's", "their", "there",
        "affect", "effect", "miniscule", "teh", "alot", "U.S.", "Mr.", "Dr", "e-mail",
        "http://example.com/a?b=c", "news@example.com", "#tag", "@handle", "😀", "naïve",
        "\u00a0", "\u200b", "’", "‘", "“", "”", '"', "'", "—", "–", "-", "--", ",", ".", "...",
        "!", "?", ":", ";", "(", ")", "[", "]", "  ", "\t", "\n", "\n\n", "é", "ß", "İ", "ﬁ",
    ]
)  # fmt: skip
NEWSY = st.lists(WORDS, max_size=60).map(lambda parts: " ".join(parts))
ANY_TEXT = st.one_of(st.text(max_size=300), NEWSY)

MARKDOWN_BLOCKS = st.sampled_from(
    [
        "# {t}\n", "## {t} ##\n", "{t}\n===\n", "> {t}\n", "> > {t}\n", "- {t}\n", "1. {t}\n",
        "   - {t}\n", "```\n{t}\n```\n", "~~~python\n{t}\n", "    {t}\n", "`{t}`", "*{t}*",
        "**{t}**", "_{t}_", "[{t}](http://x.y/{t})", "![{t}](a.png)", "<{t}>", "<b>{t}</b>",
        "<!-- {t} -->", "| {t} | b |\n|---|---|\n| c | {t} |\n", "---\ndate: 2017-07-21\n---\n",
        "---\ntitle: {t}\n", "{t}  \n", "\\{t}", "[{t}]: http://x.y\n", "* * *\n", "<div>\n{t}\n",
        "$$ {t} $$", "{t}[^1]\n\n[^1]: {t}\n", "- [ ] {t}\n", "{t}\n",
    ]
)  # fmt: skip
MARKDOWN = st.lists(st.tuples(MARKDOWN_BLOCKS, ANY_TEXT), max_size=12).map(
    lambda blocks: "".join(b.replace("{t}", t) for b, t in blocks)
)


def lint(text: str, path: str) -> list[Finding]:
    """Findings with every default rule; a rule error fails the test (it would be a bug).
    Input the front end refuses (invalid front matter) must be one clear line naming the
    file, and then has no findings."""
    try:
        doc = build_document(path, text, None, SETTINGS.date)
    except CopydeskError as exc:
        message = str(exc)
        assert message.startswith(path) and "\n" not in message, message
        return []
    findings, errors = engine_for(SETTINGS).lint_document(doc)
    assert errors == [], errors
    return findings


def offset_of(text: str, line: int, column: int) -> int:
    """The offset of a 1-based line and column, computed independently of Document."""
    # a line ends at "\n", "\r\n" or a lone "\r", as LSP counts lines
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    assert 1 <= line <= len(starts)
    return starts[line - 1] + column - 1


def assert_positions(text: str, findings: list[Finding]) -> None:
    lines = re.split(r"\r\n|\r|\n", text)
    for f in findings:
        assert 1 <= f.line <= len(lines) and 1 <= f.end_line <= len(lines)
        assert 1 <= f.column <= len(lines[f.line - 1]) + 1
        assert 1 <= f.end_column <= len(lines[f.end_line - 1]) + 2  # +1 past a final newline
        assert 0 <= f.start < f.end <= len(text)
        assert (f.line, f.column) <= (f.end_line, f.end_column)
        assert offset_of(text, f.line, f.column) == f.start
        end = offset_of(text, f.end_line, f.end_column)
        assert text[f.start : end] == text[f.start : f.end]  # the span names the same text


def key(findings: list[Finding]) -> list[tuple]:
    return [(f.rule, f.line, f.column, f.end_line, f.end_column, f.message) for f in findings]


@pytest.mark.slow
@settings(max_examples=max(200, EXAMPLES), deadline=None)
@given(ANY_TEXT)
def test_document_words_are_the_word_pattern_matches(text):
    """``Document.words`` comes from a split and running sums of lengths: the same words and
    offsets as the word pattern's matches, and the derived word lists agree."""
    from linter.text import WORD_RE

    doc = build_document("draft.txt", text)
    expected = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(doc.prose)]
    assert doc.words == expected
    assert doc.word_texts == [w for _, _, w in expected]
    assert doc.word_set == {w for _, _, w in expected}
    assert doc.lower_words == [w.lower() for _, _, w in expected]


SENTENCE_PIECES = st.lists(
    st.sampled_from(
        ["Word", "word", " Word", " 7", "U.S.", "Mr.", "A.", "3.5", ".", "..", "!", "?", "?!", '"',
         "”", "’",
         "'", ")", "]", "(", "“", " ", "  ", "\n", "\n\n", "\t", "7", "Él", "é"]
    ),
    max_size=50,
).map("".join)  # fmt: skip


@settings(max_examples=max(300, EXAMPLES), deadline=None)
@given(st.one_of(SENTENCE_PIECES, ANY_TEXT))
def test_sentences_cut_where_the_sentence_end_pattern_matches(text):
    """``text.sentences`` tries the sentence-end pattern only where a run of terminal
    punctuation starts; the cuts must be those of a scan with the pattern."""
    from linter import text as textmod

    cuts = {m.end() for m in textmod.SENTENCE_END_RE.finditer(text)
            if textmod.ends_sentence(text, m.start())}  # fmt: skip
    found = textmod.sentences(text)
    expected = []
    for start, end in textmod.paragraphs(text):
        for cut in sorted(c for c in cuts if start < c < end):
            expected.append((start, cut))
            start = cut
        expected.append((start, end))
    stripped = []
    for start, end in expected:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            stripped.append((start, end))
    assert found == stripped


QUOTE_PIECES = st.lists(
    st.sampled_from(
        ["“", "”", "‘", "’", '"', "'", "«", "»", "„", "\n", "\n\n", " ", "a", "Word", "don’t",
         "it's", "(", "x'", " 'y", ".", "\t"]
    ),
    max_size=40,
).map("".join)  # fmt: skip


def _quotations_by_every_event(prose: str) -> list[tuple[int, int]]:
    """The quotation spans as a walk over every quotation mark and line break finds them."""
    from linter import text as t

    spans: list[tuple[int, int]] = []
    for para_start, para_end in t.paragraphs(prose):
        open_at, closer = -1, ""
        for i in range(para_start, para_end):
            ch = prose[i]
            if open_at < 0:
                if ch in t.OPENERS and t._opens(prose, i, para_end):
                    open_at, closer = i, t.OPENERS[ch]
                elif ch == "'" and t._opens_straight_single(prose, i, para_end):
                    open_at, closer = i, "'"
            elif ch == closer and t._closes(prose, i, para_end, ch):
                spans.append((open_at, i + 1))
                open_at = -1
            elif ch == "\n" and i + 1 < para_end and prose[i + 1] in '“"' and closer in '”"':
                spans.append((open_at, i))
                open_at = -1
        if open_at >= 0:
            spans.append((open_at, para_end))
    return spans


@settings(max_examples=max(300, EXAMPLES), deadline=None)
@given(st.one_of(QUOTE_PIECES, ANY_TEXT))
def test_quotations_visit_only_the_marks_that_matter(text):
    """``text.quotations`` searches for the next mark that can change its state; the spans
    must be those of a walk over every character."""
    from linter.text import quotations

    assert quotations(text) == _quotations_by_every_event(text)


@PROFILE
@given(ANY_TEXT)
def test_any_text_positions_are_inside_and_round_trip(text):
    assert_positions(text, lint(text, "draft.txt"))


@PROFILE
@given(MARKDOWN)
def test_any_markdown_positions_are_inside_and_round_trip(text):
    assert_positions(text, lint(text, "draft.md"))


@PROFILE
@given(st.one_of(NEWSY, MARKDOWN), st.sampled_from(["draft.txt", "draft.md"]))
def test_crlf_and_bom_give_the_same_findings_as_lf(text, path):
    text = text.replace("\r", "").replace("\x00", "")  # NUL: a binary file, by design
    lf = key(lint(text, path))
    crlf_source = decode(text.replace("\n", "\r\n").encode("utf-8"), path)
    assert key(lint(crlf_source.text, path)) == lf
    bom_source = decode(codecs.BOM_UTF8 + text.encode("utf-8"), path)
    assert bom_source.bom and key(lint(bom_source.text, path)) == lf
    utf16 = decode(codecs.BOM_UTF16_LE + text.encode("utf-16-le"), path)
    assert key(lint(utf16.text, path)) == lf


@PROFILE
@given(st.one_of(NEWSY, MARKDOWN), st.sampled_from(["draft.txt", "draft.md"]))
def test_every_reporter_renders_any_findings(text, path):
    findings = lint(text, path)
    for name in format_names():
        out = render(name, Report(findings=findings, files=1, texts={path: text}))
        assert isinstance(out, str)


@PROFILE
@given(st.one_of(NEWSY, MARKDOWN), st.sampled_from(["draft.txt", "draft.md"]))
def test_fixes_change_nothing_outside_the_fixed_spans(text, path):
    from linter.fixer import apply_fixes

    findings = lint(text, path)
    fixed, applied = apply_fixes(text, findings)
    spans = sorted((f.start, f.end, f.fix) for f in findings if f.fix is not None)
    assert applied <= len(spans)
    overlapping = any(a[1] > b[0] for a, b in itertools.pairwise(spans))
    if not overlapping:  # then the result is fully determined: fixes between untouched text
        expected, pos = [], 0
        for start, end, fix in spans:
            expected += [text[pos:start], fix]
            pos = end
        expected.append(text[pos:])
        assert fixed == "".join(expected) and applied == len(spans)
    elif spans:  # some fixes were skipped; what lies outside every span is still untouched
        first, last = spans[0][0], max(end for _, end, _ in spans)
        assert fixed.startswith(text[:first]) and fixed.endswith(text[last:])
    assert apply_fixes(fixed, [])[0] == fixed
