"""The knowledge pack as Python objects: entities, offices with dated terms, renamings."""

from __future__ import annotations

import datetime as dt

from linter.record import Record

ENTITY_TYPES = ("person", "organization", "place", "event", "product", "name")


class Entity(Record):
    """A canonical name and the other names it goes by, with the source that vouches for it."""

    def __init__(
        self,
        name: str,
        type: str,
        aliases: tuple[str, ...] = (),
        source: str = "",
        origin: str = "",  # the knowledge file and line
    ) -> None:
        self.name = name
        self.type = type
        self.aliases = aliases
        self.source = source
        self.origin = origin

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Term(Record):
    def __init__(self, start: dt.date, end: dt.date | None) -> None:
        self.start = start
        self.end = end  # None: still in office as of the pack's date

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def describe(self) -> str:
        if self.end is None:
            return f"from {self.start.isoformat()}"
        return f"{self.start.isoformat()} to {self.end.isoformat()}"


class Holder(Record):
    def __init__(
        self,
        name: str,
        aliases: tuple[str, ...],
        terms: list[Term],
        source: str,
        origin: str = "",
    ) -> None:
        self.name = name
        self.aliases = aliases
        self.terms = terms
        self.source = source
        self.origin = origin

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def holds(self, day: dt.date) -> bool:
        return any(t.covers(day) for t in self.terms)

    def ended_before(self, day: dt.date) -> bool:
        """Every term ended before ``day`` (the holder is a former one)."""
        return all(t.end is not None and t.end < day for t in self.terms)

    def started_after(self, day: dt.date) -> bool:
        return all(day < t.start for t in self.terms)

    def describe_terms(self) -> str:
        return " and ".join(t.describe() for t in self.terms)


class Office(Record):
    """One office: ``title`` as written before a name ("President", "CEO"), ``of`` what
    ("United States", "Apple"), and the words that name that place or body before the title."""

    def __init__(
        self,
        id: str,
        title: str,
        of: str,
        titles: tuple[str, ...] = (),
        qualifiers: tuple[str, ...] = (),
        holders: list[Holder] | None = None,
        source: str = "",
        origin: str = "",
        as_of: dt.date | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.of = of
        self.titles = titles
        self.qualifiers = qualifiers
        self.holders: list[Holder] = [] if holders is None else holders
        self.source = source
        self.origin = origin
        # Open terms were checked on this day; after it an open term says nothing (a
        # dataset of fixed date, such as the cabinet's). None: the file's as-of date.
        self.as_of = as_of

    @property
    def all_titles(self) -> tuple[str, ...]:
        return (self.title, *self.titles)

    def label(self) -> str:
        return f"{self.title} of {self.of}"


class Renaming(Record):
    def __init__(
        self, old: str, new: str, date: dt.date, type: str, source: str, origin: str = ""
    ) -> None:
        self.old = old
        self.new = new
        self.date = date
        self.type = type
        self.source = source
        self.origin = origin


# ---- plain data for the load cache (marshal: data only, never code) ---------------------
def _d(day: dt.date | None) -> int | None:
    return day.toordinal() if day else None


def _day(value: int | None) -> dt.date | None:
    return dt.date.fromordinal(value) if value is not None else None


def _required_day(value: int) -> dt.date:
    """A date that is never missing (a term's start, a renaming's date)."""
    return dt.date.fromordinal(value)


def to_data(entities: list[Entity], offices: list[Office], renamings: list[Renaming]) -> tuple:
    return (
        [(e.name, e.type, e.aliases, e.source, e.origin) for e in entities],
        [
            (
                o.id,
                o.title,
                o.of,
                o.titles,
                o.qualifiers,
                o.source,
                o.origin,
                [
                    (
                        h.name,
                        h.aliases,
                        [(_d(t.start), _d(t.end)) for t in h.terms],
                        h.source,
                        h.origin,
                    )
                    for h in o.holders
                ],
                _d(o.as_of),
            )
            for o in offices
        ],
        [(r.old, r.new, _d(r.date), r.type, r.source, r.origin) for r in renamings],
    )


def from_data(data: tuple) -> tuple[list[Entity], list[Office], list[Renaming]]:
    ents, offs, rens = data
    entities = [Entity(n, t, tuple(a), s, o) for n, t, a, s, o in ents]
    offices = []
    for oid, title, of, titles, quals, source, origin, holders, as_of in offs:
        office = Office(
            oid, title, of, tuple(titles), tuple(quals), [], source, origin, _day(as_of)
        )
        for name, aliases, terms, hsource, horigin in holders:
            office.holders.append(
                Holder(
                    name,
                    tuple(aliases),
                    [Term(_required_day(a), _day(b)) for a, b in terms],
                    hsource,
                    horigin,
                )
            )
        offices.append(office)
    renamings = [Renaming(o, n, _required_day(d), t, s, g) for o, n, d, t, s, g in rens]
    return entities, offices, renamings
