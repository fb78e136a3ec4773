"""The facts pack's cheap pre-checks and indexes (issue 18) give what the slower scans they
replace gave: fixture drafts with their findings, and each shortcut against the scan."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from linter.document import Document
from linter.runner import lint_text

HEAD = "Headline\n\n"


def found(text: str, rule: str, date: str | None = None) -> list[tuple[str, int, int]]:
    day = dt.date.fromisoformat(date) if date else None
    return [(f.rule, f.line, f.column) for f in lint_text(text, "d.txt", select=[rule], date=day)]


# ---- FACT009/FACT002: the congressional label hint ------------------------------------
def test_label_hint_is_the_label_regex():
    """``has_label_hint`` (dashed branches from the dashes, the party branch only where a
    party word occurs) answers as ``LABEL_HINT_RE.search`` does."""
    from linter.packs.facts.congress_hint import LABEL_HINT_RE, has_label_hint

    fixed = ["(D-Vt.)", "R-PA-13", "CA-7", "WY–AL", "a Republican of Texas", "x-Men", "AB-x"]
    fixed += ["independent from Maine", "Democrat\tfrom X", "Independent of", "I–Z", "ab-7"]
    rnd = random.Random(18)
    texts = fixed + [
        "".join(rnd.choice("DRIABL-–7x ofrmi") for _ in range(rnd.randint(1, 9)))
        for _ in range(20_000)
    ]
    assert [has_label_hint(t) for t in texts] == [bool(LABEL_HINT_RE.search(t)) for t in texts]
    assert has_label_hint("(D-Vt.)") and not has_label_hint("x-Men, a Democrat.")


def test_labels_found_through_the_hint():
    text = HEAD + "Sen. Bernie Sanders (D-Vt.) spoke, and Rep. Liz Cheney (R-WY-2) too.\n"
    assert found(text, "FACT009", "2024-03-05") == [("FACT009", 3, 22)]


# ---- FACT002: titles matched where a title's first word occurs ----------------------------
def test_titles_found_at_their_first_words_only():
    """A title after a hyphen ("ex-President") starts at a word boundary and is matched; one
    inside a word ("unpresident", "Vicepresident") is not; mixed case still is."""
    text = HEAD + (
        "The ex-President Donald Trump spoke; Vice-President Mike Pence, a former president "
        "of nothing, and PResident Donald Trump too.\n"
    )
    assert found(text, "FACT002", "2023-02-10") == [("FACT002", 3, 38), ("FACT002", 3, 100)]
    text = (
        HEAD + "Vicepresident Mike Pence and unpresident Donald Trump spoke. The President said.\n"
    )
    assert found(text, "FACT002", "2023-02-10") == [("FACT002", 3, 62)]


def test_title_starts_are_the_title_regex_scan():
    """``_titles`` gives the matches of ``title_re.finditer`` on drafts made of title words,
    pieces of them and punctuation."""
    from linter.registry import engine_rules
    from linter.settings import Settings

    (rule,) = [r for r in engine_rules(Settings(select=["FACT002"])) if r.id == "FACT002"]
    rnd = random.Random(2)
    bits = [
        "President",
        "president",
        "Vice",
        "vice-",
        "Secretary",
        " of State",
        "PM",
        "U.N.",
        "CEO",
    ]
    bits += [" ", " ", "-", ".", "un", "x", "Prime", " Minister", "\n", "ex-", "White House"]
    for _ in range(300):
        prose = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 30)))
        doc = Document("d.txt", prose, prose)
        words = rule._title_words(doc)
        got = [(m.start(), m.end()) for m in rule._titles(doc, words)] if words else []
        assert got == [(m.start(), m.end()) for m in rule.title_re.finditer(prose)], prose


# ---- FACT001: sentence-initial slips, near pairs within a draft -----------------------------
def test_sentence_initial_slip_found_without_splitting_sentences():
    text = HEAD + "Marc Montalvo spoke first. The claims were lies. Mobtalvo was there.\n"
    assert found(text, "FACT001") == [("FACT001", 3, 50)]
    text = HEAD + "Marc Montalvo spoke first.\n\nMobtalvo was there.\n"
    assert found(text, "FACT001") == [("FACT001", 5, 1)]


@pytest.mark.parametrize("budget", [20_000_000, 0])  # the places asked one by one; one pass
def test_initial_words_are_those_at_sentence_starts(budget, monkeypatch):
    """``_initial_words`` (the rare words' places, asked one by one, or on a long draft one
    pass over the sentences) gives what matching ``_INITIAL_RE`` at every start of
    ``doc.sentences`` gives."""
    from linter.packs.facts import garbled_names
    from linter.packs.facts.garbled_names import _INITIAL_RE, _initial_words

    monkeypatch.setattr(garbled_names, "_FIND_BUDGET", budget)

    rnd = random.Random(5)
    bits = ["Mobtalvo", "Mobtalvo's", "Perdae", " ", " ", ". ", "Mr. ", "e.g. ", "\n\n", "x"]
    bits += ["U.S. ", "said", "? ", '"', "Mobtalvos", "-"]
    rare = {"Mobtalvo", "Perdae"}
    for _ in range(500):
        prose = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 25)))
        doc = Document("d.txt", prose, prose)
        expected = []
        for s, _ in doc.sentences:
            m = _INITIAL_RE.match(prose, s)
            if m is not None and m.group(1) in rare:
                expected.append((m.start(1), m.end(1), m.group(1)))
        assert _initial_words(doc, rare) == expected, prose


def test_near_key_pairs_within_one_draft():
    from linter.packs.facts.garbled_names import _near_one_apart, _surname_slip

    assert _near_one_apart({("sandy", "creek", "school"), ("sandy", "crek", "school")})
    assert not _near_one_apart({("sandy", "creek"), ("sandy", "crek", "school")})
    assert not _near_one_apart({("sandy", "creek", "school"), ("andy", "crek", "school")})
    doc = Document("d.txt", "Marc Montalvo met Mobtalvo.", "Marc Montalvo met Mobtalvo.")
    assert _surname_slip(doc, {"mobtalvo"}, {("marc", "montalvo")}, None)
    assert not _surname_slip(doc, {"mobtal"}, {("marc", "montalvo")}, None)
    lower = Document("d.txt", "Marc Montalvo, mobtalvo.", "Marc Montalvo, mobtalvo.")
    assert not _surname_slip(lower, {"mobtalvo"}, {("marc", "montalvo")}, None)
    text = (
        HEAD + "Sandy Creek Elementary School closed. Later Sandy Crek Elementary School opened.\n"
    )
    assert found(text, "FACT001") == [("FACT001", 3, 45)]


def test_edit_tests_are_the_distance():
    """``within_one`` and ``within_two`` answer as the optimal string alignment distance."""
    from linter.packs.facts.name_mentions import distance, within_one, within_two

    rnd = random.Random(7)
    for _ in range(20_000):
        a = "".join(rnd.choice("abc") for _ in range(rnd.randint(0, 7)))
        b = list(a)
        for _ in range(rnd.randint(0, 3)):
            op = rnd.randrange(4)
            if op == 0 and b:
                b[rnd.randrange(len(b))] = rnd.choice("abc")
            elif op == 1:
                b.insert(rnd.randint(0, len(b)), rnd.choice("abc"))
            elif op == 2 and b:
                del b[rnd.randrange(len(b))]
            elif op == 3 and len(b) > 1:
                j = rnd.randrange(len(b) - 1)
                b[j], b[j + 1] = b[j + 1], b[j]
        other = "".join(b)
        assert within_one(a, other) == (distance(a, other, 1) <= 1), (a, other)
        assert within_two(a, other) == (distance(a, other, 2) <= 2), (a, other)


def test_run_keys_are_plain_tuples_read_by_index():
    """A run's keys are a plain tuple (untracked by the collector once looked at), and
    FACT001 reads its fields at ``docnames``' indexes."""
    from linter.packs.facts import docnames
    from linter.packs.facts import garbled_names as g

    (keys,) = docnames.run_keys(["Philosopher Noam Chomsky of MIT"])
    assert type(keys) is tuple
    whole, head = ("philosopher", "noam", "chomsky", "mit"), ("philosopher", "noam", "chomsky")
    assert set(g._multi(keys)) == set(keys[docnames.MULTI]) == {whole, head}
    assert set(g._cands(keys)) == set(keys[docnames.CANDS]) >= {("noam", "chomsky")}
    assert g._unknown(keys) is keys[docnames.UNKNOWN] is False
    assert g._key_words(keys) == keys[docnames.WORDS] and "chomsky" in g._key_words(keys)
    (one,) = docnames.run_keys(["Chomsky"])
    assert g._single_words(one) == one[docnames.SINGLE_WORDS] == ("chomsky",)
