"""Document.words keeps one string per distinct word, so that a big document's word list
costs the tuples alone, not a new string for every occurrence."""

from __future__ import annotations

from linter.document import Document
from linter.formats import build_document


def test_repeated_words_share_one_string():
    doc = build_document("a.txt", "The cat saw the cat. The end.\n", None, None)
    assert [w for _, _, w in doc.words] == ["The", "cat", "saw", "the", "cat", "The", "end"]
    assert [(s, e) for s, e, _ in doc.words][:3] == [(0, 3), (4, 7), (8, 11)]
    assert doc.words[1][2] is doc.words[4][2]
    assert doc.words[0][2] is doc.words[5][2]
    assert doc.lower_words == ["the", "cat", "saw", "the", "cat", "the", "end"]
    assert doc.lower_words[0] is doc.lower_words[3] is doc.lower_words[5]


def test_building_words_leaves_the_collector_as_it_was():
    import gc

    was = gc.isenabled()
    try:
        for state in (True, False):
            (gc.enable if state else gc.disable)()
            doc = build_document("a.txt", "One two three.\n", None, None)
            assert len(doc.words) == 3
            assert gc.isenabled() is state
    finally:
        (gc.enable if was else gc.disable)()


def test_words_read_like_a_list_of_tuples():
    """``Document.words`` keeps offsets in arrays; reading it gives what a list of
    (start, end, text) tuples built from the word pattern gives."""
    from linter.text import WORD_RE

    text = "Mr. O’Neil’s cat, aged 12, saw rock'n'roll — twice.\nThe end\n"
    doc = build_document("a.txt", text, None, None)
    expected = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(doc.prose)]
    words = doc.words
    assert len(words) == len(expected)
    assert list(words) == expected and words == expected
    assert [words[i] for i in range(-len(expected), len(expected))] == expected + expected
    assert words[2:5] == expected[2:5] and words[::-1] == expected[::-1]
    assert list(doc.word_starts) == [s for s, _, _ in expected]
    assert words.index(expected[3]) == 3 and expected[-1] in words
    start, end, word = words[-1]
    assert text[start:end] == word == "end"


def test_no_words():
    doc = build_document("a.txt", " \n", None, None)
    assert len(doc.words) == 0 and list(doc.words) == [] and doc.words == []


def test_splitting_a_chunk_at_a_time_finds_the_word_pattern_matches(monkeypatch):
    """Big drafts are split a chunk at a time, cut at spaces: the words and offsets are
    those of the word pattern over the whole text, whatever the chunk size."""
    from linter import document
    from linter.text import WORD_RE

    text = (
        "Mr. O’Neil’s   cat\u00a0aged 12,\tsaw rock'n'roll—twice;  don’t!\n" * 40
        + "x" * 300
        + " tail\n"
    )
    expected = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(text)]
    for chunk in (8, 16, 33, 100, 1 << 18):
        monkeypatch.setattr(document, "SPLIT_CHUNK", chunk)
        words = document._split_words(text)
        assert list(words) == expected, chunk
        assert words.texts[1] is words.texts[10] == "O’Neil’s"  # one string per distinct word


def test_lower_words_lowers_each_distinct_word_once():
    doc = build_document("a.txt", "The THE the Ünter ünter ǅ\n", None, None)
    assert doc.lower_words == [w.lower() for w in doc.word_texts]
    assert doc.lower_words[0] is doc.lower_words[1] is doc.lower_words[2]


def test_lower_words_match_lowering_word_by_word():
    """Words are lowered joined in one call: each must come out as lowering it alone gives,
    a word-final capital sigma, a dotted capital I (which grows) and curly apostrophes
    included."""
    text = "ΟΔΟΣ ΟΔΟΣ’ ΣΟΦΙΑ İSTANBUL Don’t DON'T Straße ǅemal ΑΣ"
    doc = Document(path="x.txt", text=text, prose=text)
    assert doc.lower_words == [w.lower() for w in doc.word_texts]
    assert doc.lower_words[0] is doc.lower_words[1]


def test_lowering_a_chunk_at_a_time_matches_lowering_at_once(monkeypatch):
    """Big texts are lowered a chunk at a time (``str.lower`` needs 12 bytes a character
    of scratch memory); cut after spaces, a final sigma still lowers as in the whole."""
    from linter import document

    text = "ΟΔΟΣ ΣΟΦΙΑ Σ ΑΣ’ ΟΔΟΣ. The END Σ  ΑΣ\nΣΑ x" * 7
    for chunk in (1, 2, 3, 5, 8, 13, 40):
        monkeypatch.setattr(document, "LOWER_CHUNK", chunk)
        assert document.lower_in_chunks(text) == text.lower(), chunk
        assert document.lower_in_chunks("nospaceatallΣ" * 5) == ("nospaceatallΣ" * 5).lower()


def test_fold_case_keeps_the_length_when_a_character_grows():
    """A dotted capital I grows when lowered: it is kept, and every other character is
    lowered alone (a capital sigma too), as before."""
    from linter.document import fold_case

    text = "İstanbul ΟΔΟΣ Straße ÉCOLE ǅemal x"
    expected = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    assert fold_case(text) == expected
    assert len(fold_case(text)) == len(text)


def test_the_splitting_pattern_finds_the_word_pattern_matches():
    """``WORD_SPLIT_RE`` is written possessive for speed: on every text its words are the
    matches of ``WORD_RE``, whatever apostrophes, digits, underscores or scripts surround
    them (an apostrophe that no word character follows ends the word before it)."""
    import random

    from linter.text import WORD_RE, WORD_SPLIT_RE

    alphabet = "ab1_É ß'’'’ -.\n\u00a0字ǅ"
    rng = random.Random(18)
    texts = ["", "'", "a'", "'a", "a''b", "a'’b", "don't'", "rock'n'roll'", "x'y'z' w"]
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(3000)
    ]
    for text in texts:
        assert WORD_SPLIT_RE.split(text)[1::2] == WORD_RE.findall(text), text
        sums, pos = [], 0
        for part in WORD_SPLIT_RE.split(text):
            sums.append(pos)
            pos += len(part)
        spans = list(zip(sums[1::2], sums[2::2], strict=False))
        assert spans == [m.span() for m in WORD_RE.finditer(text)], text
