"""The language layer's precomputed lexicon answers must be the ones the model gives: the
verb-number table (``linter/language/verb_number.py``) in step with ``data/model.tsv``, and
an unknown word's guess kept by ending the same as the guess made afresh."""

from __future__ import annotations

import random

from linter.language import verb_number as vn
from linter.language.tagger import Tagger, model


def _fresh_guess(tagger: Tagger, word: str) -> list[tuple[str, float]]:
    """The unknown-word guess as it was made before it was kept by ending."""
    if word[:1].isdigit():
        return [("CD", 1.0)]
    for k in (3, 2, 1):
        row = tagger.suffixes.get(word[-k:])
        if row and sum(row.values()) >= 5:
            total = sum(row.values())
            best = sorted(row.items(), key=lambda kv: -kv[1])[:6]
            return [(t, n / total) for t, n in best]
    return [("NN", 0.6), ("NNP", 0.2), ("JJ", 0.1), ("VB", 0.1)]


def test_the_shipped_verb_number_table_is_in_step_with_the_model():
    assert vn.PATH.read_text("utf-8") == vn.build(model())


def _words() -> list[str]:
    rng = random.Random(18)
    known = sorted(model().words.raw)
    made = ["".join(rng.choice("abcdeghilmnorstuwyz") for _ in range(rng.randint(1, 9)))
            for _ in range(3000)]  # fmt: skip
    endings = ["zorbles", "frobnicates", "glimmed", "wugs", "blicking", "3rds", "x1s", "ab"]
    return [*rng.sample(known, 4000), *made, *endings, "shows", "want", "news", "is", "4th"]


def test_verb_number_matches_the_candidates_word_by_word_and_in_bulk():
    tagger = model()
    words = _words()
    expected = {w: vn.by_candidates(w, tagger.candidates(w)) for w in words}
    assert {w: vn.verb_number(w) for w in words} == expected
    vn._BY_ENDING.clear()  # the bulk path fills the endings itself
    assert vn.numbered(words) == {w: n for w, n in expected.items() if n}
    assert expected["shows"] == "sg" and expected["want"] == "pl" and not expected["news"]


def test_an_unknown_words_guess_kept_by_ending_is_the_fresh_guess():
    tagger = model()
    for word in _words():
        assert tagger._guess(word) == _fresh_guess(tagger, word)
        if word not in tagger.words:
            assert tagger.candidates(word) == dict(_fresh_guess(tagger, word))
