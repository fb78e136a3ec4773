"""The article's date, in the contract's order (docs/architecture.md): --date, front matter,
dateline, today."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from typing import TYPE_CHECKING

from linter.lazyre import lazy
from linter.memo import PerDocument

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


FRONT_DATE_FORMS = (
    lazy(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.+\-Z ]*)?", re.I),  # ISO, time allowed
    lazy(_MONTH + r"\s+(\d{1,2}),?\s+(\d{4})", re.I),  # February 10, 2023
    lazy(r"(\d{1,2})\s+" + _MONTH + r",?\s+(\d{4})", re.I),  # 10 Feb 2023
)
WEEKDAY_RE = lazy(r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+", re.I)


class BadDate(ValueError):
    """A front-matter date that is not a date: the message says what is wrong."""


def parse_written_date(value: str) -> dt.date:
    """A date as newsrooms write it in front matter: ISO (``2023-02-10``, a time after it
    allowed), ``February 10, 2023``, ``10 Feb 2023``, with an optional weekday first.
    Raises BadDate for anything else, and for a day the calendar does not have."""
    shown = value if len(value) <= 40 else value[:37] + "..."  # the message stays one short line
    text = WEEKDAY_RE.sub("", value.strip(), count=1) if value.strip()[:1].isalpha() else value
    text = text.strip()
    for i, form in enumerate(FRONT_DATE_FORMS):
        m = form.fullmatch(text)
        if not m:
            continue
        if i == 0:
            year, month, day = int(m[1]), int(m[2]), int(m[3])
        else:
            parts = m.groups()
            named, day_text = (parts[0], parts[1]) if i == 1 else (parts[1], parts[0])
            year, month, day = int(parts[2]), MONTHS[named.lower().rstrip(".")], int(day_text)
        try:
            return dt.date(year, month, day)
        except ValueError as exc:
            raise BadDate(f"'{shown}' is not a day of the calendar ({exc})") from None
    raise BadDate(f"'{shown}' is not a date (write 2023-02-10, February 10, 2023 or 10 Feb 2023)")


def parse_date(value: object) -> dt.date | None:
    """A date from front matter: a YAML date, a datetime, or a written date; None when it
    is not one (``front_matter_date_error`` reports that)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return parse_written_date(value)
        except BadDate:
            return None
    return None


FRONT_DATE_KEY_RE = lazy(r"^date[ \t]*:", re.M)


def front_matter_date_error(doc: Document) -> str | None:
    """One line naming the file and the line of a front-matter ``date:`` that is not a date,
    or None. Such a file is not linted: its facts would be checked against the wrong day."""
    if "date" not in doc.metadata:
        return None
    value = doc.metadata["date"]
    if isinstance(value, (dt.date, dt.datetime)):
        return None
    try:
        if not isinstance(value, str):
            raise BadDate(f"{value!r} is not a date (write 2023-02-10)")
        parse_written_date(value)
    except BadDate as exc:
        from linter.errors import InputError

        m = FRONT_DATE_KEY_RE.search(doc.text)
        line = doc.text.count("\n", 0, m.start()) + 1 if m else None
        return str(InputError(f"front matter 'date': {exc}; file not linted", doc.path, line))
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
    return _RESOLVED.of(doc)


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


_RESOLVED: PerDocument[tuple[dt.date, str]] = PerDocument("article date", _resolve_with_source)


def date_source(doc: Document) -> str:
    return resolve_with_source(doc)[1]


def resolve(doc: Document) -> dt.date:
    return resolve_with_source(doc)[0]
