"""The agreement rules' word tests before the lexicon (issue 18) must never change a
finding: each cheap test is a necessary condition of what it skips (the last letter of a
noun or a verb), and the shortened walk of GRAM014 finds the head the full walk found."""

from __future__ import annotations

import random

from linter.language.tagger import model
from linter.packs.grammar import agreement, determiners, relative
from linter.packs.grammar.number import noun_number
from linter.runner import lint_text

RNG_SEED = 18


def _sample_words(n: int = 3000) -> list[str]:
    rng = random.Random(RNG_SEED)
    known = sorted(model().words.raw)
    made = [
        "".join(rng.choice("abcdeilmnorstu") for _ in range(rng.randint(1, 9))) for _ in range(n)
    ]
    irregular = ["people", "men", "children", "feet", "news", "series", "crisis", "bus"]
    return [*rng.sample(known, n), *made, *irregular]


def test_the_last_letter_only_rules_out_words_that_are_no_head():
    """GRAM014's ``_other_number`` tests the last letter, then the lexicon: it gives what the
    lexicon alone gives, so the letter never rules out a head."""
    for word in _sample_words():
        for number in ("sg", "pl"):
            full = noun_number(word) not in (None, number) or (
                number == "sg" and agreement.maybe_plural(word)
            )
            assert agreement._other_number(word, number) == full, (word, number)


def _full_walk(lows: list[str], k: int, number: str) -> int | None:
    """GRAM014's walk as it was: every word back to eight before the verb."""
    found = None
    for p in range(k - 1, max(0, k - 9), -1):
        low = lows[p]
        if low in agreement.PP_PREPOSITIONS:
            before = lows[p - 1]
            if noun_number(before) not in (None, number) or (
                number == "sg" and agreement.maybe_plural(before)
            ):
                found = p - 1
        elif not agreement._object_like(low) and low not in agreement.NP_WORDS:
            break
    return found


def test_the_short_walk_finds_the_head_the_full_walk_finds():
    rng = random.Random(RNG_SEED)
    vocab = [
        *"of in on for with near about among the a these his some many".split(),
        *"results result price prices people man study studies region reports city".split(),
        *"tickets ticket quickly said went very and that new old red news series".split(),
    ]
    preps = agreement.PP_PREPOSITIONS
    heads = 0
    for _ in range(20_000):
        lows = rng.choices(vocab, k=rng.randint(3, 14))
        k = rng.randrange(3, len(lows) + 1)
        lows.insert(k, "is")
        number = rng.choice(("sg", "pl"))
        at_prep = [p for p in range(max(1, k - 8), k) if lows[p] in preps]
        expected = _full_walk(lows, k, number)
        heads += expected is not None
        assert agreement._phrase_before(lows, k, number, at_prep) == expected, (lows, k)
        # GRAM014 skips a verb when no preposition follows a possible head by its letter
        if any(agreement._other_number(lows[p - 1], number) for p in at_prep):
            assert agreement._may_follow_head(lows, at_prep, number), (lows, k)
    assert heads > 1000  # the sample holds many heads, not only misses


def test_a_plural_ends_in_s_and_a_singular_count_noun_never_does():
    """GRAM016 and GRAM017 test the last letter of the two words that may be the noun
    before the lexicon."""
    for word in _sample_words():
        if determiners._plural(word):
            assert word.endswith("s"), word
        if determiners._singular_count(word):
            assert not word.endswith("s"), word


def test_relative_numbers_follow_the_last_letter():
    """GRAM015 skips a noun in -s before a verb that does not end in -s (nor is a singular
    form of be, have or do) without the lexicon: such a noun is never singular, such a verb
    never singular."""
    for word in _sample_words():
        if relative.noun_number(word) == "sg":
            assert not word.endswith("s"), word
        if relative.verb_number(word) == "sg":
            assert word.endswith("s") or word in relative.SINGULAR_FORMS, word


DRAFT = """The results of the survey in the north shows a rise.
The price of the tickets for the games are high. Reports from the region says so.
One of the players are tired. The men in the room is angry.
He enjoy it, and they needs money. It rain often; she want more.
Schools need teachers who really cares. Many different kind of people came.
She hired a temporary workers and every tiny things mattered.
"""
# (rule, line, column, suggestions), as the rules found them before the shortcuts
EXPECTED = [
    ("GRAM014", 1, 40, ("show",)),
    ("GRAM014", 2, 40, ("is",)),
    ("GRAM014", 2, 74, ("say",)),
    ("GRAM014", 3, 20, ("is",)),
    ("GRAM014", 3, 51, ("are",)),
    ("GRAM004", 4, 4, ("enjoys",)),
    ("GRAM004", 4, 23, ("need",)),
    ("GRAM004", 4, 55, ("wants",)),
    ("GRAM015", 5, 34, ("care",)),
    ("GRAM017", 5, 56, ("kinds",)),
    ("GRAM016", 6, 23, ("worker",)),
    ("GRAM016", 6, 46, ("thing",)),
]


def test_slips_found_across_the_shortcuts():
    """Each rule's slips are still found where the cheap tests let the lexicon decide."""
    found = [
        (f.rule, f.line, f.column, f.suggestions)
        for f in lint_text(
            DRAFT, "draft.txt", select=["GRAM004", "GRAM014", "GRAM015", "GRAM016", "GRAM017"]
        )
    ]
    assert sorted(found) == sorted(EXPECTED)


def test_a_verb_the_word_test_rules_out_is_never_reported():
    """GRAM004 asks ``_may_disagree`` (the verb alone, remembered) before
    ``_lexical_match``: the pronoun's lexical findings all fall on words it lets through."""
    from linter.formats import build_document
    from linter.packs.grammar.cue_index import index

    rule = agreement.PronounAgreement()
    rule.prepare(None)
    words = [w for w in _sample_words(600) if w.isalpha()]
    lines = [f"{p} {w} it." for w in words for p in ("He", "They", "It")]
    doc = build_document("draft.txt", "\n".join(lines) + "\n", None, None)
    ix = index(doc, agreement.PRONOUNS)
    found = 0
    for k in ix.positions(agreement.PRONOUNS):
        if not ix.texts[k][0].isupper():
            continue  # the object "it" that ends each line
        match = agreement._lexical_match(rule, ix, k, doc)
        if match is not None:
            found += 1
            assert agreement._may_disagree(ix.low(k + 1), ix.lows[k] in agreement.SINGULAR)
    assert found > 20


def test_the_word_walk_rules_out_only_subjects_that_open_no_clause():
    """GRAM009 asks ``number._may_open_clause`` (the tags each word may take) before it
    tags a sentence: wherever it is false, ``_opens_clause`` on the tagger's tags is false
    too, for either number; and it rules out some subjects, so it saves tagging."""
    from pathlib import Path

    from linter.formats import build_document
    from linter.language import analysis
    from linter.packs.grammar import number

    rng = random.Random(RNG_SEED)
    vocab = (
        "the a his these many old new reports figures council city price prices of in at "
        "and or but because if that which who often also now very quickly said shows show "
        "is are was were has have 3 1,000 Smith Reuters running broken , , ; : ( ) - "
        "officials say people children news"
    ).split()
    lines = [
        " ".join(rng.choice(vocab) for _ in range(rng.randint(3, 16))).capitalize() + "."
        for _ in range(400)
    ]
    seed = Path(__file__).parent.parent / "seeds" / "musk-hyundai-ad.md"
    texts = [seed.read_text("utf-8"), "\n\n".join(lines) + "\n"]
    ruled_out = kept_true = 0
    for text in texts:
        layer = analysis(build_document("draft.md", text, None, None))
        for i in range(len(layer.sentences)):
            toks, tags = layer.tokens(i), list(layer.tags(i))
            for head in range(len(toks)):
                if not toks[head].is_word:
                    continue
                may = number._may_open_clause(toks, head)
                for subject in ("sg", "pl"):
                    opens = number._opens_clause(toks, tags, head, subject)
                    assert may or not opens, ([t.text for t in toks], head, subject)
                    kept_true += opens
                ruled_out += not may
    assert ruled_out > 200 and kept_true > 200
