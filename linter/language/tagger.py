"""A small hidden-Markov part-of-speech tagger (Penn Treebank tags) and sentence scorer.

The model (``data/model.tsv``, built by bench/grammar_build_language.py from Universal
Dependencies English EWT, CC BY-SA 4.0) holds each word's tag counts, tag counts by the
ending of rare words (for unknown words) and tag-pair counts. ``tag`` gives the most likely
tags (Viterbi); ``candidates`` a word's possible tags; ``slot_score`` how well a word fits a
position of a sentence, all its readings summed (the forward algorithm), which is what the
confusable rules compare: "put there bags" scores "their" far above "there".
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from linter.sortedtext import SortedRows

SMOOTH = 0.05  # added to every tag-pair count
UNKNOWN_TAGS = 6  # an unknown word keeps the likeliest few tags its ending allows


class Tagger:
    """Emission and transition tables, loaded once per process (``model()``)."""

    def __init__(
        self,
        words: dict[str, dict[str, float]],
        suffixes: dict[str, dict[str, float]],
        trans: dict[str, dict[str, int]],
        derived: Derived | None = None,
    ) -> None:
        """``derived``: what ``_derived(trans)`` returns, when kept from an earlier run."""
        self.words = words
        self.suffixes = suffixes
        tag_totals, total, tags, log_trans, log_floor = derived or _derived(trans)
        self.tag_totals: dict[str, float] = tag_totals
        self.total: float = total
        self.tags: list[str] = tags
        self.log_trans: dict[str, dict[str, float]] = log_trans
        self._log_floor: dict[str, float] = log_floor
        self._emit: dict[str, tuple[tuple[str, float], ...]] = {}
        self._cands: dict[str, dict[str, float]] = {}
        self._log_prior: dict[str, float] = {}
        self._by_row: dict[str, dict[str, float]] = {}  # a word row's text -> P(tag | word)
        self._guess_cands: dict[str, dict[str, float]] = {}  # ending -> P(tag | word)
        self._guesses: dict[str, tuple[tuple[str, float], ...]] = {}  # ending -> guess
        self._rows = _Rows(self)

    @classmethod
    def load(cls, path: Path) -> Tagger:
        # The word table (most of the file) stays in the file's text, searched in place and
        # parsed when a word is first asked for: even splitting its 34,000 rows into a dict
        # of strings costs ~30 ms, more than a draft's few hundred lookups.
        from linter.keptdata import kept

        with open(path, "rb") as handle:  # no newline translation: the builder writes \n
            text = handle.read().decode("utf-8")
        raw = _SortedRows(text, path)
        # the suffix table and the tag-pair table's logarithms, made from the text at the
        # first run only (~5 ms)
        suffixes, derived = kept("tagger-derived", [path], lambda: _kept_tables(text[raw.end :]))
        return cls(_LazyTable(raw), _LazyTable(suffixes), {}, derived)

    # ---- a word's readings ---------------------------------------------------------------
    def candidates(self, word: str) -> dict[str, float]:
        """P(tag | word) for a lower-case word (by its ending when unknown); the dict is
        shared, do not change it."""
        found = self._cands.get(word)
        if found is None:
            if len(self._cands) > 200_000:
                self._cands.clear()
            found = self._cands[word] = self._candidates(word)
        return found

    def _candidates(self, word: str) -> dict[str, float]:
        raw = self.words.raw if isinstance(self.words, _LazyTable) else None
        if raw is not None and not dict.__contains__(self.words, word):
            # the model's text read straight into probabilities (``_parse`` then a division,
            # without keeping the counts: this is memoised already, per word)
            # once the rows are split, a dict lookup with no layers between
            split = raw.split_rows() if isinstance(raw, _SortedRows) else raw
            text = split.get(word) if split is not None else raw.get(word)
            if text:
                # 34,000 words share 5,000 rows ("NNS:2.0" alone: 2,000 of them), and the
                # dict is read-only: one per row text, made when a word first reads it
                found = self._by_row.get(text)
                if found is None:
                    found = self._by_row[text] = _probabilities(text)
                return found
            return self._guessed(word)
        known = self.words.get(word)
        if known:
            total = sum(known.values())
            return {t: n / total for t, n in known.items()}
        return dict(self._guess(word))

    def _guessed(self, word: str) -> dict[str, float]:
        """``dict(self._guess(word))``, one dict per ending (read-only, as candidates are)."""
        if word[:1].isdigit():
            return dict(self._guess(word))
        ending = word[-3:]
        found = self._guess_cands.get(ending)
        if found is None:
            if len(self._guess_cands) > 100_000:
                self._guess_cands.clear()
            found = self._guess_cands[ending] = dict(self._guess(word))
        return found

    def most_likely(self, word: str) -> str:
        cands = self.candidates(word)
        return max(cands, key=cands.__getitem__)

    def _guess(self, word: str) -> list[tuple[str, float]]:
        """An unknown word's likeliest tags by its ending (the guess depends on its first
        character being a digit and its last three letters alone, so it is kept by ending:
        fresh text brings new words, not new endings)."""
        if word[:1].isdigit():
            return [("CD", 1.0)]
        ending = word[-3:]
        found = self._guesses.get(ending)
        if found is None:
            if len(self._guesses) > 100_000:
                self._guesses.clear()
            found = self._guesses[ending] = self._guess_by_ending(ending)
        return list(found)

    def _guess_by_ending(self, ending: str) -> tuple[tuple[str, float], ...]:
        for k in (3, 2, 1):
            row = self.suffixes.get(ending[-k:])
            if row and sum(row.values()) >= 5:
                total = sum(row.values())
                best = sorted(row.items(), key=lambda kv: -kv[1])[:UNKNOWN_TAGS]
                return tuple((t, n / total) for t, n in best)
        return (("NN", 0.6), ("NNP", 0.2), ("JJ", 0.1), ("VB", 0.1))

    def emissions(self, word: str, capital: bool = False) -> tuple[tuple[str, float], ...]:
        """log P(word | tag) up to a constant, for each tag the word can have: P(tag | word)
        divided by P(tag). A capitalised word the model does not know is mostly a name."""
        key = word if not capital else word + "\0"
        found = self._emit.get(key)
        if found is None:
            if capital and word not in self.words:
                cands = {"NNP": 0.85, "NNPS": 0.05, "NN": 0.05, "JJ": 0.05}
            else:
                cands = self.candidates(word)
            prior = self._log_prior
            found = tuple(
                (t, math.log(p) - (prior[t] if t in prior else self._prior(t)))
                for t, p in cands.items()
                if p > 0.0
            )
            if len(self._emit) > 200_000:
                self._emit.clear()
            self._emit[key] = found
        return found

    def _prior(self, tag: str) -> float:
        """log P(tag), kept per tag (``emissions`` divides by it for every new word)."""
        found = self._log_prior[tag] = math.log(self.tag_totals.get(tag, 1) / self.total)
        return found

    def trans(self, a: str, b: str) -> float:
        row = self.log_trans.get(a)
        if row is None:
            return math.log(1e-4)
        return row.get(b, self._log_floor[a])

    # ---- sentences -----------------------------------------------------------------------
    def _emits(self, words: list[str], caps: list[bool] | None) -> list:
        caps = caps or [False] * len(words)
        return [self.emissions(w, c) for w, c in zip(words, caps, strict=True)]

    def tag(self, words: list[str], caps: list[bool] | None = None) -> list[str]:
        """The most likely tag of each word (Viterbi, ``Tags``), as a list."""
        return list(Tags(self, words, caps)) if words else []

    def slot_score(
        self, words: list[str], i: int, word: str, caps: list[bool] | None = None
    ) -> float:
        """log P(the sentence ``words`` with ``word`` at position ``i``), all tag paths
        summed, the written words' priors left out at ``i`` (so rivals compete by fit)."""
        emits = self._emits(words, caps)
        emits[i] = self.emissions(word)
        trans = self.trans
        alpha = {t: trans("<s>", t) + e for t, e in emits[0]}
        for row in emits[1:]:
            alpha = {t: e + _logsumexp([a + trans(p, t) for p, a in alpha.items()]) for t, e in row}
        return _logsumexp([a + trans(t, "</s>") for t, a in alpha.items()])


class Tags(Sequence[str]):
    """The most likely tag of each word of a sentence (Viterbi), worked out as far as a
    reader asks. Each step keeps, per tag, its best score and a pointer to the tag before,
    and the path is read back (the paths copied at every step made a long sentence
    quadratic); transitions are read from complete rows (``Tagger._rows``); ties go to the
    first tag, as ``max`` gives them.

    Why lazy: a rule reads the tags next to its cue word, and a word with one reading (a
    "pinned" word: "the", "of", a comma) settles the path up to it: every path passes its
    one tag, so the tags before it follow from the pointers up to it, whatever comes
    after. Reading tag ``i`` runs the forward pass (the same sums, in the same order, as
    over the whole sentence) only to the first pinned word at or after ``i``; the words
    after it are neither looked up nor scored unless a reader asks for them."""

    __slots__ = ("_back", "_caps", "_done", "_next", "_prev", "_rows", "_tagger", "_tags", "_words")
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, tagger: Tagger, words: list[str], caps: list[bool] | None) -> None:
        self._tagger = tagger
        self._rows = tagger._rows
        self._words = words
        self._caps = caps
        self._tags: list[str] = [""] * len(words)
        self._done = 0  # tags[:_done] are final
        self._next = 0  # the next word to score
        self._prev: list[tuple[str, float]] = []  # the scores at the last scored word
        # pointers of words 1, 2, ... scored (None once read back: a settled tag's are
        # never read again, so a kept sentence holds its tags and little else)
        self._back: list[dict[str, str] | None] = []

    def __len__(self) -> int:
        return len(self._tags)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self._tags)))]
        n = len(self._tags)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("tag index out of range")
        if i >= self._done:
            self._settle(i)
        return self._tags[i]

    def __iter__(self) -> Iterator[str]:
        if self._done < len(self._tags):
            self._settle(len(self._tags) - 1)
        return iter(self._tags)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return list(self) == list(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"Tags({list(self)!r})"

    def _settle(self, i: int) -> None:
        """Score words up to the first pinned word at or after ``i`` (or the last word),
        and read the path back from there to the last settled tag."""
        n = len(self._tags)
        words, rows, back = self._words, self._rows, self._back
        emissions, caps = self._tagger.emissions, self._caps
        q, prev = self._next, self._prev
        while True:
            if q >= n:
                q = n - 1
                break
            row = emissions(words[q], caps[q] if caps else False)
            if q == 0:
                first = rows["<s>"]
                prev = [(t, first[t] + e) for t, e in row]
            else:
                cur = []
                pointers: dict[str, str] = {}
                for t, e in row:
                    best_p, best = "", -math.inf  # tags are never empty: "" is none yet
                    for p, score in prev:
                        v = score + rows[p][t]
                        if v > best or not best_p:
                            best_p, best = p, v
                    cur.append((t, best + e))
                    pointers[t] = best_p
                back.append(pointers)
                prev = cur
            if q >= i and len(row) == 1:
                break
            q += 1
        self._prev, self._next = prev, q + 1
        if q == n - 1:  # the last word: the end of the sentence picks its tag
            tag, best = "", -math.inf
            for t, score in prev:
                v = score + rows[t]["</s>"]
                if v > best or not tag:
                    tag, best = t, v
        else:
            tag = prev[0][0]  # a pinned word: its one tag
        tags = self._tags
        tags[q] = tag
        for m in range(q, self._done, -1):
            read = back[m - 1]
            back[m - 1] = None
            tag = tags[m - 1] = read[tag]  # type: ignore[index]
        self._done = q + 1
        if q == n - 1:  # all settled: keep the tags alone
            self._prev, self._back, self._words, self._caps = [], [], [], None


class _Row(dict):
    """log P(b | a) for every b: the counted ones, and the floor for any other."""

    def __init__(self, known: dict[str, float], floor: float) -> None:
        super().__init__(known)
        self.floor = floor

    def __missing__(self, tag: str) -> float:
        return self.floor


class _Rows(dict):
    """a -> its ``_Row``, made when first asked: ``Tagger.trans(a, b)`` is ``rows[a][b]``."""

    def __init__(self, tagger: Tagger) -> None:
        super().__init__()
        self.tagger = tagger

    def __missing__(self, a: str) -> _Row:
        t = self.tagger
        known = t.log_trans.get(a)
        row = _Row(known, t._log_floor[a]) if known is not None else _Row({}, math.log(1e-4))
        self[a] = row
        return row


def _tables(rest: str) -> tuple[dict[str, str], dict[str, dict[str, int]]]:
    """The suffix rows (ending -> its tag counts' text) and the tag-pair counts, from the
    model's text after its word rows."""
    suffix_part, _, trans_part = rest.partition("\nt\t")
    body = suffix_part[2:].replace("\ns\t", "\t").split("\t")
    suffixes = dict(zip(body[::2], body[1::2], strict=True))
    trans: dict[str, dict[str, int]] = defaultdict(dict)
    for line in ("t\t" + trans_part).splitlines():
        _, a, b, n = line.split("\t")
        trans[a][b] = int(n)
    return suffixes, dict(trans)


Derived = tuple[dict[str, float], float, list[str], dict[str, dict[str, float]], dict[str, float]]


def _derived(trans: dict[str, dict[str, int]]) -> Derived:
    """From the tag-pair counts: each tag's total, their sum, the tags, and the smoothed
    log-probability of each pair and of an unseen pair after each tag."""
    tag_totals: dict[str, float] = defaultdict(float)
    for row in trans.values():
        for tag, n in row.items():
            tag_totals[tag] += n
    tag_totals.pop("</s>", None)
    tags = sorted(tag_totals)
    size = len(tags) + 1
    log_trans: dict[str, dict[str, float]] = {}
    log_floor: dict[str, float] = {}
    for a, row in trans.items():
        total = sum(row.values()) + SMOOTH * size
        log_trans[a] = {b: math.log((n + SMOOTH) / total) for b, n in row.items()}
        log_floor[a] = math.log(SMOOTH / total)
    return dict(tag_totals), sum(tag_totals.values()), tags, log_trans, log_floor


def _kept_tables(rest: str) -> tuple[dict[str, str], Derived]:
    suffixes, trans = _tables(rest)
    return suffixes, _derived(trans)


def _probabilities(text: str) -> dict[str, float]:
    """A word row's text ("NN:3 VB:1") as P(tag | word), in the row's order."""
    if " " not in text:  # one tag (most words): no counts to share out
        return {text[: text.rindex(":")]: 1.0}
    pairs = [p.rpartition(":") for p in text.split()]
    counts = [float(n) for _, _, n in pairs]
    total = sum(counts)
    return {t: n / total for (t, _, _), n in zip(pairs, counts, strict=True)}


def _parse(tags: str) -> dict[str, float]:
    return {t: float(n) for t, _, n in (p.rpartition(":") for p in tags.split())}


class KeptRows(SortedRows):
    """``SortedRows`` whose dict, when a long run asks for one, is read back with
    ``linter.keptdata`` (marshal, in C: ~2.5x faster than splitting the text again) from
    what an earlier run of the command split out of the same file. A short run still
    bisects the text and loads nothing."""

    def __init__(self, text: str, start: int, end: int, skip: int, name: str, path: Path) -> None:
        super().__init__(text, start, end, skip)
        self.name, self.path = name, path

    def split(self) -> dict[str, str]:
        """The rows as a dict; the file's text is let go then (the dict answers from now
        on: 1.6 MB for the tagger's model)."""
        from linter.keptdata import kept

        rows = self._rows = kept(self.name, [self.path], lambda: SortedRows.split(self))
        self.text = ""
        return rows


class _SortedRows(Mapping[str, str]):
    """word -> its tag counts' text, found by binary search over the model's ``w`` lines
    (``w<TAB>word<TAB>counts``, sorted by word, as the model builder writes them) in the
    file's text, so that loading builds no per-word objects (``SortedRows``: a long
    document that asks for many words gets them hashed once)."""

    def __init__(self, text: str, path: Path | None = None) -> None:
        """``path``: the file ``text`` was read from, so that the split rows can be kept
        between runs (``KeptRows``)."""
        at = text.find("\nw\t")
        start = at + 1 if at >= 0 else len(text)
        end = text.find("\ns\t", start)
        self.end = end + 1 if end >= 0 else len(text)
        self._rows = (
            KeptRows(text, start, self.end, 2, "tagger-rows", path)
            if path is not None
            else SortedRows(text, start, self.end, skip=2)
        )

    def get(self, word, default=None):
        return self._rows.get(word, default)

    def split_rows(self) -> dict[str, str] | None:
        """The rows as a dict once ``SortedRows`` has split them (after its first lookups),
        else None."""
        return self._rows._rows

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._rows.get(word) is not None

    def __getitem__(self, word: str) -> str:
        found = self._rows.get(word)
        if found is None:
            raise KeyError(word)
        return found

    def __iter__(self) -> Iterator[str]:
        rows = self._rows
        if rows._rows is not None:  # split, and the text let go
            yield from rows._rows
            return
        for line in rows.text[rows.start : rows.end].splitlines():
            yield line.split("\t", 2)[1]

    def __len__(self) -> int:
        rows = self._rows
        if rows._rows is not None:
            return len(rows._rows)
        return rows.text.count("\n", rows.start, rows.end)


class _LazyTable(dict):
    """word -> {tag: count}, parsed from the model's text on first access."""

    def __init__(self, raw: Mapping[str, str]) -> None:
        super().__init__()
        self.raw = raw

    def __contains__(self, word: object) -> bool:
        return word in self.raw

    def get(self, word, default=None):
        found = dict.get(self, word)
        if found is None:
            text = self.raw.get(word)
            if text is None:
                return default
            found = self[word] = _parse(text)
        return found


def _logsumexp(values: list[float]) -> float:
    top = max(values)
    return top + math.log(sum(math.exp(v - top) for v in values))


_MODEL: list[Tagger] = []


def model() -> Tagger:
    """The shipped model, loaded on first use (about 10 ms)."""
    if not _MODEL:
        _MODEL.append(Tagger.load(Path(__file__).parent / "data" / "model.tsv"))
    return _MODEL[0]
