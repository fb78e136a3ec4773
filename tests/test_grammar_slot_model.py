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


def test_slips_of_the_new_sets_are_read_from_the_slot():
    text = (
        "Note\n\nThe dog got lose and ran away.\n"
        "This is the place were the fire started.\n"
        "He gave good advise to the board. The storm had a big affect on prices.\n"
    )
    assert confusables(text) == [
        ("GRAM002", 3, 13, ("loose",)),  # got lose and
        ("GRAM002", 4, 19, ("where",)),  # the place were the fire
        ("GRAM002", 5, 14, ("advice",)),  # good advise to
        ("GRAM002", 5, 55, ("effect",)),  # a big affect on
    ]


def test_the_new_sets_leave_correct_sentences_with_the_same_words():
    text = (
        "Note\n\nPrices were higher in March. This is the place where the fire started.\n"
        "I'll show you where to go. He gave good advice to the board. Please advise us.\n"
        "The storm had a big effect on prices. Rules affect trade. Don't lose your keys.\n"
        "The dog got loose and ran away. Prices were higher in March.\n"
        "She will lead the team. The past week was hard. It was quite a shock. It is quiet.\n"
        "We don't know whether the weather will hold. Take a deep breath and breathe.\n"
    )
    assert confusables(text) == []


def _slot(sentence: str, word: str):
    """The window the model reads around the first ``word`` of ``sentence``."""
    from linter.formats import build_document
    from linter.packs.grammar.tokens import sentence_tokens

    doc = build_document("t.txt", f"Note\n\n{sentence}\n", None, None)
    toks = sentence_tokens(doc)[-1]
    k = [t.low for t in toks].index(word)
    a, b = max(k - slot_model.BACK, 0), min(k + slot_model.AHEAD, len(toks) - 1)
    return toks[a : b + 1], k - a, a == 0, b == len(toks) - 1


@pytest.mark.parametrize(
    ("sentence", "word", "unsure"),
    [
        ("As to the anger in the town, you'll weather it.", "weather", False),  # a verb
        ("We are glad to help lead this new effort.", "lead", False),  # a bare verb
        ("Might this too be a trick?", "too", True),  # "too" as "also"
        ("The knot came lose, then to of them fell.", "to", True),  # never "two"
    ],
)
def test_guards_keep_the_readings_a_slot_allows(sentence: str, word: str, unsure: bool):
    from linter.packs.grammar.common import data_dir
    from linter.packs.grammar.confusables import _load_bigrams
    from linter.packs.grammar.confusion_model import Bigrams

    pairs = _load_bigrams(data_dir() / "bigrams.tsv", Bigrams)
    window, i, first, last = _slot(sentence, word)
    name = slot_model.SET_OF[word]
    prev, nxt = slot_model.context(window, i, first, last)
    probs = slot_model.model().probabilities(
        name,
        slot_model.features(window, i, first, last),
        slot_model.pair_scores(slot_model.SETS[name], prev, nxt, pairs),
    )
    if unsure:  # the model alone would call the word wrong: the guard keeps it
        assert probs[slot_model.SETS[name].index(word)] <= slot_model.WRITTEN_MAX[word]
        assert max(probs) >= slot_model.RIVAL_MIN
    else:  # near the threshold: the guard reads the slot as a verb's
        assert slot_model._verb_slot(window, i)
    assert slot_model.decide(window, i, first, last, pairs) is None


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


def _blocked_table(extra: dict[str, list[str]]) -> str:
    """A table in the build's layout (each set's rows together, its "@pairs" row first),
    with ``extra`` lines at the end of some sets' blocks."""
    lines = ["# header"]
    for name, words in slot_model.SETS.items():
        lines += [f"{name}\t@pairs\t500", f"{name}\tb\t" + " ".join(["7"] * len(words))]
        lines += extra.get(name, [])
    return "\n".join(lines) + "\n"


def test_a_set_read_in_one_split_equals_its_lines_read_one_by_one():
    model = slot_model.model()
    fresh = slot_model.SlotModel(model.path)
    for name in slot_model.SETS:
        start, end = fresh._blocks[name]
        assert model.names(name) == list(fresh._check_rows(start, end, frozenset({name}))[name])
        assert model._table(name) == fresh._check_rows(start, end, frozenset({name}))[name]


def test_a_bad_row_in_a_set_s_block_names_the_file_and_line(tmp_path: Path):
    path = tmp_path / "slot_model.tsv"
    path.write_text(_blocked_table({"were": ["# a note", "", "were\tn1=a\t1 2 3"]}), "utf-8")
    table = slot_model.SlotModel(path)  # a comment and a blank line in a block are fine
    assert table.row("were", "n1=a") == (0.001, 0.002, 0.003)
    assert table.row("were", "b") == (0.007,) * 3
    bad = {"to": ["to\tn1=a\t1 2 3", "to n1=b 1 2 3"], "advice": ["advice\tx\ty\tz"]}
    path.write_text(_blocked_table(bad), "utf-8")
    table = slot_model.SlotModel(path)  # a set's rows are checked when it is first read
    assert table.row("its", "b") == (0.007, 0.007)
    line = 2 * list(slot_model.SETS).index("to") + 5
    with pytest.raises(ValueError, match=rf"slot_model.tsv:{line}: bad slot-model row"):
        table.row("to", "n1=a")
    with pytest.raises(ValueError, match=r"slot_model.tsv:\d+: bad slot-model row"):
        table.row("advice", "b")  # four cells


def test_the_shipped_table_is_small_and_covers_every_set():
    model = slot_model.model()
    assert all(model.features_of(name) > 100 for name in slot_model.SETS)
    # the word-pair table covers the first five sets; the others' pair weight may be 0
    assert all(model.pair_weight[name] > 0 for name in list(slot_model.SETS)[:5])
    assert all(model.pair_weight[name] >= 0 for name in slot_model.SETS)
    from linter.packs.grammar.common import data_dir

    assert (data_dir() / "slot_model.tsv").stat().st_size < 600_000
