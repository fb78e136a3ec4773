"""The spelling pack's first sight of a word, made cheaper without changing a finding: the
real-word rule's suspects found in the draft's one token pass, each unknown word's one-slip
neighbours worked out once, and no rapidfuzz import for the verbs of attribution."""

from __future__ import annotations

import random
from pathlib import Path

from linter.formats import build_document
from linter.packs.spelling import draft as draft_module
from linter.packs.spelling import suggest
from linter.packs.spelling.context import SpellingContext
from linter.packs.spelling.real_words import RealWordTypo, osa_distance
from linter.runner import lint_text
from linter.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
TEXT = (
    "Then he sid the council would act, and the car went at hi speed.\n"
    "“We will build it,” sed Mohib. The sed command edits the stream; Sid left.\n"
    "The behism plan was late, and Pierre Bezukhov said hi to the annivresary crowd.\n"
)


def _context(real_words: bool) -> SpellingContext:
    ctx = SpellingContext(Settings(root=ROOT))
    ctx.real_words = real_words
    return ctx


def test_the_suspects_are_found_in_the_candidates_pass_as_in_a_pass_of_their_own():
    doc = build_document("a.txt", TEXT, None, None)
    one_pass = _context(real_words=True).draft(doc)
    alone = _context(real_words=False).draft(doc)
    forms = dict.fromkeys(one_pass.ctx.suspect_forms(doc.word_set), 0)
    assert {"sid", "hi", "sed"} <= set(forms)
    own_pass = draft_module._find(doc.prose, forms, doc=doc)
    assert one_pass.real_word_tokens() == own_pass
    assert [t.text for t in own_pass].count("sed") == 2
    # the candidates are those a draft finds without the suspects, and the draft of a
    # context without the real-word rule finds the suspects when asked
    assert one_pass.tokens == alone.tokens
    assert {"behism", "annivresary"} <= {t.text for t in one_pass.tokens}
    assert alone.real_word_tokens() == own_pass


def test_the_real_word_rule_prepared_makes_the_draft_find_its_suspects():
    settings = Settings(root=ROOT)
    rule = RealWordTypo()
    rule.prepare(settings)
    assert rule.ctx.real_words
    findings = lint_text(TEXT, path="a.txt", select=["SPELL006"])
    assert [(f.rule, f.line, f.column) for f in findings] == [
        ("SPELL006", 1, 9),  # he sid the
        ("SPELL006", 1, 56),  # at hi speed
        ("SPELL006", 2, 21),  # ,” sed Mohib
    ]


def test_the_attribution_distance_is_rapidfuzz_optimal_string_alignment():
    from rapidfuzz.distance import OSA

    rng = random.Random(18)
    for _ in range(20_000):
        a = "".join(rng.choices("asid", k=rng.randint(0, 7)))
        b = "".join(rng.choices("asid", k=rng.randint(0, 7)))
        assert osa_distance(a, b) == OSA.distance(a, b), (a, b)
    assert osa_distance("sed", "said") == 2
    assert osa_distance("siad", "said") == 1  # a swap is one slip
    assert osa_distance("ca", "abc") == 3  # no substring edited twice


def test_an_unknown_words_neighbours_are_its_known_one_slip_words_worked_out_once():
    ctx = _context(real_words=False)
    lex = ctx.lexicon
    word = "annivresary"
    expected = lex.known_lower(suggest.edit_strings(word))
    found = suggest.neighbours(word, lex)
    assert found == expected and "anniversary" in found
    assert suggest.neighbours(word, lex) is found  # remembered for the derived test, the
    assert ctx.near_english(word)  # foreign passage test and the suggestions
    assert [c.word for c in suggest.candidates(word, lex)][:1] == ["anniversary"]


def test_the_distance_two_scan_keeps_its_word_lists_and_finds_the_same_words():
    lex = _context(real_words=False).lexicon
    word = "brakfest"
    first = suggest._distance_two(word, lex)
    assert (lex.dialect, "b", len(word)) in suggest._CHOICES
    assert suggest._distance_two(word, lex) == first
    assert "breakfast" in first
    suggest._CHOICES.clear()
    assert suggest._distance_two(word, lex) == first
