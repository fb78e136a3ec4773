"""Congressional titles and office labels in a draft, resolved against the records pack.

Shared by FACT002 (a title the person no longer held on the article's date) and FACT009
(a party, state, district or chamber that contradicts the record). The records pack is
loaded only when the draft holds a congressional title or a label (``may_need``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.facts.records import Person, Records, Term

# postal code -> (name, AP abbreviation)
STATES: dict[str, tuple[str, str]] = {
    "AL": ("Alabama", "Ala."),
    "AK": ("Alaska", "Alaska"),
    "AZ": ("Arizona", "Ariz."),
    "AR": ("Arkansas", "Ark."),
    "CA": ("California", "Calif."),
    "CO": ("Colorado", "Colo."),
    "CT": ("Connecticut", "Conn."),
    "DE": ("Delaware", "Del."),
    "FL": ("Florida", "Fla."),
    "GA": ("Georgia", "Ga."),
    "HI": ("Hawaii", "Hawaii"),
    "ID": ("Idaho", "Idaho"),
    "IL": ("Illinois", "Ill."),
    "IN": ("Indiana", "Ind."),
    "IA": ("Iowa", "Iowa"),
    "KS": ("Kansas", "Kan."),
    "KY": ("Kentucky", "Ky."),
    "LA": ("Louisiana", "La."),
    "ME": ("Maine", "Maine"),
    "MD": ("Maryland", "Md."),
    "MA": ("Massachusetts", "Mass."),
    "MI": ("Michigan", "Mich."),
    "MN": ("Minnesota", "Minn."),
    "MS": ("Mississippi", "Miss."),
    "MO": ("Missouri", "Mo."),
    "MT": ("Montana", "Mont."),
    "NE": ("Nebraska", "Neb."),
    "NV": ("Nevada", "Nev."),
    "NH": ("New Hampshire", "N.H."),
    "NJ": ("New Jersey", "N.J."),
    "NM": ("New Mexico", "N.M."),
    "NY": ("New York", "N.Y."),
    "NC": ("North Carolina", "N.C."),
    "ND": ("North Dakota", "N.D."),
    "OH": ("Ohio", "Ohio"),
    "OK": ("Oklahoma", "Okla."),
    "OR": ("Oregon", "Ore."),
    "PA": ("Pennsylvania", "Pa."),
    "RI": ("Rhode Island", "R.I."),
    "SC": ("South Carolina", "S.C."),
    "SD": ("South Dakota", "S.D."),
    "TN": ("Tennessee", "Tenn."),
    "TX": ("Texas", "Texas"),
    "UT": ("Utah", "Utah"),
    "VT": ("Vermont", "Vt."),
    "VA": ("Virginia", "Va."),
    "WA": ("Washington", "Wash."),
    "WV": ("West Virginia", "W.Va."),
    "WI": ("Wisconsin", "Wis."),
    "WY": ("Wyoming", "Wyo."),
    "DC": ("District of Columbia", "D.C."),
    "PR": ("Puerto Rico", "P.R."),
    "GU": ("Guam", "Guam"),
    "VI": ("Virgin Islands", "V.I."),
    "AS": ("American Samoa", "American Samoa"),
    "MP": ("Northern Mariana Islands", "N. Mariana Islands"),
}
_BY_WRITTEN: dict[str, str] = {}
for _code, (_name, _ap) in STATES.items():
    _BY_WRITTEN[_code] = _code
    _BY_WRITTEN[_ap] = _code
    _BY_WRITTEN[_name] = _code
_BY_WRITTEN["W. Va."] = "WV"
_BY_WRITTEN["Penn."] = "PA"
_BY_WRITTEN["Tex."] = "TX"
# A state as written in a label, found by shape and checked against the tables (one small
# pattern instead of an alternation of every spelling: cheaper to compile on first use).
_STATE_ALT = r"W\.\s?Va\.|[A-Z]\.\s?[A-Z]\.|[A-Z][a-z]{1,4}\.|[A-Z]{2}|[A-Z][a-z]+"
_NAMES_ALT = r"[A-Z][a-z]+(?:\s(?:of\s)?[A-Z][a-z]+){0,2}"


def state_name_prefix(text: str) -> str:
    """The longest run of words at the start of ``text`` that names a state, or ""."""
    words = text.split()
    for n in range(len(words), 0, -1):
        if " ".join(words[:n]) in _BY_WRITTEN:
            return " ".join(words[:n])
    return ""


# A title before a name, as news copy writes it (capitalised, AP abbreviations).
TITLES = {
    "Sen.": "sen",
    "Senator": "sen",
    "Rep.": "rep",
    "Representative": "rep",
    "Congressman": "rep",
    "Congresswoman": "rep",
    "Del.": "rep",
    "Delegate": "rep",
    "Speaker": "Speaker of the House",
    "House Speaker": "Speaker of the House",
    "Speaker of the House": "Speaker of the House",
    "House Majority Leader": "House Majority Leader",
    "House Minority Leader": "House Minority Leader",
    "Senate Majority Leader": "Senate Majority Leader",
    "Senate Minority Leader": "Senate Minority Leader",
    "House Majority Whip": "House Majority Whip",
    "House Minority Whip": "House Minority Whip",
    "Senate Majority Whip": "Senate Majority Whip",
    "Senate Minority Whip": "Senate Minority Whip",
}
FIRST_WORDS = frozenset(
    {"Sen", "Senator", "Rep", "Representative", "Congressman"}
    | {"Congresswoman", "Del", "Delegate", "Speaker"}
)
_TITLE_ALT = "|".join(
    re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True)
)
_WORD = r"(?:[A-Z][\w'’\-]*\.?|(?:de|la|del|van|von|St\.)(?=\s+[A-Z]))"
TITLE_RE = re.compile(
    rf"(?<![\w.-])(?P<us>U\.S\.\s+)?(?P<title>{_TITLE_ALT})(?![\w-])[ \u00a0]+"
    rf"(?P<name>{_WORD}(?:[ \u00a0]+{_WORD}){{0,4}})"
)
# Where a match of TITLE_RE may start: its first literal text, without the lookbehind
# that keeps the regex engine from scanning for the first letters in C (a scan of a 10 MB
# draft went from 0.6 CPU-s to a few hundredths)
_TITLE_START_RE = re.compile(rf"U\.S\.\s+|{_TITLE_ALT}")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NOT_CURRENT_RE = re.compile(
    r"\b(?i:former|ex|then|late|future|past|incoming|outgoing|acting|interim|would-be|"
    r"one-time|onetime|erstwhile|retired|defeated|the\s+late)[-\s]+(?:U\.S\.\s+)?$"
)
YEAR_RE = re.compile(r"\b(1[789]\d\d|20\d\d)\b")
AS_OFFICE_RE = re.compile(
    r"\b(?i:as\s+(?:a\s+)?(?:senator|congressman|congresswoman|representative|speaker|"
    r"(?:house|senate)\s+(?:majority|minority)\s+(?:leader|whip))|while\s+(?:serving|in\s+"
    r"(?:congress|the\s+(?:house|senate)))|when\s+(?:he|she|they)\s+(?:was|were)\s+in\s+"
    r"(?:congress|the\s+(?:house|senate)))\b"
)

# Labels after a name: "(D-Calif.)", "(R-PA-13)", "(CA-7)", ", D-N.Y.,", "Republican of Texas"
_DASH = r"[-–]"
LABEL_RE = re.compile(
    rf"(?P<open>\(|,[ \u00a0]+)(?:(?P<party>[DRI]){_DASH}(?P<state>{_STATE_ALT})"
    rf"(?:{_DASH}(?P<dist>\d{{1,2}}|AL|At\s?[Ll]arge))?"
    rf"|(?P<state2>[A-Z]{{2}}){_DASH}(?P<dist2>\d{{1,2}}|AL))(?=[),;]|\.?\s|$)"
    rf"|,[ \u00a0]+(?:an?[ \u00a0]+)?(?P<pword>Republican|Democrat|Independent|independent)"
    rf"[ \u00a0]+(?:of|from)[ \u00a0]+(?P<sname>{_NAMES_ALT})\b"
)
# Where a match of LABEL_RE may start: "(" or a comma and spaces before a party's letter
# or two capitals and a dash, or (after the comma) "a", "an" or a party's name (a superset;
# LABEL_RE decides). Its branches start with literals: the engine scans for "(" and ","
# in C.
_LABEL_HEAD = rf"[DRI]{_DASH}|[A-Z]{{2}}{_DASH}"
_LABEL_START_RE = re.compile(
    rf"\((?={_LABEL_HEAD})|,[ \u00a0]+(?={_LABEL_HEAD}|an?[ \u00a0]|Republican|Democrat"
    rf"|Independent|independent)"
)


def finditer_at(pattern: re.Pattern, starts: re.Pattern, text: str) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern none of whose matches is empty, each
    tried only where ``starts`` finds a place it may start (a superset of its matches'
    starts): the same matches, in order, none overlapping."""
    search, match = starts.search, pattern.match
    pos = 0
    while True:
        cand = search(text, pos)
        if cand is None:
            return
        s = cand.start()
        m = match(text, s)
        if m is None:
            pos = s + 1
        else:
            yield m
            pos = m.end()


def label_matches(prose: str) -> Iterator[re.Match]:
    """``LABEL_RE.finditer(prose)``, scanned for its first characters in C."""
    return finditer_at(LABEL_RE, _LABEL_START_RE, prose)


NAME_BEFORE_RE = re.compile(
    r"(?:(?P<title>Sen\.|Senator|Rep\.|Representative|Congressman|Congresswoman|Del\.)"
    r"[ \u00a0]+)?(?P<name>(?:[A-Z][\w'’\-]*\.?[ \u00a0]+){0,3}[A-Z][\w'’\-]*(?:,?\s+(?:Jr\.|Sr\.|III|II))?)[ \u00a0]*$"
)
PARTY_WORD = {"D": "Democrat", "R": "Republican", "I": "independent"}


@dataclass
class Mention:
    """A congressional title and the name after it."""

    start: int  # where the title starts ("U.S." included)
    title_start: int
    title: str
    kind: str  # sen, rep or a leadership role's title
    name_end: int
    words: tuple[str, ...]
    person: Person


from linter.packs.facts.congress_hint import LABEL_HINT_RE, may_need  # noqa: E402

__all__ = ["LABEL_HINT_RE", "may_need"]


def records() -> Records | None:
    from linter.packs.facts.records import load

    return load()


def name_words(text: str) -> tuple[str, ...]:
    """The words of a written name, possessive, trailing full stop and suffix dropped."""
    out = []
    for w in text.split():
        w = re.sub(r"['’]s$", "", w)
        if len(w) > 2 and w.endswith(".") and w[-3] != ".":
            w = w[:-1]
        if w.rstrip(".,").lower() in SUFFIXES:
            continue
        out.append(w.rstrip(","))
    return tuple(out)


def resolve(
    recs: Records, words: tuple[str, ...], kind: str, day: dt.date
) -> tuple[int, Person | None]:
    """The one person the words name who ever held ``kind`` (sen, rep, or any seat in
    Congress when ``kind`` is "congress"), trying shorter prefixes when words follow the
    name ("Sen. Mitt Romney Tuesday"). Returns how many words name them."""
    for n in range(min(len(words), 4), 0, -1):
        people = recs.people(words[:n])
        if not people:
            continue
        if kind == "congress":
            held = [p for p in people if any(t.kind in ("sen", "rep") for t in p.terms)]
            on_day = [p for p in held if p.term_on(day)]
            held = on_day or held
        else:
            held = [p for p in people if p.terms_of(kind)]
            if len(held) > 1:  # "Sen. Smith": the one in the office that day, if any
                on_day = [p for p in held if any(t.covers(day) for t in p.terms_of(kind))]
                held = on_day if len(on_day) == 1 else held
        unique = {id(p): p for p in held}
        return n, (next(iter(unique.values())) if len(unique) == 1 else None)
    return 0, None


def mentions(doc: Document, recs: Records, any_seat: bool = False) -> Iterator[Mention]:
    """Each title with the one person its name resolves to: a holder of that office, or
    (``any_seat``, for sen and rep titles) anyone who sat in Congress."""
    prose = doc.prose
    day = doc.date
    for m in finditer_at(TITLE_RE, _TITLE_START_RE, prose):
        title = re.sub(r"\s+", " ", m["title"])
        kind = TITLES[title]
        words = name_words(m["name"])
        want = "congress" if any_seat and kind in ("sen", "rep") else kind
        n, person = resolve(recs, words, want, day)
        if person is None:
            continue
        # the end of the n-th name word
        end = m.start("name")
        for _ in range(n):
            wm = re.compile(r"[ \u00a0]*(\S+)").match(prose, end)
            if wm is None:
                break
            end = wm.end(1)
        while end > m.start("name") and prose[end - 1] in ".,;:":
            if prose[end - 1] == "." and re.search(r"(?:\b[A-Z]\.|Jr\.|Sr\.)$", prose[:end]):
                break
            end -= 1
        if prose[end - 2 : end] in ("'s", "’s"):
            end -= 2
        yield Mention(m.start(), m.start("title"), title, kind, end, words[:n], person)


def not_current_before(prose: str, start: int) -> bool:
    return NOT_CURRENT_RE.search(prose[max(0, start - 40) : start]) is not None


def past_event(doc: Document, offset: int, terms: list[Term]) -> bool:
    """The sentence is about the past of the person's time in office: it names a year before
    the last of ``terms`` ended, or says "as senator", "while serving"."""
    from linter.packs.facts.docnames import sentence_at

    i, s, e = sentence_at(doc, offset)
    if i < 0:
        s, e = max(0, offset - 200), offset + 200
    nl = doc.prose.rfind("\n", s, offset)
    s = nl + 1 if nl >= 0 else s
    text = doc.prose[s:e]
    if AS_OFFICE_RE.search(text):
        return True
    ends = [t.end for t in terms if t.end is not None]
    if not ends:
        return False
    last = max(ends)
    for y in YEAR_RE.findall(text):
        year = int(y)
        if year < last.year or (year == last.year and last > dt.date(year, 1, 31)):
            return True
    return False


def label_for(term: Term, style: str, with_district: bool) -> str:
    """The label the record gives, written in the draft's style ("ap" or "postal")."""
    state = STATES.get(term.state, (term.state, term.state))[1] if style == "ap" else term.state
    text = f"{term.party}-{state}"
    if with_district and term.kind == "rep" and term.district:
        text += f"-{term.district}"
    return text
