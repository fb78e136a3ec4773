"""FACT003-FACT005: dates that contradict themselves or the article's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from itertools import repeat
from typing import TYPE_CHECKING

from linter.lazyre import lazy
from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.|Jan|Feb|Aug|Sept?|Oct|Nov|Dec"
)
_WEEKDAY = "|".join(WEEKDAYS)
_ORD = r"(?:st|nd|rd|th)?"
# Saturday, July 21, 2017 / Saturday July 21 / Saturday, 21 July 2017 / Saturday the 21st of July
WEEKDAY_DATE_RES = (
    re.compile(
        rf"\b(?P<wd>{_WEEKDAY}),?\s+(?P<mon>{_MONTHS})\s+(?P<day>\d{{1,2}}){_ORD}\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ),
    re.compile(
        rf"\b(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MONTHS})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ),
)
DATE_RES = (
    re.compile(
        rf"\b(?P<mon>{_MONTHS})\s+(?P<day>\d{{1,2}}){_ORD}\b(?!\s*(?:%|percent|\d|[-–]))(?:,?\s+(?P<year>\d{{4}})\b)?"
    ),
    lazy(
        rf"\b(?P<day>\d{{1,2}}){_ORD}\s+(?:of\s+)?(?P<mon>{_MONTHS})\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    ),
)


# Where the date regexes can match, found by cheap scans; each regex is then matched only
# there. A weekday ends in "day": a literal the regex engine finds in C, then checked for
# the weekday before it. No match of these regexes holds a second weekday or month name,
# so matching at every anchor gives what ``finditer`` gives.
_WEEKDAY_END_RE = re.compile("day(?:" + "|".join(f"(?<={w})" for w in WEEKDAYS) + ")")
_MONTH_RE = lazy(f"(?:{_MONTHS})")


def weekday_starts(prose: str) -> list[int]:
    return [
        m.end() - _WEEKDAY_LEN[prose[m.end() - 6 : m.end() - 3]]
        for m in _WEEKDAY_END_RE.finditer(prose)
    ]


_WEEKDAY_LEN = {w[-6:-3]: len(w) for w in WEEKDAYS}


def _day_first_starts(prose: str, month: int) -> list[int]:
    """Where ``DATE_RES[1]`` can start for a month name at ``month``: the number before
    it, after whitespace, "of", an ordinal suffix (at most two places)."""
    j = month
    while j > 0 and prose[j - 1].isspace():
        j -= 1
    if j == month:
        return []
    ends = [j]
    if prose[j - 2 : j] == "of":
        k = j - 2
        while k > 0 and prose[k - 1].isspace():
            k -= 1
        if k < j - 2:
            ends.append(k)
    found = []
    for end in ends:
        for e in (end, end - 2) if prose[end - 2 : end] in _ORDINALS else (end,):
            for length in (2, 1):
                s = e - length
                if s >= 0 and prose[s:e].isdecimal():
                    found.append(s)
    return sorted(set(found))


_ORDINALS = ("st", "nd", "rd", "th")
# The month names of ``_MONTHS`` as runs of word characters ("Sept." gives "Sept")
_MONTH_WORDS = frozenset(
    """January February March April May June July August September October November December
    Jan Feb Aug Sep Sept Oct Nov Dec""".split()
)


def month_starts(prose: str, forms: frozenset[str]) -> list[int]:
    """Where a month name of ``DATE_RES`` can start, in order. Either regex holds its month
    name as a whole run of word characters (a word boundary or whitespace before it,
    whitespace or a word boundary after it), which ``forms`` (``doc.word_forms``) holds;
    so only the names written are looked for, by ``str.find``. Every start ``_MONTH_RE``'s
    scan would give where a date can match is among them; a start inside a longer word
    ("Mayor") is matched by neither regex."""
    found: set[int] = set()
    for word in _MONTH_WORDS.intersection(forms):
        find, at = prose.find, prose.find(word)
        while at >= 0:
            found.add(at)
            at = find(word, at + 1)
    return sorted(found)


def month_number(name: str) -> int:
    from linter.article_date import MONTHS

    return MONTHS[name.lower().rstrip(".")]


def infer_year(doc: Document, month: int, day: int) -> int | None:
    """The year of a date written without one: the one nearest the article's date; None
    when the article's date is only today's (a guess on a guess)."""
    from linter.article_date import date_source

    if date_source(doc) == "today":
        return None
    base = doc.date
    best = None
    for year in (base.year - 1, base.year, base.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs(candidate - base) < abs(best - base):
            best = candidate
    return best.year if best else None


class WeekdayMismatch(Rule):
    """What it does:
    Checks a weekday written with its date ("Saturday, July 21, 2017", "Friday 10 February")
    against the calendar. A date without a year is read in the year that puts it nearest the
    article's date, and only when the article has a date of its own (option, front matter,
    dateline).
    """

    id = "FACT003"
    name = "weekday-mismatch"
    pack = "facts"
    severity = "error"
    message = "The weekday contradicts the date."
    why = "A weekday and a date that disagree: one of them is wrong."
    source = "The calendar (Python's datetime, proleptic Gregorian)"
    examples: Sequence[Example] = (
        Example(bad="The team won on Saturday, July 21, 2017, in Washington."),
        Example(bad="Fans queued on Sunday, 10 February.", date="2023-02-10"),
        Example(good="The team won on Friday, July 21, 2017, in Washington."),
        Example(good="It was published on Friday, Feb. 10, 2023."),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        starts = weekday_starts(doc.prose)
        if not starts:
            return
        for pattern in WEEKDAY_DATE_RES:
            for m in filter(None, map(pattern.match, repeat(doc.prose), starts)):
                month, day = month_number(m["mon"]), int(m["day"])
                year = int(m["year"]) if m["year"] else infer_year(doc, month, day)
                if year is None:
                    continue
                try:
                    real = dt.date(year, month, day)
                except ValueError:
                    continue  # FACT004 reports impossible dates
                right = WEEKDAYS[real.weekday()]
                if right == m["wd"]:
                    continue
                assumed = "" if m["year"] else f" (reading it as {year}, the article's year)"
                yield Match(
                    m.start("wd"),
                    m.end("wd"),
                    f"{real.strftime('%B')} {day}, {year} was a {right}, not a {m['wd']}"
                    f"{assumed}: correct the weekday or the date.",
                    suggestions=(right,),
                )


class ImpossibleDate(Rule):
    """What it does:
    Flags a date that does not exist: "February 30", "April 31", "31 June", or February 29
    in a year that is not a leap year ("Feb. 29, 2023").
    """

    id = "FACT004"
    name = "impossible-date"
    pack = "facts"
    severity = "error"
    message = "This date does not exist."
    why = "A date that does not exist is always a slip in the day or the month."
    source = "The calendar (Python's calendar module)"
    examples: Sequence[Example] = (
        Example(bad="The vote was held on June 31, 2022."),
        Example(bad="The deadline is Feb. 29, 2023."),
        Example(good="The vote was held on June 30, 2022, and on Feb. 29, 2024."),
        Example(good="Turnout rose to 31 percent in May 31 districts."),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        prose = doc.prose
        months = month_starts(prose, doc.word_forms)
        if not months:
            return
        month_first = list(filter(None, map(DATE_RES[0].match, repeat(prose), months)))
        day_first = []
        for at in months:
            for s in _day_first_starts(prose, at):
                m = DATE_RES[1].match(prose, s)
                if m is not None and m.start("mon") == at:
                    day_first.append(m)
                    break
        seen: set[int] = set()
        for pattern, found in zip(DATE_RES, (month_first, day_first), strict=True):
            for m in found:
                if m.start() in seen:
                    continue
                seen.add(m.start())
                if m["mon"] == "May" and not m["year"] and pattern is DATE_RES[0]:
                    continue  # "May 31 districts": the verb, not the month
                month, day = month_number(m["mon"]), int(m["day"])
                year = int(m["year"]) if m["year"] else None
                longest = calendar.monthrange(year or 2024, month)[1]  # 2024: Feb 29 is fine
                if 1 <= day <= longest:
                    continue
                name = calendar.month_name[month]
                if month == 2 and day == 29 and year:
                    why = f"{year} is not a leap year"
                else:
                    why = f"{name} has {longest} days"
                yield Match(m.start(), m.end(), f"'{m.group()}' does not exist: {why}.")


PAST_VERBS = frozenset(
    """was were had did said announced reported won lost died became took made held signed
    launched opened closed released elected named began ended happened occurred killed
    arrested charged visited met told wrote founded married resigned retired moved sold
    bought acquired merged passed approved rejected""".split()
)
FUTURE_MARKERS = lazy(
    r"\b(?:will|would|shall|'ll|plans?|planned|planning|expects?|expected|scheduled|set to|"
    r"aims?|intends?|hopes?|next|could|may|might|should|going to|targets?|to be|"
    r"deadline|projected|projects?|forecasts?|forecast|predicted|predicts?|estimated|"
    r"estimates?|due|upcoming|fiscal|FY|budget|election|elections|goal|promised?|pledged?|"
    r"vowed?|wants?|proposed|if|unless|ahead|future|"
    r"(?:by|until|through|before|from|starting|beginning|end of|after)\s+"
    r"(?:(?:early|late|mid)[-\s])?\d{4})\b",
    re.IGNORECASE,
)
PAST_SUFFIX_RE = lazy(r"\b[a-z]{3,}ed\b")
IN_YEAR_RE = lazy(r"\b(?i:in|during|since|back in)\s+(?:(?:early|late|mid)[-\s])?(\d{4})\b")


class FutureYearInPast(Rule):
    """What it does:
    Flags a year later than the article's date in a sentence that speaks of the past ("In
    2027, the company reported a loss" in an article of 2023): a past-tense verb and no word
    of plans, forecasts or schedules in the sentence. Only when the article has a date of its
    own (option, front matter, dateline), never against today's date alone.
    """

    id = "FACT005"
    name = "future-year-in-past"
    pack = "facts"
    severity = "error"
    message = "This year is after the article's date, but the sentence speaks of the past."
    why = "A story cannot report what has not happened yet; the year is almost always a typo."
    source = "Copy-editing practice: check every date against the dateline"
    examples: Sequence[Example] = (
        Example(bad="In 2032, the shooting killed 26 people.", date="2023-02-10"),
        Example(good="In 2012, the shooting killed 26 people.", date="2023-02-10"),
        Example(good="In 2032, the city will host the games.", date="2023-02-10"),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.article_date import date_source

        found = _years_after_in(doc.folded)
        if not found or date_source(doc) == "today":
            return  # the article's date is resolved only when a year might be after it
        year_now = doc.date.year
        for s, e in self._candidates(doc, found, year_now):
            sentence = doc.prose[s:e]
            hits = [m for m in IN_YEAR_RE.finditer(sentence) if int(m[1]) > year_now]
            if not hits or FUTURE_MARKERS.search(sentence):
                continue
            words = {w.lower() for w in re.findall(r"[A-Za-z']+", sentence)}
            if not words & PAST_VERBS and not PAST_SUFFIX_RE.search(sentence):
                continue
            for m in hits:
                yield Match(
                    s + m.start(1),
                    s + m.end(1),
                    f"{m[1]} is after the article's date ({doc.date.isoformat()}), but the "
                    "sentence speaks of the past: check the year.",
                )

    @staticmethod
    def _candidates(
        doc: Document, found_years: list[tuple[int, str]], year_now: int
    ) -> list[tuple[int, int]]:
        """The sentences with a later year after "in", "during" or "since" (found in the
        lower-case prose without the word boundaries, so no such year is missed); each
        sentence holding one is judged as a whole."""
        from linter.packs.facts.docnames import sentence_at

        found: dict[int, tuple[int, int]] = {}
        for at, year in found_years:
            if int(year) > year_now:
                i, s, e = sentence_at(doc, at)
                if i >= 0:
                    found.setdefault(i, (s, e))
        return [found[i] for i in sorted(found)]


IN_YEAR_FOLDED_RE = lazy(r"(?:in|during|since)\s+(?:(?:early|late|mid)[-\s])?(\d{4})")
# IN_YEAR_FOLDED_RE as one regex per leading word: a regex that starts with a literal is
# scanned fast, an alternation letter by letter. Their matches never overlap ("since" and
# "during" hold "in", but not before a space), so together they are its matches.
_YEAR_AFTER_RES = tuple(
    re.compile(rf"{word}\s+(?:(?:early|late|mid)[-\s])?(\d{{4}})")
    for word in ("in", "during", "since")
)


def _years_after_in(folded: str) -> list[tuple[int, str]]:
    """(offset, digits) of the year group of each match of ``IN_YEAR_FOLDED_RE``, in order."""
    found = [(m.start(1), m[1]) for r in _YEAR_AFTER_RES for m in r.finditer(folded)]
    found.sort()
    return found


RULES = [WeekdayMismatch, ImpossibleDate, FutureYearInPast]
