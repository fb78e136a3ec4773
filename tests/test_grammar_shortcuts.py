"""The grammar rules' shortcuts (issue 18) must never change a finding: each cheap test that
now runs before the lexicon or the tagger is a necessary condition of what it skips, and
each faster path gives what the plain one gave."""

from __future__ import annotations

import random

import pytest

from linter.formats import build_document
from linter.language import analysis
from linter.language.tagger import model
from linter.packs.grammar import number, verbs
from linter.packs.grammar.common import data_dir
from linter.packs.grammar.context import sentence_of, tags_of
from linter.packs.grammar.idiom_table import SLOTS, NearMisses, load
from linter.packs.grammar.tokens import Tok, after, before

RNG_SEED = 18
FILLER = "the a of to and in that it was for on are as with his they at be this from".split()


def _sample_words(n: int = 3000) -> list[str]:
    rng = random.Random(RNG_SEED)
    known = sorted(model().words.raw)
    made = [
        "".join(rng.choice("abcdeilmnorstu") for _ in range(rng.randint(1, 9))) for _ in range(n)
    ]
    return [*rng.sample(known, n), *made, "people", "men", "children", "news", "series"]


def test_a_nouns_number_follows_its_last_letter():
    """GRAM009 skips a noun before a verb of the same number by its last letter alone."""
    for word in _sample_words():
        found = number._noun_number(word)
        if found == "pl":
            assert word.endswith("s") or word in number.IRREGULAR_PLURALS, word
        elif found == "sg":
            assert not word.endswith("s"), word


def test_the_words_alone_never_rule_out_a_form_the_auxiliary_wants():
    """GRAM010 asks ``_may_want_other`` before the lexicon: when it says no, ``_form_after``
    gives nothing either."""
    rng = random.Random(RNG_SEED)
    auxes = sorted(verbs.AUX - {"to"})
    vocab = [*_sample_words(800), "went", "took", "goes", "use", "generate", "suppose", "saw"]
    nexts = ["", *verbs.OBJECTS, *verbs.AFTER_PASSIVE, "quickly", "home"]
    befores = ["", "the", "a", "she", "they", "what", "his"]
    for _ in range(20_000):
        aux, verb = rng.choice(auxes), rng.choice(vocab)
        nxt, prev = rng.choice(nexts), rng.choice(befores)
        text = aux.capitalize() if rng.random() < 0.2 else aux
        if not verbs._may_want_other(aux, verb, nxt, prev, text):
            assert verbs._form_after(aux, verb, nxt, prev, text) is None, (aux, verb, nxt)


def test_an_anchor_without_its_idioms_other_words_has_no_near_miss():
    """``NearMisses.find`` skips a window that holds none of the anchor's idioms' other
    words: on text full of near misses it finds what the search without the skip finds."""
    idioms, _ = load(data_dir() / "idioms.txt")
    near = NearMisses(idioms)
    rng = random.Random(RNG_SEED)

    def word_of(w: str) -> str:
        return rng.choice(SLOTS[w[1:-1]].split("|")) if w.startswith("{") else w

    class Never(frozenset):
        def isdisjoint(self, other) -> bool:  # type: ignore[override]
            return False

    found = 0
    for _ in range(1500):
        words: list[str] = []
        for _ in range(rng.randint(1, 4)):
            words += rng.choices(FILLER, k=rng.randint(0, 4))
            phrase = [word_of(w) for w in rng.choice(idioms).words]
            r = rng.random()
            if r < 0.3 and len(phrase) > 2:
                del phrase[rng.randrange(1, len(phrase) - 1)]
            elif r < 0.7:
                i = rng.randrange(len(phrase))
                w = phrase[i]
                if len(w) > 3:
                    j = rng.randrange(len(w) - 1)
                    phrase[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            elif r < 0.85:
                phrase[rng.randrange(len(phrase))] = rng.choice(FILLER)
            words += phrase
        near._memo.clear()
        quick = near.find(words)
        saved, near.others = near.others, {k: Never() for k in near.others}
        near._memo.clear()
        try:
            assert quick == near.find(words), words
        finally:
            near.others = saved
        found += len(quick)
    assert found > 100  # the text did hold near misses


def _plain_after(toks, i, k=1):
    for j in range(i + 1, i + k + 1):
        if j >= len(toks) or not (toks[j].gap.strip() == "" and "\n\n" not in toks[j].gap):
            return ""
    return toks[i + k].low


def _plain_before(toks, i, k=1):
    for j in range(i, i - k, -1):
        if j - 1 < 0 or not (toks[j].gap.strip() == "" and "\n\n" not in toks[j].gap):
            return ""
    return toks[i - k].low


def test_after_and_before_one_word_give_the_plain_answers():
    rng = random.Random(RNG_SEED)
    gaps = [" ", "  ", ", ", "\n", "\n\n", " - ", "", "\t"]
    for _ in range(500):
        toks = [Tok(0, 0, w, w, rng.choice(gaps)) for w in rng.choices(FILLER, k=rng.randint(1, 6))]
        for i in range(len(toks)):
            for k in (1, 2):
                assert after(toks, i, k) == _plain_after(toks, i, k)
                assert before(toks, i, k) == _plain_before(toks, i, k)


TEXTS = [
    "The figures shows a rise. Dr. Smith said the U.S. team are ready.\n\nA new day. It is.",
    "Headline here\n\nThere is many reasons, he said. “Are they?” she asked! Yes; no.",
    "Prices rose 3.5 percent in Jan. and Feb. The children was outside... Then (he left).",
]


@pytest.mark.parametrize("text", TEXTS)
def test_a_words_sentence_found_next_to_it_is_the_split_ones(text):
    """``sentence_of`` and ``tags_of`` find a word's sentence without splitting the draft;
    the tokens and tags are those of its span of ``Document.sentences``."""
    doc = build_document("draft.md", text, None, None)
    layer = analysis(doc)
    for start, _, _ in doc.words:
        si = layer.sentence_at(start)
        toks, j = sentence_of(doc, start)
        assert toks == layer.tokens(si) and toks[j].start == start
        assert tags_of(doc, start) == layer.tags(si)


def _agreement_text(rng: random.Random) -> str:
    subjects = ["The figures", "The figure", "My wife", "The children", "A person who", "Two years",
                "the reports, which", "Officials", "The news", "Mr. Smith's dogs", "these players"]  # fmt: skip
    verbs_ = ["shows", "show", "is", "are", "was", "were", "want", "wants", "has", "have"]
    tails = ["a rise.", "here, and", "to go;", "“fine”.", "it.\n\nThe end", "- yes -", "(again)"]
    parts = []
    for _ in range(rng.randint(3, 9)):
        sep = rng.choice([" ", ", ", "; ", " “", "\n\n", ". "])
        parts.append(f"{rng.choice(subjects)}{sep}{rng.choice(verbs_)} {rng.choice(tails)}")
    return " ".join(parts)


def test_gram009_finds_the_same_with_and_without_its_words_alone_test(monkeypatch):
    """``_may_agree_wrongly`` runs before a sentence is built: it only ever skips verbs the
    rest of ``_head`` would skip."""
    from linter.packs.grammar.number import NumberAgreement

    rng = random.Random(RNG_SEED)
    texts = [_agreement_text(rng) for _ in range(400)]
    rule = NumberAgreement()
    rule.prepare(None)

    def run() -> list:
        return [
            [(m.start, m.end, m.message) for m in rule.check(build_document("d.md", t, None, None))]
            for t in texts
        ]

    quick = run()
    monkeypatch.setattr(number, "_may_agree_wrongly", lambda *args: True)
    assert run() == quick
    assert sum(map(len, quick)) > 20  # the text did hold findings


def test_verb_positions_are_the_words_with_a_verb_number(monkeypatch):
    """``verb_positions`` judges a draft's distinct words at once and picks the numbered
    ones in one pass; it finds the words the plain per-word reading gives a verb number,
    in any case ("Shows", "SHOWS") and in a later draft that meets them again."""
    texts = [
        "The figures Shows a rise. She walks; they WALK home and he says so.",
        "He shows it. SHOWS open today, the dog runs and the cats run away.",
        "Nothing here but a list: apples, pears, 2024, it’s fine, isnt it?",
    ]
    monkeypatch.setattr(number, "_VERB_NUMBER", {})
    monkeypatch.setattr(number, "_NUMBERED", set())
    for text in texts * 2:
        doc = build_document("t.md", text, None, None)
        found, numbers = number.verb_positions(doc)
        lows = doc.lower_words
        assert list(found) == [i for i, low in enumerate(lows) if number._verb_number(low)], text
        assert all(numbers[lows[i]] == number._verb_number(lows[i]) for i in found)


def test_a_to_judged_before_is_left_where_the_long_way_leaves_it():
    """GRAM001 skips most "to"s by the verdict kept for the word after them; a "to" before
    a degree word, at a headline's end or across punctuation is still judged."""
    from linter.packs.grammar import confusables

    text = (
        "Ready to\n\nThey went to school. It was to late, far to late; go to, school.\n"
        "She came to school and left to much noise behind, to school again."
    )
    confusables._TO_BEFORE.clear()
    cold = [
        (c.k, c.choice) for c in confusables._confusables(build_document("a.md", text, None, None))
    ]
    warm = [
        (c.k, c.choice) for c in confusables._confusables(build_document("b.md", text, None, None))
    ]
    assert confusables._TO_BEFORE.get("school") is False  # the second draft took the short way
    assert cold == warm
    assert any(choice == "too" for _, choice in warm)


@pytest.mark.parametrize("text", [*TEXTS, "# Ready to\n\nGo on. Mr. Lee said so!  Then:\n  new"])
def test_a_window_found_in_one_walk_is_the_one_of_bounds_and_gap_start(text):
    """``WordIndex.frame`` reuses the sentence cut that stops its walk back as the first
    word's gap start; it gives what ``bounds`` and ``gap_start`` give, at every word."""
    from linter.packs.grammar.confusion_model import CUES
    from linter.packs.grammar.cue_index import index

    ix = index(build_document("draft.md", text, None, None), CUES)
    for i in range(ix.n):
        for back, ahead in ((0, 0), (1, 2), (2, 2), (14, 2), (2, 5), (30, 30)):
            a, b, first = ix.bounds(i, back, ahead)
            assert ix.frame(i, back, ahead) == (a, b, ix.gap_start(a, first)), (i, back)
