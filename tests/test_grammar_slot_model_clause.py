"""The slot model's clause features (issue 14, seventh round): whether the slot's clause
holds a finite verb before and after it, and what the next word is, read only by the full
model; checked on the features themselves, word by word."""

from __future__ import annotations

from typing import NamedTuple

from linter.packs.grammar.slot_model import clause_features


class Tok(NamedTuple):
    low: str
    text: str
    gap: str


def toks(sentence: str) -> list[Tok]:
    out = []
    for n, word in enumerate(sentence.replace(",", " ,").split()):
        if word == ",":
            continue
        gap = ", " if out and sentence.split(word)[0].rstrip().endswith(",") else " "
        out.append(Tok(word.lower(), word, "" if n == 0 else gap))
    return out


def test_a_verb_before_the_slot_and_none_after() -> None:
    words = toks("The company cut its forecast for the year")
    assert clause_features(words, 3, True, True) == ["cv=y|n", "vp=NN|ny"]


def test_no_verb_before_and_a_verb_after() -> None:
    words = toks("Its forecast rose sharply")
    assert clause_features(words, 0, True, True) == ["cv=n|y", "vp=NN|yn"]


def test_a_comma_ends_the_clause_and_the_window_may_not_reach_its_start() -> None:
    words = toks("When we left, their car was gone")
    assert clause_features(words, 3, True, True)[0] == "cv=n|y"
    assert clause_features(words[1:], 2, False, True)[0] == "cv=n|y"
    far = toks("one two three four five six seven eight their car")
    assert clause_features(far, 8, False, True)[0] == "cv=?|n"
