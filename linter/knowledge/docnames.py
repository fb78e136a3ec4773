"""Name mentions of one document, titles stripped, cached on the Document object."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from linter.knowledge.index import name_key
from linter.knowledge.names import CONNECTORS, Mention, mentions

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


@dataclass(frozen=True)
class Named:
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


def _strip_title(m: Mention) -> tuple[Mention, tuple[str, ...]]:
    i = 0
    while i < len(m.words) - 1 and m.words[i].rstrip(".") in TITLE_WORDS:
        i += 1
    if i == 0:
        return m, ()
    title = m.words[:i]
    return (
        replace(
            m, start=m.spans[i][0], words=m.words[i:], spans=m.spans[i:], sentence_initial=False
        ),
        title,
    )


def _head(m: Mention) -> Mention | None:
    """The part of "Matthew Ingram of Reuters" before its first connector, when it is a name
    of two words or more on its own."""
    for i, w in enumerate(m.words):
        if w.islower() and w in CONNECTORS:
            if i >= 2 and len(name_key(m.words[:i])) >= 2:
                return replace(m, end=m.spans[i - 1][1], words=m.words[:i], spans=m.spans[:i])
            return None
    return None


def title_cased(line: str) -> bool:
    """A Title Case headline: most longer words capitalised (its capitals say nothing)."""
    small = {"the", "and", "for", "from", "with", "into", "but", "nor", "over", "onto", "upon"}
    words = [w for w in re.findall(r"[A-Za-z]{3,}", line) if w.lower() not in small]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def doc_names(doc: Document) -> list[Named]:
    """The document's name mentions outside the headline and code, in text order. A
    capitalised word at the start of a sentence counts only if the document also capitalises
    it elsewhere (so "Oddly enough" is no name)."""
    cached = doc.__dict__.get("_facts_names")
    if cached is not None:
        return cached
    starts = sentence_starts(doc)
    body_start = 0
    if doc.headline and title_cased(doc.prose[doc.headline[0] : doc.headline[1]]):
        body_start = doc.headline[1]
    found = [
        m
        for m in mentions(doc.prose, starts, body_start)
        if doc.prose[m.start - 1 : m.start] not in ("#", "@")
    ]
    inner_caps = {m.words[0] for m in found if not m.sentence_initial}
    for m in found:
        inner_caps.update(m.words[1:])
    out: list[Named] = []
    for m in found:
        if doc.code.overlaps(m.start, m.end):
            continue
        if m.sentence_initial and m.words[0] not in inner_caps:
            if len(m.words) == 1:
                continue
            if m.words[1][:1].islower():
                i = 1
                while i < len(m.words) and m.words[i][:1].islower():
                    i += 1  # "Hundreds of Musk", "Members of the Blue Caucus": connectors go
                if i >= len(m.words):
                    continue
                m = replace(m, start=m.spans[i][0], words=m.words[i:], spans=m.spans[i:])
        m, title = _strip_title(m)
        key = name_key(m.words)
        if key:
            out.append(Named(m, key, title))
        head = _head(m)
        if head is not None:
            out.append(Named(head, name_key(head.words), ()))
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
