"""FACT002 for Congress: "Sen. Mitt Romney" after he left the Senate, "Speaker Kevin
McCarthy" after he lost the gavel, checked against the records pack's dated terms."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from linter.packs.facts import congress
from linter.rule import Match  # imported by FACT002 only once a draft may need the pack

if TYPE_CHECKING:  # pragma: no cover
    import datetime as dt

    from linter.document import Document
    from linter.packs.facts.records import Term

OFFICE_NAMES = {"sen": "a senator", "rep": "a member of the House"}


def stale_congress(doc: Document) -> Iterator[Match]:
    recs = congress.records()
    if recs is None:
        return
    day = doc.date
    prose = doc.prose
    for m in congress.mentions(doc, recs):
        person = m.person
        terms = person.terms_of(m.kind)
        if not terms or any(t.covers(day) for t in terms):
            continue
        if all(day < t.start for t in terms):
            continue  # not yet in office: the article's date may be wrong, not the title
        if day > recs.as_of and any(t.end is None or t.end > recs.as_of for t in terms):
            continue  # open at the pack's date: may have stayed or come back
        if m.kind in ("sen", "rep") and person.term_on(day):
            continue  # in the other chamber now: FACT009's to say
        if congress.not_current_before(prose, m.start):
            continue
        if congress.past_event(doc, m.start, terms):
            continue
        last_end = max(t.end for t in terms if t.end is not None)  # one ended: none covers day
        before = prose[: m.start].rstrip(" \u00a0")[-1:]
        word = "Former " if before in ("", "\n", ".", "!", "?", "“", '"', "(") else "former "
        written = prose[m.start : m.name_end]
        fixed = word + written
        office = OFFICE_NAMES.get(m.kind, m.kind)
        spans = " and ".join(t.describe() for t in _merged(terms))
        message = (
            f"On {day.isoformat()} {person.name} was no longer {office} (last term ended "
            f"{last_end.isoformat()}; held it {spans}): write '{fixed}'. Source: "
            f"{_source(recs)}"
        )
        yield Match(m.start, m.name_end, message, suggestions=(fixed,), fix=fixed)


def _merged(terms: Iterable[Term]) -> list[Term]:
    """Back-to-back terms joined into spans of service."""
    spans: list[tuple[dt.date, dt.date | None]] = []
    for t in sorted(terms, key=lambda t: t.start):
        last_end = spans[-1][1] if spans else None
        if last_end is not None and (t.start - last_end).days <= 45:
            spans[-1] = (spans[-1][0], t.end)
        else:
            spans.append((t.start, t.end))
    from linter.packs.facts.records import Term

    return [Term("", s, e) for s, e in spans]


def _source(recs) -> str:
    src = recs.sources[0] if recs.sources else {}
    commit = (src.get("commit") or "")[:10]
    return (
        f"{src.get('name', 'records pack')}"
        + (f" @{commit}" if commit else "")
        + (f", as of {recs.as_of.isoformat()}")
    )
