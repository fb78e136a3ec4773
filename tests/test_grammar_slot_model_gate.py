"""The slot model's early stop (``slot_model.reachable``) is exact: wherever it says the
model cannot flag a slot, the full model (``slot_model.decide``, every feature read) leaves
it, and gives the written word more than its WRITTEN_MAX. Checked on windows from the
project's own docs and on random windows over the model's vocabulary, slips among them."""

from __future__ import annotations

import random
from pathlib import Path

from linter.formats import build_document
from linter.packs.grammar import slot_model as sm
from linter.packs.grammar.common import data_dir
from linter.packs.grammar.confusables import _load_bigrams
from linter.packs.grammar.confusion_model import Bigrams
from linter.packs.grammar.tokens import Tok, sentence_tokens

ROOT = Path(__file__).resolve().parent.parent
SLIPS = (
    "If your looking for work, call us. Whose there? Your welcome to come. "
    "Its a shame that their going home. They said there going to win. "
    "We know you're name. Who's car is this? It's tail was long. I think your right. "
    "The dog got lose and ran away. This is the place were the fire started. I know were "
    "you live. He gave good advise to the board. The storm had a big affect on prices. "
    "A third build configuration is Test, and its usually a special case."
)


def _check(window: list[Tok], i: int, first: bool, last: bool, pairs) -> tuple[bool, bool]:
    """(pruned, flagged) for one slot; fails when the early stop would drop a finding."""
    written = window[i].low
    name = sm.SET_OF[written]
    words = sm.SETS[name]
    margins = sm.word_margins(name, written, sm.word_features(window, i, first, last))
    pruned = not sm.reachable(name, written, margins, window, i, first, last, pairs)
    choice = sm.decide(window, i, first, last, pairs)
    if pruned:
        prev, nxt = sm.context(window, i, first, last)
        probs = sm.model().probabilities(
            name,
            sm.features(window, i, first, last),
            sm.pair_scores(words, prev, nxt, pairs),
        )
        assert choice is None, (written, [t.text for t in window])
        assert probs[words.index(written)] > sm.WRITTEN_MAX[written]
    return pruned, choice is not None


def _windows(sentences: list[list[Tok]]):
    for toks in sentences:
        for k, tok in enumerate(toks):
            if sm.SET_OF.get(tok.low) and sm.WRITTEN_MAX[tok.low]:
                a, b = max(k - sm.BACK, 0), min(k + sm.AHEAD, len(toks) - 1)
                yield toks[a : b + 1], k - a, a == 0, b == len(toks) - 1


def _text_windows(text: str):
    doc = build_document("t.txt", text, None, None)
    return list(_windows(sentence_tokens(doc)))


def test_the_early_stop_never_drops_what_the_model_flags_in_text():
    pairs = _load_bigrams(data_dir() / "bigrams.tsv", Bigrams)
    text = (
        SLIPS + "\n\n" + "\n\n".join(p.read_text("utf-8") for p in sorted(ROOT.glob("docs/*.md")))
    )
    windows = _text_windows(text)
    results = [_check(*w, pairs) for w in windows]
    assert len(results) > 200
    assert any(pruned for pruned, _ in results)
    assert sum(flagged for _, flagged in results) >= 10  # the slips reach the full model
    seen = {sm.SET_OF[window[i].low] for window, i, _, _ in windows}
    assert seen >= {
        "its",
        "their",
        "your",
        "whose",
        "than",
        "were",
        "to",
        "affect",
        "advice",
        "lose",
    }


def test_the_early_stop_never_drops_what_the_model_flags_in_random_windows():
    pairs = _load_bigrams(data_dir() / "bigrams.tsv", Bigrams)
    m = sm.model()
    vocab = sorted(
        {
            f.split("=", 1)[1]
            for name in sm.SETS
            for f in m.names(name)
            if f[:3] in ("p1=", "n1=", "n2=", "p2=")
        }
        - {""}
    )
    vocab = [v for v in vocab if "|" not in v and v[:1].isalpha()]
    written = [w for w in sm.SET_OF if sm.WRITTEN_MAX[w]]
    gaps = [" "] * 12 + [", ", ". ", "; ", " (", " - ", ": "]
    rng = random.Random(14)
    pruned = flagged = 0
    sets_seen: set[str] = set()
    for _ in range(6000):
        n = rng.randint(1, 7)
        i = rng.randrange(n)
        words = [rng.choice(vocab) for _ in range(n)]
        words[i] = rng.choice(written)
        if rng.random() < 0.3:
            for j in range(n):
                if j != i:
                    words[j] = rng.choice(
                        [
                            "looking",
                            "going",
                            "name",
                            "car",
                            "the",
                            "a",
                            "is",
                            "right",
                            "welcome",
                            "home",
                            "to",
                            "higher",
                            "told",
                            "fire",
                            "on",
                            "strike",
                            "bill",
                        ]
                    )
        text, toks = "", []
        for j, word in enumerate(words):
            gap = "" if j == 0 else rng.choice(gaps)
            if rng.random() < 0.1:
                word = word.capitalize()
            start = len(text) + len(gap)
            toks.append(Tok(start, start + len(word), word, word.lower(), gap))
            text += gap + word
        p, f = _check(toks, i, rng.random() < 0.5, rng.random() < 0.5, pairs)
        pruned += p
        flagged += f
        sets_seen.add(sm.SET_OF[words[i]])
    assert pruned > 2000
    assert flagged > 0
    assert sets_seen == set(sm.SETS)  # every set ("than" through "then")


def test_the_family_bounds_are_the_largest_gains_the_table_allows():
    """``family_bound`` (the fin family read by name, the others by prefix) against the
    gains of every row of the family, sorted."""
    m = sm.model()
    for name in sm.SETS:
        n = len(sm.SETS[name])
        for family in sm.FAMILIES:
            rows = [m.row(name, f) for f in m.names(name) if f.startswith(family)]
            most = sm.TAGS_AT_MOST if family in ("t-1=", "t+1=", "t+2=") else 1
            assert rows or family != "fin"
            expected = [
                [
                    sum(
                        g
                        for g in sorted([row[r] - row[k] for row in rows], reverse=True)[:most]
                        if g > 0
                    )
                    for k in range(n)
                ]
                for r in range(n)
            ]
            assert sm.family_bound(m, name, family) == expected, (name, family)
