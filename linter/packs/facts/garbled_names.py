"""FACT001: a name garbled against an earlier mention or the knowledge pack."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import partial
from itertools import chain, count, filterfalse
from operator import itemgetter
from typing import TYPE_CHECKING, NamedTuple

from linter.memo import BoundedMemo, PerDocument
from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.facts.docnames import Named
    from linter.packs.facts.knowledge import Knowledge
    from linter.settings import Settings


# The forms under which a garble of a key would be indexed (see ``variants``), a plain
# tuple (swap, wild, drops, drop_forms, tails): a named tuple is never untracked by the
# garbage collector, and the table of every key met holds thousands.
Variants = tuple
SWAP = 0  # its words sorted
WILD = 1  # each word in turn wildcarded (None)
DROPS = 2  # each interior word dropped, with its place
DROP_FORMS = 3  # the same forms alone
TAILS = 4  # the key less its first words, two words at least


class _VariantTable(BoundedMemo[tuple[str, ...], Variants]):
    """Each key's variants, worked out when first asked for (a miss calls ``__missing__``;
    hits stay in C), at most 200,000 kept."""

    def __missing__(self, key: tuple[str, ...]) -> Variants:
        drops = tuple(((*key[:i], *key[i + 1 :]), i) for i in range(1, len(key) - 1))
        return self.remember(
            key,
            (
                tuple(sorted(key)),
                tuple((*key[:i], None, *key[i + 1 :]) for i in range(len(key))),
                drops,
                tuple(f for f, _ in drops),
                tuple(key[i:] for i in range(1, len(key) - 1)),
            ),
        )


_VARIANTS = _VariantTable(200_000)


def wild_forms(key: tuple[str, ...]) -> tuple[tuple[str | None, ...], ...]:
    """``variants(key)[WILD]``, built without the other forms unless they are kept."""
    if len(key) == 2:
        return ((None, key[1]), (key[0], None))
    found = _VARIANTS.get(key)
    if found is not None:
        return found[WILD]
    return tuple((*key[:i], None, *key[i + 1 :]) for i in range(len(key)))


def variants(key: tuple[str, ...]) -> Variants:
    """The forms under which a garble of ``key`` would be indexed: its words sorted (a
    swap), each word wildcarded (a misspelling), each interior word dropped (with its
    place, and alone); then its tails (the key less its first words, two words at least).
    Kept for the process: the same names recur from document to document."""
    return _VARIANTS[key]


# a name ending in one of these, less a middle word, is a short title, not a garble
SHORT_TITLE_HEADS = frozenset({"act", "acts", "law", "bill", "district", "code", "amendment"})
# heads of an institution's name written both ways: "Department of X" and "X Department"
INSTITUTION_HEADS = frozenset(
    {"department", "ministry", "office", "bureau", "agency", "committee", "commission"}
    | {"council", "board", "service", "administration", "institute", "court", "secretary"}
)


def institutional_variant(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> bool:
    """One name is "Head of X" and the other "X Head" (the usual short form of an agency)."""
    for one, two in ((a, b), (b, a)):
        words = [w.lower() for w in one]
        other = [w.lower() for w in two]
        if len(words) >= 3 and words[1] in ("of", "on", "for") and words[0] in INSTITUTION_HEADS:
            rest = [w for w in words[2:] if w not in ("the", "and", "&")]
            if (
                other
                and other[-1] == words[0]
                and [w for w in other[:-1] if w != "and"] == [w for w in rest if w != "and"]
            ):
                return True
    return False


def two_real_people(a: tuple[str, ...] | list[str], b: tuple[str, ...] | list[str]) -> bool:
    """Both names are people the public-records pack knows, and not the same person."""
    from linter.packs.facts.records import load

    recs = load()
    if recs is None or len(a) < 2 or len(b) < 2:
        return False
    one = recs.people(tuple(a))
    two = recs.people(tuple(b))
    return bool(one) and bool(two) and not {id(p) for p in one} & {id(p) for p in two}


_INITIAL_RE = re.compile(r"([A-Z][a-z]{4,})(?:['’]s)?\b(?![-.'’]?[A-Za-z])")


# Each rare word's places cost a pass of ``str.find`` over the draft: cheap for the few rare
# words of a news draft, quadratic for the thousands of a book (3 MB: +1.5 CPU-s), where
# reading each sentence's first word once is cheaper. Both give the same places.
_FIND_BUDGET = 20_000_000  # rare words times characters


def _initial_words(doc: Document, rare: set[str]) -> list[tuple[int, int, str]]:
    """Each of ``rare`` written at the start of a sentence (as ``_INITIAL_RE`` reads it
    there), with its span, in text order. The rare words are few and each is written once:
    their places are found with ``str.find`` and each asked whether a sentence of
    ``doc.sentences`` starts there (``sentence_starts_at``), without splitting the draft."""
    from linter.text import sentence_starts_at

    prose = doc.prose
    if len(rare) * len(prose) > _FIND_BUDGET:  # a long draft with many: one pass, linear
        found = []
        for s, _e in doc.sentences:
            m = _INITIAL_RE.match(prose, s)
            if m is not None and m.group(1) in rare:
                found.append((m.start(1), m.end(1), m.group(1)))
        return found
    head_end = doc.headline[1] if doc.headline else None
    match, find = _INITIAL_RE.match, prose.find
    found = []
    for word in rare:
        at = find(word)
        while at >= 0:
            m = match(prose, at)
            if m is not None and m.group(1) == word and sentence_starts_at(prose, at, head_end):
                found.append((at, m.end(1), word))
            at = find(word, at + 1)
    found.sort()
    return found


_WILD_LIMIT = 64  # keys kept per wildcarded form and bucket
_INDEX_LASTS = 300  # surnames above which ``NearIndex`` pairs them with single words


class _Hot(NamedTuple):
    """The forms that two of a document's multi-word keys (or their tails, which are
    indexed too) share, and the keys that give one: only those are ever indexed or looked
    up, so a key that gives none needs none of its forms built."""

    swaps: set  # sorted forms shared by two keys
    wild: set  # wildcarded forms shared by two keys
    drops: set  # keys (or tails) that another key gives with an interior word left out
    swap_keys: set  # the keys giving a form of ``swaps``
    wild_keys: set  # of ``wild``
    dropping: set  # the keys giving a key of ``drops``


class _Seen:
    """The names met so far, indexed for the three ways a later mention garbles one:
    words sorted (a swap), an interior word left out (a drop), one word wildcarded (a
    misspelling). Only forms that two of the document's keys share are indexed (``hot``):
    a form no other key has can only lead back to the key itself."""

    def __init__(self, hot: _Hot) -> None:
        self.first: dict[tuple[str, ...], Named] = {}
        self.swaps: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        self.drops: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = {}
        # a wildcarded form -> the keys giving it, by the left-out word's first letter and
        # length (near_spelling pairs only words of one initial, at most two letters apart)
        self.wild: dict[tuple, dict[tuple[str, int], list[tuple[str, ...]]]] = {}
        self.hot = hot
        self.hot_swaps, self.hot_wild, self.hot_drops = hot.swaps, hot.wild, hot.drops

    def add(self, key: tuple[str, ...], n: Named) -> None:
        """Index ``key`` (met for the first time, in ``n``; one of the keys or tails that
        ``_hot`` was given)."""
        self.first[key] = n
        if len(key) < 2:
            return
        hot = self.hot
        if key in hot.swap_keys:
            self.swaps.setdefault(tuple(sorted(key)), []).append(key)
        if key in hot.wild_keys:
            for i, form in enumerate(wild_forms(key)):
                if form in self.hot_wild:
                    word = key[i]
                    bucket = self.wild.setdefault(form, {}).setdefault((word[:1], len(word)), [])
                    if len(bucket) < _WILD_LIMIT:  # bounds the comparisons per mention
                        bucket.append(key)
        if key in hot.dropping:
            for form, i in variants(key)[DROPS]:
                if form in self.hot_drops:
                    self.drops.setdefault(form, []).append((key, i))

    def near_wild(self, form: tuple, word: str) -> Iterator[tuple[str, ...]]:
        """The keys giving ``form`` whose left-out word may be a near spelling of ``word``."""
        by_bucket = self.wild.get(form)
        if not by_bucket:
            return
        initial, n = word[:1], len(word)
        for size in range(n - 2, n + 3):
            yield from by_bucket.get((initial, size), ())

    def may_find(self, key: tuple[str, ...]) -> bool:
        """A lookup of ``key`` (a key ``_hot`` was given) may find another key."""
        hot = self.hot
        return key in hot.swap_keys or key in hot.drops or key in hot.wild_keys


_first_word, _last_word = itemgetter(0), itemgetter(-1)


def _may_share_wild(keys: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The keys (distinct) that may share a wildcarded form with another: two keys share
    one only when they have one length and differ in one place, so they share their first
    word (the place is not the first) or their last (it is, and they have two words or
    more; all keys of one word share theirs). Counted in C; most keys of a draft share
    neither."""
    sizes = list(map(len, keys))
    heads = Counter(zip(sizes, map(_first_word, keys), strict=True))
    lasts = Counter(zip(sizes, map(_last_word, keys), strict=True))
    if len(heads) == len(keys) and len(lasts) == len(keys) and sizes.count(1) < 2:
        return []
    return [
        k
        for k, n in zip(keys, sizes, strict=True)
        if heads[(n, k[0])] > 1 or lasts[(n, k[-1])] > 1 or n == 1
    ]


def _may_drop_into(keys: list[tuple[str, ...]], into: set[tuple[str, ...]]) -> list:
    """The keys of three words or more that may give one of ``into`` with an interior word
    left out: such a form keeps the first and last words, one word fewer."""
    ends = {(len(k), k[0], k[-1]) for k in into}
    return [k for k in keys if len(k) > 2 and (len(k) - 1, k[0], k[-1]) in ends]


def _hot(multi: list[tuple[str, ...]]) -> _Hot:
    """The forms shared by two of the multi-word keys (or their tails, which are indexed
    too), the drops that give another key, and the keys giving them. Only keys that pass
    the cheap tests of ``_may_share_wild`` and ``_may_drop_into`` have forms built."""
    cands = set(multi)
    extra = {k[i:] for k in multi if len(k) > 2 for i in range(1, len(k) - 1)} - cands
    keys = list(multi)
    if extra:
        cands |= extra
        keys += extra
    sorted_forms = list(map(tuple, map(sorted, keys)))
    hot_swaps = _shared(sorted_forms)
    swap_keys = (
        {k for k, f in zip(keys, sorted_forms, strict=True) if f in hot_swaps}
        if hot_swaps
        else set()
    )
    wk = _may_share_wild(keys)
    wild_of = list(map(wild_forms, wk))
    hot_wild = _shared(list(chain.from_iterable(wild_of)))
    wild_keys = (
        {k for k, forms in zip(wk, wild_of, strict=True) if not hot_wild.isdisjoint(forms)}
        if hot_wild
        else set()
    )
    hot_drops: set[tuple[str, ...]] = set()
    dropping = set()
    for k in _may_drop_into(keys, cands):
        found = cands.intersection(variants(k)[DROP_FORMS])
        if found:
            hot_drops |= found
            dropping.add(k)
    return _Hot(hot_swaps, hot_wild, hot_drops, swap_keys, wild_keys, dropping)


def _indexing(multi: list[tuple[str, ...]], seen: _Seen) -> set[tuple[str, ...]]:
    """The multi-word keys that, or one of whose tails, index a shared form."""
    hot = seen.hot
    marked = hot.swap_keys | hot.wild_keys | hot.dropping
    if not marked:
        return set()
    return {k for k in multi if k in marked or any(k[i:] in marked for i in range(1, len(k) - 1))}


_unknown = itemgetter(2)  # the fields of docnames.RunKeys: UNKNOWN,
_multi = itemgetter(0)  # MULTI,
_cands = itemgetter(3)  # CANDS,
_single_words = itemgetter(5)  # SINGLE_WORDS,
_key_words = itemgetter(4)  # WORDS


def _run_keys_of(doc: Document) -> list:
    from linter.packs.facts.docnames import doc_runs, run_keys

    texts = doc_runs(doc).texts
    return run_keys(list(set(texts))) if texts else []


# every key the draft's runs can give (``run_keys``), asked by two pre-checks
_RUN_KEYS: PerDocument[list] = PerDocument("facts: keys of the runs of capitals", _run_keys_of)


def _doc_run_keys(doc: Document) -> list:
    return _RUN_KEYS.of(doc)


def _may_be_surnames(doc: Document, words: list[str]) -> bool:
    """Some of ``words`` may be a near spelling of the last word of a full name of ``doc``:
    of some word of a key of two words or more that the draft's runs can give (a superset
    of the last words of the names ``doc_names`` makes, lower-cased as their keys hold
    them), decided before any name is made."""
    from linter.packs.facts.docnames import headline_splits_run
    from linter.packs.facts.name_mentions import CONNECTORS
    from linter.packs.facts.name_mentions import near_spelling_once as near_spelling

    found = _doc_run_keys(doc)
    if any(map(_unknown, found)) or headline_splits_run(doc):
        return True  # the runs' keys are incomplete: no shortcut
    # a connector ("Della") is a last word that its key leaves out. The words are sorted
    # (in C) and only those of a candidate's initial visited: the candidates are few, the
    # words many.
    ordered = sorted(set().union(CONNECTORS, *map(_key_words, found)))
    for word in words:
        initial, n = word[0].lower(), len(word)
        lo = bisect_left(ordered, initial)
        hi = bisect_left(ordered, chr(ord(initial) + 1), lo)
        for w in ordered[lo:hi]:
            if len(w) >= 4 and abs(len(w) - n) <= 2 and near_spelling(w, word):
                return True
    return False


def _surname_slip(
    doc: Document, singles: set[str], multi: set[tuple[str, ...]], knowledge: Knowledge | None
) -> bool:
    """Some single word of five letters or more, not written in lower case in ``doc`` and
    no one-word name the pack knows (``_surname`` reports neither), is a near spelling of
    the last word of a full name. Only the last words of its initial and of a length at
    most two apart (``near_spelling``'s first tests) are compared."""
    from linter.packs.facts.name_mentions import near_spelling_once as near_spelling

    lasts: dict[tuple[str, int], list[str]] = {}
    for last in {k[-1] for k in multi}:
        if len(last) >= 4:  # near_spelling refuses shorter words
            lasts.setdefault((last[0], len(last)), []).append(last)
    if not lasts:
        return False
    present = doc.word_set
    initials = {initial for initial, _ in lasts}
    # a word the draft writes in lower case is a common word: those are left out in C
    for word in chain(singles.difference(present), filterfalse(str.islower, singles & present)):
        n = len(word)
        initial = word[:1]
        if n < 5 or initial not in initials:
            continue  # too short to report, or no last word of its initial
        for size in range(n - 2, n + 3):
            for last in lasts.get((initial, size), ()):
                if near_spelling(last, word) and not (
                    knowledge is not None and knowledge.is_single_name(word)
                ):
                    return True
    return False


def _near_one_apart(keys: set[tuple[str, ...]]) -> bool:
    """Two of ``keys`` differ in one place only, where they hold two words that
    ``near_spelling`` pairs: the keys are grouped by each place wildcarded, and only the
    words of a group compared."""
    from linter.packs.facts.name_mentions import near_spelling_once as near_spelling

    at_place: dict[tuple, list[str]] = {}
    for k in _may_share_wild(list(keys)):  # the others share no group with another key
        for i, word in enumerate(k):
            if len(word) >= 4:  # near_spelling refuses shorter words
                at_place.setdefault((*k[:i], None, *k[i + 1 :]), []).append(word)
    for words in at_place.values():
        if len(words) > 1:
            for i, a in enumerate(words):
                for b in words[i + 1 :]:
                    if near_spelling(a, b):
                        return True
    return False


# A slip is written once or twice; two spellings each written this often are two names
# ("the Rhine" and "the Rhone") or the text's own spelling ("Bastile" in an old book).
FREQUENT = 3


def _by_lower(doc: Document) -> dict[str, int]:
    """How often ``doc`` writes each word not in lower case, by its lower-case form, its
    possessives counted (from ``name_slips.word_counts``: made only when a finding is at
    stake)."""
    from linter.packs.facts.name_mentions import strip_possessive
    from linter.packs.facts.name_slips import word_counts

    found: dict[str, int] = {}
    for word, n in word_counts(doc).written.items():
        low = strip_possessive(word).lower()
        found[low] = found.get(low, 0) + n
    return found


_BY_LOWER: PerDocument[dict[str, int]] = PerDocument("facts: capitalised words by form", _by_lower)


def both_frequent(doc: Document, a: str, b: str) -> bool:
    """The draft writes both words (lower-case keys' words) capitalised ``FREQUENT`` times
    or more: two names, or a spelling of its own, not a slip."""
    counts = _BY_LOWER.of(doc)
    return counts.get(a, 0) >= FREQUENT and counts.get(b, 0) >= FREQUENT


def _shared(forms: list) -> set:
    if len(set(forms)) == len(forms):
        return set()
    return {f for f, c in Counter(forms).items() if c > 1}


class GarbledName(Rule):
    """What it does:
    Finds the names in a draft (capitalised word sequences, with "of", "de", "the" inside,
    initials and possessives) and flags a mention that garbles an earlier mention of the same
    name or a name in the knowledge pack: words in the wrong order ("Party Democratic"), a
    middle word dropped from the name of a place or organisation ("Sandy Elementary School"),
    a word pushed across punctuation ("Sandy Elementary School. Hook"), a letter or two wrong
    ("New Zealend"), or a surname spelled two ways in one story. It also finds the garbles
    that share no words with the right name once connectors are left out: an "of" dropped
    ("University Copenhagen"), a title misspelt ("Profeosor Eastman"), a surname misspelt
    inside another name ("Perdae Elementary" after "David Perdue") or with a short form of
    the given name ("Larry Lesmig" after "Lawrence Lessig"), and a person named only in a
    Title Case headline written another way in the story.

    Dropping a first name ("Biden" after "Joe Biden") or a person's middle name is normal
    reference and is not flagged; a name the pack or the gazetteer knows is never flagged;
    neither is a spelling the draft uses more often than its rival. Not flagged either: an
    agency's short form ("Justice Department" beside "Department of Justice"), a law's or a
    district's short title ("the Seventh District"), a capitalised dictionary word near a
    surname ("Hardly", "Banter" beside "Baxter"), and two people whose given names differ
    ("Mary Smithars" beside "Mark Smithers") or whom the public-records pack knows apart.
    """

    id = "FACT001"
    name = "garbled-name"
    pack = "facts"
    severity = "error"
    message = "This name looks garbled."
    why = "A garbled name is a factual error every word of which a spell checker accepts."
    source = "AP Stylebook, names; the facts knowledge pack (rules/facts/knowledge/)"
    examples: Sequence[Example] = (
        Example(
            bad="The shooting at Sandy Elementary School. Hook in 2012 killed 26 people.",
            fixed="The shooting at Sandy Hook Elementary School in 2012 killed 26 people.",
        ),
        Example(
            bad="Nick Fuentes was banned. A day later Fuentez was back.",
        ),
        Example(bad="The Democratic Party met. Later the Party Democratic voted."),
        Example(
            bad="She taught at the University of Bologna. The University Bologna gave her a chair."
        ),
        Example(
            bad="She flew to New Zealend last week.", fixed="She flew to New Zealand last week."
        ),
        Example(good="The shooting at Sandy Hook Elementary School in 2012 shocked the nation."),
        Example(good="Joe Biden spoke first. Biden then left, and Joseph R. Biden Jr. signed."),
        Example(good="The Department of Justice sued. The Justice Department said it would."),
    )

    def prepare(self, settings: Settings) -> None:
        from linter.packs.facts.knowledge import load

        self.knowledge: Knowledge = load(settings)
        self._near_done: set[tuple[str, ...]] = set()  # keys asked of knowledge.near
        self._near_hit: set[tuple[str, ...]] = set()  # those with a near miss in the pack
        self._droppable: dict[tuple[str, ...], bool] = {}  # answers of _may_drop

    def check(self, doc: Document) -> Iterator[Match]:
        """Each distinct key is judged at its first mention, against the keys met before
        it. What was met before is known from the order of first mentions (a key, and the
        tails of longer keys, count as met from their first mention on), so only the keys
        that can be reported or that index a shared form are visited, in that order."""
        reported: list[Match] = []
        for match in self._by_keys(doc):
            reported.append(match)
            yield match
        yield from self._slips(doc, reported)

    def _slips(self, doc: Document, reported: list[Match]) -> Iterator[Match]:
        """The garbles that share no key with the right name (``name_slips``), where no
        finding of the key checks lies."""
        from linter.packs.facts import name_slips as slips
        from linter.packs.facts.docnames import doc_names

        def names() -> Sequence[Named]:  # made only when a check's cheap tests pass
            return doc_names(doc)

        counts = slips.word_counts(doc)
        heads = slips.headline_people(doc)
        found = chain(
            slips.connector_dropped(doc, names, counts),
            slips.misspelt_title(names, counts, self.knowledge),
            slips.against_headline(names, heads, counts),
            slips.surname_inside(names, counts, self.knowledge, heads),
        )
        taken = [(m.start, m.end) for m in reported]
        for slip in found:
            if any(s < slip.end and slip.start < e for s, e in taken):
                continue
            taken.append((slip.start, slip.end))
            line = doc.position(slip.evidence_at)[0]
            written = doc.prose[slip.start : slip.end]
            yield Match(
                slip.start,
                slip.end,
                f"'{written}' {slip.how}: write '{slip.right}' (evidence: the mention "
                f"'{slip.evidence}' (line {line})).",
                suggestions=(slip.right,),
                fix=slip.right if slip.safe else None,
            )

    def _by_keys(self, doc: Document) -> Iterator[Match]:
        """The garbles found by comparing name keys (see ``check``)."""
        from linter.packs.facts.docnames import doc_keys, doc_names
        from linter.packs.facts.nearwords import NearIndex, buckets, near_any

        yield from self._initial_surnames(doc)
        if not self._may_report(doc):
            return
        names = doc_names(doc)
        if not names:
            return
        keys = doc_keys(doc)
        counts = Counter(keys)
        order = list(counts)  # each key once, in the order of its first mention
        multi = [k for k in order if len(k) > 1]
        singles = [k for k in order if len(k) == 1]
        in_full_names = set(chain.from_iterable(multi))
        self._alone = {k[0] for k in singles}
        seen = _Seen(_hot(multi))
        indexed = bool(seen.hot_swaps or seen.hot_wild or seen.hot_drops)
        # The keys that can be reported: a multi-word key that may garble another or has a
        # near miss in the pack; a single word no full name holds, near a surname.
        near = self.knowledge.near
        watch = {k for k in multi if (indexed and seen.may_find(k)) or near(k) is not None}
        # surnames by first letter and length (near_spelling's first tests: the same
        # initial, at most two letters longer or shorter), each written once; a long
        # draft's many surnames by their deletions instead (the same answers)
        lasts = [k[-1] for k in multi if len(k[-1]) >= 4]
        if lasts:
            near_last = (
                NearIndex(lasts).near_any
                if len(lasts) > _INDEX_LASTS
                else partial(near_any, buckets(lasts))
            )
            watch.update(
                k
                for k in singles
                if len(k[0]) >= 5 and k[0] not in in_full_names and near_last(k[0])
            )
        if not watch:
            return
        at = dict(zip(order, count()))
        tails: dict[tuple[str, ...], int] = {}  # a tail of a longer key: first met
        for k in multi:
            if len(k) > 2:
                for i in range(1, len(k) - 1):
                    tails.setdefault(k[i:], at[k])
        visit = {at[k] for k in (watch | _indexing(multi, seen) if indexed else watch)}
        never = len(order)

        def met(x: tuple[str, ...], t: int) -> bool:
            return at.get(x, never) < t or tails.get(x, never) < t

        first_at: dict[tuple[str, ...], int] = {}
        for i, k in enumerate(keys):  # each key's first mention, indexed once
            first_at.setdefault(k, i)

        def first(key: tuple[str, ...]) -> Named:
            return names[first_at[key]]

        surnames = None
        for t in sorted(visit):
            key = order[t]
            if met(key, t):
                continue
            n = first(key)
            match = None
            if key in watch:
                if len(key) >= 2:
                    match = (self._multi(doc, n, seen, counts) if indexed else None) or (
                        self._known(doc, n)
                    )
                elif not n.sentence_initial:
                    if surnames is None:
                        surnames = self._surnames(multi, first, at)
                    match = self._surname(doc, n, t, surnames, counts)
            if match:
                yield match
            seen.add(key, n)
            for i in range(1, len(key) - 1):  # "Philosopher Noam Chomsky" names
                if not met(key[i:], t):
                    seen.add(key[i:], n)  # "Noam Chomsky" too

    def _initial_surnames(self, doc: Document) -> Iterator[Match]:
        """A surname misspelt at the start of a sentence ("... were lies. Mobtalvo was"
        after "Marc Montalvo"), which is no name mention (a capital there says nothing). Only
        a word written once, never in lower case, unknown to the dictionary and to the
        pack, one letter from the surname of a full name met before it, is reported."""
        from linter.packs.facts.name_slips import word_counts

        counts = word_counts(doc)  # a possessive ("Havill's") is a mention of its word
        rare = set(counts.rare)  # written once, never in lower case, no dictionary word
        if not rare:
            return
        cands = _initial_words(doc, rare)
        if not cands or not _may_be_surnames(doc, [w for _, _, w in cands]):
            return
        from linter.packs.facts.docnames import doc_names
        from linter.packs.facts.name_mentions import near_spelling_once as near_spelling

        firsts: dict[str, object] = {}
        for n in doc_names(doc):
            if len(n.key) >= 2 and len(n.words[-1]) >= 5 and n.words[-1] not in firsts:
                firsts[n.words[-1]] = n
        if not firsts:
            return
        by_bucket: dict[tuple[str, int], list[str]] = {}  # near_spelling's first tests
        for surname in firsts:
            by_bucket.setdefault((surname[0], len(surname)), []).append(surname)
        for start, end, word in cands:
            if self.knowledge.is_single_name(word):
                continue
            near = [
                w
                for size in range(len(word) - 2, len(word) + 3)
                for w in by_bucket.get((word[0], size), ())
            ]
            for surname in near:
                full = firsts[surname]
                if full.end <= start and near_spelling(surname, word):  # type: ignore[attr-defined]
                    yield Match(
                        start,
                        end,
                        f"'{word}' spells the surname in '{full.text}' another way: write "  # type: ignore[attr-defined]
                        f"'{surname}' (evidence: the earlier mention '{full.text}' (line "  # type: ignore[attr-defined]
                        f"{doc.position(full.start)[0]})).",  # type: ignore[attr-defined]
                        suggestions=(surname,),
                    )
                    break

    def _may_report(self, doc: Document) -> bool:
        """Whether any name of ``doc`` could be reported, decided before any name is made,
        from every key its runs can give (``run_keys``: a superset of the keys that
        ``doc_names`` finds) with set operations. A report needs a key with a near miss in
        the pack, two keys of one sorted form (a swap), a key that is another less an
        interior word (a drop), or two words that ``near_spelling`` pairs: at one place of
        two keys otherwise equal (a misspelling), or a single word and the last word of a
        full name (a surname). Each of these only grows with the set of keys."""
        from linter.packs.facts.docnames import headline_splits_run

        found = _doc_run_keys(doc)
        if not found:
            return False
        if any(map(_unknown, found)) or headline_splits_run(doc):
            return True
        multi = set().union(*map(_multi, found))
        if not multi:
            return False  # every report compares with a full name
        if self._near_hits(multi):
            return True
        cands = set().union(*map(_cands, found))
        if len(set(map(tuple, map(sorted, cands)))) < len(cands):
            return True  # two keys of one sorted form
        for k in _may_drop_into(list(cands), multi):
            if not multi.isdisjoint(variants(k)[DROP_FORMS]) and self._may_drop(k):
                return True
        singles = set().union(*map(_single_words, found))
        if singles and _surname_slip(doc, singles, multi, self.knowledge):
            return True
        return _near_one_apart(cands)

    def _may_drop(self, key: tuple[str, ...]) -> bool:
        """A mention of ``key`` may be what a dropped middle word is reported against:
        ``_person_like`` can be false for it (a title or the surname used alone only make
        it a person)."""
        found = self._droppable.get(key)
        if found is None:
            from linter.packs.facts.docnames import HEAD_NOUNS
            from linter.packs.facts.given_names import given_names

            hit = self.knowledge.lookup(key)
            if hit is not None:
                found = hit[1] != "person"
            elif key[-1] in HEAD_NOUNS:
                found = True
            else:
                known = given_names()
                found = known is not None and key[0] not in known
            if len(self._droppable) >= 100_000:
                self._droppable.clear()
            self._droppable[key] = found
        return found

    def _near_hits(self, multi: set[tuple[str, ...]]) -> bool:
        """Some key of ``multi`` has a near miss in the pack (answers kept for the run)."""
        new = multi - self._near_done
        if new:
            if len(self._near_done) >= 200_000:
                self._near_done.clear()
                self._near_hit.clear()
                new = multi
            near = self.knowledge.near
            self._near_hit.update(k for k in new if near(k) is not None)
            self._near_done |= new
        return not self._near_hit.isdisjoint(multi)

    @staticmethod
    def _surnames(multi, first, at) -> dict[str, list[tuple[int, str, Named]]]:
        """The last word of each full name, with the full name that first ends in it and
        when it is met, by first letter (near_spelling refuses words of other initials
        and words under four letters)."""
        found: dict[str, tuple[int, str, Named]] = {}
        for k in multi:
            if k[-1] not in found:
                found[k[-1]] = (at[k], k[-1], first(k))
        by_initial: dict[str, list[tuple[int, str, Named]]] = {}
        for t, last, n in found.values():
            if len(last) >= 4:
                by_initial.setdefault(last[0].lower(), []).append((t, last, n))
        return by_initial

    # ---- against earlier mentions ---------------------------------------------------
    def _multi(self, doc: Document, n: Named, seen: _Seen, counts: Counter) -> Match | None:

        key = n.key
        if " ".join(key) in self.knowledge.exact:
            return None
        if not (seen.swaps or seen.wild or seen.drops):
            return None  # nothing indexed yet that this name could garble
        match = self._against_earlier(doc, n, seen, counts)
        if match is not None and self.knowledge.known(key):
            return None  # a real place of that name (checked only now: it costs a load)
        return match

    def _against_earlier(self, doc: Document, n: Named, seen: _Seen, counts: Counter):
        from linter.packs.facts.given_names import both_given_names
        from linter.packs.facts.name_mentions import near_spelling

        key = n.key
        hot = seen.hot
        for k1 in seen.swaps.get(tuple(sorted(key)), ()) if key in hot.swap_keys else ():
            if k1 != key:
                first = seen.first[k1]
                if institutional_variant(first.words, n.words):
                    continue  # "Department of Homeland Security", "Homeland Security Department"
                return self._report(
                    doc, n, first.text, "has its words in the wrong order", evidence=first
                )
        for k1, i in seen.drops.get(key, ()):
            first = seen.first[k1]
            if k1[-1] in SHORT_TITLE_HEADS:
                continue  # "the Inflation Act", "the 7th District": a short title
            # no "of" or initials inside, and not a person's middle name
            if len(first.words) == len(k1) and not self._person_like(first):
                return self._dropped(doc, n, first.text, k1[i], evidence=first)
        wild = wild_forms(key) if key in hot.wild_keys else ()
        for i in range(len(wild)):
            for k1 in seen.near_wild(wild[i], key[i]):
                if k1 == key or counts[key] > max(counts[k1], 1):
                    continue
                if i == 0 and both_given_names(k1[0], key[0]):
                    continue  # Mark and Mary Smith: two people of one family
                if (
                    near_spelling(k1[i], key[i])
                    and not self.knowledge.is_single_name(key[i])
                    and not both_frequent(doc, k1[i], key[i])
                ):
                    first = seen.first[k1]
                    if two_real_people(first.words, n.words):
                        continue  # "Bob Casey" and "Ed Case": both in the record
                    return self._report(
                        doc, n, first.text, "is misspelled", evidence=first, safe=False
                    )
        return None

    def _person_like(self, n: Named) -> bool:
        """A person's name, whose middle names may be dropped: known as a person, or written
        with a personal title ("Sen.", "Mr"), with its last word used alone elsewhere in the
        document, as news copy refers to people by surname ("Perdue said"), or beginning
        with a given name ("Jacob Timothy Cone")."""
        from linter.packs.facts.docnames import HEAD_NOUNS
        from linter.packs.facts.given_names import given_names

        hit = self.knowledge.lookup(n.key)
        if hit is not None:
            return hit[1] == "person"
        if n.key[-1] in HEAD_NOUNS:
            return False  # "Sandy Recovery Improvement Act", "Perdue Elementary School"
        if n.title or n.key[-1] in self._alone:
            return True
        known = given_names()
        return known is None or n.key[0] in known

    def _lowercase(self, doc: Document, word: str) -> bool:
        """The document writes ``word`` in lower case (a common word, not a name)."""
        return word in doc.word_set and word.islower()

    def _surname(self, doc, n, t, surnames, counts) -> Match | None:
        """A single word (met at ``t``) that spells the surname of a full name met before
        another way (each single word is judged once: its pairs are not kept)."""
        from linter.packs.facts.name_mentions import near_spelling_once as near_spelling

        word = n.key[0]
        written = n.words[0]
        if written.isupper() or (not written.isalpha() and any(c.isdigit() for c in written)):
            return None
        if self._lowercase(doc, word):
            return None
        for when, surname, full in surnames.get(word[0].lower(), ()):
            if when > t:
                break
            if (
                near_spelling(surname, word)
                and not self.knowledge.is_single_name(word)
                and counts[(word,)] <= counts[full.key] + counts[(surname,)]
                and not both_frequent(doc, surname, word)
            ):
                right = full.words[-1]
                return self._report(
                    doc,
                    n,
                    right,
                    f"spells the surname in '{full.text}' another way",
                    evidence=full,
                    safe=False,
                    fix_text=right,
                )
        return None

    # ---- against the knowledge pack -------------------------------------------------
    def _known(self, doc: Document, n: Named) -> Match | None:
        near = self.knowledge.near(n.key)
        if near is None:
            return None
        evidence = f"knowledge pack: {near.source}"
        if near.how == "dropped" and n.key[-1] in SHORT_TITLE_HEADS:
            return None
        if near.how == "swapped" and institutional_variant(tuple(near.name.split()), n.words):
            return None
        if near.how == "dropped":
            return self._dropped(doc, n, near.name, near.dropped, source=evidence)
        how = "is misspelled" if near.how == "misspelled" else "has its words in the wrong order"
        return self._report(doc, n, near.name, how, source=evidence)

    # ---- reporting ------------------------------------------------------------------
    def _dropped(self, doc, n, right: str, dropped: str, evidence=None, source="") -> Match:
        import re

        after = re.match(r"[.;:!?,]\s+(\w+)", doc.prose[n.end : n.end + 60])
        if after and after.group(1).lower() == dropped:
            end = n.end + after.end(1)
            return self._report(
                doc,
                n,
                right,
                "has a word pushed across the punctuation",
                evidence=evidence,
                source=source,
                end=end,
            )
        return self._report(
            doc,
            n,
            right,
            f"drops '{dropped.title()}' from the middle",
            evidence=evidence,
            source=source,
            safe=False,
        )

    def _report(
        self, doc, n, right, how, evidence=None, source="", safe=True, end=None, fix_text=None
    ) -> Match:
        end = n.end if end is None else end
        written = doc.prose[n.start : end]
        if evidence is not None:
            line = doc.position(evidence.start)[0]
            where = f"the earlier mention '{evidence.text}' (line {line})"
        else:
            where = source
        fix = fix_text or right
        message = f"'{written}' {how}: write '{fix}' (evidence: {where})."
        return Match(n.start, end, message, suggestions=(fix,), fix=fix if safe else None)


RULES = [GarbledName]
