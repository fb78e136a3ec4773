"""What the grammar rules keep per document (issue 18, memory): windows made for one rule
are handed over, not kept to the document's end, and the findings stay the same."""

from __future__ import annotations

from pathlib import Path

from linter.formats import build_document
from linter.runner import Engine
from linter.settings import Settings

DRAFT = """The players put there bags on the bus. It was more then enough.
They sold there five best players, and their coach said its over.
If your looking for work, call us; your results came in.
"""


def _run(select: list[str]):
    from linter.packs.grammar import confusables
    from linter.packs.grammar.confusion_model import CUES
    from linter.packs.grammar.cue_index import index

    confusables._RULE_DECISIONS.clear()  # a phrasing decided before makes no window
    confusables._PLACES.clear()
    engine = Engine(Settings(root=Path.cwd(), select=select))
    doc = build_document("draft.txt", DRAFT, None, None)
    found = [(rule.id, m.start, m.suggestions) for rule in engine.rules for m in rule.check(doc)]
    return found, index(doc, CUES).shared


def test_gram002_takes_the_windows_gram001_made() -> None:
    found, shared = _run(["GRAM001", "GRAM002"])
    assert ("GRAM001", DRAFT.index("then"), ("than",)) in found
    assert ("GRAM002", DRAFT.index("there five"), ("their",)) in found
    assert len(shared["confusables"]) == 7  # type: ignore[arg-type]
    assert len(shared["confusable tokens"]) == 0  # type: ignore[arg-type]


def test_only_windows_gram002_reads_are_made_for_it() -> None:
    _found, shared = _run(["GRAM001"])
    windows = shared["confusable tokens"]
    assert [DRAFT[t[0][0] : t[-1][1]] for t in windows.values()] == [  # type: ignore[attr-defined]
        "They sold there five best",
        "players, and their coach said its over",
        "If your looking for work, call us",
        "call us; your results came in",
    ]  # not "more then" nor "its over": the context rules decided those


def test_phrase_memos_stay_bounded_within_a_document(monkeypatch) -> None:
    from linter.packs.grammar import confusables

    unbounded, _ = _run(["GRAM001", "GRAM002"])
    monkeypatch.setattr(confusables, "PHRASE_MEMO_LIMIT", 3)
    bounded, _ = _run(["GRAM001", "GRAM002"])
    assert 0 < len(confusables._PLACES) <= 3
    assert 0 < len(confusables._RULE_DECISIONS) <= 3
    assert bounded == unbounded


def test_the_statistics_memo_stays_bounded_within_a_document(monkeypatch) -> None:
    """GRAM002's decisions by word pairs are keyed by a window's text too: bounded as they
    grow, so one long draft does not keep them all, and forgetting loses nothing."""
    from linter.packs.grammar import confusables

    def run(limit: int) -> tuple[list, int]:
        monkeypatch.setattr(confusables, "PHRASE_MEMO_LIMIT", limit)
        confusables._RULE_DECISIONS.clear()
        confusables._PLACES.clear()
        engine = Engine(Settings(root=Path.cwd(), select=["GRAM001", "GRAM002"]))
        doc = build_document("draft.txt", DRAFT, None, None)
        found = [(r.id, m.start, m.suggestions) for r in engine.rules for m in r.check(doc)]
        (stats,) = [r for r in engine.rules if r.id == "GRAM002"]
        return found, len(stats._decided)  # type: ignore[attr-defined]

    unbounded, kept = run(4_000)
    assert kept >= 2  # "there five", "your looking", "your results", ...
    bounded, kept = run(1)
    assert kept == 1
    assert bounded == unbounded
    assert ("GRAM002", DRAFT.index("there five"), ("their",)) in bounded


def test_verb_positions_are_kept_compact() -> None:
    from array import array

    from linter.packs.grammar.number import verb_positions

    doc = build_document("draft.txt", DRAFT, None, None)
    found, numbers = verb_positions(doc)
    assert isinstance(found, array) and found.itemsize == 4
    assert [doc.lower_words[k] for k in found] == ["was"]  # "said": no number
    assert numbers["was"] == "sg"


def test_confusables_are_kept_as_columns_and_read_back_whole() -> None:
    from linter.packs.grammar import confusables

    doc = build_document("draft.txt", DRAFT, None, None)
    items = confusables._confusables(doc)
    assert [(it.k, it.key, it.choice) for it in items if it.choice] == [
        (3, (2, " players put there bags on"), "their"),
        (11, (3, "It was more then enough"), "than"),
        (23, (2, " coach said its over"), "it's"),
    ]
    assert list(items.chosen()) == [(3, "their"), (11, "than"), (23, "it's")]
    assert next(it.key for it in items if not it.choice) == (2, "They sold there five best")
    assert len(items) == 7 and items._k.itemsize == 4


def test_split_model_rows_let_the_text_go(tmp_path, cache_home) -> None:
    from linter.language.tagger import KeptRows, _SortedRows

    source = tmp_path / "model.tsv"
    text = "header\nw\tapple\tNN:1\nw\tbe\tVB:2\nw\tcar\tNN:3\ns\tly\tRB:1\n"
    source.write_text(text)
    rows = _SortedRows(text, source)
    assert len(rows) == 3 and list(rows) == ["apple", "be", "car"]
    kept = rows._rows
    assert isinstance(kept, KeptRows)
    kept.LIMIT = 1
    assert rows.get("apple") == "NN:1" and rows.get("be") == "VB:2"  # the second splits
    assert kept.text == ""
    assert rows.get("car") == "NN:3" and rows.get("zebra") is None
    assert len(rows) == 3 and list(rows) == ["apple", "be", "car"]
