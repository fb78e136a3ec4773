"""The public-records pack: every member of Congress (dated terms since the data's first
commit, 2012; terms by Congress back to 1919), every president and vice president, with
party, state and district.

Built by ``records_build.py`` (``copydesk knowledge build --from PATH``) into
``rules/facts/knowledge/records.json.gz`` and loaded here once per process, only when a
draft holds a congressional title or label (a run that never needs it pays nothing).
People are indexed by folded surname.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACK_NAME = "records.json.gz"
MAX_PACK_BYTES = 16 << 20  # a bound on what is read, whatever the file is


def pack_path() -> Path:
    from linter.registry import builtin_rules_dir

    return builtin_rules_dir() / "facts" / "knowledge" / PACK_NAME


def fold_name(word: str) -> str:
    """Lower case without accents: "Peña" and "Pena" are one surname."""
    low = word.lower().replace("’", "'")
    if low.isascii():
        return low
    return "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Term:
    kind: str  # sen, rep, prez, viceprez, or a leadership role's title
    start: dt.date
    end: dt.date | None
    party: str = ""  # D, R, I or the party's name
    state: str = ""  # postal code
    district: int | None = None  # 0: at large
    coarse: bool = False  # known only by Congress: a span that holds the real term

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)

    def describe(self) -> str:
        end = self.end.isoformat() if self.end else "open"
        return f"{self.start.isoformat()} to {end}"


@dataclass
class Person:
    first: str
    last: str
    nickname: str
    full: str
    suffix: str
    terms: list[Term]
    roles: list[Term]

    @property
    def name(self) -> str:
        if self.nickname:
            return f"{self.nickname} {self.last}"
        return self.full or f"{self.first} {self.last}"

    def firsts(self) -> set[str]:
        """The folded given names this person goes by (every given name the record
        holds: "Chester Trent" Lott goes by Trent)."""
        out = {fold_name(w) for w in (self.first.split() + self.nickname.split()[:1])}
        if self.full:
            out.add(fold_name(self.full.split()[0]))
        return {w.rstrip(".") for w in out if w}

    @property
    def coarse_only(self) -> bool:
        """Known only by Congress (left before the dated records begin)."""
        return all(t.coarse for t in self.terms)

    def terms_of(self, kind: str) -> list[Term]:
        if kind in ("sen", "rep", "prez", "viceprez"):
            return [t for t in self.terms if t.kind == kind]
        return [t for t in self.roles if t.kind == kind]

    def term_on(self, day: dt.date, kinds: tuple[str, ...] = ("sen", "rep")) -> Term | None:
        for t in self.terms:
            if t.kind in kinds and t.covers(day):
                return t
        return None


class Records:
    """The pack's header (as-of date, sources, counts) and an index from folded surname to
    the people's lines; a person's line is parsed on first lookup."""

    def __init__(self, text: str, folder: Path | None = None) -> None:
        head, _, body = text.partition("\n")
        header = json.loads(head)
        # members known only by Congress: a second file, read on the first lookup that needs it
        side = header.get("coarse") or {}
        self._coarse_file = folder / side["file"] if folder and side.get("file") else None
        self._coarse_keys = frozenset(side.get("keys", "").split("|")) if side else frozenset()
        self._coarse: Records | None = None
        self.as_of = dt.date.fromisoformat(header["as_of"])
        self.sources: list[dict] = header.get("sources", [])
        self.counts: dict[str, int] = header.get("counts", {})
        self._lines = body.splitlines()
        self._people: dict[int, Person] = {}
        index = header.get("index")
        self._keyed = index is None  # format 1: each line starts "keys<TAB>"
        if index is None:
            index = {}
            for i, line in enumerate(self._lines):
                keys, _, _ = line.partition("\t")
                for key in keys.split("|"):
                    index.setdefault(key, []).append(i)
        self.by_surname: dict[str, list[int]] = index

    def person(self, i: int) -> Person:
        found = self._people.get(i)
        if found is None:
            line = self._lines[i].partition("\t")[2] if self._keyed else self._lines[i]
            found = self._people[i] = _person(json.loads(line))
        return found

    def _find(self, key: str) -> list[Person]:
        return [self.person(i) for i in self.by_surname.get(key, ())]

    def all_people(self) -> list[Person]:
        coarse = self.coarse()
        mine = [self.person(i) for i in range(len(self._lines))]
        return mine + (coarse.all_people() if coarse else [])

    def coarse(self) -> Records | None:
        """The members known only by Congress (the second file), read once."""
        if self._coarse is None and self._coarse_file is not None:
            self._coarse = _read(self._coarse_file)
            self._coarse_file = None
        return self._coarse

    def people(self, words: tuple[str, ...]) -> list[Person]:
        """People whose surname is the last word and whose given name (if written) fits.
        A member known only by Congress is named only with a given name, and gives way to
        a member of the dated records of the same name (the likelier one in news copy)."""
        found = [p for p in self._people_named(words) if not p.coarse_only]
        if found or len(words) < 2:
            return found
        keys = self._coarse_keys
        last = fold_name(words[-1])
        pair = fold_name(f"{words[-2]} {words[-1]}")
        if last not in keys and pair not in keys:
            return []
        coarse = self.coarse()
        return coarse._people_named(words) if coarse else []

    def _people_named(self, words: tuple[str, ...]) -> list[Person]:
        if not words:
            return []
        found = self._find(fold_name(words[-1]))
        if len(words) >= 2 and found:
            if "-" not in words[-1] and len(words) >= 2:
                pair = fold_name(f"{words[-2]} {words[-1]}")  # "Van Hollen"
                two = self._find(pair)
                if two:
                    return list(two)
            first = fold_name(words[0]).rstrip(".")
            found = [
                p
                for p in found
                if first in p.firsts() or (len(first) == 1 and p.first[:1].lower() == first)
            ]
        return list(found)


def _person(row: list) -> Person:
    first, last, nick, full, suffix, terms, roles = row
    day = dt.date.fromisoformat
    return Person(
        first,
        last,
        nick,
        full,
        suffix,
        [_term(t) for t in terms],
        [Term(k, day(s), day(e) if e else None) for k, s, e in roles],
    )


def _term(row: list) -> Term:
    """A dated term, or one known by Congress: [kind, first, last Congress, party, state],
    from the first day of the first Congress to the first day of the one after the last."""
    if isinstance(row[1], int):
        kind, first, last, party, state = row[:5]
        return Term(kind, congress_start(first), congress_start(last + 1), party, state, None, True)
    kind, start, end, party, state, district = row[:6]
    day = dt.date.fromisoformat
    return Term(kind, day(start), day(end) if end else None, party, state, district)


def congress_start(n: int) -> dt.date:
    """The first day of the n-th Congress: March 4 of its first year until the 73rd, then
    January 3 (the 20th Amendment)."""
    year = 1789 + 2 * (n - 1)
    return dt.date(year, 3, 4) if n <= 73 else dt.date(year, 1, 3)


@lru_cache(maxsize=4)
def load(path: str | None = None) -> Records | None:
    """The pack, or None when it is missing or unreadable (the rules then stay silent)."""
    return _read(Path(path) if path else pack_path())


def _read(target: Path) -> Records | None:
    try:
        with gzip.open(target, "rb") as handle:
            raw = handle.read(MAX_PACK_BYTES + 1)
        if len(raw) > MAX_PACK_BYTES:
            return None
        return Records(raw.decode("utf-8"), target.parent)
    except (OSError, ValueError, KeyError, TypeError, EOFError, UnicodeDecodeError):
        return None
