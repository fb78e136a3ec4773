"""Name mentions of one document, titles stripped, cached on the Document object."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, NamedTuple

from linter.knowledge.index import name_key
from linter.knowledge.names import CONNECTORS, Mention, run_mentions, runs

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


class Named(NamedTuple):
    """A mention without its leading titles, with its lookup key."""

    mention: Mention
    key: tuple[str, ...]
    title: tuple[str, ...]  # the title words stripped from the front

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end


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


def title_cased(line: str) -> bool:
    """A Title Case headline: most longer words capitalised (its capitals say nothing)."""
    small = {"the", "and", "for", "from", "with", "into", "but", "nor", "over", "onto", "upon"}
    words = [w for w in re.findall(r"[A-Za-z]{3,}", line) if w.lower() not in small]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


# ---- names of one run, kept for the process -------------------------------------------
# A run of capitalised words ("President Joe Biden of the United States") yields the same
# names wherever it recurs; only whether a sentence starts in it, the character before it
# (a "#" or "@" handle), code spans and the document's other capitals change the outcome.
# So each distinct run is analysed once, offsets relative to its start, and a document's
# names are these templates shifted to where its runs are.


class _Entry(NamedTuple):
    """One mention of a run: its names as written (``plain``) and, for a sentence-initial
    mention whose first word the document never capitalises elsewhere, instead (``alone``)."""

    mention: Mention
    plain: tuple[Named, ...]
    alone: tuple[Named, ...]


class _Run(NamedTuple):
    entries: tuple[_Entry, ...]
    caps: frozenset[str]  # capitals that show the document capitalises a word mid-name
    caps_rest: frozenset[str]  # the same without the first mention (dropped after "#")
    first_at_start: bool  # the first mention starts the run


def _names_of(m: Mention) -> tuple[Named, ...]:
    m, title = _strip_title(m)
    out = []
    key = name_key(m.words)
    if key:
        out.append(Named(m, key, title))
    head = _head(m)
    if head is not None:
        out.append(Named(head, name_key(head.words), ()))
    return tuple(out)


def _caps(found: tuple[Mention, ...]) -> frozenset[str]:
    caps = {m.words[0] for m in found if not m.sentence_initial}
    for m in found:
        caps.update(m.words[1:])
    return frozenset(caps)


def _analyse(text: str, initial: bool, inside: tuple[int, ...]) -> _Run:
    found = run_mentions(text, initial, inside)
    entries = []
    for m in found:
        plain = _names_of(m)
        alone = plain
        if m.sentence_initial:
            if len(m.words) == 1:
                alone = ()
            elif m.words[1][:1].islower():
                i = 1
                while i < len(m.words) and m.words[i][:1].islower():
                    i += 1  # "Hundreds of Musk", "Members of the Blue Caucus": connectors go
                alone = () if i >= len(m.words) else _names_of(_cut(m, i))
        entries.append(_Entry(m, plain, alone))
    first_at_start = bool(found) and found[0].start == 0
    return _Run(
        tuple(entries), _caps(found), _caps(found[1:] if first_at_start else found), first_at_start
    )


_RUNS: dict = {}


def _run(text: str, initial: bool, inside: tuple[int, ...]) -> _Run:
    key = (text, initial, inside) if initial or inside else text
    found = _RUNS.get(key)
    if found is None:
        if len(_RUNS) > 200_000:  # a bound on memory over a long run of many documents
            _RUNS.clear()
        found = _RUNS[key] = _analyse(text, initial, inside)
    return found


def _shift(n: Named, off: int) -> Named:
    m = n.mention
    return Named(
        Mention(m.start + off, m.end + off, m.words, m.rel_spans, m.sentence_initial, off),
        n.key,
        n.title,
    )


def doc_names(doc: Document) -> list[Named]:
    """The document's name mentions outside the headline and code, in text order. A
    capitalised word at the start of a sentence counts only if the document also capitalises
    it elsewhere (so "Oddly enough" is no name)."""
    cached = doc.__dict__.get("_facts_names")
    if cached is not None:
        return cached
    prose = doc.prose
    starts = sentence_starts(doc)
    body_start = 0
    if doc.headline and title_cased(prose[doc.headline[0] : doc.headline[1]]):
        body_start = doc.headline[1]
    # A sentence starts inside a run only after a full stop and a space, or where the headline
    # ends; elsewhere a run's start is the only offset that can be a sentence start.
    odd = -1
    if doc.headline:
        odd = doc.headline[1]
        while odd < len(prose) and prose[odd].isspace():
            odd += 1
    ordered: list[int] | None = None
    found: list[tuple[int, tuple[_Entry, ...]]] = []
    caps: list[frozenset[str]] = []
    for s, e in runs(prose, body_start):
        text = prose[s:e]
        inside: tuple[int, ...] = ()
        if ". " in text or ".\u00a0" in text or s < odd < e:
            if ordered is None:
                ordered = sorted(starts)
            lo, hi = bisect_right(ordered, s), bisect_left(ordered, e)
            inside = tuple(i - s for i in ordered[lo:hi])
        run = _run(text, s in starts, inside)
        if not run.entries:
            continue
        if run.first_at_start and s and prose[s - 1] in "#@":
            if len(run.entries) > 1:
                found.append((s, run.entries[1:]))
            caps.append(run.caps_rest)
        else:
            found.append((s, run.entries))
            caps.append(run.caps)
    inner_caps = set().union(*caps)
    code = doc.code if len(doc.code) else None
    out: list[Named] = []
    for s, entries in found:
        for m, plain, alone in entries:
            if code is not None and code.overlaps(m.start + s, m.end + s):
                continue
            names = alone if plain is not alone and m.words[0] not in inner_caps else plain
            for n in names:
                out.append(_shift(n, s))
    doc.__dict__["_facts_names"] = out
    return out


def lowercase_words(doc: Document) -> set[str]:
    """Words the document writes in lower case (common words, not names)."""
    cached = doc.__dict__.get("_facts_lower")
    if cached is None:
        cached = {w for _, _, w in doc.words if w.islower()}
        doc.__dict__["_facts_lower"] = cached
    return cached


def sentence_at(doc: Document, offset: int) -> tuple[int, int, int]:
    """(index, start, end) of the sentence holding ``offset`` (bisection: many lookups in
    a long document stay cheap); (-1, offset, offset) between sentences."""
    from bisect import bisect_right

    starts = doc.__dict__.get("_facts_sentence_starts")
    if starts is None:
        starts = [s for s, _ in doc.sentences]
        doc.__dict__["_facts_sentence_starts"] = starts
    i = bisect_right(starts, offset) - 1
    if i >= 0:
        s, e = doc.sentences[i]
        if offset < e:
            return i, s, e
    return -1, offset, offset


def names_between(doc: Document, start: int, end: int) -> list[Named]:
    """The document's names starting in ``[start, end)``, by bisection."""
    from bisect import bisect_left

    names = doc_names(doc)
    starts = doc.__dict__.get("_facts_name_starts")
    if starts is None:
        starts = [n.start for n in names]
        doc.__dict__["_facts_name_starts"] = starts
    return names[bisect_left(starts, start) : bisect_left(starts, end)]
