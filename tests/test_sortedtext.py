"""Data tables searched in place (``linter.sortedtext``): the committed files must stay
sorted by key, and a lookup must answer as a dict of the rows would."""

from __future__ import annotations

from pathlib import Path

from linter.packs.grammar.confusion_model import Bigrams
from linter.sortedtext import SortedRows, find_row

BIGRAMS = Path(__file__).resolve().parents[1] / "rules" / "grammar" / "data" / "bigrams.tsv"


def _rows(text: str) -> dict[str, str]:
    rows = [line.split("\t") for line in text.splitlines()[1:] if line]
    return {key: value for key, value in rows}


def test_bigram_file_sorted_by_key_with_unique_keys():
    keys = list(_rows(BIGRAMS.read_text("utf-8")))
    assert keys == sorted(keys)
    assert len(keys) == len(BIGRAMS.read_text("utf-8").splitlines()) - 1


def test_bigrams_answer_as_a_dict_of_the_rows():
    rows = _rows(BIGRAMS.read_text("utf-8"))
    model = Bigrams(BIGRAMS)
    for key in list(rows)[::37]:
        for probe in (key, key + "x", key[:-1], " " + key, key.upper()):
            a, space, b = probe.partition(" ")
            expected = float(rows[probe]) if probe in rows else model.floor
            assert (model.pair(a, b) if space else model.unigram(a)) == expected, probe
    assert model.known("more", "than") == ("more than" in rows)


def test_find_row_on_a_small_table():
    text = "# header\n=a\t1\n=ab\t2\n=b c\t3\n=zz\t\n"
    start, end = text.index("\n") + 1, len(text)
    assert [find_row(text, start, end, k, skip=1) for k in ("a", "ab", "b c", "zz")] == [
        "1",
        "2",
        "3",
        "",
    ]
    for missing in ("", "b", "aa", "zzz", "\t", "=a", "header"):
        assert find_row(text, start, end, missing, skip=1) is None, missing
    assert find_row("", 0, 0, "a") is None


def test_sorted_rows_hash_the_table_after_many_lookups():
    text = "# header\n=a\t1\n=ab\t2\n=b c\t3\n=zz\t\n"
    rows = SortedRows(text, text.index("\n") + 1, len(text), skip=1)
    rows.LIMIT = 3
    probes = ["a", "ab", "b c", "zz", "", "b", "aa", "=a", "header"] * 2
    got = [rows.get(k, "-") for k in probes]
    assert got == [{"a": "1", "ab": "2", "b c": "3", "zz": ""}.get(k, "-") for k in probes]
    assert rows._rows is not None  # hashed after the third lookup


def test_sorted_rows_bisect_each_key_once(monkeypatch):
    """A key asked for again (a draft repeats its words) is answered from what its first
    lookup found, rows and misses alike, without bisecting the text again; only distinct
    keys count towards hashing the table."""
    from linter import sortedtext

    text = "# header\n=a\t1\n=ab\t2\n=b c\t3\n=zz\t\n"
    rows = SortedRows(text, text.index("\n") + 1, len(text), skip=1)
    rows.LIMIT = 3
    searched: list[str] = []
    real = sortedtext.find_row

    def counted(text, lo, hi, key, skip=0):
        searched.append(key)
        return real(text, lo, hi, key, skip)

    monkeypatch.setattr(sortedtext, "find_row", counted)
    probes = ["a", "b", "a", "zz", "b", "a", "zz"]
    assert [rows.get(k, "-") for k in probes] == ["1", "-", "1", "", "-", "1", ""]
    assert searched == ["a", "b", "zz"] and rows._rows is None
    assert rows.get("ab") == "2" and rows._rows is not None  # a fourth key: hashed
