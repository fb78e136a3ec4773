"""The per-document and per-process memo helpers."""

from linter.formats import build_document
from linter.memo import BoundedMemo, PerDocument


def test_per_document_value_is_computed_once_per_document():
    calls = []

    def count_words(doc):
        calls.append(doc.path)
        return len(doc.prose.split())

    key = PerDocument("word count", count_words)
    one = build_document("a.txt", "one two three\n")
    two = build_document("b.txt", "four five\n")
    assert key.of(one) == 3
    assert key.of(one) == 3
    assert key.of(two) == 2
    assert calls == ["a.txt", "b.txt"]


def test_bounded_memo_empties_when_full():
    memo: BoundedMemo[str, int] = BoundedMemo(limit=2)
    memo.remember("a", 1)
    memo.remember("b", 2)
    assert len(memo) == 2
    memo.remember("c", 3)
    assert dict(memo) == {"c": 3}


def test_recompute_replaces_the_kept_value():
    state = {"n": 1}
    key = PerDocument("n", lambda doc: state["n"])
    doc = build_document("a.txt", "text\n")
    assert key.of(doc) == 1
    state["n"] = 2
    assert key.of(doc) == 1  # kept
    assert key.recompute(doc) == 2
    assert key.of(doc) == 2
