"""The slot model (``linter.packs.grammar.slot_model``): a classifier of the slot a
confusable stands in, trained on clean text (bench/grammar_build_slot_model.py). It speaks
through GRAM002 where no context rule decided, only when it is sure; checked on slips the
rules miss (rule, line, column, suggestion) and on correct sentences with the same words."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.packs.grammar import slot_model
from linter.runner import lint_text


def confusables(text: str) -> list[tuple[str, int, int, tuple[str, ...]]]:
    return [
        (f.rule, f.line, f.column, f.suggestions)
        for f in lint_text(text, "draft.txt", select=["GRAM001", "GRAM002"])
    ]


def test_slips_no_context_rule_decides_are_read_from_the_slot():
    text = "Note\n\nIf your looking for work, call us.\nWhose there? It was more fun then work.\n"
    assert confusables(text) == [
        ("GRAM002", 3, 4, ("you're",)),  # If your looking
        ("GRAM002", 4, 1, ("Who's",)),  # Whose there?
        ("GRAM002", 4, 30, ("than",)),  # more fun then work
    ]


def test_the_same_words_in_correct_sentences_stay():
    text = (
        "Note\n\nIf your work is done, call us. Whose is it? Then she left.\n"
        "Was their plan a good one? He said they're the best team. It was fun, then work.\n"
        "Its chief said its shares fell. Who's there? You're looking well.\n"
    )
    assert confusables(text) == []


def test_than_as_written_is_never_judged_by_the_model():
    assert slot_model.WRITTEN_MAX["than"] == 0.0
    assert confusables("Note\n\nIt is much easier to fix now, when it is new, than later.\n") == []


def test_a_draft_without_a_confusable_does_not_load_the_model(monkeypatch):
    monkeypatch.setattr(slot_model, "_MODEL", {})
    monkeypatch.setattr(slot_model, "_DECIDED", {})  # decisions are kept by phrasing
    lint_text("Note\n\nThe vote was held on Monday.\n", "draft.txt", select=["GRAM002"])
    assert slot_model._MODEL == {}
    lint_text("Note\n\nIf your looking for work, call us.\n", "draft.txt", select=["GRAM002"])
    assert "model" in slot_model._MODEL


def test_a_bad_row_names_the_file_and_line(tmp_path: Path):
    path = tmp_path / "slot_model.tsv"
    path.write_text("# header\nits\tn1=the\t1 2 3\nits n1=a 1 2\n", "utf-8")
    with pytest.raises(ValueError, match=r"slot_model.tsv:3: bad slot-model row"):
        slot_model.SlotModel(path)  # not three fields: found on loading
    path.write_text("# header\nits\tn1=the\t1 2 3\n", "utf-8")
    with pytest.raises(ValueError, match=r"slot_model.tsv:2: bad slot-model row"):
        slot_model.SlotModel(path).row("its", "n1=the")  # three weights for two readings


def test_the_shipped_table_is_small_and_covers_every_set():
    model = slot_model.model()
    assert all(model.features_of(name) > 100 for name in slot_model.SETS)
    assert all(model.pair_weight[name] > 0 for name in slot_model.SETS)
    from linter.packs.grammar.common import data_dir

    assert (data_dir() / "slot_model.tsv").stat().st_size < 300_000
