"""The tagger's Viterbi keeps back-pointers and complete transition rows: it must give the
tags the plain version gives (paths copied at each step, ``trans`` asked each time)."""

from __future__ import annotations

import random

from linter.language.tagger import model

TEXT = (
    "The council said on Tuesday that it would put their bags there , and Mr. Smith "
    "disagreed . Prices rose 3 % as the frobnicating wibbles of Zorblat Inc. fell ; "
    "she can not have been told , can she ? Running quickly , the dogs barked at "
    "everyone who was n't there ."
)


def plain_viterbi(tagger, words: list[str], caps: list[bool]) -> list[str]:
    emits = [tagger.emissions(w, c) for w, c in zip(words, caps, strict=True)]
    trans = tagger.trans
    best = {t: (trans("<s>", t) + e, [t]) for t, e in emits[0]}
    for row in emits[1:]:
        nxt = {}
        for t, e in row:
            score, path = max(
                ((s + trans(p, t), path) for p, (s, path) in best.items()),
                key=lambda sp: sp[0],
            )
            nxt[t] = (score + e, [*path, t])
        best = nxt
    return max(best.items(), key=lambda kv: kv[1][0] + trans(kv[0], "</s>"))[1][1]


def test_viterbi_matches_the_plain_version():
    tagger = model()
    words = TEXT.split()
    caps = [i > 0 and w[:1].isupper() for i, w in enumerate(words)]
    lows = [w.lower() for w in words]
    assert tagger.tag(lows, caps) == plain_viterbi(tagger, lows, caps)
    rng = random.Random(7)
    vocab = [*lows, "xqzt", "unheard-of", "1990s", "'s", "ran", "run", "runs"]
    for _ in range(300):
        n = rng.randint(1, 40)
        sent = [rng.choice(vocab) for _ in range(n)]
        flags = [rng.random() < 0.2 for _ in range(n)]
        assert tagger.tag(sent, flags) == plain_viterbi(tagger, sent, flags)
    assert tagger.tag([]) == []


def test_tags_of_a_plain_sentence():
    tags = model().tag("the dogs barked at the postman".split())
    assert tags[:2] == ["DT", "NNS"] and tags[3:] == ["IN", "DT", "NN"]


def test_forgotten_sentence_tokens_come_back_the_same(monkeypatch):
    """Only the latest ``TOKENS_KEPT`` sentences keep their tokens; a sentence asked again
    gets the same tokens and tags."""
    import importlib

    from linter.formats import build_document

    analysis_module = importlib.import_module("linter.language.analysis")

    monkeypatch.setattr(analysis_module, "TOKENS_KEPT", 2)
    text = "The cat sat. Dogs bark, loudly! Is it there? Put their bags there.\n"
    layer = analysis_module.Analysis(build_document("a.txt", text, None, None))
    first = [list(layer.tokens(i)) for i in range(4)]
    tags = [layer.tags(i) for i in range(4)]
    assert len(layer._tokens) == 2
    assert [layer.tokens(i) for i in range(4)] == first
    assert [layer.tags(i) for i in range(4)] == tags
    assert [t.text for t in first[1]] == ["Dogs", "bark", ",", "loudly", "!"]


def test_candidates_read_from_the_text_equal_those_of_the_parsed_counts():
    """``_candidates`` reads a word's row straight into probabilities; dividing the parsed
    counts (``_LazyTable.get``) gives the same dict, in the same order."""
    from linter.language.tagger import Tagger, _LazyTable

    tagger = model()
    rows = _LazyTable(dict(tagger.words.raw))
    plain = Tagger.__new__(Tagger)
    plain.words, plain.suffixes, plain._guesses = dict(), tagger.suffixes, {}
    words = ["the", "run", "runs", "there", "their", "council", "xqzt", "1990s", "'s"]
    words += list(tagger.words.raw)[::997]
    for word in words:
        counts = rows.get(word)
        plain.words = {word: counts} if counts else {}
        expected = plain._candidates(word)
        got = tagger._candidates(word)
        assert got == expected and list(got) == list(expected), word


def test_word_rows_searched_in_place_equal_a_plain_parse_of_the_model():
    """The model's word rows are searched in the file's text (``_SortedRows``), not split
    into a dict at load: every row, and every near miss, reads as a plain parse would."""
    from pathlib import Path

    from linter.language import tagger as tagger_module

    path = Path(tagger_module.__file__).parent / "data" / "model.tsv"
    plain = {}
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("w\t"):
            _, word, counts = line.split("\t")
            plain[word] = counts
    rows = tagger_module._SortedRows(path.read_text("utf-8"))
    assert len(rows) == len(plain) and list(rows) == list(plain)
    assert all(rows.get(word) == counts for word, counts in plain.items())
    for word in [*list(plain)[::101], "", "\t", "zzzzzz", "\U0010ffff"]:
        for probe in (word, word + "x", word[:-1], word.upper(), "\0" + word):
            assert rows.get(probe) == plain.get(probe), probe
            assert (probe in rows) == (probe in plain), probe


def test_tags_read_in_any_order_equal_the_whole_sentence_tagged():
    """``Tags`` scores words only as far as the first one-reading word at or after the
    tag asked for; read in any order (and by slices and from the end) it gives the tags
    the whole-sentence Viterbi gives."""
    from linter.language.tagger import Tags

    tagger = model()
    words = TEXT.split()
    lows = [w.lower() for w in words]
    rng = random.Random(11)
    vocab = [*lows, "xqzt", "unheard-of", "1990s", "'s", "ran", "run", "runs"]
    for _ in range(200):
        n = rng.randint(1, 30)
        sent = [rng.choice(vocab) for _ in range(n)]
        flags = [rng.random() < 0.2 for _ in range(n)]
        whole = plain_viterbi(tagger, sent, flags)
        lazy = Tags(tagger, sent, flags)
        order = list(range(n))
        rng.shuffle(order)
        assert [lazy[i] for i in order] == [whole[i] for i in order]
        assert lazy == whole and list(lazy) == whole and lazy[-1] == whole[-1]
        assert Tags(tagger, sent, flags)[1:4] == whole[1:4]


def test_a_tag_before_a_one_reading_word_leaves_the_rest_unscored():
    from linter.language.tagger import Tags

    tagger = model()
    sent = "the dogs barked at the postman and the cats ran away".split()
    assert len(tagger.emissions("postman")) == 1  # one reading: it pins the path
    assert all(len(tagger.emissions(w)) > 1 for w in sent[:5])
    lazy = Tags(tagger, sent, None)
    assert lazy[1] == "NNS"
    assert lazy._next == 6  # scored up to "postman", no further
    assert list(lazy) == tagger.tag(sent) == plain_viterbi(tagger, sent, [False] * len(sent))
