"""The article's date, as DESIGN.md orders it: --date, front matter, dateline, today."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
DATELINE_RES = (
    re.compile(_MONTH + r"\s+(\d{1,2}),\s+(\d{4})"),  # July 21, 2017
    re.compile(r"(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})"),  # 21 July 2017
)
ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
DATELINE_WINDOW = 400


def parse_date(value: object) -> dt.date | None:
    """A date from front matter: a YAML date, a datetime, or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = ISO_RE.search(value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


def find_dateline(prose: str) -> dt.date | None:
    """A date written near the top of the text ("Friday, July 21, 2017")."""
    head = prose[:DATELINE_WINDOW]
    best: tuple[int, dt.date] | None = None
    for pattern in DATELINE_RES:
        m = pattern.search(head)
        if not m:
            continue
        groups = m.groups()
        if groups[0].isdigit():
            day, month, year = groups
        else:
            month, day, year = groups
        try:
            found = dt.date(int(year), MONTHS[month.lower().rstrip(".")], int(day))
        except (ValueError, KeyError):
            continue
        if best is None or m.start() < best[0]:
            best = (m.start(), found)
    iso = ISO_RE.search(head)  # "Published 2023-02-10"
    if iso and (best is None or iso.start() < best[0]):
        with contextlib.suppress(ValueError):
            best = (iso.start(), dt.date(int(iso[1]), int(iso[2]), int(iso[3])))
    return best[1] if best else None


def resolve_with_source(doc: Document) -> tuple[dt.date, str]:
    """The article's date and where it came from: "option" (--date or the config),
    "front matter", "dateline" or "today" (no evidence: rules that would guess from the date
    alone, such as a year in the future, stay quiet then). Found once per document: the
    date and its source are asked by several rules."""
    cached = doc.__dict__.get("_date_resolved")
    if cached is None:
        cached = doc.__dict__["_date_resolved"] = _resolve_with_source(doc)
    return cached


def _resolve_with_source(doc: Document) -> tuple[dt.date, str]:
    if doc.date_override:
        return doc.date_override, "option"
    front = parse_date(doc.metadata.get("date"))
    if front:
        return front, "front matter"
    found = find_dateline(doc.prose)
    if found:
        return found, "dateline"
    return dt.date.today(), "today"


def date_source(doc: Document) -> str:
    return resolve_with_source(doc)[1]


def resolve(doc: Document) -> dt.date:
    return resolve_with_source(doc)[0]
