"""FACT002: a title that the person did not hold on the article's date."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.document import lower_in_chunks
from linter.memo import PerDocument
from linter.rule import Example, Match, Rule
from linter.text import find_all

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.facts.knowledge import Knowledge
    from linter.packs.facts.model import Holder, Office
    from linter.settings import Settings

# Words right before a title that make it say the person is not (yet, or any longer) in office.
NOT_CURRENT_RE = re.compile(
    r"(?:\b(?i:former|ex|then|late|future|past|incoming|outgoing|acting|interim|deputy|vice|"
    r"would-be|one-time|onetime|erstwhile)[-\s]+)(?:[A-Z][\w.'’]*\s+){0,3}$"
)
_NAME_WORD = r"(?:[A-Z][\w'’\-]*\.?|(?:de|da|van|von|bin)\b)"
NAME_RE = re.compile(rf"[ \u00a0]+({_NAME_WORD}(?:[ \u00a0]+{_NAME_WORD})*)")
QUALIFIER_RE = re.compile(r"((?:[A-Z][\w.'’&]*[ \u00a0]){1,3})$")
YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
# characters that re.IGNORECASE matches to a-z although lower() does not give that letter
CASE_ODD = "\u0130\u0131\u017f\u212a"


def _case_odd(prose: str) -> bool:
    """The prose holds a character that lower-casing does not match case-insensitively."""
    return not prose.isascii() and any(c in prose for c in CASE_ODD)


PRONOUN = {"he": "he", "she": "she"}
WINDOW = 1000  # characters of context a title is judged by (sentence, names before it)


_FIRST_ENDS: PerDocument[dict[str, int]] = PerDocument(
    "facts.stale_titles.first_ends", lambda d: {}
)


class _LowIndex:
    """Occurrences of words in a document's lower-cased prose, found once per word."""

    def __init__(self, prose: str, low: str | None) -> None:
        self.low = low  # ``_lowered``: None when lower-casing changed the length
        self.sigmas = [i for i, c in enumerate(prose) if c == "Σ"] if "Σ" in prose else []
        self.at: dict[str, list[int]] = {}

    def _positions(self, word: str) -> list[int]:
        found = self.at.get(word)
        if found is None:
            assert self.low is not None
            found, i = [], self.low.find(word)
            while i >= 0:
                found.append(i)
                i = self.low.find(word, i + 1)
            self.at[word] = found
        return found

    def _within(self, positions: list[int], width: int, start: int, end: int) -> bool:
        from bisect import bisect_left

        k = bisect_left(positions, start)
        return k < len(positions) and positions[k] + width <= end

    def holds_any(self, words, start: int, end: int) -> bool:
        """Whether ``low[start:end]`` holds one of ``words`` (or a capital sigma, whose
        lower case depends on its context)."""
        if self._within(self.sigmas, 1, start, end):
            return True
        return any(self._within(self._positions(w), len(w), start, end) for w in words)


def _lowered(doc: Document) -> str | None:
    """The prose lower-cased with straight apostrophes, if offsets still match: computed
    once per document for ``_LOW`` and ``_LowIndex``, a chunk at a time (``lower_in_chunks``), where
    a whole-text ``str.lower`` needs a buffer of 12 bytes a character (120 MB for a 10 MB
    draft)."""
    prose = doc.prose
    low = lower_in_chunks(prose).replace("’", "'")
    return low if len(low) == len(prose) else None


def _low(doc: Document) -> str | None:
    """The prose lower-cased as ``_may_name_holder`` does, if offsets still match (and
    no capital sigma, whose lower case depends on its context)."""
    return None if "Σ" in doc.prose else _LOWERED.of(doc)


_LOWERED: PerDocument[str | None] = PerDocument("facts.stale_titles.lowered", _lowered)
_LOW: PerDocument[str | None] = PerDocument("facts.stale_titles.low", _low)
_LOW_INDEX: PerDocument[_LowIndex] = PerDocument(
    "facts.stale_titles.low_index", lambda d: _LowIndex(d.prose, _LOWERED.of(d))
)


def _before_name_only(office: Office) -> bool:
    """An office from a dataset of fixed date (the cabinet's, with its own ``as_of``) is
    checked only as a title before a name ("Secretary of State Mike Pompeo"): "James Baker,
    secretary of state, agreed" and "the secretary of state" are as often a past narrative
    without a year (a 2009 interview on 1990) as a stale title."""
    return office.as_of is not None


class StaleTitle(Rule):
    """What it does:
    Checks "President X", "U.S. President X", "Prime Minister X", "Apple CEO X", "Chancellor
    X" and the like against the dated terms of office in the knowledge pack, on the article's
    date (``--date``, front matter, a dateline, or today). A person who had left the office is
    flagged with "former" as the fix, and the message gives the dates of their terms. A
    generic "the President" is resolved to the holder the same or the previous sentence
    names, and flagged only when exactly one such person is named.

    A title used on a date when it was true is never flagged; neither is a person the pack does
    not know, a title already marked "former", "then-" or "late", nor a sentence that dates
    itself to a year of the person's term ("signed by President Obama in 2010").
    """

    id = "FACT002"
    name = "stale-title"
    pack = "facts"
    severity = "error"
    quote_severity = "info"  # quotes are sacred: advice there, never a fix
    message = "This person did not hold this title on the article's date."
    why = "A title is a dated fact: on the article's date the person must hold the office."
    source = (
        "AP Stylebook, titles (former, then-); the facts knowledge pack (offices.yaml;"
        " cabinet.yaml from FiveThirtyEight's cabinet-turnover table, CC BY 4.0)"
    )
    examples: Sequence[Example] = (
        Example(
            bad="Roger Stone, an adviser to President Donald Trump, spoke.",
            fixed="Roger Stone, an adviser to former President Donald Trump, spoke.",
            date="2023-02-10",
        ),
        Example(
            bad="He met Donald Trump, and the President himself said so.",
            fixed="He met Donald Trump, and the former President himself said so.",
            date="2023-02-10",
        ),
        Example(
            bad="Secretary of State Mike Pompeo said on Tuesday.",
            fixed="Former Secretary of State Mike Pompeo said on Tuesday.",
            date="2022-06-01",
        ),
        Example(
            good="Roger Stone, an adviser to President Donald Trump, spoke.", date="2018-05-01"
        ),
        Example(
            good="Former President Donald Trump and President Joe Biden spoke.", date="2023-02-10"
        ),
        Example(good="Apple CEO Tim Cook and Prime Minister Rishi Sunak met.", date="2023-02-10"),
    )

    def prepare(self, settings: Settings) -> None:
        from linter.packs.facts.knowledge import load

        self.knowledge: Knowledge = load(settings)
        self._lasts: dict[str, frozenset[str]] = {}  # title -> its holders' last key words
        titles = sorted(self.knowledge.by_title, key=len, reverse=True)
        self.first_words: frozenset[str] | None = frozenset(
            m.group().lower() for m in map(re.compile(r"\w+").match, titles) if m
        )
        if any(not re.match(r"\w", t) for t in titles):
            self.first_words = None  # a title that starts with no word: always scan
        alternatives = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles)
        self.title_re = re.compile(rf"\b(?:{alternatives})\b(?!-)", re.IGNORECASE)
        # The same titles found in the lower-cased prose, case-sensitively and without the
        # leading \b (a regex that starts with a word gets its first letters scanned in C).
        self.folded_title_re = None
        if all(t.isascii() and t.islower() and "," not in t for t in titles):
            self.folded_title_re = re.compile(rf"(?:{alternatives})\b(?!-)")
        cap = r"[A-Z][\w.&’'-]*"
        self.appos_re = re.compile(
            rf",\s+(?P<det>(?:the|a|an)\s+)?(?:(?P<qual>{cap}(?:\s+{cap}){{0,2}}?)(?:['’]s)?\s+)?"
            rf"(?P<title>(?i:{alternatives}))\b(?!-)"
            rf"(?:\s+of\s+(?:the\s+)?(?P<org>{cap}(?:\s+{cap}){{0,2}}))?"
        )

    def check(self, doc: Document) -> Iterator[Match]:
        if self.knowledge.by_title:
            words = self._title_words(doc)
            if words:
                yield from self._offices(doc, words)
        from linter.packs.facts.congress_hint import may_need

        if may_need(doc):
            from linter.packs.facts.stale_congress import stale_congress

            yield from stale_congress(doc)

    def _offices(self, doc: Document, words: frozenset[str]) -> Iterator[Match]:
        prose = doc.prose  # the article's date is resolved only for a title that needs it
        for m in self._titles(doc, words):
            title = re.sub(r"\s+", " ", m.group())
            if title[0].islower() and title.lower() not in (
                "chief executive",
                "chief executive officer",
                "ceo",
            ):
                generic = True  # "the president": only the generic form
            else:
                generic = False
            before = prose[max(0, m.start() - 60) : m.start()]
            if NOT_CURRENT_RE.search(before):
                continue
            qualifier = ""
            q = QUALIFIER_RE.search(before)
            if q:
                qualifier = q.group(1).strip()
            name = NAME_RE.match(prose, m.end())
            if name and not generic:
                found = self._named(doc, m, title, qualifier, name)
            elif re.search(r"\bthe\s+$", before, re.IGNORECASE) and not re.match(
                r"\s*(?:of\b|'s\s+office)", prose[m.end() : m.end() + 12]
            ):
                found = self._generic(doc, m, title)
            else:
                found = None
            if found:
                yield found
        yield from self._appositives(doc)

    def _title_words(self, doc: Document) -> frozenset[str]:
        """The first words of titles that are word forms of the draft, lowered (empty: the
        draft holds no title). A title and an appositive both start at a word boundary with
        the title, whose first word is a whole run of word characters, which
        ``doc.word_forms`` holds; the forms are lowered in one call, in C. Lower-casing
        stands for the regexes' case-insensitive matching except for a few characters
        (``CASE_ODD``): a draft holding one (or a pack with a title that starts with no
        word) gets every first word, and the regexes decide (``_titles``)."""
        first_words = self.first_words
        if first_words is None or _case_odd(doc.prose):
            return self._all_first_words
        # the word forms: the words, split at their apostrophes (as ``doc.word_forms``)
        joined = " ".join(doc.word_set)
        if "'" in joined or "’" in joined:
            joined = joined.replace("’", " ").replace("'", " ")
        return first_words.intersection(joined.lower().split())

    @property
    def _all_first_words(self) -> frozenset[str]:
        return self.first_words or frozenset({""})

    def _titles(self, doc: Document, words: frozenset[str]) -> Iterator[re.Match]:
        """``title_re``'s matches. Where lower-casing is exact for it (no dotted or dotless
        i, no long s), the titles are matched in ``doc.folded`` only where one of ``words``
        (the first words of titles the draft holds, ``_title_words``) occurs, found by
        ``str.find`` in C (a scan of the prose with the regex of every title tried each
        letter), each start checked for the word boundary; each match is then the same
        pattern matched in the prose. The matches are those of ``finditer``: in order, none
        overlapping."""
        prose = doc.prose
        if self.folded_title_re is None or self.first_words is None or _case_odd(prose):
            yield from self.title_re.finditer(prose)
            return
        folded, at_title, match = doc.folded, self.folded_title_re.match, self.title_re.match
        at = 0
        for s in find_all(folded, words):
            if s < at or (s and (folded[s - 1].isalnum() or folded[s - 1] == "_")):
                continue
            m = at_title(folded, s)
            if m is None:
                continue
            found = match(prose, s)
            if found is not None:  # always, as lower-casing is exact here
                yield found
            at = m.end()

    # ---- "Elon Musk, the Twitter CEO" -------------------------------------------------
    def _appositives(self, doc: Document) -> Iterator[Match]:
        """Each appositive a name ends right before. ``appos_re`` holds one comma, at its
        start, so one scan finds every place where it matches."""
        from linter.packs.facts.docnames import doc_names

        prose = doc.prose
        found = [
            m
            for m in self.appos_re.finditer(prose)
            if self._may_name_holder(
                doc,
                max(prose.rfind("\n", m.start() - WINDOW, m.start()) + 1, m.start() - WINDOW, 0),
                m,
            )
        ]
        if not found:
            return
        ends = {n.end: n for n in doc_names(doc) if len(n.key) >= 2}
        for m in found:
            n = ends.get(m.start())
            if n is None:
                continue
            if re.match(r"\s+[A-Z]", doc.prose[m.end() : m.end() + 2]):
                continue  # ", the Twitter CEO Jack Dorsey": a title of someone else
            title = re.sub(r"\s+", " ", m["title"])
            candidates = [
                (o, h)
                for o, h in self.knowledge.holders(title, n.words)
                if not _before_name_only(o)
            ]
            place = re.sub(r"['’]s$", "", (m["qual"] or m["org"] or "").strip())
            if place:
                candidates = [(o, h) for o, h in candidates if self._qualifies(o, place)]
            elif title.lower() in ("ceo", "chief executive", "chief executive officer"):
                continue
            if not candidates:
                continue
            day = doc.date
            if any(h.holds(day) for _, h in candidates):
                continue
            office, holder = candidates[0]
            if not any(t.end is not None and t.end < day for t in holder.terms):
                continue  # "not yet": left to the title before a name
            if self._sentence_dates_term(doc, m.start(), holder) or not self._can_tell(
                office, holder, day
            ):
                continue
            start = (
                m.start("det") if m["det"] else (m.start("qual") if m["qual"] else m.start("title"))
            )
            insert_at = m.end("det") if m["det"] else start
            if re.search(r"['’]s\s+$", doc.prose[start : m.start("title")]):
                insert_at = m.start("title")  # "Twitter's former CEO"
            yield self._report(
                doc,
                start,
                m.end(),
                doc.prose[start : m.end()],
                office,
                holder,
                day,
                insert_at=insert_at,
                resolved=False,
            )

    # ---- "President Donald Trump" ----------------------------------------------------
    def _named(self, doc, m, title, qualifier, name) -> Match | None:
        from linter.packs.facts.name_mentions import strip_possessive

        words = [strip_possessive(w).rstrip(".") for w in name.group(1).split()]
        candidates = self.knowledge.holders(title, tuple(words))
        narrowed = [(o, h) for o, h in candidates if qualifier and self._qualifies(o, qualifier)]
        if narrowed:
            candidates = narrowed
        else:
            qualifier = ""  # "On Friday President X": not a qualifier of the office
            if title.lower() in ("ceo", "chief executive", "chief executive officer"):
                return None  # a bare "CEO X": which company is unknown
        if not candidates:
            return None
        day = doc.date
        if any(h.holds(day) for _, h in candidates):
            return None
        office, holder = candidates[0]
        if self._sentence_dates_term(doc, m.start(), holder) or not self._can_tell(
            office, holder, day
        ):
            return None
        start = m.start() - (len(qualifier) + 1 if qualifier else 0)
        end = name.end(1)
        last = doc.prose[name.start(1) : end].split()[-1]
        if last.endswith(".") and len(last) > 2 and last not in ("Jr.", "Sr."):
            end -= 1  # the sentence's full stop, not the name's
        if doc.prose[end - 2 : end] in ("'s", "’s"):
            end -= 2
        written = doc.prose[m.start() : end]
        return self._report(doc, start, end, written, office, holder, day, insert_at=start)

    def _may_name_holder(self, doc: Document, start: int, m: re.Match) -> bool:
        """A name before ``m`` in ``prose[start:]`` may be one ``holders`` finds for its
        title: every holder it finds has a name whose last key word is the name's, and a
        key word is a lower-cased word of the prose (a capital sigma, lower-cased by its
        context, is left to the full test)."""
        title = re.sub(r"\s+", " ", m["title"] if "title" in m.re.groupindex else m.group())
        lasts = self._holder_lasts(title.lower())
        if not lasts:
            return False
        index = _LOW_INDEX.of(doc)
        if index.low is None:  # lower-casing changed the length: offsets differ, scan the text
            text = doc.prose[start : m.start()]
            if "Σ" in text:
                return True
            low = text.lower().replace("’", "'")
            return any(w in low for w in lasts)
        return index.holds_any(lasts, start, m.start())

    def _holder_named_before(self, doc: Document, m: re.Match) -> bool:
        """``_may_name_holder`` over the whole text before ``m``, answered from where each
        title's holders' surnames first end in the draft (found once per draft and title),
        not by a scan from the document's start for each title."""
        title = re.sub(r"\s+", " ", m.group()).lower()
        firsts = _FIRST_ENDS.of(doc)
        end = firsts.get(title)
        if end is None:
            low = _LOW.of(doc)
            if low is None:  # lower-casing changed lengths: the plain test
                return self._may_name_holder(doc, 0, m)
            ends = [i + len(w) for w in self._holder_lasts(title) if (i := low.find(w)) >= 0]
            end = firsts[title] = min(ends, default=-1)
        return 0 <= end <= m.start()

    def _holder_lasts(self, title: str) -> frozenset[str]:
        found = self._lasts.get(title)
        if found is None:
            from linter.packs.facts.index import name_key

            found = self._lasts[title] = frozenset(
                key[-1]
                for office in self.knowledge.by_title.get(title, ())
                for holder in office.holders
                for key in map(name_key, holder.names)
                if key
            )
        return found

    def _qualifies(self, office: Office, qualifier: str) -> bool:
        q = qualifier.lower().strip()
        words = {office.of.lower(), *(x.lower() for x in office.qualifiers)}
        return any(q == w or q.endswith(" " + w) for w in words)

    # ---- "the President" --------------------------------------------------------------
    def _generic(self, doc, m, title) -> Match | None:
        from linter.packs.facts.docnames import names_between

        if not self._holder_named_before(doc, m):
            return None
        # at most WINDOW characters back: a run-on "sentence" must not make it quadratic
        window_start = max(self._window_start(doc, m.start()), m.start() - WINDOW)
        people: dict[str, tuple[Office, Holder]] = {}
        for n in names_between(doc, window_start, m.start()):
            if n.end > m.start():
                break
            for office, holder in self.knowledge.holders(title, n.words):
                if len(n.key) == 1 and not n.title:
                    continue  # a bare surname is too weak to resolve to
                if _before_name_only(office):
                    continue
                people.setdefault(holder.name, (office, holder))
        if len(people) != 1:
            return None
        office, holder = next(iter(people.values()))
        day = doc.date
        if (
            holder.holds(day)
            or self._sentence_dates_term(doc, m.start(), holder)
            or not self._can_tell(office, holder, day)
        ):
            return None
        lead = max(0, m.start() - 40)  # a window, not the whole prefix: linear in the draft
        the = re.search(r"the\s+$", doc.prose[lead : m.start()], re.IGNORECASE)
        start = lead + the.start() if the else m.start()
        written = doc.prose[start : m.end()]
        return self._report(
            doc, start, m.end(), written, office, holder, day, insert_at=m.start(), resolved=True
        )

    def _can_tell(self, office: Office, holder: Holder, day) -> bool:
        """The pack can tell that ``holder`` was out of office on ``day``: someone else held
        it then, or the day is within the pack's as-of date. After that date a former holder
        may have come back (as Donald Trump did in 2025), so an office nobody in the pack
        holds on that day is unknown, and an unknown is never flagged."""
        if office.as_of is not None and day > office.as_of:
            # an office with its own as-of date (the cabinet's, 2023): after it an open
            # term is no evidence, only a term that ended on a known day
            return any(
                h is not holder and any(t.end is not None and t.covers(day) for t in h.terms)
                for h in office.holders
            )
        if any(h is not holder and h.holds(day) for h in office.holders):
            return True
        as_of = self.knowledge.as_of
        return as_of is None or day <= as_of

    def _window_start(self, doc: Document, offset: int) -> int:
        """Start of the sentence before the one holding ``offset``."""
        from linter.packs.facts.docnames import sentence_at

        i, s, _ = sentence_at(doc, offset)
        if i < 0:
            return max(0, offset - 400)
        return doc.sentences[i - 1][0] if i >= 1 else s

    def _sentence_dates_term(self, doc: Document, offset: int, holder: Holder) -> bool:
        """The sentence (within its line: a dateline above is not part of it) names a year
        in which the holder held the office."""
        from linter.packs.facts.docnames import sentence_at

        i, s, e = sentence_at(doc, offset)
        if i < 0:
            return False
        s, e = max(s, offset - WINDOW), min(e, offset + WINDOW)  # bounded, however long
        s = max(s, doc.prose.rfind("\n", s, offset) + 1)
        nl = doc.prose.find("\n", offset, e)
        e = e if nl < 0 else min(e, nl)
        for y in YEAR_RE.findall(doc.prose[s:e]):
            year = int(y)
            for t in holder.terms:
                end = t.end.year if t.end else 9999
                if t.start.year <= year <= end:
                    return True
        return False

    # ---- reporting --------------------------------------------------------------------
    def _report(self, doc, start, end, written, office, holder, day, insert_at, resolved=False):
        was_before = any(t.end is not None and t.end < day for t in holder.terms)
        terms = holder.describe_terms()
        who = f"'{written}' refers to {holder.name}, who" if resolved else holder.name
        if was_before:
            before = doc.prose[max(0, insert_at - 200) : insert_at].rstrip(" \u00a0")
            if not before and insert_at > 200:
                before = doc.prose[:insert_at].rstrip(" \u00a0")
            at_sentence_start = before == "" or before[-1] in "\n.!?“\"‘('"
            word = "Former " if at_sentence_start and not resolved else "former "
            fixed = doc.prose[start:insert_at] + word + doc.prose[insert_at:end]
            message = (
                f"On {day.isoformat()} {who} was no longer {office.label()} "
                f"(held it {terms}): write '{fixed}'. Source: {holder.source}"
            )
            return Match(start, end, message, suggestions=(fixed,), fix=fixed)
        message = (
            f"On {day.isoformat()} {who} had not yet become {office.label()} "
            f"(held it {terms}); check the title or the article's date. Source: {holder.source}"
        )
        return Match(start, end, message)


RULES = [StaleTitle]
