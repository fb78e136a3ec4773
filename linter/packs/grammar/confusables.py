"""Confusable words decided by context rules (GRAM001) and by word-pair statistics (GRAM002)."""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Final, NamedTuple

from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.packs.grammar.tokens import Tok


def _replacement(found: str, word: str) -> str:
    from linter.packs.grammar.common import apostrophe_like, match_case

    curly = "’" if "’" in found else ("'" if "'" in found else "’" if "’" in word else "")
    return match_case(found, apostrophe_like(curly or "'", word))


class ConfusableByRule(Rule):
    """What it does: flags a real word used for its sound-alike where the neighbouring words
    settle which one is meant: "their is" (there is), "more then" (more than), "it's own"
    (its own), "could loose" (could lose), "the affect of" (the effect of), "has lead"
    (has led), "the passed week" (the past week), "they where" (they were), "your welcome".

    Each context rule is written to be certain, so the finding is an error even inside a
    quotation.
    """

    id = "GRAM001"
    name = "confusable-word"
    pack = "grammar"
    severity = "error"
    message = "Wrong word: write '{suggestion}', not '{match}'."
    why = "Sound-alike words pass a spelling check but change the meaning or the grammar."
    source = "AP Stylebook, 'confusing words'; Merriam-Webster usage notes"
    examples: Sequence[Example] = (
        Example(bad="Their is no doubt about it.", fixed="There is no doubt about it."),
        Example(bad="It was more then enough.", fixed="It was more than enough."),
        Example(bad="The storm will loose strength.", fixed="The storm will lose strength."),
        Example(
            bad="The company changed it's own name.", fixed="The company changed its own name."
        ),
        Example(bad="She has lead the team since 2019.", fixed="She has led the team since 2019."),
        Example(bad="The rule had no affect on prices.", fixed="The rule had no effect on prices."),
        Example(good="There is no doubt their plan will lose money; it's more than that."),
        Example(good="Since then, the effect has been to affect how they lead."),
        Example(bad="It's 'gimmick' was a free bowl. The cuts won't affect them to much."),
        Example(good="It didn't amount to much; it's time prices fell. I accept."),
        Example(bad="Its probably true. It was added to it's queue."),
        Example(bad="It is the principle method of dispersal, from their as well."),
        Example(good="Its newly built offices opened; they did their best, easier now than later."),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.confusion_model import CUES
        from linter.packs.grammar.cue_index import watch

        watch(CUES)

    def check(self, doc) -> Iterator[Match]:
        words = doc.words
        for k, choice in _confusables(doc).chosen():
            from linter.packs.grammar.confusion_model import SlotChoice

            start, end, text = words[k]
            new = _replacement(text, choice)
            message = self.format_message(match=text, suggestion=new)
            fix = None if isinstance(choice, SlotChoice) else new
            yield Match(start, end, message, (new,), fix)


class ConfusableByStatistics(Rule):
    """What it does: flags a sound-alike ("there car", "its going", "who's car") when the
    word pairs around it are common with a rival word and unattested with the word written.
    The counts are Google Books word pairs shipped by symspellpy, cut down to the confusion
    sets (rules/grammar/data/bigrams.tsv, built by bench/grammar_build_bigrams.py).

    Context rules cannot list every noun that follows "their"; word-pair statistics catch the
    rest with a margin chosen on clean news text so that they stay quiet there. Where the
    pairs do not decide either, a model of the slot trained on clean text (words, marks and
    word classes around it; linter/packs/grammar/slot_model.py) speaks when it is sure:
    "If your looking for work", "Whose there?". Inside a quotation the finding is advice
    (info): speech is reported as spoken.
    """

    id = "GRAM002"
    name = "confusable-word-statistics"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "Probably the wrong word: write '{suggestion}', not '{match}'."
    why = "Sound-alike words pass a spelling check; word-pair statistics show the likely one."
    source = "Golding and Roth, context-sensitive spelling correction; Google Books Ngram counts"
    examples: Sequence[Example] = (
        Example(bad="How reliable are you're results?"),
        Example(bad="They said their going home."),
        Example(good="How reliable are your results? They listed their country; it's there."),
        Example(bad="If your looking for work, call us."),
        Example(good="If your work is done, call us. Whose is it? Who's there?"),
    )
    margin = 2.0  # natural log: the rival must be about 7 times likelier (contractions: 55)

    def prepare(self, settings) -> None:
        from linter.packs.grammar.common import data_dir
        from linter.packs.grammar.confusion_model import CUES, Bigrams
        from linter.packs.grammar.cue_index import watch

        watch(CUES)
        self._bigrams = _load_bigrams(data_dir() / "bigrams.tsv", Bigrams)
        self._decided: dict[tuple[int, str], str | None] = {}  # see ``_confusables``

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.confusion_model import CUES, STAT_WORDS, decide_by_stats
        from linter.packs.grammar.cue_index import index
        from linter.packs.grammar.slot_model import CUE_FORMS as MODEL_WORDS
        from linter.packs.grammar.slot_model import judge, vetoed

        ix = index(doc, CUES)
        words, lows = ix.words, ix.lows
        decided = self._decided
        built = ix.shared.get("confusable tokens")
        built = built if isinstance(built, dict) else {}
        for item in _confusables(doc):
            # the window GRAM001 made for this word, taken out: a long document keeps none
            # of them to its end (~4 MB per MB of text)
            toks = built.pop(item.k, None)
            if item.choice:
                continue  # GRAM001 reports what the rules decide
            choice: str | None = None
            if lows[item.k] in STAT_WORDS:  # pairs judge few words
                known = decided.get(item.key, _UNDECIDED)
                if known is _UNDECIDED:
                    toks = toks or ix.tokens(item.a, item.b, item.gap_start)
                    known = decide_by_stats(toks, item.key[0], self._bigrams, self.margin)
                    if len(decided) >= PHRASE_MEMO_LIMIT:  # a window's text in each key
                        decided.clear()
                    decided[item.key] = known
                choice = known
            if not choice and lows[item.k] in MODEL_WORDS:  # the slot model (slot_model.py)
                toks = toks or ix.tokens(item.a, item.b, item.gap_start)
                choice = judge(ix, item.k, toks, item.k - item.a, self._bigrams)
            if choice and not vetoed(ix, item.k, choice):  # the clause's guards
                start, end, text = words[item.k]
                new = _replacement(text, choice)
                message = self.format_message(match=text, suggestion=new)
                yield Match(start, end, message, (new,))


class Confusable(NamedTuple):
    """A confusable word ``k`` of ``doc.words``, its window (words ``a`` to ``b``, the
    first one's gap starting at ``gap_start``), the window's key and the context rules'
    choice."""

    k: int
    a: int
    b: int
    gap_start: int
    key: tuple[int, str]
    choice: str | None


# The decisions depend only on the window's words and gaps, which its text spells out (see
# ``WordIndex.text_of``): keyed by (position in the window, text), they are made once per
# run for each phrasing ("more then", "their own"), which drafts repeat. Bounded like the
# spelling memos: past the limit they start afresh, which costs time, never a finding.
MEMO_LIMIT = 20_000
# The phrasing memos (GRAM001's below and GRAM002's own; a window's text in each key, ~500
# bytes an entry) are bounded lower and checked as they grow, not once per document: on
# fresh text fewer than 2% of windows repeat, so 20,000 entries cost a worker ~12 MB for
# almost no hits (GRAM002's held 26,000, 6 MB, at the end of one 10 MB file).
PHRASE_MEMO_LIMIT = 4_000


class _Undecided(Enum):
    """The memos' "not decided yet", apart from a decision of None (leave the word)."""

    TOKEN = 0


_UNDECIDED: Final = _Undecided.TOKEN
_RULE_DECISIONS: dict[tuple[int, str], str | None] = {}
# The window itself (its words, where it starts, the first word's gap) is settled by the
# text around the cue (``WordIndex.place``): remembered by that text, with the decision,
# so a repeated phrase costs one slice and one lookup.
_PLACES: dict[tuple[int, int, str], tuple[int, int, int, tuple[int, str], str | None]] = {}


class Confusables:
    """A document's ``Confusable`` items, kept as columns of positions (4 bytes each) and
    the few choices the rules made, each item (and its key, a slice of the prose) made
    again when read: a list of them held ~1.2 MB per MB of text to the document's end."""

    def __init__(self, ix) -> None:
        self._prose, self._ends = ix.prose, ix.ends
        self._k, self._a, self._b, self._gap = array("i"), array("i"), array("i"), array("i")
        self._choices: dict[int, str] = {}  # item number -> the context rules' choice

    def append(self, k: int, a: int, b: int, gap_start: int, choice: str | None) -> None:
        if choice:
            self._choices[len(self._k)] = choice
        self._k.append(k)
        self._a.append(a)
        self._b.append(b)
        self._gap.append(gap_start)

    def __len__(self) -> int:
        return len(self._k)

    def __iter__(self) -> Iterator[Confusable]:
        prose, ends, choices = self._prose, self._ends, self._choices
        for n, (k, a, b, gap) in enumerate(zip(self._k, self._a, self._b, self._gap, strict=True)):
            key = (k - a, prose[gap : ends[b]])  # ``WordIndex.text_of``
            yield Confusable(k, a, b, gap, key, choices.get(n))

    def chosen(self) -> Iterator[tuple[int, str]]:
        """The words the context rules decided, with their choice, in order."""
        ks = self._k
        for n, choice in self._choices.items():
            yield ks[n], choice


def _confusables(doc) -> Confusables:
    """Each confusable word of ``doc`` with the context rules' choice; computed once for
    GRAM001 and GRAM002. "to" is a candidate only before a degree word ("to late"): no rule
    or statistic judges it otherwise."""
    from linter.packs.grammar.confusion_model import CUES, decide_by_rule
    from linter.packs.grammar.cue_index import index
    from linter.packs.grammar.lexicon import DEGREE_WORDS

    ix = index(doc, CUES)
    cached = ix.shared.get("confusables")
    if isinstance(cached, Confusables):
        return cached
    found = Confusables(ix)
    built: dict[int, list[Tok]] = {}  # the windows made here that GRAM002 will read
    wanted = _stat_or_model_words()
    ix.shared["confusable tokens"] = built
    last = ix.n - 1
    decided, places = _RULE_DECISIONS, _PLACES
    lows, starts, ends, prose, head_end = ix.lows, ix.starts, ix.ends, ix.prose, ix.headline_end
    to_before = _TO_BEFORE
    for k in ix.positions(CUES):
        low = lows[k]
        if low == "to" and k != last:
            # most "to"s: one space, then a word whose readings (known from an earlier
            # "to") leave it out; ``_to_candidate`` asks the same, the long way
            e, s = ends[k], starts[k + 1]
            if (
                s - e == 1
                and prose[e] == " "
                and not e <= head_end <= s
                and to_before.get(lows[k + 1]) is False
                and lows[k + 1] not in DEGREE_WORDS
            ):
                continue
            if not _to_candidate(ix, k, DEGREE_WORDS):
                continue
        if low == "two" and (k == last or ix.low(k + 1) not in ("many", "much")):
            continue  # "two" is judged only before a degree word ("two many")
        back = WIDE_BACK.get(low, 2)  # "more X to Y then": the comparative
        ahead = WIDE_AHEAD.get(low, 2)  # "its newly built offices", "were the X is"
        place = ix.place(k, back, ahead)
        known = places.get(place[0]) if place else None
        if place and known is not None:
            _, lo, base = place
            a, b, gap_start, key, choice = known
            a, b, gap_start = a + lo, b + lo, gap_start + base
        else:
            a, b, gap_start = ix.frame(k, back, ahead)
            key = (k - a, ix.text_of(a, b, gap_start))
            decision = decided.get(key, _UNDECIDED)
            if decision is _UNDECIDED:
                toks = ix.tokens(a, b, gap_start)
                if len(decided) >= PHRASE_MEMO_LIMIT:
                    decided.clear()
                decision = decided[key] = decide_by_rule(toks, k - a)
                if not decision and low in wanted:
                    built[k] = toks
            choice = decision
            if place:
                _, lo, base = place
                if len(places) >= PHRASE_MEMO_LIMIT:
                    places.clear()
                places[place[0]] = (a - lo, b - lo, gap_start - base, key, choice)
        found.append(k, a, b, gap_start, choice)
    ix.shared["confusables"] = found
    return found


def _stat_or_model_words() -> frozenset[str]:
    """The words (as written, lower case) GRAM002 judges when no context rule decides:
    only their windows are worth keeping for it."""
    global _WANTED
    if _WANTED is None:
        from linter.packs.grammar.confusion_model import STAT_WORDS
        from linter.packs.grammar.slot_model import CUE_FORMS

        _WANTED = STAT_WORDS | CUE_FORMS
    return _WANTED


_WANTED: frozenset[str] | None = None
# Words whose rules read further: "then"/"than" look back for a comparative; the
# possessives and "were" look ahead for the noun phrase or clause that follows, the
# contractions for a compound noun and its verb ("it's subject matter is").
WIDE_BACK = {"then": 8, "than": 14}
WIDE_AHEAD = {"its": 5, "your": 5, "their": 5, "were": 3, "it's": 4, "they're": 4, "who's": 4}


def _to_candidate(ix, k: int, degree_words) -> bool:
    """Whether "to" is worth a decision: before a degree word or a bare adjective ("to
    late", "to pretty"), or at a clause's end ("great to!"). Most "to"s stop here."""
    from linter.language import candidates

    nxt = ix.low(k + 1)
    if nxt in degree_words or ix.breaks_after(k):
        return True
    if ix.prose[ix.ends[k] : ix.starts[k + 1]].strip():
        return True
    found = _TO_BEFORE.get(nxt)
    if found is None:
        if len(_TO_BEFORE) > MEMO_LIMIT:
            _TO_BEFORE.clear()
        cands = candidates(nxt)
        found = _TO_BEFORE[nxt] = cands.get("JJ", 0.0) + cands.get("RB", 0.0) >= 0.8
    return found


# Whether a word after "to" may be an adjective or adverb ("to pretty"), by word.
_TO_BEFORE: dict[str, bool] = {}


_BIGRAMS: dict = {}


def _load_bigrams(path, cls):
    if path not in _BIGRAMS:
        _BIGRAMS[path] = cls(path)
    return _BIGRAMS[path]


RULES = [ConfusableByRule, ConfusableByStatistics]
