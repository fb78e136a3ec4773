"""FACT001's cheaper key index (issue 18): each shortcut gives what the full computation it
skips gives, on random keys and runs, and the garbles it serves are still found."""

from __future__ import annotations

import random
import re
from collections import Counter
from itertools import chain
from pathlib import Path

import pytest

from linter.runner import lint_text

HEAD = "Headline\n\n"


def found(text: str) -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in lint_text(text, "d.txt", select=["FACT001"])]


# ---- run keys --------------------------------------------------------------------------
_PIECES = ["John", "Smith", "The", "A", "In", "Senator", "Sen", "Of", "De", "I", "X", "Mr"]
_PIECES += ["Hardy", "Perdue", "Elementary", "School", "New", "York", "Van", "Della", "Los"]


def _runs(rnd: random.Random, n: int) -> list[str]:
    out = []
    for _ in range(n):
        words = [rnd.choice(_PIECES) for _ in range(rnd.randint(1, 5))]
        tail = rnd.choice(["", "", ".", "'s", "’s"])
        if rnd.random() < 0.2 and len(words) > 2:  # a full stop inside
            words[1] += "."
        out.append(" ".join(words) + tail)
    return out


def test_caps_run_keys_are_the_general_reading(monkeypatch):
    """``_CAPS_RUN``'s fast path (no mentions made) gives the keys that reading the run's
    mentions gives, whole runs and parts between full stops alike."""
    from linter.packs.facts import docnames

    texts = _runs(random.Random(18), 3000)
    texts += ["Senator John Smith", "The Smith's", "In New York.", "Sen Of De", "I A"]
    assert sum(docnames._CAPS_RUN(t) is not None for t in texts) > 1000

    def keys(text: str) -> tuple:
        multi, single, unknown, cands, words, single_words = docnames._keys_of_run(text)
        return (set(multi), set(single), unknown, set(cands), set(words), set(single_words))

    fast = [keys(t) for t in texts]
    monkeypatch.setattr(docnames, "_CAPS_RUN", lambda text: None)  # the general reading
    assert [keys(t) for t in texts] == fast


# ---- shared forms ----------------------------------------------------------------------
_WORDS = ["sandy", "hook", "creek", "crek", "elementary", "school", "new", "york", "smith"]


def _keys(rnd: random.Random) -> list[tuple[str, ...]]:
    keys = {tuple(rnd.choice(_WORDS) for _ in range(rnd.randint(2, 4))) for _ in range(12)}
    return sorted(keys)


def _shared(forms: list) -> set:
    return {f for f, c in Counter(forms).items() if c > 1}


def test_hot_forms_are_those_every_key_gives():
    """``_hot`` builds the forms of the keys its cheap tests keep; the shared forms, and
    the keys giving them, are those that building every key's forms finds."""
    from linter.packs.facts.garbled_names import DROP_FORMS, SWAP, WILD, _hot, variants

    rnd = random.Random(7)
    for _ in range(400):
        multi = _keys(rnd)
        cands = set(multi) | {k[i:] for k in multi for i in range(1, len(k) - 1)}
        every = [variants(k) for k in cands]
        swaps = _shared([v[SWAP] for v in every])
        wild = _shared(list(chain.from_iterable(v[WILD] for v in every)))
        drops = set(chain.from_iterable(v[DROP_FORMS] for v in every)) & cands
        hot = _hot(multi)
        assert (hot.swaps, hot.wild, hot.drops) == (swaps, wild, drops), multi
        assert hot.swap_keys == {k for k in cands if variants(k)[SWAP] in swaps}
        assert hot.wild_keys == {k for k in cands if not wild.isdisjoint(variants(k)[WILD])}
        assert hot.dropping == {k for k in cands if not drops.isdisjoint(variants(k)[DROP_FORMS])}


def test_near_one_apart_compares_only_keys_that_may_share_a_form():
    from linter.packs.facts.garbled_names import _may_share_wild, _near_one_apart

    assert _near_one_apart({("sandy", "creek", "school"), ("sandy", "crek", "school")})
    assert _near_one_apart({("perdue", "hall"), ("perdae", "hall")})
    assert not _near_one_apart({("perdue", "hall"), ("perdae", "hall", "annex")})
    rnd = random.Random(3)
    for _ in range(400):
        keys = _keys(rnd)
        kept = set(_may_share_wild(keys))
        for a in keys:
            for b in keys:
                if (
                    a != b
                    and len(a) == len(b)
                    and sum(x != y for x, y in zip(a, b, strict=True)) == 1
                ):
                    assert a in kept and b in kept, (a, b)


# ---- near spelling ---------------------------------------------------------------------
def _near_spelling_before(a: str, b: str) -> bool:
    """``near_spelling`` as it was written before its edit test moved first."""
    from linter.packs.facts.name_mentions import (
        INFLECTIONS,
        dialect_fold,
        within_one,
        within_two,
    )

    if a == b or len(a) < 4 or len(b) < 4 or a[0].lower() != b[0].lower():
        return False
    if re.search(r"\d", a) or re.search(r"\d", b):
        return False
    la, lb = a.lower(), b.lower()
    if la == lb:
        return False
    short, long_ = sorted((la, lb), key=len)
    if long_.startswith(short) and long_[len(short) :] in INFLECTIONS:
        return False
    limit = 2 if min(len(a), len(b)) >= 8 else 1
    if abs(len(la) - len(lb)) > limit:
        return False
    if not (within_two(la, lb) if limit == 2 else within_one(la, lb)):
        return False
    return la.rstrip("s") != lb.rstrip("s") and dialect_fold(la) != dialect_fold(lb)


def test_near_spelling_answers_as_before():
    from linter.packs.facts.name_mentions import near_spelling_once

    rnd = random.Random(11)
    base = ["Perdue", "Organisation", "Sweden", "Zeta12", "Montalvo", "Centre", "Smiths"]
    words = list(base)
    for _ in range(3000):
        w = list(rnd.choice(base))
        for _ in range(rnd.randint(0, 3)):
            i = rnd.randrange(len(w))
            op = rnd.randrange(4)
            if op == 0:
                w[i] = rnd.choice("aesz1S")
            elif op == 1:
                w.insert(i, rnd.choice("aesn"))
            elif op == 2 and len(w) > 1:
                del w[i]
            else:
                w[i] = w[i].swapcase()
        words.append("".join(w))
    pairs = [(rnd.choice(words), rnd.choice(words)) for _ in range(20_000)]
    pairs += [(w, w + s) for w in base for s in ("s", "an", "ese", "n")]
    got = [near_spelling_once(a, b) for a, b in pairs]
    assert got == [_near_spelling_before(a, b) for a, b in pairs]
    assert any(got) and not all(got)


# ---- the pack's near misses ------------------------------------------------------------
def test_pack_near_misses_unchanged_by_the_word_test(monkeypatch):
    """``Knowledge._may_be_near`` (two words the pack never holds: no near miss) rejects
    only keys that ``_find_near`` would answer None for."""
    from linter.packs.facts.knowledge import load
    from linter.settings import Settings

    knowledge = load(Settings(root=Path.cwd()))
    rnd = random.Random(5)
    targets = [k.split(" ") for k in chain(knowledge.exact, knowledge.places["names"])]
    targets = [t for t in targets if len(t) >= 2]
    keys = []
    for _ in range(3000):
        t = list(rnd.choice(targets))
        op = rnd.randrange(4)
        i = rnd.randrange(len(t))
        if op == 0 and len(t[i]) > 3:  # a letter wrong
            j = rnd.randrange(len(t[i]))
            t[i] = t[i][:j] + rnd.choice("aeiouz") + t[i][j + 1 :]
        elif op == 1:
            rnd.shuffle(t)
        elif op == 2 and len(t) > 2:
            del t[rnd.randrange(1, len(t) - 1)]
        else:
            t[i] = rnd.choice(["smith", "qqqq", "xylo", "ab"])
        keys.append(tuple(t))
    fast = [knowledge._find_near(k) for k in keys]
    monkeypatch.setattr(knowledge, "_may_be_near", lambda key: True)
    assert [knowledge._find_near(k) for k in keys] == fast
    assert sum(f is not None for f in fast) > 100


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She flew to New Zealend last week.", [("FACT001", 3, 13)]),
        ("The Democratic Party met. Later the Party Democratic voted.", [("FACT001", 3, 37)]),
        (
            "Sandy Creek Elementary School closed. Later Sandy Crek Elementary School opened.",
            [("FACT001", 3, 45)],
        ),
        ("Senator John Smith spoke. Later Senator John Smiht spoke.", [("FACT001", 3, 41)]),
        ("Senator John Smith spoke. Later John Smith spoke again.", []),
    ],
)
def test_garbles_still_found(text, expected):
    assert found(HEAD + text + "\n") == expected


# ---- surnames paired by their deletions ------------------------------------------------
def test_near_index_answers_as_the_buckets():
    """``NearIndex`` (a long draft's surnames by their deletions) pairs a word with some
    surname exactly when the first-letter and length buckets do."""
    from linter.packs.facts.nearwords import NearIndex, buckets, near_any

    rnd = random.Random(13)
    base = ["perdue", "montalvo", "lessig", "ingraham", "schwarzenegger", "smithers"]
    base += ["fuentes", "organisation", "zeta12", "sweden", "hardy", "baxter"]

    def garble(w: str) -> str:
        letters = list(w)
        for _ in range(rnd.randint(0, 3)):
            i = rnd.randrange(len(letters))
            op = rnd.randrange(4)
            if op == 0:
                letters[i] = rnd.choice("aeinrsz")
            elif op == 1:
                letters.insert(i, rnd.choice("aeinrs"))
            elif op == 2 and len(letters) > 4:
                del letters[i]
            elif i + 1 < len(letters):
                letters[i], letters[i + 1] = letters[i + 1], letters[i]
        return "".join(letters)

    lasts = base + [garble(rnd.choice(base)) for _ in range(300)]
    probes = [garble(rnd.choice(base)) for _ in range(3000)] + ["Perdae", "FUENTEZ"]
    index, by_bucket = NearIndex(lasts), buckets(lasts)
    answers = [index.near_any(w) for w in probes]
    assert answers == [near_any(by_bucket, w) for w in probes]
    assert 100 < sum(answers) < len(answers)
