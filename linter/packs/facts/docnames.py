"""Name mentions of one document, titles stripped, cached on the Document object."""

from __future__ import annotations

import contextlib
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import chain, repeat
from operator import add, itemgetter
from typing import TYPE_CHECKING, NamedTuple, overload

from linter.memo import BoundedMemo, PerDocument
from linter.packs.facts.index import name_key
from linter.packs.facts.name_mentions import (
    _PLAIN_RUN,
    CONNECTORS,
    FUNCTION_WORDS,
    TOKEN_RE,
    Mention,
    is_initial,
    run_mentions,
    run_texts,
    strip_possessive,
)
from linter.packs.facts.starts import DOT_SPACE_RE, SentenceStarts

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

TITLE_WORDS = frozenset(
    """President Vice Prime Minister Chancellor Premier Secretary General Secretary-General
    Senator Sen Rep Representative Gov Governor Mayor Judge Justice King Queen Prince Princess
    Pope Mr Mrs Ms Miss Dr Sir Dame Lord Lady Chief Executive CEO Chairman Chairwoman Chair
    Speaker Leader Former Gen Col Lt Capt Sgt Adm Maj Cpl Rev Father Bishop Archbishop Cardinal
    Professor Prof Officer Detective Det Agent Coach Captain Commissioner Attorney Ambassador
    Deputy Congressman Congresswoman Councilman Councilwoman Councillor Sheriff Trooper Actor
    Actress Rapper Singer Director Founder Co-founder Minority Majority Whip Sheikh Emir Crown
    Supreme Leader Dear Hon Honorable Rabbi Imam Pastor Brother Sister Saint""".split()
)
HEAD_NOUNS = frozenset(
    """school university college academy institute hospital church party company corporation
    bank council committee commission department ministry agency association society foundation
    museum center centre hall park street avenue road bridge river lake mountain mountains
    airport station stadium arena court office service army navy force police board club group
    league union organization organisation federation times post news journal network festival
    award awards prize act program programme project fund trust exchange market island islands
    county city state province region district valley bay beach square building tower hotel
    library laboratory cathedral mosque temple prison base reserve administration bureau
    authority senate assembly parliament congress cup games championship olympics conference
    summit expo convention elementary highway bureau guard corps coalition alliance caucus
    fair village system monument initiative campaign plan forum show series agreement treaty
    accord law code tournament open marathon inc corp ltd llc partners holdings studios
    records press magazine review gazette herald tribune daily weekly radio television
    channel hall institute caucuses fellowship scholarship challenge olympiad""".split()
)
STOP_AFTER = re.compile(r"[.;:!?,]\s+")


class Named(tuple):
    """A mention without its leading titles, with its lookup key: a run's name template
    and the run's offset (two references: a document's names are made in C, and the
    fields are computed only when read)."""

    __slots__ = ()

    @property
    def key(self) -> tuple[str, ...]:
        return self[0][0]

    @property
    def title(self) -> tuple[str, ...]:
        """The title words stripped from the front."""
        return self[0][1]

    @property
    def start(self) -> int:
        return self[0][2] + self[1]

    @property
    def end(self) -> int:
        return self[0][3] + self[1]

    @property
    def words(self) -> tuple[str, ...]:
        return self[0][4]

    @property
    def sentence_initial(self) -> bool:
        return self[0][5]

    @property
    def text(self) -> str:
        return " ".join(self[0][4])

    @property
    def mention(self) -> Mention:
        t, base = self
        return Mention(t[2] + base, t[3] + base, t[4], t[6], t[5], base)

    def __repr__(self) -> str:
        return f"Named(key={self.key}, title={self.title}, start={self.start}, end={self.end})"


def sentence_starts(doc: Document) -> set[int]:
    starts = {s for s, _ in doc.sentences}
    starts.update(s for s, _ in doc.paragraphs)
    starts.update(doc.line_starts)
    return starts


def _cut(m: Mention, i: int, **changes) -> Mention:
    """``m`` from its ``i``-th word on (``changes`` override fields)."""
    return m._replace(
        start=m.rel_spans[i][0], words=m.words[i:], rel_spans=m.rel_spans[i:], **changes
    )


def _strip_title(m: Mention) -> tuple[Mention, tuple[str, ...]]:
    i = 0
    while i < len(m.words) - 1 and m.words[i].rstrip(".") in TITLE_WORDS:
        i += 1
    if i == 0:
        return m, ()
    return _cut(m, i, sentence_initial=False), m.words[:i]


def _head(m: Mention) -> Mention | None:
    """The part of "Matthew Ingram of Reuters" before its first connector, when it is a name
    of two words or more on its own."""
    for i, w in enumerate(m.words):
        if w.islower() and w in CONNECTORS:
            if i >= 2 and len(name_key(m.words[:i])) >= 2:
                return m._replace(
                    end=m.rel_spans[i - 1][1], words=m.words[:i], rel_spans=m.rel_spans[:i]
                )
            return None
    return None


_SMALL = frozenset("the and for from with into but nor over onto upon".split())
_LONGER_RE = re.compile(r"[A-Za-z]{3,}")


def title_cased(line: str) -> bool:
    """A Title Case headline: most longer words capitalised (its capitals say nothing)."""
    words = [w for w in _LONGER_RE.findall(line) if w.lower() not in _SMALL]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# ---- names of one run, kept for the process -------------------------------------------
# A run of capitalised words ("President Joe Biden of the United States") yields the same
# names wherever it recurs; only whether a sentence starts in it, the character before it
# (a "#" or "@" handle), code spans and the document's other capitals change the outcome.
# So each distinct run is analysed once, offsets relative to its start, and a document's
# names are these templates shifted to where its runs are.

_Template = tuple  # a Named's fields but ``base``, offsets relative to the run


# One mention of a run, a plain tuple (start, end, first, plain, alone): its offsets, its
# first word, its names as written (``plain``) and, for a sentence-initial mention whose
# first word the document never capitalises elsewhere, instead (``alone``; ``plain`` itself
# when it does not matter).
_Entry = tuple
E_START, E_END, E_FIRST, E_PLAIN, E_ALONE = range(5)

# A run's analysis, a plain tuple with the fields below. Plain tuples, not named ones: a
# tuple holding only strings, numbers and such tuples is untracked by the garbage collector
# once it has looked at it, where a named tuple (or a frozenset) stays tracked, and the
# table of every run met holds thousands.
_Run = tuple
R_ENTRIES = 0  # the entries of its mentions
R_NAMES = 1  # its names, or None: they depend on the document's capitals
R_CAPS = 2  # capitals that show the document capitalises a word mid-name
R_CAPS_REST = 3  # the same without the first mention (dropped after "#")
R_FIRST_AT_START = 4  # the first mention starts the run
# when one mention's first word decides: that word (else None), and the names if the
# document capitalises it elsewhere and if not
R_WORD = 5
R_NAMES_IF = 6


def _names_of(m: Mention) -> tuple[_Template, ...]:
    m, title = _strip_title(m)
    out = []
    key = name_key(m.words)
    if key:
        out.append((key, title, m.start, m.end, m.words, m.sentence_initial, m.rel_spans))
    head = _head(m)
    if head is not None:
        h = head
        out.append(
            (name_key(h.words), (), h.start, h.end, h.words, h.sentence_initial, h.rel_spans)
        )
    return tuple(out)


def _caps(found: tuple[Mention, ...]) -> tuple[str, ...]:
    caps = {m.words[0] for m in found if not m.sentence_initial}
    for m in found:
        caps.update(m.words[1:])
    return tuple(caps)


def _alone(m: Mention, plain: tuple[_Template, ...]) -> tuple[_Template, ...]:
    """The names of ``m`` when its first word (at a sentence start) is capitalised nowhere
    else in the document: ``plain`` itself when that changes nothing."""
    if not m.sentence_initial:
        return plain
    if len(m.words) == 1:
        return ()
    if not m.words[1][:1].islower():
        return plain
    i = 1
    while i < len(m.words) and m.words[i][:1].islower():
        i += 1  # "Hundreds of Musk", "Members of the Blue Caucus": connectors go
    return () if i >= len(m.words) else _names_of(_cut(m, i))


def _analyse(text: str, initial: bool, inside: tuple[int, ...]) -> _Run:
    found = run_mentions(text, initial, inside)
    if len(found) == 1 and len(found[0].words) == 1:
        return _one_word(found[0])
    entries: list[_Entry] = []
    for m in found:
        plain = _names_of(m)
        alone = _alone(m, plain)
        entries.append((m.start, m.end, m.words[0], plain, alone))
    deciding = [e for e in entries if e[E_PLAIN] is not e[E_ALONE]]
    names = None if deciding else tuple(t for e in entries for t in e[E_PLAIN])
    word: str | None = None
    names_if: tuple[tuple[_Template, ...], tuple[_Template, ...]] = ((), ())
    if len(deciding) == 1:
        word = deciding[0][E_FIRST]
        names_if = (
            tuple(
                t
                for e in entries
                for t in (e[E_ALONE] if e[E_PLAIN] is not e[E_ALONE] else e[E_PLAIN])
            ),
            tuple(t for e in entries for t in e[E_PLAIN]),
        )
    first_at_start = bool(found) and found[0].start == 0
    caps = _caps(found)
    return (
        tuple(entries),
        names,
        caps,
        _caps(found[1:]) if first_at_start else caps,
        first_at_start,
        word,
        names_if,
    )


def _one_word(m: Mention) -> _Run:
    """``_analyse`` of the commonest run: one mention of one word (no title to strip, no
    connector to cut at)."""
    key = name_key(m.words)
    plain = ((key, (), m.start, m.end, m.words, m.sentence_initial, m.rel_spans),) if key else ()
    alone = () if m.sentence_initial else plain
    caps = _NO_CAPS if m.sentence_initial else m.words
    first_at_start = m.start == 0
    decides = alone is not plain
    return (
        ((m.start, m.end, m.words[0], plain, alone),),
        None if decides else plain,
        caps,
        _NO_CAPS if first_at_start else caps,
        first_at_start,
        m.words[0] if decides else None,
        (alone, plain),
    )


_NO_CAPS: tuple[str, ...] = ()


def _choose(run: _Run, at: int, skip_first: bool, code, inner_caps: set[str]) -> tuple:
    """A run's names in a document, mention by mention."""
    out: list[_Template] = []
    entries = run[R_ENTRIES]
    for start, end, first, plain, alone in entries[1:] if skip_first else entries:
        if code is not None and code.overlaps(start + at, end + at):
            continue
        out.extend(alone if plain is not alone and first not in inner_caps else plain)
    return tuple(out)


# Distinct runs, by text ("\0" appended when a sentence starts with the run); a run with a
# full stop inside, where a sentence may start, is kept by (text, initial, starts inside).
_LIMIT = 20_000  # entries kept per table: a bound on memory over a long run of documents
_RUNS: BoundedMemo[str, _Run] = BoundedMemo(_LIMIT)
_INSIDE: BoundedMemo[tuple, _Run] = BoundedMemo(_LIMIT)
# placeholders among the runs, never equal to a real one (a real run whose names are left
# to the document has entries): in ``_RUNS``, a run with a full stop inside; as the default
# of a lookup, a run not seen yet
_SEE_INSIDE: _Run = ((), None, _NO_CAPS, _NO_CAPS, False, None, ((), ()))
_UNSEEN: _Run = ((), None, _NO_CAPS, _NO_CAPS, True, None, ((), ()))
_MARK = ("", "\0")
_HANDLE_RE = re.compile("[#@]")
_get_names = itemgetter(R_NAMES)
_get_caps = itemgetter(R_CAPS)


def _indexes(items: list, value) -> list[int]:
    """Where ``value`` is in ``items`` (by identity or equality), found by C scans."""
    out: list[int] = []
    i = -1
    with contextlib.suppress(ValueError):
        while True:
            i = items.index(value, i + 1)
            out.append(i)
    return out


def _with_inside(starts: SentenceStarts, s: int, text: str, initial: bool) -> _Run:
    inside = starts.inside(s, text)
    key = (text, initial, inside)
    return _INSIDE.get(key) or _INSIDE.remember(key, _analyse(text, initial, inside))


def _body_start(doc: Document) -> int:
    """Where names are looked for: after a Title Case headline (its capitals say nothing)."""
    head = doc.headline
    if head and title_cased(doc.prose[head[0] : head[1]]):
        return head[1]
    return 0


class _DocRuns(NamedTuple):
    offsets: Sequence[int]  # an array: no int object per run kept with the document
    texts: list[str]
    before: str
    start: int  # where the body starts (after a Title Case headline)


def doc_runs(doc: Document) -> _DocRuns:
    """The runs of capitalised words after the headline, kept on the document."""
    return _DOC_RUNS.of(doc)


def _doc_runs(doc: Document) -> _DocRuns:
    start = _body_start(doc)
    offsets, texts, before = run_texts(doc.prose, start)
    long = (
        [i for i, t in enumerate(texts) if len(t) > _LONG_CHARS and _too_long(t)]
        if texts and max(map(len, texts)) > _LONG_CHARS  # in C: most drafts have none
        else ()
    )
    if long:  # no name is that long: leave the run out (bounds the work on it)
        drop = set(long)
        keep = [i for i in range(len(texts)) if i not in drop]
        offsets = [offsets[i] for i in keep]
        texts = [texts[i] for i in keep]
        before = "".join(before[i] for i in keep)
    return _DocRuns(array("q", offsets), texts, before, start)


_DOC_RUNS: PerDocument[_DocRuns] = PerDocument("facts: runs of capitals", _doc_runs)


MAX_RUN_WORDS = 16  # a run of more capitalised words is a Title Case line, not a name
_LONG_CHARS = MAX_RUN_WORDS * 2


def _too_long(text: str) -> bool:
    return text.count(" ") + text.count("\u00a0") + text.count("\n") >= MAX_RUN_WORDS


# ---- every key a run may give, whatever the document around it -------------------------
# FACT001 asks first whether a document could hold a reportable name at all, from the keys
# its runs can give, before making any names. Which of a run's keys a document gets depends
# on sentence starts (at the run's start and after a full stop inside it), on the
# document's other capitals, on code spans and handles; the union over all of these is a
# property of the run text alone, kept for the process.

_MAX_INSIDE = 4  # more full stops inside a run: its keys are left unknown


# A run's keys: a plain tuple of tuples (multi, single, unknown, cands, words,
# single_words), read with the indexes below. A tuple holding only strings, tuples of them
# and a bool is left alone by the garbage collector once it has looked at it, where a named
# tuple or a frozenset stays tracked: the table of every run met holds thousands.
RunKeys = tuple
MULTI = 0  # keys of two words or more
SINGLE = 1  # keys of one word
UNKNOWN = 2  # too many ways to read the run: the keys above are incomplete
CANDS = 3  # ``multi`` and their tails of two words or more
WORDS = 4  # the words of ``multi``
SINGLE_WORDS = 5  # the words of ``single``


class _KeySets(BoundedMemo[str, RunKeys]):
    """Each run text's keys, worked out when first asked for (a miss calls ``__missing__``;
    hits stay in C), at most ``_LIMIT`` kept."""

    def __missing__(self, text: str) -> RunKeys:
        return self.remember(text, _keys_of_run(text))


_KEYSETS = _KeySets(_LIMIT)
_NO_KEYS: tuple[tuple[str, ...], ...] = ()
_NO_WORDS: tuple[str, ...] = ()
_UNKNOWN = (_NO_KEYS, _NO_KEYS, True, _NO_KEYS, _NO_WORDS, _NO_WORDS)


_MENTION_KEYS: BoundedMemo[tuple[str, ...], tuple[tuple[str, ...], ...]] = BoundedMemo(_LIMIT)
_ALONE_KEYS: BoundedMemo[tuple[str, ...], tuple[tuple[str, ...], ...]] = BoundedMemo(_LIMIT)


def _mention_keys(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The keys of ``_names_of`` for a mention of ``words`` (they depend on its words
    alone): its key without leading titles, and that of its head before a connector."""
    found = _MENTION_KEYS.get(words)
    if found is None:
        n, i = len(words), 0
        while i < n - 1 and words[i].rstrip(".") in TITLE_WORDS:
            i += 1
        w = words[i:] if i else words
        key = name_key(w)
        found = (key,) if key else ()
        for j, x in enumerate(w):
            if x.islower() and x in CONNECTORS:
                if j >= 2:
                    head = name_key(w[:j])
                    if len(head) >= 2:
                        found = (*found, head)
                break
        found = _MENTION_KEYS.remember(words, found)
    return found


def _alone_keys(words: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The keys ``_alone`` may add for a sentence-initial mention of ``words``: those of
    the words after the lower-case ones that follow its first ("Hundreds of Musk")."""
    found = _ALONE_KEYS.get(words)
    if found is None:
        n, i = len(words), 1
        while i < n and words[i][:1].islower():
            i += 1
        found = _mention_keys(words[i:]) if 1 < i < n else ()
        found = _ALONE_KEYS.remember(words, found)
    return found


def _one_token_key(text: str) -> tuple[str, ...]:
    """The key of a run of one token (``run_mentions`` of it, read as no sentence start)."""
    w = text[:-1] if text[-1] == "." and not is_initial(text) else text
    word = w if is_initial(w) else strip_possessive(w).rstrip(".")
    return name_key((word,))


def _plain_words(text: str, initial: bool) -> list[tuple[str, ...]]:
    """The words of ``run_mentions(text, initial)`` for a run that ``_PLAIN_RUN`` matches,
    without its offsets and Mention objects (the keys of a run need its words alone)."""
    pieces = text.split(" ")
    last = pieces[-1]
    if last[-1] == ".":  # a full stop ends the last mention (its word goes without it)
        pieces[-1] = last = last[:-1]
    out: list[tuple[str, ...]] = []
    current: list[str] = []
    for i, w in enumerate(pieces):
        if w[0].isupper():
            if not current:
                if initial and i == 0 and w.lower() in FUNCTION_WORDS:
                    continue
            elif w in ("The", "A") and current[-1].islower():
                _flush(current, out)  # "Matthew Ingram of The Globe": two names
            current.append(w)
        elif current:
            if w in CONNECTORS:
                current.append(w)
            else:
                _flush(current, out)
    if current and last[-2:] in ("'s", "’s"):  # a possessive: its word goes without it
        current[-1] = current[-1][:-2]
    _flush(current, out)
    return out


def _flush(current: list[str], out: list[tuple[str, ...]]) -> None:
    """A mention of ``current`` less its trailing connectors, if any word is left."""
    while current and current[-1].islower():
        current.pop()
    if current:
        out.append(tuple(current))
        current.clear()


_NO_RUN_KEYS = (_NO_KEYS, _NO_KEYS, False, _NO_KEYS, _NO_WORDS, _NO_WORDS)


# A run of capitalised words of ASCII letters one space apart, the last perhaps possessive
# or before a full stop (most runs of two words or more): one mention, whatever the
# sentence starts (no connector, no full stop inside), and a second without its first word
# if that is a function word.
_CAPS_RUN = re.compile(
    r"[A-Z][A-Za-z]*(?: [A-Z][A-Za-z]*)*(?: [A-Z][A-Za-z]*['’]s| [A-Z][A-Za-z]+\.)?"
).fullmatch


def _caps_key(words: list[str]) -> tuple[str, ...]:
    """``name_key`` of capitalised words of letters, its leading titles left out (the key
    ``_mention_keys`` gives for them)."""
    n, i = len(words), 0
    while i < n - 1 and words[i] in TITLE_WORDS:
        i += 1
    return tuple([w.lower() for w in words[i:] if len(w) > 1 and w.lower() not in CONNECTORS])


def _caps_run_keys(text: str) -> RunKeys:
    """``_keys_of_run`` of a run that ``_CAPS_RUN`` matches, without its mentions: the
    words less the last one's full stop or possessive; ``_plain_words`` reads one mention
    of them, and at a sentence start one without a first function word (``_alone_keys``
    adds nothing: no word after the first is in lower case)."""
    found: set[tuple[str, ...]] = set()
    _add_caps_keys(text, found)
    return _run_keys(found)


def _add_caps_keys(text: str, found: set[tuple[str, ...]]) -> None:
    """``_add_keys`` of a run (or part of one) that ``_CAPS_RUN`` matches."""
    words = text.split(" ")
    last = words[-1]
    if last[-1] == ".":
        words[-1] = last = last[:-1]
    if last[-2:] in ("'s", "’s"):
        words[-1] = last[:-2]
    key = _caps_key(words)
    if key:
        found.add(key)
    if words[0].lower() in FUNCTION_WORDS:
        key = _caps_key(words[1:])
        if key:
            found.add(key)


def _keys_of_run(text: str) -> RunKeys:
    if " " not in text and "\u00a0" not in text:  # one token: one key, or none at all
        key = _one_token_key(text)
        if not key:
            return _NO_RUN_KEYS
        return (_NO_KEYS, (key,), False, _NO_KEYS, _NO_WORDS, key)
    if _CAPS_RUN(text) is not None:
        return _caps_run_keys(text)
    cuts = [m.end() for m in DOT_SPACE_RE.finditer(text)] if "." in text else []
    if len(cuts) > _MAX_INSIDE:
        return _UNKNOWN
    found: set[tuple[str, ...]] = set()
    if not cuts:
        _add_keys(text, found)
        return _run_keys(found)
    # A full stop after an initial ("J. Smith") cuts no mention, so a sentence start there
    # changes nothing; after any other token the mention ends there, and the next one
    # starts as at the start of a run. So the run's keys under every choice of sentence
    # starts inside it are those of its parts between such full stops, each read alone.
    at = 0
    for cut in cuts:
        if not (text[cut - 3].isupper() and (cut == 3 or text[cut - 4] in " \u00a0")):
            _add_keys(text[at : cut - 1], found)
            at = cut
    _add_keys(text[at:], found)
    return _run_keys(found)


def _add_keys(text: str, found: set[tuple[str, ...]]) -> None:
    """Add to ``found`` the keys of run ``text`` (or a part of a run between full stops),
    with or without a sentence start at it, and none after a full stop inside it."""
    # A sentence starting at the run changes its names only through its first mention:
    # a function word there is dropped (then the run is read again), or the mention's
    # first word may be capitalised nowhere else (its names read alone, ``_alone``).
    if _CAPS_RUN(text) is not None:
        _add_caps_keys(text, found)
        return
    if _PLAIN_RUN(text) is not None:
        mentions = _plain_words(text, False)
        for words in mentions:
            found.update(_mention_keys(words))
        first = mentions[0]  # it starts at the run's first word, a token of letters
        if first[0].lower() not in FUNCTION_WORDS:  # at a sentence start, read alone
            found.update(_alone_keys(first))
        else:  # the function word dropped at a sentence start
            for words in _plain_words(text, True):
                found.update(_mention_keys(words))
        return
    if not text[:1].isupper() and " " not in text and "\u00a0" not in text:
        return  # one token, no capital (``run_mentions`` expects one at the start)
    token = TOKEN_RE.match(text)
    word = token.group() if token else ""
    if word.endswith(".") and not is_initial(word):
        word = word[:-1]
    once = bool(token) and word.lower() not in FUNCTION_WORDS
    for initial in (False,) if once else (False, True):
        for m in run_mentions(text, initial, ()):  # as _analyse reads it
            words = m.words
            found.update(_mention_keys(words))
            if (m.sentence_initial or (once and m.start == 0)) and len(words) > 1:
                found.update(_alone_keys(words))


def _run_keys(found: set[tuple[str, ...]]) -> RunKeys:
    if len(found) == 1:
        (key,) = found
        if len(key) == 1:
            return (_NO_KEYS, (key,), False, _NO_KEYS, _NO_WORDS, key)
        if len(key) == 2:
            return ((key,), _NO_KEYS, False, (key,), tuple(set(key)), _NO_WORDS)
    multi = [k for k in found if len(k) > 1]
    single = [k for k in found if len(k) == 1]
    tails = {k[i:] for k in multi for i in range(1, len(k) - 1)}
    return (
        tuple(multi),
        tuple(single),
        False,
        tuple(tails.union(multi)),
        tuple(set(chain.from_iterable(multi))),
        tuple(set(chain.from_iterable(single))),
    )


def run_keys(texts: list[str]) -> list[RunKeys]:
    """For each run text, every key the run can give in some document (``doc_names`` gives
    a subset: a sentence may start at the run or after a full stop in it, or not; its first
    word may be capitalised elsewhere, or not; a mention may be in code or after a handle)."""
    return list(map(_KEYSETS.__getitem__, texts))


def _run_after_headline(doc: Document) -> int:
    """The index of the run the sentence after the headline starts strictly inside, or -1."""
    if not doc.headline:
        return -1
    prose = doc.prose
    offsets, texts, _, _ = doc_runs(doc)
    at = doc.headline[1]
    while at < len(prose) and prose[at].isspace():
        at += 1
    i = bisect_right(offsets, at) - 1
    return i if i >= 0 and offsets[i] < at < offsets[i] + len(texts[i]) else -1


def headline_splits_run(doc: Document) -> bool:
    """The sentence after the headline starts inside a run (its keys are not those of
    ``run_keys``, which knows only the full stops inside a run)."""
    return _run_after_headline(doc) >= 0


def doc_names(doc: Document) -> NameList:
    """The document's name mentions outside the headline and code, in text order. A
    capitalised word at the start of a sentence counts only if the document also capitalises
    it elsewhere (so "Oddly enough" is no name).

    Runs are looked up in C (``map`` over the run texts); Python steps only for runs seen
    for the first time, runs with a full stop inside, runs after "#" or "@", runs in code
    and sentence-initial mentions whose fate depends on the document's other capitals."""
    return _DOC_NAMES.of(doc)[0]


def _doc_names(doc: Document) -> tuple[NameList, list[tuple[str, ...]]]:
    """The names and their keys (made in C), computed together."""
    prose = doc.prose
    offsets, texts, before, body_start = doc_runs(doc)
    if not offsets:
        return NameList([], array("q")), []
    starts = SentenceStarts(doc)
    flags = starts.flags(offsets)
    keys = map(add, texts, map(_MARK.__getitem__, flags))
    infos = list(map(_RUNS.get, keys, repeat(_UNSEEN)))
    # first seen: each distinct run analysed once for the document, however often it recurs
    # (a fresh draft's new runs recur: on 10 MB of prose 158,000 runs are 27,000 distinct)
    made: dict[str, _Run] = {}
    for i in _indexes(infos, _UNSEEN):
        text = texts[i]
        key = text + _MARK[flags[i]]
        run = made.get(key)
        if run is None:
            if ". " in text or ".\u00a0" in text:  # a sentence may start inside
                run = made[key] = _RUNS.remember(key, _SEE_INSIDE)
            else:
                run = made[key] = _RUNS.remember(key, _analyse(text, flags[i], ()))
        infos[i] = _with_inside(starts, offsets[i], text, flags[i]) if run is _SEE_INSIDE else run
    del made
    for i in _indexes(infos, _SEE_INSIDE):
        infos[i] = _with_inside(starts, offsets[i], texts[i], flags[i])
    i = _run_after_headline(doc)
    if i >= 0:  # the sentence after the headline starts inside a run
        infos[i] = _with_inside(starts, offsets[i], texts[i], flags[i])
    # runs whose names are chosen mention by mention: after a handle, in code
    at_handle = [m.start() for m in _HANDLE_RE.finditer(before)]
    if offsets and offsets[0] == body_start and prose[body_start - 1 : body_start] in ("#", "@"):
        at_handle.insert(0, 0)  # ``before`` shows a space at the start of the body
    handles = [i for i in at_handle if infos[i][R_FIRST_AT_START]]
    caps = list(map(_get_caps, infos))
    for i in handles:
        caps[i] = infos[i][R_CAPS_REST]
    inner_caps = set().union(*caps)
    code = doc.code if len(doc.code) else None
    special = set(handles)
    if code is not None:
        for cs, ce in code:
            special.update(range(max(0, bisect_right(offsets, cs) - 1), bisect_left(offsets, ce)))
    chosen = list(map(_get_names, infos))
    for i in _indexes(chosen, None):
        run = infos[i]
        word = run[R_WORD]
        if word is None:
            special.add(i)
        else:  # names_if[True]: the document capitalises the word elsewhere
            chosen[i] = run[R_NAMES_IF][word in inner_caps]
    skip = set(handles)
    for i in special:
        chosen[i] = _choose(infos[i], offsets[i], i in skip, code, inner_caps)
    flat = list(chain.from_iterable(chosen))
    bases = array("q", chain.from_iterable(map(repeat, offsets, map(len, chosen))))
    return NameList(flat, bases), list(map(itemgetter(0), flat))


class NameList(Sequence[Named]):
    """A document's names as two columns, each ``Named`` made when read: its template and
    its run's offset (an array). A 10 MB draft has about 190,000 names; kept as tuples
    they and their offsets took some 16 MB of small objects, which pinned the allocator's
    arenas long after the document's analyses were dropped."""

    __slots__ = ("bases", "templates")

    def __init__(self, templates: list[_Template], bases: array) -> None:
        self.templates = templates
        self.bases = bases

    def __len__(self) -> int:
        return len(self.templates)

    def __iter__(self) -> Iterator[Named]:
        return map(tuple.__new__, repeat(Named), zip(self.templates, self.bases, strict=True))

    @overload
    def __getitem__(self, i: int) -> Named: ...

    @overload
    def __getitem__(self, i: slice) -> list[Named]: ...

    def __getitem__(self, i: int | slice) -> Named | list[Named]:
        if isinstance(i, slice):
            return list(
                map(
                    tuple.__new__, repeat(Named), zip(self.templates[i], self.bases[i], strict=True)
                )
            )
        return tuple.__new__(Named, (self.templates[i], self.bases[i]))

    def starts(self) -> array:
        """Where each name starts (template start plus offset), in C."""
        return array("q", map(add, map(itemgetter(2), self.templates), self.bases))


_DOC_NAMES: PerDocument[tuple[NameList, list[tuple[str, ...]]]] = PerDocument(
    "facts: name mentions", _doc_names
)


def doc_keys(doc: Document) -> list[tuple[str, ...]]:
    """The keys of ``doc_names(doc)``, in the same order (made in C)."""
    return _DOC_NAMES.of(doc)[1]


def lowercase_words(doc: Document) -> set[str]:
    """Words the document writes in lower case (common words, not names)."""
    return _LOWER.of(doc)


_LOWER: PerDocument[set[str]] = PerDocument(
    "facts: lower-case words", lambda doc: {w for _, _, w in doc.words if w.islower()}
)


def sentence_at(doc: Document, offset: int) -> tuple[int, int, int]:
    """(index, start, end) of the sentence holding ``offset`` (bisection: many lookups in
    a long document stay cheap); (-1, offset, offset) between sentences."""
    from bisect import bisect_right

    i = bisect_right(_SENTENCE_STARTS.of(doc), offset) - 1
    if i >= 0:
        s, e = doc.sentences[i]
        if offset < e:
            return i, s, e
    return -1, offset, offset


def names_between(doc: Document, start: int, end: int) -> list[Named]:
    """The document's names starting in ``[start, end)``, by bisection."""
    from bisect import bisect_left

    names = doc_names(doc)
    starts = _NAME_STARTS.of(doc)
    return names[bisect_left(starts, start) : bisect_left(starts, end)]


def _name_starts(doc: Document) -> Sequence[int]:
    """Where each name of ``doc_names`` starts, an array (no int object per name)."""
    return _DOC_NAMES.of(doc)[0].starts()


_SENTENCE_STARTS: PerDocument[Sequence[int]] = PerDocument(
    "facts: sentence starts", lambda doc: array("q", map(itemgetter(0), doc.sentences))
)
_NAME_STARTS: PerDocument[Sequence[int]] = PerDocument("facts: name starts", _name_starts)
