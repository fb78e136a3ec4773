"""The word lists' layout: one word a line in fixed-width groups (``build_data.list_text``),
read in place before hashing and from split lists after it, with the same answers as the
older layout without line breaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.language.lexicon import Lexicon, WordList, data_dir
from linter.packs.spelling.build_data import list_text

WORDS = ["a", "I", "an", "ox", "Bob", "Zoe", "cat", "dog", "it's", "Alice", "apple", "zebra"]


def old_layout(words: list[str]) -> str:
    """The layout before issue 18: the same header without ``lines``, no line breaks."""
    text, ordered = list_text(words)
    header = text[: text.index("\n")].removeprefix("lines ")
    return header + "\n" + "".join(ordered)


@pytest.fixture
def lists(tmp_path: Path) -> tuple[WordList, WordList]:
    new, old = tmp_path / "new.words", tmp_path / "old.words"
    new.write_text(list_text(WORDS)[0], "ascii")
    old.write_text(old_layout(WORDS), "ascii")
    return WordList(new), WordList(old)


def test_list_text_writes_one_word_a_line() -> None:
    text, ordered = list_text(["dog", "a", "cat", "Bob", "it's"])
    assert text == "lines 1:1 3:3 4:1\na\nBob\ncat\ndog\nit's\n"
    assert ordered == ["a", "Bob", "cat", "dog", "it's"]


def test_both_layouts_answer_alike(lists: tuple[WordList, WordList]) -> None:
    new, old = lists
    assert (new.sep, old.sep) == (1, 0)
    assert new.groups.keys() == old.groups.keys()
    for word in [*WORDS, "bob", "cow", "zoe", "its", "b", "apples", ""]:
        assert new.index(word) == old.index(word), word
    assert new.index("cat") == sorted(WORDS, key=lambda w: (len(w), w)).index("cat")
    for n in (1, 2, 3, 5):
        assert new.words(n) == old.words(n) == sorted(w for w in WORDS if len(w) == n)
    assert new.ending_with("t") == old.ending_with("t") == ["cat"]
    assert new.starting_with("a", 5) == old.starting_with("a", 5) == ["apple"]


def test_split_all_lets_the_text_go_and_answers_the_same(
    lists: tuple[WordList, WordList],
) -> None:
    new, _ = lists
    before = {w: new.index(w) for w in [*WORDS, "cow", "apples"]}
    ending = new.ending_with("e")
    holding = new.ending_with("'", anywhere=True)
    assert holding == ["it's"]
    new.split_all()
    assert new.body == ""
    assert new.ending_with("'s") == ["it's"] and new.ending_with("'", anywhere=True) == holding
    assert {w: new.index(w) for w in before} == before
    assert new.ending_with("e") == ending == ["Zoe", "Alice", "apple"]
    assert new.starting_with("z", 5) == ["zebra"]


def test_committed_lists_use_the_line_layout() -> None:
    for path in sorted(data_dir().glob("*.words")):
        lst = WordList(path)
        assert lst.sep == 1, path.name
        offset, count, _ = lst.groups[max(lst.groups)]
        assert lst.body.endswith("\n") and len(lst.body) == offset + (max(lst.groups) + 1) * count


def test_hashed_lexicon_keeps_its_answers() -> None:
    lex = Lexicon("en-US")
    words = [w for lst in lex.lists for n in (3, 7, 11) for w in lst.words(n)[::401]]
    words += ["colour", "Colour", "recieve", "Paris", "paris", "it's", "zzzq"]
    before = {w: (w in lex, lex.zipf(w), lex.other_dialect(w)) for w in words}
    lex.lower_words()
    assert all(lst.body == "" for lst in lex.lists)
    fresh = Lexicon("en-US")  # nothing hashed: answered from the text in place
    for w in words:
        assert (w in lex, lex.zipf(w), lex.other_dialect(w)) == before[w], w
        assert fresh.zipf(w) == before[w][1], w


def rows_by_loop(text: str) -> dict[str, str]:
    rows = {}
    for line in ("\n" + text).split("\n"):
        if line and line[0] != "#":
            word, _, found = line.partition(" ")
            rows[word] = found
    return rows


@pytest.mark.parametrize(
    "text",
    [
        "# lists 0\nabe able age\nsid said side\n",
        "# lists 0\nabe able\n\nsid said\n",  # a blank line
        "# lists 0\nabe\nsid said\n",  # a row without candidates
        "# lists 0\nabe able\n# note\nsid said\n",  # a comment past the header
        "# lists 0\n",
        "",
    ],
)
def test_suspects_rows_split_as_written(text: str) -> None:
    from linter.packs.spelling.suspects import Suspects

    rows = Suspects(text)._rows()
    assert rows == rows_by_loop(text) and list(rows) == list(rows_by_loop(text))


def test_committed_suspects_rows() -> None:
    from linter.packs.spelling.suspects import Suspects

    text = (data_dir() / "en-US.suspects").read_text("ascii")
    rows = Suspects(text)._rows()
    assert rows == rows_by_loop(text)
    assert "said" in rows["sid"].split()


def test_numbers_are_no_compound_words() -> None:
    from linter.formats import build_document
    from linter.packs.spelling.draft import _compound_words

    doc = build_document("x.txt", "In 2019 the rock'n'roll band's 1990s hits sold 40 copies.\n")
    assert sorted(_compound_words(doc)) == ["1990s", "band's", "rock'n'roll"]
