"""The one linguistic layer: every pack's view of words and sentences is made from the
document's word tokens (``Document.words``) and its one sentence split
(``Document.sentences``), with the same offsets and the same sentence boundaries.

The views: the grammar pack's ``Tok`` (and its cue index), the tagger's ``Token``s
(``linter.language.analysis``), the spelling pack's letter tokens and its on-demand sentence
and position tests, and the facts pack's sentence starts, on fixture text with CRLF line ends,
a byte-order mark, non-ASCII letters and digits, and every kind of quotation mark.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.document import Document
from linter.formats import build_document
from linter.language import sentences as layer
from linter.language.tokens import (
    LETTER_FROM_RE,
    LETTER_RE,
    ends_token,
    is_letter,
    letter_tokens,
    start_of_token_ending,
    starts_token,
)
from linter.source import decode

FIXTURES = [
    "# Mr. Smith’s plan\n\nMr. Smith met the U.S. envoy at 9 a.m. today. She left!\n\n"
    "“Why?” he asked. (It rained.) A. B. Cole won; St. Paul lost... 12.5 percent. End\n",
    'Headline without a stop\r\nThe body starts here. "It\'s done," she said.\r\n\r\n'
    "‘Quoted,’ he wrote. Isn’t it? Yes — rock’n’roll.\r\n",
    "\ufeffThe BOM opens this. Then Ünïcödé words: naïve café, Straße; İstanbul. "
    "Ελληνικά λέξεις. Русский текст! 日本語の文。 The 20th and ２０th, x²y, abc_def, "
    "co-founder, @handle, #tag, e-mail.\n",
    "\n\n  Leading blank lines. $var, @handle and #tag? Yes: it’s done.’ Next one.\n"
    "- a list item\n- Another item\n12. Numbered Item\n3) Other Item\n",
    "«Bonjour», dit-il. „Guten Tag“, sagte er. 'Single quotes' here. \"Run-on quote\n"
    '"continues here. And ends." Done.\n\n“Unclosed quote runs on. To the end.\n',
    "He said: “Go.” Then: 'Stay'. Dr. Who? Mrs. O’Neil’s dog. Gov. Brown, Jr. spoke.\n"
    "No. 5 won. e.g. This. J. Tennant came. New paragraph...   Spaced out! “And” more.) Yes.",
]
FORMATS = ("text", "markdown")


def _documents(texts: list[str]) -> list[Document]:
    docs = []
    for text in texts:
        for fmt in FORMATS:
            docs.append(build_document("draft", text, fmt))
            # the same text read from bytes: the BOM and CRLF as the command line meets them
            source = decode(b"\xef\xbb\xbf" + text.encode("utf-8"), "draft")
            docs.append(build_document("draft", source.text, fmt))
    return docs


def _seed_texts() -> list[str]:
    root = Path(__file__).parent.parent / "seeds"
    return [p.read_text("utf-8") for p in sorted(root.glob("*.md"))[:4]]


def _head_end(doc: Document) -> int | None:
    return doc.headline[1] if doc.headline else None


def _sentence_of(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    return [span for span in doc.sentences if span[0] < end and span[1] > start]


def check_views(doc: Document) -> None:
    """Every view agrees with ``doc.words`` and ``doc.sentences``."""
    from linter.language import analysis
    from linter.packs.facts.starts import MAY_START_RE, SentenceStarts
    from linter.packs.grammar.cue_index import WordIndex
    from linter.packs.grammar.tokens import sentence_tokens
    from linter.packs.spelling.tokens import TOKEN_RE, Positions, sentence_around

    prose, words, sentences = doc.prose, doc.words, doc.sentences
    head_end = _head_end(doc)

    # word tokens: every word lies in exactly one sentence, and no sentence cuts a word
    for start, end, _ in words:
        assert len(_sentence_of(doc, start, end)) == 1, prose[start:end]

    # the grammar view: the words, grouped by sentence, gaps since the word before
    grammar = sentence_tokens(doc)
    assert [(t.start, t.end, t.text) for toks in grammar for t in toks] == words
    with_words = [s for s in sentences if any(s[0] <= w[0] < s[1] for w in words)]
    assert len(grammar) == len(with_words)
    for toks, (s_start, s_end) in zip(grammar, with_words, strict=True):
        prev = s_start
        for tok in toks:
            assert s_start <= tok.start and tok.end <= s_end
            assert tok.gap == prose[prev : tok.start]
            assert tok.low == tok.text.lower().replace("’", "'")
            prev = tok.end

    # the grammar cue index: its sentence edges are the split's
    ix = WordIndex(doc)
    flat = [k == 0 for toks in grammar for k in range(len(toks))]
    for j, first in enumerate(flat):
        assert ix.breaks_after(j - 1) == first, (prose, j)
    for j in range(len(words) - 1):
        apart = layer.cut_in_gap(prose, words[j][1], words[j + 1][0], head_end or -1) >= 0
        assert apart == flat[j + 1]

    # the tagger's view: the same sentences, and its words are the grammar view's
    lang = analysis(doc)
    for toks in grammar:
        index = lang.sentence_at(toks[0].start)
        assert sentences[index][0] <= toks[0].start
        assert [(t.start, t.end, t.text) for t in lang.tokens(index) if t.is_word] == [
            (t.start, t.end, t.text) for t in toks
        ]
        s_start, s_end = sentences[index]
        prev = s_start
        for tok in lang.tokens(index):  # punctuation too: the document's own characters
            assert prose[tok.start : tok.end] == tok.text and tok.gap == prose[prev : tok.start]
            assert s_start <= tok.start and tok.end <= s_end
            prev = tok.end

    # the spelling view: letter tokens are the word tokens' letters
    letters = list(letter_tokens(words))
    assert [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(prose)] == letters
    assert [(m.start(), m.end(), m.group()) for m in LETTER_RE.finditer(prose)] == letters
    for start, end, text in letters:
        assert LETTER_FROM_RE.match(prose, start).group() == text
        assert starts_token(prose, start) and ends_token(prose, end)
        assert start_of_token_ending(prose, end) == start
        held = _sentence_of(doc, start, end)
        assert [sentence_around(doc, start, end)] == held, text
    letter_starts = {s for s, _, _ in letters}
    from_anywhere = {p for p in range(len(prose)) if LETTER_FROM_RE.match(prose, p)}
    assert from_anywhere == letter_starts  # never the tail of a token
    assert {p for p in range(len(prose)) if is_letter(prose[p]) and starts_token(prose, p)} == (
        letter_starts
    )

    # first words of sentences, asked one word at a time
    starts = [s for s, _ in sentences]
    firsts = set()
    for s in starts:
        while s < len(prose) and (prose[s] in layer.OPENERS or prose[s].isspace()):
            s += 1
        firsts.add(s)
    for start, _, text in words:
        assert layer.word_opens_sentence(prose, start, head_end) == (start in firsts), text
    positions = Positions(doc)
    for start, _, _ in letters:
        if start in firsts:
            assert start in positions

    # sentence starts asked of one offset, and the one-pass candidates for them
    start_set = set(starts)
    for at, ch in enumerate(prose):
        if not ch.isspace():
            assert layer.sentence_starts_at(prose, at, head_end) == (at in start_set), at
    may = {m.end() for m in MAY_START_RE.finditer(prose)}
    lead = len(prose) - len(prose.lstrip())
    after_head = None
    if head_end is not None:
        after_head = head_end + len(prose[head_end:]) - len(prose[head_end:].lstrip())
    assert start_set - may <= {lead, after_head}
    local = SentenceStarts(doc)
    for at, ch in enumerate(prose):
        if ch.isupper() and at and prose[at - 1] != "\n":
            assert local.opens(at) == (at in start_set), at


@pytest.mark.parametrize("index", range(len(FIXTURES) * len(FORMATS) * 2))
def test_views_agree_with_the_layer_on_fixtures(index):
    check_views(_documents(FIXTURES)[index])


@pytest.mark.parametrize("fmt", FORMATS)
def test_views_agree_with_the_layer_on_the_seeds(fmt):
    for text in _seed_texts():
        check_views(build_document("draft", text, fmt))


PIECES = st.lists(
    st.sampled_from(
        ["Word", "word", " Word", " 7", "U.S.", "Mr.", "A.", "3.5", ".", "..", "!", "?", "?!",
         '"', "”", "’", "'", ")", "]", "(", "“", "‘", "«", "»", "„", " ", "  ", "\n", "\n\n",
         "\r\n", "\r\n\r\n", "\t", "\ufeff", "7", "Él", "é", "naïve", "İ", "ß", "２０", "x²",
         "it’s", "don't", "_", "-", "—", "@h", "# Head\n", ": ", "; ", "e.g.", "a.m."]
    ),
    max_size=40,
).map("".join)  # fmt: skip


@settings(
    max_examples=max(200, int(os.environ.get("COPYDESK_HYPOTHESIS_EXAMPLES", "0"))),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.one_of(PIECES, st.text(max_size=200)), st.sampled_from(FORMATS))
def test_views_agree_with_the_layer_on_any_text(text, fmt):
    check_views(build_document("draft", text, fmt))


def test_letter_tokens_are_the_word_pattern_with_letters():
    """The letter-token pattern is the word pattern with letters for word characters, so the
    two cannot drift apart."""
    from linter.text import WORD_RE

    assert LETTER_RE.pattern == WORD_RE.pattern.replace(r"\w", r"[^\W\d_]")
    prose = "20th x²y abc_def rock’n’roll 1'ab"
    assert [m.group() for m in LETTER_RE.finditer(prose)] == [
        "th", "x²y", "abc", "def", "rock’n’roll", "ab"
    ]  # fmt: skip
    assert re.fullmatch(LETTER_RE, "don't")


def test_the_packs_read_the_layers_definitions():
    """The packs' token and sentence helpers are the layer's, not copies that could drift:
    a pack that compiles its own word or sentence pattern again fails here."""
    from linter.language.tokens import Token
    from linter.packs.facts import starts
    from linter.packs.grammar import cue_index
    from linter.packs.grammar import tokens as grammar
    from linter.packs.spelling import tokens as spelling

    assert grammar.Tok is Token
    assert spelling.TOKEN_RE is LETTER_RE and spelling.TOKEN_FROM_RE is LETTER_FROM_RE
    assert spelling.starts_token is starts_token and spelling.ends_token is ends_token
    assert spelling.OPENING == layer.OPENERS
    assert starts.MAY_START_RE is layer.MAY_START_RE
    assert cue_index.cut_in_gap is layer.cut_in_gap


CUE_SETS = [
    frozenset({"word"}),
    frozenset({"word", "it's", "don't", "a"}),
    frozenset({"it's"}),
    frozenset({"mr", "a", "word", "naïve", "é"}),
    frozenset({"absent"}),
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(PIECES, st.text(max_size=200)), st.sampled_from(FORMATS))
def test_cue_positions_are_the_words_of_the_set_in_order(text, fmt):
    """``WordIndex.positions`` (the watched words grouped by word once) gives every word
    whose lower-case form, apostrophe straightened, is in the set, in order."""
    from linter.packs.grammar.cue_index import WordIndex, watch

    for cues in CUE_SETS:
        watch(cues)
    doc = build_document("draft", text, fmt)
    ix = WordIndex(doc)
    lows = [w.lower().replace("’", "'") for w in doc.word_texts]
    for cues in CUE_SETS:
        assert ix.positions(cues) == [j for j, low in enumerate(lows) if low in cues], cues
