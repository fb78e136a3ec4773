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
from collections.abc import Iterator, Sequence
from heapq import nlargest
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
    "were": ("were", "where", "we're"),
    "to": ("to", "too", "two"),
    "affect": ("affect", "effect"),
    "lose": ("lose", "loose"),
    "lead": ("lead", "led"),
    "passed": ("passed", "past"),
    "quite": ("quite", "quiet"),
    "whether": ("whether", "weather"),
    "principal": ("principal", "principle"),
    "breath": ("breath", "breathe"),
    "advice": ("advice", "advise"),
}
SET_OF = {word: name for name, words in SETS.items() for word in words}
BACK, AHEAD = 2, 4  # the window the word and tag features read
# The full model's window (``decide_at``): the clause features read this far either side.
CLAUSE_BACK, CLAUSE_AHEAD = 6, 6
FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})
TAG_MIN = 0.25  # a tag candidate below this share is not a feature
BIGRAM_FLOOR = -12.0  # a reading's word-pair score below the best one's, clipped here
MEMO_LIMIT = 200_000  # entries in a run-wide memo before it starts afresh


class TokLike(Protocol):
    @property
    def low(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def gap(self) -> str: ...


class PairScore(Protocol):
    def score(self, prev: str, word: str, nxt: str) -> float: ...


def _classes(word: str) -> tuple[tuple[str, ...], str]:
    """A word's tag candidates with at least TAG_MIN of its uses, and its likeliest tag;
    kept per word for the run (bounded like the other memos)."""
    found = _CLASSES.get(word)
    if found is None:
        from linter.language import candidates

        cands = candidates(word)
        tags = tuple(tag for tag, share in cands.items() if share >= TAG_MIN)
        top = max(cands, key=cands.__getitem__) if cands else "?"
        if len(_CLASSES) > MEMO_LIMIT:
            _CLASSES.clear()
        found = _CLASSES[word] = (tags, top)
    return found


_CLASSES: dict[str, tuple[tuple[str, ...], str]] = {}


def _tags(word: str) -> tuple[str, ...]:
    return _classes(word)[0]


def _top(word: str) -> str:
    return _classes(word)[1]


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
    return (
        word_features(toks, i, first, last)
        + class_features(toks, i, first, last)
        + clause_features(toks, i, first, last)
    )


def _verbish(word: str) -> bool:
    """A word that may be a clause's verb: a finite form or a past participle ("cut",
    "made") among its tag candidates (``_tags``)."""
    return any(tag in FINITE or tag == "VBN" for tag in _tags(word))


CLAUSE_MARKS = '.,;:!?()"“”'
CLAUSE_FAMILIES = ("cv=", "vp=")


def clause_features(toks: Sequence[TokLike], i: int, first: bool, last: bool) -> list[str]:
    """Whether the slot's clause holds a verb (``_verbish``) before it and after the next
    word (up to CLAUSE_BACK/CLAUSE_AHEAD words; "?" where the window ends first), as one feature
    ("cv=y|n": "the company cut its forecast", "its forecast rose" / "it's likely"), and
    the likeliest tag of the next word with what comes after it ("vp=": a verb phrase or
    a noun phrase next). Read only by the full model, never by the gate."""
    n = len(toks)
    before = "?"
    j = i
    while True:
        if _punct(toks[j].gap) and _punct(toks[j].gap) in CLAUSE_MARKS:
            before = "n"
            break
        if j == 0:
            before = "n" if first else "?"
            break
        if i - j >= CLAUSE_BACK:
            break
        j -= 1
        if _verbish(toks[j].low):
            before = "y"
            break
    ahead = "?"
    for j in range(i + 1, min(i + CLAUSE_AHEAD + 1, n) + 1):
        if j >= n:
            ahead = "n" if last else "?"
            break
        mark = _punct(toks[j].gap)
        if mark and mark in CLAUSE_MARKS:
            ahead = "n"
            break
        if j > i + 1 and _verbish(toks[j].low):  # (the next word: "vp=")
            ahead = "y"
            break
    out = ["cv=" + before + "|" + ahead]
    if i + 1 < n and not _punct(toks[i + 1].gap):
        top1 = _top(toks[i + 1].low)
        out.append("vp=" + top1[:2] + "|" + ahead + before)
    return out


def _before(toks: Sequence[TokLike], i: int, first: bool) -> tuple[str, str]:
    """The mark before word ``i`` ('' for none) and the word or mark before it."""
    mark = _punct(toks[i].gap)
    if mark:
        return mark, "P" + mark
    if i == 0:
        return mark, "<s>" if first else "?"
    return mark, toks[i - 1].low


def word_features(toks: Sequence[TokLike], i: int, first: bool, last: bool) -> list[str]:
    """The features read from the words and marks alone (no lexicon): the gate's."""
    out = ["b"]
    n = len(toks)
    mark, p1 = _before(toks, i, first)
    out.append("p1=" + p1)
    if i >= 1 and not mark:
        mark2 = _punct(toks[i - 1].gap)
        p2 = "P" + mark2 if mark2 else (toks[i - 2].low if i >= 2 else ("<s>" if first else "?"))
        out.append("p2=" + p2)
        out.append("p21=" + p2 + "|" + p1)
    if p1 == "<s>" or (mark != "" and mark in '.:;!?"“”('):
        out.append("start")
    n1, mark = _word_after(toks, i + 1, last)
    out.append("n1=" + n1)
    out.append("p1n1=" + p1 + "|" + n1)
    if i + 1 >= n or mark:
        return out
    if toks[i + 1].text[:1].isupper():
        out.append("cap1")
    out.append("s+1=" + n1[-2:])
    n2, _ = _word_after(toks, i + 2, last)
    out.append("n2=" + n2)
    out.append("n12=" + n1 + "|" + n2)
    return out


def _word_after(toks: Sequence[TokLike], j: int, last: bool) -> tuple[str, str]:
    """The feature word at ``j`` after the slot (a punctuation mark before it stands in its
    place, "</s>" or "?" past the window's end) and that mark."""
    if j >= len(toks):
        return ("</s>" if last else "?"), ""
    mark = _punct(toks[j].gap)
    return ("P" + mark if mark else toks[j].low), mark


def class_features(toks: Sequence[TokLike], i: int, first: bool, last: bool) -> list[str]:
    """The features read from the neighbours' word classes (``linter.language``)."""
    return [feature for part, _ in class_stages(toks, i, first, last) for feature in part]


FAMILIES = ("t-1=", "t+1=", "t12=", "t+2=", "fin")


def class_stages(
    toks: Sequence[TokLike], i: int, first: bool, last: bool
) -> Iterator[tuple[list[str], tuple[str, ...]]]:
    """``class_features`` a word's look-up at a time: each part with the families still to
    come (``FAMILIES``), so that a caller may stop once the rest cannot matter. The fin
    part reads up to AHEAD words ahead; the others two."""
    n = len(toks)
    mark, p1 = _before(toks, i, first)
    yield (["t-1=" + tag for tag in _tags(p1)] if i >= 1 and not mark else []), FAMILIES[1:]
    if i + 1 >= n or _punct(toks[i + 1].gap):
        return
    n1 = toks[i + 1].low
    out = ["t+1=" + tag for tag in _tags(n1)]
    top1 = _top(n1)
    if i + 2 >= n:
        yield [*out, "t12=" + top1 + "|" + ("</s>" if last else "?")], ()
        return
    mark = _punct(toks[i + 2].gap)
    if mark:
        yield [*out, "t12=" + top1 + "|P" + mark], ()
        return
    yield out, FAMILIES[2:]
    n2 = toks[i + 2].low
    yield ["t12=" + top1 + "|" + _top(n2)] + ["t+2=" + tag for tag in _tags(n2)], FAMILIES[4:]
    for j in range(i + 2, min(i + AHEAD + 1, n)):
        if j > i + 2 and _punct(toks[j].gap):
            break
        if _top(toks[j].low) in FINITE:
            yield [f"fin{j - i}"], ()
            return
    yield [], ()


def pair_scores(words: Sequence[str], prev: str, nxt: str, pairs: PairScore | None) -> list[float]:
    """Each reading's word-pair score, relative to the best one (0 for the best)."""
    if pairs is None:
        return [0.0] * len(words)
    key = (words[0], prev, nxt)
    found = _PAIRS.get(key)
    if found is None:
        scores = [pairs.score(prev, word, nxt) for word in words]
        best = max(scores)
        if len(_PAIRS) > MEMO_LIMIT:
            _PAIRS.clear()
        found = _PAIRS[key] = [max(s - best, BIGRAM_FLOOR) for s in scores]
    return found


# By set, previous and next word: "of their", "in there." repeat on fresh text too.
_PAIRS: dict[tuple[str, str, str], list[float]] = {}


class SlotModel:
    """The weights of each set: one weight per reading for each feature (``row``), and
    ``pair_weight[set]``, which multiplies the readings' word-pair scores.

    The table holds each set's rows together, its "@pairs" row first (as the build writes
    it): a set's block is split into rows when the set is first asked for, and a row's
    weights when the row is (a run reads a few hundred of the 15,000 rows, and splitting
    them all costs more than a draft's confusables). A table without that layout is read
    whole on loading. A bad row is reported, with its file and line, when its set is read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._source = path.read_text("utf-8")
        self._text: dict[str, dict[str, str]] = {}
        self._rows: dict[str, dict[str, tuple[float, ...] | None]] = {name: {} for name in SETS}
        self.pair_weight: dict[str, float] = {name: 0.0 for name in SETS}
        self.bounds: dict[tuple[str, str], list[list[float]]] = {}  # ``family_bound``
        self._blocks: dict[str, tuple[int, int]] = {}
        source = self._source
        starts = [source.find(f"\n{name}\t@pairs\t") for name in SETS]
        if all(at >= 0 for at in starts) and starts == sorted(starts):
            ends = [*starts[1:], len(source)]
            self._check_rows(0, starts[0] + 1, frozenset())
            for name, at, end in zip(SETS, starts, ends, strict=True):
                self._blocks[name] = (at + 1, end)
                line_end = source.index("\n", at + 1)
                weight = source[at + 1 : line_end].split("\t")[2]
                self.pair_weight[name] = int(weight) / 1000 if weight.lstrip("-").isdigit() else 0.0
        else:
            for name, table in self._check_rows(0, len(source), frozenset(SETS)).items():
                self._text[name] = table
            for name in SETS:
                self._text.setdefault(name, {})
                row = self.row(name, "@pairs")
                self.pair_weight[name] = row[0] if row else 0.0

    def _check_rows(self, start: int, end: int, names: frozenset[str]) -> dict[str, dict[str, str]]:
        """The rows of ``source[start:end]`` by set, each set one of ``names``; a line that
        is not a comment, blank or such a row is an error naming the file and line."""
        tables: dict[str, dict[str, str]] = {}
        number = self._source.count("\n", 0, start)
        for line in self._source[start:end].splitlines():
            number += 1
            parts = line.split("\t")
            if len(parts) == 3 and parts[0] in names:
                tables.setdefault(parts[0], {})[parts[1]] = parts[2]
            elif line and not line.startswith("#"):
                raise ValueError(
                    f"{self.path}:{number}: bad slot-model row (not set, feature, weights)"
                )
        return tables

    def _table(self, name: str) -> dict[str, str]:
        """The rows of set ``name`` (feature: weights as text), split when first asked for."""
        found = self._text.get(name)
        if found is None:
            start, end = self._blocks[name]
            body = self._source[start:end].removesuffix("\n")
            cells = body.replace("\n", "\t").split("\t")
            sets, features, weights = cells[0::3], cells[1::3], cells[2::3]
            if (
                len(cells) % 3 == 0
                and sets.count(name) == len(sets)
                and "\n".join(map("\t".join, zip(sets, features, weights, strict=True))) == body
                and len(body.splitlines()) == len(sets)
            ):  # every line a row of three cells: split in a few calls
                found = dict(zip(features, weights, strict=True))
            else:  # a comment, a blank or a bad line: read line by line (and report it)
                found = self._check_rows(start, end, frozenset({name})).get(name, {})
            self._text[name] = found
        return found

    def row(self, name: str, feature: str) -> tuple[float, ...] | None:
        """The weights of ``feature`` in set ``name`` (None when the model has none)."""
        rows = self._rows[name]
        found = rows.get(feature, ())
        if found != ():
            return found
        text = self._table(name).get(feature)
        if text is None:
            # not kept: most features a run asks for are not in the model, and fresh text
            # keeps bringing new ones (the rows kept are bounded by the table)
            return None
        try:
            found = tuple([int(v) / 1000 for v in text.split()])
        except ValueError:
            found = ()
        if len(found) != (1 if feature == "@pairs" else len(SETS[name])):
            line = f"{name}\t{feature}\t{text}"
            number = self._source[: self._source.index(line)].count("\n") + 1
            raise ValueError(f"{self.path}:{number}: bad slot-model row (weights)")
        rows[feature] = found
        return found

    def names(self, name: str) -> list[str]:
        """The features set ``name`` has weights for."""
        return list(self._table(name))

    def features_of(self, name: str) -> int:
        """How many features set ``name`` has weights for."""
        return len(self._table(name))

    def probabilities(self, name: str, feats: Sequence[str], pairs: Sequence[float]) -> list[float]:
        """P(reading | slot) for each reading of set ``name``."""
        beta = self.pair_weight[name]
        logits = [beta * s for s in pairs]
        row_of = self.row
        for feature in feats:
            row = row_of(name, feature)
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
    "its": 0.01,
    "it's": 0.01,
    "their": 0.001,
    "there": 0.001,
    "they're": 0.0003,
    "your": 0.003,
    "you're": 0.001,
    "whose": 0.003,
    "who's": 0.001,
    "then": 0.003,
    "than": 0.0,
    "were": 0.001,
    "where": 0.0001,
    "we're": 0.0001,
    "to": 0.001,
    "too": 0.0001,
    "two": 0.0,
    "affect": 0.0001,
    "effect": 0.001,
    "lose": 0.003,
    "loose": 0.0001,
    "lead": 0.001,
    "led": 0.001,
    "passed": 0.001,
    "past": 0.0001,
    "quite": 0.001,
    "quiet": 0.0001,
    "whether": 0.003,
    "weather": 0.0001,
    "principal": 0.0001,
    "principle": 0.001,
    "breath": 0.003,
    "breathe": 0.003,
    "advice": 0.0003,
    "advise": 0.003,
}
RIVAL_MIN = 0.9
# The words the model judges, as the cue index spells them (lower case, either apostrophe):
# GRAM002 skips the rest ("than" among them) before it builds a window.
CUE_FORMS = frozenset(
    form for word in SET_OF if WRITTEN_MAX[word] > 0 for form in (word, word.replace("'", "’"))
)


# The gate: the full model is asked only when the words alone (``word_features``) give a
# rival at least e^GATE times the written word's odds. On held-out folds of the training
# text this passes 10-49% of the correct words (by set) and keeps 97-98% of the model's
# findings; the rest cost no lexicon look-up, word-pair score or wider window.
GATE = -2.0
# Stricter for the common words of the sets added last (issue 14, sixth round), which
# would otherwise double the slots the model reads on fresh text ("were" alone is as
# common as "their"); set by the folds (docs/grammar.md), where it keeps most findings.
GATE_OF: dict[str, float] = {word: -1.0 for name in list(SETS)[5:] for word in SETS[name]}
# Seventh round: "their" (0.94 of correct ones passed at -2, most of the model's reads on
# fresh text) at 0, "its"/"it's" at -1; the folds keep 99.1-99.5% of their findings.
GATE_OF.update({"their": 0.0, "its": -1.0, "it's": -1.0})


def word_margins(name: str, written: str, word_feats: Sequence[str]) -> list[float]:
    """Each reading's logit less the written word's from the word features alone."""
    words = SETS[name]
    m = _MODEL.get("model") or model()
    get = m._rows[name].get  # the rows read so far; ``row`` reads the others
    table = m._text.get(name) or m._table(name)  # (most features are in neither)
    found = []
    for feature in word_feats:
        row = get(feature)
        if row is None:
            if feature not in table:
                continue
            row = m.row(name, feature)
        if row:
            found.append(row)
    if not found:
        return [0.0] * len(words)
    logits = [sum(weights) for weights in zip(*found, strict=True)]  # in feature order
    own = logits[words.index(written)]
    return [x - own for x in logits]


def doubted(name: str, written: str, word_feats: Sequence[str]) -> bool:
    """Whether the words around the slot leave room for a rival (the gate)."""
    return _passes_gate(SETS[name], written, word_margins(name, written, word_feats))


def _passes_gate(words: Sequence[str], written: str, margins: Sequence[float]) -> bool:
    return max(x for k, x in enumerate(margins) if words[k] != written) >= GATE_OF.get(
        written, GATE
    )


# The tag features of a family ("t-1=", "t+1=", "t+2=") a slot can hold at once: a word's
# candidates with at least TAG_MIN of its uses (the shares sum to at most 1).
TAGS_AT_MOST = int(1 / TAG_MIN)
BOUND_SLACK = 1e-6  # the bound's rounding allowance (weights are thousandths)


def family_bound(m: SlotModel, name: str, family: str) -> list[list[float]]:
    """``[r][k]``: the most the features of ``family`` (one of ``FAMILIES``, or "pairs")
    can add to reading ``r``'s logit less reading ``k``'s, from the table alone: the
    TAGS_AT_MOST largest gains of a tag family, the largest of "t12=" and "fin" (a slot
    holds one of each); an absent feature adds nothing, so a gain below 0 counts as 0.
    Read when first asked for (a run asks for "fin" alone: 3-5 rows a set)."""
    found = m.bounds.get((name, family))
    if found is not None:
        return found
    n = len(SETS[name])
    if family == "pairs":  # a reading's word-pair score lies in [BIGRAM_FLOOR, 0]
        gain = abs(m.pair_weight[name] * BIGRAM_FLOOR)
        found = [[0.0 if r == k else gain for k in range(n)] for r in range(n)]
    else:
        names = (
            [f"fin{d}" for d in range(2, AHEAD + 1)]  # all a slot may hold (``class_stages``)
            if family == "fin"
            else [feature for feature in m.names(name) if feature.startswith(family)]
        )
        rows = [row for feature in names if (row := m.row(name, feature)) is not None]
        most = TAGS_AT_MOST if family in ("t-1=", "t+1=", "t+2=") else 1
        found = [
            [
                sum(g for g in nlargest(most, (row[r] - row[k] for row in rows)) if g > 0)
                for k in range(n)
            ]
            for r in range(n)
        ]
    m.bounds[(name, family)] = found
    return found


def may_flag(name: str, written: str, margins: Sequence[float], families: tuple[str, ...]) -> bool:
    """False when ``decide`` provably leaves the slot: ``margins`` (each reading's logit less
    the written word's, from the features read so far) plus the most the ``families`` yet
    unread can add still leave the written word more than WRITTEN_MAX of the probability.
    Exact (tests/test_grammar_slot_model_gate.py)."""
    key = (written, families)
    rest = _REST.get(key)
    if rest is None:
        words = SETS[name]
        k = words.index(written)
        m = model()
        rest = _REST[key] = [
            (r, sum(family_bound(m, name, family)[r][k] for family in families) + BOUND_SLACK)
            for r in range(len(words))
            if r != k
        ]
    # P(written) = 1 / (1 + the sum over rivals r of e^(logit r - logit written))
    total = 0.0
    for r, most in rest:
        total += math.exp(min(margins[r] + most, 700.0))
    return 1.0 / (1.0 + total) <= WRITTEN_MAX[written] * (1 + BOUND_SLACK)


# ``may_flag``'s rivals with the most the unread families add, by written word and families
_REST: dict[tuple[str, tuple[str, ...]], list[tuple[int, float]]] = {}


def reachable(
    name: str,
    written: str,
    margins: list[float],
    window: Sequence[TokLike],
    i: int,
    first: bool,
    last: bool,
    pairs: PairScore | None,
) -> bool:
    """Whether the model may flag the slot: its class features (``class_stages``) but
    the fin family, then the word-pair scores, with the most the fin family can add. Reads
    two words either side of ``window[i]``, not the four the full model reads, and skips
    building that window, the fin look-ups and the probabilities where the threshold is
    out of reach: on fresh text all but a few of the slots the gate passes. (Checks
    before the word-pair scores, with their bound of 12 times their weight, stopped none.)"""
    words = SETS[name]
    margins = list(margins)
    rest: tuple[str, ...] = FAMILIES
    for part, rest in class_stages(window, i, first, last):
        for j, x in enumerate(word_margins(name, written, part)):
            margins[j] += x
        if rest == ("fin",) or not rest:
            break
    k = words.index(written)
    prev, nxt = context(window, i, first, last)
    scores = pair_scores(words, prev, nxt, pairs)
    beta = model().pair_weight[name]
    margins = [x + beta * (s - scores[k]) for x, s in zip(margins, scores, strict=True)]
    return may_flag(name, written, margins, (*rest, *CLAUSE_FAMILIES))


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
    if best == k or probs[best] < RIVAL_MIN or words[best] in NEVER_SUGGESTED:
        return None
    if written in BARE_VERBS and i and _verb_slot(toks, i):
        return None  # "you'll weather it", "to help lead this": the verb
    if written == "too" and i and toks[i - 1].low in TOO_ALSO and not _punct(toks[i].gap):
        return None  # "could this too be": "too" is "also"
    if written in POSSESSIVES and _noun_phrase_ahead(toks, i):
        return None
    if "'" in written and words[best] in POSSESSIVES and _predicate_next(toks, i):
        return None
    return words[best]


def _predicate_next(toks: Sequence[TokLike], i: int) -> bool:
    """A participle or adjective that no noun follows may be the contraction's predicate
    ("saw it's forecast to rise"): the contraction may stand ("it's devastating loss" may
    not)."""
    from linter.language import candidates

    if i + 1 >= len(toks):
        return False
    nxt = toks[i + 1].low
    if nxt in ORDINALS:
        return True  # "it's first thing tomorrow", "it's second nature"
    cands = candidates(nxt)
    if cands.get("VBN", 0.0) + cands.get("VBG", 0.0) + cands.get("JJ", 0.0) < 0.1:
        return False
    if i + 2 >= len(toks) or _punct(toks[i + 2].gap):
        return True
    after = candidates(toks[i + 2].low)
    return after.get("NN", 0.0) + after.get("NNS", 0.0) < 0.8


# Never the model's suggestion: "were" -> "we're" misreads plain narrative ("Where going,
# Dave?" is speech), and "to" -> "two" is a number the model cannot count.
NEVER_SUGGESTED = frozenset({"we're", "two"})
# Nouns or adjectives that are also plain verbs: after a modal, "to" or "help"/"let"/"make"
# the verb may stand ("you'll weather it", "help lead this", "to quiet the crowd").
BARE_VERBS = frozenset({"lead", "weather", "quiet", "loose"})
VERB_BEFORE = frozenset(
    "to will would shall should can could may might must help helps helped let lets make "
    "makes made".split()
)
# Words before which "too" reads as "also" ("this too be", "it too has").
TOO_ALSO = frozenset("this that it he she they we i you these those".split())


def _verb_slot(toks: Sequence[TokLike], i: int) -> bool:
    """The word before slot ``i`` takes a bare verb (a modal, "to", "help"), with no mark
    between."""
    if _punct(toks[i].gap):
        return False
    prev = toks[i - 1].low
    return prev in VERB_BEFORE or prev.endswith(("'ll", "'d", "’ll", "’d"))


POSSESSIVES = frozenset({"its", "your", "their", "whose"})
ORDINALS = frozenset("first second third last next".split())
ARTICLES = frozenset({"a", "an", "the"})
TIME_ADJECTIVES = frozenset({"then", "now", "once"})  # "its then chief", "its now empty hall"


def _noun_phrase_ahead(toks: Sequence[TokLike], i: int) -> bool:
    """A number or a word that is mostly a noun before the clause goes on (a finite verb, a
    preposition, a mark), or a hyphened compound next: a noun phrase the possessive may
    head, as the slot rules hold ("its roughly 100 staff", "Its as yet unnamed successor",
    "its you-know-what"; not "If your looking for work", nor past an article)."""
    from linter.language import candidates

    n = len(toks)
    if i + 2 < n and "-" in toks[i + 2].gap:
        return True
    if i + 2 < n and toks[i + 1].low in TIME_ADJECTIVES and not _punct(toks[i + 2].gap):
        after = candidates(toks[i + 2].low)
        if after.get("NN", 0.0) + after.get("NNS", 0.0) + after.get("JJ", 0.0) >= 0.5:
            return True  # "Its then chief quit": "then" as "former"
    for j in range(i + 1, min(i + 4, n)):
        if (j > i + 1 and _punct(toks[j].gap)) or toks[j].low in ARTICLES:
            break
        if toks[j].low[:1].isdigit():
            return True  # "its about 100 staff"
    for j in range(i + 1, min(i + 5, n)):
        if j > i + 1 and _punct(toks[j].gap):
            break
        low = toks[j].low
        top = _top(low)
        if top in FINITE or (top in ("IN", "TO", "RP") and low != "as") or low in ARTICLES:
            break  # an article opens a noun phrase of its own: "its usually a special case"
        cands = candidates(low)
        if cands.get("NN", 0.0) + cands.get("NNS", 0.0) >= 0.8:
            return True
    return False


VERB_TAGS = ("VB", "VBZ", "VBD", "VBP", "MD")
SENTENCE_READ = 40  # words read either side of a "were" for another verb (``vetoed``)


def vetoed(ix, k: int, choice: str) -> bool:
    """Whether GRAM002's choice for word ``k`` of a cue index (the word-pair statistics'
    or the model's) reads a correct sentence wrong, by the clause around it:
    - "there" -> "their" before a word that may be a verb and then a determiner, after a
      noun or "that" (``slots.there_verb``): "the shopkeeper there swindles every
      traveller", "that there lives an old man";
    - "were" -> "where" where no other word of the sentence may be a verb: "were" is the
      clause's own verb ("Everywhere in the town were the mold and the damp"), and
      "where" would leave the sentence without one;
    - "too" -> "to" after a preposition ("in too perfect repair": "in to" takes no verb)
      or before a word that is only an adjective and no noun after it ("too good, too
      perfect", "too free a character"; not "to major revenue shortfalls")."""
    from linter.packs.grammar.lexicon import DETERMINERS

    written = ix.low(k)
    n = ix.n
    if written == "there" and choice == "their":
        if k < 1 or k + 2 >= n or any(map(ix.breaks_after, (k - 1, k, k + 1))):
            return False
        from linter.packs.grammar.slots import there_verb

        return there_verb(ix.low(k - 1), ix.low(k + 1), ix.low(k + 2))
    if written == "were" and choice == "where":
        return not _other_verb(ix, k)
    if written == "too" and choice == "to":
        from linter.packs.grammar.slots import p

        if k >= 1 and not ix.breaks_after(k - 1):
            prev = ix.low(k - 1)
            if p(prev, "IN") >= 0.8 and prev not in ("to", "so", "that"):
                return True
        if k + 1 < n and not ix.breaks_after(k):
            nxt = ix.low(k + 1)
            if p(nxt, "JJ") < 0.9 or p(nxt, "VB", "VBP", "NN") >= 0.05:
                return False
            # an adjective with no noun after it: "to" would need one ("too good, too
            # perfect", "not too particular about", "too free a character"; "to major
            # revenue shortfalls" has it)
            if (
                k + 2 >= n
                or ix.breaks_after(k + 1)
                or ix.prose[ix.ends[k + 1] : ix.starts[k + 2]].strip()
            ):
                return True
            after = ix.low(k + 2)
            return after in DETERMINERS or p(after, "IN", "TO", "RP", "RB") >= 0.8
    return False


def _other_verb(ix, k: int) -> bool:
    """A word of word ``k``'s sentence, other than it, that may be a verb (at least half
    of its uses a verb form that can head a clause), SENTENCE_READ words either side."""
    from linter.packs.grammar.slots import p

    j = k
    while j > 0 and k - j < SENTENCE_READ and not ix.breaks_after(j - 1):
        j -= 1
        if p(ix.low(j), *VERB_TAGS) >= 0.5:
            return True
    j = k
    while j + 1 < ix.n and j - k < SENTENCE_READ and not ix.breaks_after(j):
        j += 1
        if p(ix.low(j), *VERB_TAGS) >= 0.5:
            return True
    return False


# Decisions by the window's text (see ``confusables.MEMO_LIMIT``): a phrasing is judged once.
_DECIDED: dict[tuple[int, str, bool], str | None] = {}


def judge(ix, k: int, window: Sequence[TokLike], i: int, pairs: PairScore | None) -> str | None:
    """The model's reading for word ``k`` of a cue index, or None. ``window`` holds it as
    ``window[i]`` with at least two words either side unless the sentence ends there (the
    window GRAM001 built): the gate reads it; the full model builds its own."""
    written = window[i].low
    name = SET_OF.get(written)
    if name is None or not WRITTEN_MAX[written] or window[i].gap[-1:] in ("$", "@", "#"):
        return None  # (a $variable, @handle or #hashtag is not prose)
    first, last = i < BACK, len(window) - 1 - i < 2
    margins = word_margins(name, written, word_features(window, i, first, last))
    if not _passes_gate(SETS[name], written, margins):
        return None
    if not reachable(name, written, margins, window, i, first, last, pairs):
        return None  # the model cannot reach its threshold here
    return decide_at(ix, k, pairs)


def decide_at(ix, k: int, pairs: PairScore | None) -> str | None:
    """``decide`` for word ``k`` of a cue index (``linter.packs.grammar.cue_index``)."""
    a, b, first = ix.bounds(k, CLAUSE_BACK, CLAUSE_AHEAD)
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
