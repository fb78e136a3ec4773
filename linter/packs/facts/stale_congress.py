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
# A member known only by Congress (left before the dated records begin) is called "former"
# only within this many days of leaving and only when the given name is written: long after,
# "Sen. X" is history or another person of the same name (a state senator).
COARSE_RECENT_DAYS = 12 * 365


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
        if all(t.coarse for t in terms) and (
            len(m.words) < 2 or (day - last_end).days > COARSE_RECENT_DAYS
        ):
            continue
        before = prose[: m.start].rstrip(" \u00a0")[-1:]
        word = "Former " if before in ("", "\n", ".", "!", "?", "“", '"', "(") else "former "
        written = prose[m.start : m.name_end]
        fixed = word + written
        office = OFFICE_NAMES.get(m.kind, m.kind)
        spans = " and ".join(t.describe() for t in _merged(terms))
        coarse = all(t.coarse for t in terms)
        if coarse:
            held = (
                f"in the Congresses of {spans}, the record's dates by Congress; out "
                f"of Congress by {last_end.isoformat()} at the latest"
            )
        else:
            held = f"last term ended {last_end.isoformat()}; held it {spans}"
        message = (
            f"On {day.isoformat()} {person.name} was no longer {office} ({held}): write "
            f"'{fixed}'. Source: {_source(recs, coarse)}"
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


def _source(recs, coarse: bool = False) -> str:
    """The source the terms came from: the dated records, or the table by Congress."""
    wanted = [s for s in recs.sources if "fivethirtyeight" in str(s.get("name"))]
    src = (wanted if coarse and wanted else recs.sources or [{}])[0]
    commit = (src.get("commit") or "")[:10]
    return (
        f"{src.get('name', 'records pack')}"
        + (f" @{commit}" if commit else "")
        + (f" ({src['date']})" if coarse and src.get("date") else "")
        + ("" if coarse else f", as of {recs.as_of.isoformat()}")
    )
