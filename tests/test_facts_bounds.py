"""Bounded work in the facts rules (issues 17 and 18): pathological drafts stay fast."""

from __future__ import annotations

import datetime as dt
import time

from linter.runner import lint_text

WORDS = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliet Kilo Lima".split()


def timed(text: str, rules: list[str]) -> float:
    """CPU seconds of this process: wall time on a shared machine measures its neighbours."""
    t = time.process_time()
    lint_text(text, "d.txt", select=rules, date=dt.date(2023, 2, 10))
    return time.process_time() - t


def test_long_run_of_capitalised_words_is_linear():
    run = " ".join(WORDS[(i * 7) % len(WORDS)] for i in range(2000))
    assert timed("Headline\n\n" + run + ".\n", ["FACT001"]) < 2.0


def test_many_generic_titles_do_not_rescan_the_draft():
    text = "Headline\n\nBarack Obama spoke. " + "The President said no. " * 20000 + "\n"
    assert timed(text, ["FACT002"]) < 15.0  # was 140 s; about 3.4 CPU-s now
    one_line = "Headline\n\n" + "Mitt Romney, the senator, said no. " * 20000 + "\n"
    assert timed(one_line, ["FACT002"]) < 15.0


def test_generic_title_still_resolved_after_the_index():
    text = "Headline\n\nBarack Obama spoke in Chicago. The President said it was true.\n"
    findings = lint_text(text, "d.txt", select=["FACT002"], date=dt.date(2023, 2, 10))
    assert [(f.line, f.column) for f in findings] == [(3, 32)]


def _draft(n: int) -> str:
    """n paragraphs of varied names (no two alike), titles, labels and dates."""
    import random

    rnd = random.Random(7)
    syll = ["ka", "lo", "mi", "ren", "tas", "vo", "ber", "dan", "sel", "gor", "hu", "pri"]

    def name() -> str:
        return "".join(rnd.choice(syll) for _ in range(3)).capitalize()

    paras = []
    for _ in range(n):
        a, b, c = name(), name(), name()
        paras.append(
            f"Sen. Mitt Romney (R-Utah) met {a} {b} on Tuesday, July 21, 2017. The Justice "
            f"Department said {a} {b} and {c} {name()} agreed with {b} and the {c} Council."
        )
    return "Headline\n\n" + "\n\n".join(paras) + "\n"


def test_time_per_mb_stays_flat():
    rules = ["FACT001", "FACT002", "FACT003", "FACT009"]
    small, big = _draft(500), _draft(4000)
    timed(_draft(50), rules)  # imports and the pack
    t_small = timed(small, rules) / len(small)
    t_big = timed(big, rules) / len(big)
    assert t_big <= 1.3 * t_small * 1.5  # 1.3x the aim, with room for a busy machine


def test_a_recurring_new_run_is_analysed_once_per_document(monkeypatch):
    """A run met for the first time is analysed once however often the draft repeats it
    (each repeat was analysed anew: a fresh 10 MB draft's 158,000 runs are 27,000
    distinct), and every repeat still gets its names."""
    from linter.formats import build_document
    from linter.packs.facts import docnames

    calls: list[str] = []
    real = docnames._analyse

    def counted(text: str, initial: bool, inside: tuple[int, ...]):
        calls.append(text)
        return real(text, initial, inside)

    monkeypatch.setattr(docnames, "_analyse", counted)
    monkeypatch.setattr(docnames, "_RUNS", docnames.BoundedMemo(docnames._LIMIT))
    prose = "Headline\n\n" + "Then Quillon Varrick met Orsolya Bexley here. " * 40 + "\n"
    names = docnames.doc_names(build_document("d.txt", prose))
    assert sorted(calls) == ["Headline", "Orsolya Bexley", "Then Quillon Varrick"]
    assert [n.text for n in names] == ["Quillon Varrick", "Orsolya Bexley"] * 40
    assert [prose[n.start : n.end] for n in names[:2]] == ["Quillon Varrick", "Orsolya Bexley"]


def test_names_are_read_from_columns_alike_by_index_slice_and_iteration():
    """``doc_names`` keeps templates and offsets, making each name when read: an index,
    a slice and iteration give the same names, and ``names_between`` finds them by start."""
    from linter.formats import build_document
    from linter.packs.facts import docnames

    prose = "Headline\n\nAda Lovelace met Charles Babbage. Later Mary Somerville wrote.\n"
    doc = build_document("d.txt", prose)
    names = docnames.doc_names(doc)
    listed = list(names)
    assert [names[i] for i in range(len(names))] == listed == names[0 : len(names)]
    assert [n.text for n in listed] == ["Ada Lovelace", "Charles Babbage", "Mary Somerville"]
    at = prose.index("Charles")
    assert [n.text for n in docnames.names_between(doc, at, len(prose))] == [
        "Charles Babbage",
        "Mary Somerville",
    ]
