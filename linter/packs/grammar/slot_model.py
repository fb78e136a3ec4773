"""A statistical model of the slot a confusable stands in (its/it's, their/there/they're...).

For each confusion set, a multinomial logistic regression over the words and word classes
around the slot (the previous two words, the next two, the next words' tag candidates,
whether a finite verb follows, the sentence's start and end, punctuation) and the Google
Books word-pair score of each reading. It is trained at build time on clean public text, the
word as written being the label (``bench/grammar_build_slot_model.py``), and shipped as a
table of feature weights (``rules/grammar/data/slot_model.tsv``); at run time a decision is a
few dictionary lookups. The table loads on the first confusable that reaches the model.

The model only speaks when it is sure (``decide``): the written word must be implausible in
the slot and a rival very likely; the thresholds were set on development data and on
held-out folds of the training text, where the model was trained on nothing it is tested on.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

# The confusion sets the model decides, by name; the order of a set is the order of its
# weights in the table.
SETS: dict[str, tuple[str, ...]] = {
    "its": ("its", "it's"),
    "their": ("their", "there", "they're"),
    "your": ("your", "you're"),
    "whose": ("whose", "who's"),
    "than": ("than", "then"),
}
SET_OF = {word: name for name, words in SETS.items() for word in words}
BACK, AHEAD = 2, 4  # the window the features read
FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
TAG_MIN = 0.25  # a tag candidate below this share is not a feature
BIGRAM_FLOOR = -12.0  # a reading's word-pair score below the best one's, clipped here
# The words the model judges as the cue index spells them (lower case, either apostrophe).
CUE_FORMS = frozenset(form for word in SET_OF for form in (word, word.replace("'", "’")))


class TokLike(Protocol):
    @property
    def low(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def gap(self) -> str: ...


class PairScore(Protocol):
    def score(self, prev: str, word: str, nxt: str) -> float: ...


def _tags(word: str) -> list[str]:
    from linter.language import candidates

    return [tag for tag, share in candidates(word).items() if share >= TAG_MIN]


def _top(word: str) -> str:
    from linter.language import candidates

    cands = candidates(word)
    return max(cands, key=cands.__getitem__) if cands else "?"


def _punct(gap: str) -> str:
    """The last punctuation mark of a gap ('' when it holds only spaces)."""
    mark = gap.strip()
    return mark[-1] if mark else ""


def context(toks: Sequence[TokLike], i: int, first: bool, last: bool) -> tuple[str, str]:
    """The previous and next word as the word-pair model reads them ('' across punctuation
    or a sentence's edge). ``first``: ``toks[0]`` opens its sentence; ``last``: the
    sentence ends after ``toks[-1]``."""
    prev = toks[i - 1].low if i and not _punct(toks[i].gap) else ""
    nxt = toks[i + 1].low if i + 1 < len(toks) and not _punct(toks[i + 1].gap) else ""
    return prev, nxt


def features(toks: Sequence[TokLike], i: int, first: bool, last: bool) -> list[str]:
    """The features of the slot ``toks[i]`` (the word itself is not one of them)."""
    out = ["b"]
    n = len(toks)
    # before: the previous two words, a punctuation mark, or the sentence's start
    mark = _punct(toks[i].gap)
    if mark:
        p1 = "P" + mark
    elif i == 0:
        p1 = "<s>" if first else "?"
    else:
        p1 = toks[i - 1].low
    out.append("p1=" + p1)
    if i >= 1 and not mark:
        mark2 = _punct(toks[i - 1].gap)
        p2 = "P" + mark2 if mark2 else (toks[i - 2].low if i >= 2 else ("<s>" if first else "?"))
        out.append("p2=" + p2)
        out.append("p21=" + p2 + "|" + p1)
        out.extend("t-1=" + tag for tag in _tags(p1))
    start = p1 == "<s>" or (mark in '.:;!?"“”(' and mark != "")
    if start:
        out.append("start")
    # after: the next two words, their word classes, a finite verb further on
    if i + 1 >= n:
        n1 = "</s>" if last else "?"
        out.append("n1=" + n1)
        out.append("p1n1=" + p1 + "|" + n1)
        return out
    mark = _punct(toks[i + 1].gap)
    if mark:
        n1 = "P" + mark
        out.append("n1=" + n1)
        out.append("p1n1=" + p1 + "|" + n1)
        return out
    nxt = toks[i + 1]
    n1 = nxt.low
    out.append("n1=" + n1)
    out.append("p1n1=" + p1 + "|" + n1)
    if nxt.text[:1].isupper():
        out.append("cap1")
    tags1 = _tags(n1)
    out.extend("t+1=" + tag for tag in tags1)
    out.append("s+1=" + n1[-2:])
    top1 = _top(n1)
    if i + 2 >= n:
        n2 = "</s>" if last else "?"
        out.append("n2=" + n2)
        out.append("n12=" + n1 + "|" + n2)
        out.append("t12=" + top1 + "|" + n2)
        return out
    mark = _punct(toks[i + 2].gap)
    n2 = "P" + mark if mark else toks[i + 2].low
    out.append("n2=" + n2)
    out.append("n12=" + n1 + "|" + n2)
    if mark:
        out.append("t12=" + top1 + "|" + n2)
        return out
    top2 = _top(n2)
    out.append("t12=" + top1 + "|" + top2)
    out.extend("t+2=" + tag for tag in _tags(n2))
    for j in range(i + 2, min(i + AHEAD + 1, n)):
        if j > i + 2 and _punct(toks[j].gap):
            break
        if _top(toks[j].low) in FINITE:
            out.append(f"fin{j - i}")
            break
    return out


def pair_scores(words: Sequence[str], prev: str, nxt: str, pairs: PairScore | None) -> list[float]:
    """Each reading's word-pair score, relative to the best one (0 for the best)."""
    if pairs is None:
        return [0.0] * len(words)
    scores = [pairs.score(prev, word, nxt) for word in words]
    best = max(scores)
    return [max(s - best, BIGRAM_FLOOR) for s in scores]


class SlotModel:
    """The weights of each set: ``weights[set][feature]`` is one weight per reading, and
    ``pair_weight[set]`` multiplies the readings' word-pair scores."""

    def __init__(self, path: Path) -> None:
        self.weights: dict[str, dict[str, tuple[float, ...]]] = {name: {} for name in SETS}
        self.pair_weight: dict[str, float] = {name: 0.0 for name in SETS}
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line or line.startswith("#"):
                continue
            try:
                name, feature, values = line.split("\t")
                weights = tuple(int(v) / 1000 for v in values.split())
                if feature == "@pairs":
                    self.pair_weight[name] = weights[0]
                elif len(weights) == len(SETS[name]):
                    self.weights[name][feature] = weights
                else:
                    raise ValueError("wrong number of weights")
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path}:{number}: bad slot-model row ({exc})") from None

    def probabilities(self, name: str, feats: Sequence[str], pairs: Sequence[float]) -> list[float]:
        """P(reading | slot) for each reading of set ``name``."""
        table = self.weights[name]
        beta = self.pair_weight[name]
        logits = [beta * s for s in pairs]
        for feature in feats:
            row = table.get(feature)
            if row is not None:
                for k, w in enumerate(row):
                    logits[k] += w
        top = max(logits)
        exps = [math.exp(x - top) for x in logits]
        total = sum(exps)
        return [e / total for e in exps]


_MODEL: dict[str, SlotModel] = {}


def model() -> SlotModel:
    """The shipped model, loaded on first use."""
    found = _MODEL.get("model")
    if found is None:
        from linter.packs.grammar.common import data_dir

        found = _MODEL["model"] = SlotModel(data_dir() / "slot_model.tsv")
    return found


# A word is flagged only when the model gives it, as written, at most WRITTEN_MAX and the
# rival at least RIVAL_MIN. Set on development data, cross-validation and clean text the
# model never saw (docs/grammar.md). Contractions are rare in the training text, so the
# model must be surer to call one wrong; "than" is never judged (a comparative can lie
# further back than the model reads: "easier now, when ..., than later").
WRITTEN_MAX: dict[str, float] = {
    "its": 0.003,
    "it's": 0.003,
    "their": 0.001,
    "there": 0.001,
    "they're": 0.0003,
    "your": 0.003,
    "you're": 0.001,
    "whose": 0.003,
    "who's": 0.003,
    "then": 0.003,
    "than": 0.0,
}
RIVAL_MIN = 0.9


def decide(
    toks: Sequence[TokLike], i: int, first: bool, last: bool, pairs: PairScore | None
) -> str | None:
    """The reading the model is sure of instead of ``toks[i]``, or None."""
    written = toks[i].low
    name = SET_OF.get(written)
    if name is None:
        return None
    words = SETS[name]
    prev, nxt = context(toks, i, first, last)
    probs = model().probabilities(
        name, features(toks, i, first, last), pair_scores(words, prev, nxt, pairs)
    )
    k = words.index(written)
    if probs[k] > WRITTEN_MAX[written]:
        return None
    if "'" in written and i + 1 < len(toks) and toks[i + 1].text[:1].isupper():
        return None  # "they're Lunnon folk": a name after a contraction, speech
    best = max(range(len(words)), key=probs.__getitem__)
    return words[best] if best != k and probs[best] >= RIVAL_MIN else None


# Decisions by the window's text (see ``confusables.MEMO_LIMIT``): a phrasing is judged once.
_DECIDED: dict[tuple[int, str, bool], str | None] = {}
MEMO_LIMIT = 200_000


def decide_at(ix, k: int, pairs: PairScore | None) -> str | None:
    """``decide`` for word ``k`` of a cue index (``linter.packs.grammar.cue_index``)."""
    a, b, first = ix.bounds(k, BACK, AHEAD)
    gap_start = ix.gap_start(a, first)
    last = ix.breaks_after(b)
    key = (k - a, ix.text_of(a, b, gap_start), last)
    found = _DECIDED.get(key, "?")
    if found != "?":
        return found
    if len(_DECIDED) > MEMO_LIMIT:
        _DECIDED.clear()
    choice = _DECIDED[key] = decide(ix.tokens(a, b, gap_start), k - a, first, last, pairs)
    return choice
