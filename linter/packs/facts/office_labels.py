"""FACT009: an office label that contradicts the public record on the article's date."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.facts.records import Person, Records, Term

CHAMBER_TITLE = {
    ("Sen.", "rep"): "Rep.",
    ("Senator", "rep"): "Rep.",
    ("Rep.", "sen"): "Sen.",
    ("Representative", "sen"): "Senator",
    ("Congressman", "sen"): "Sen.",
    ("Congresswoman", "sen"): "Sen.",
    ("Del.", "sen"): "Sen.",
    ("Delegate", "sen"): "Senator",
}


def _past_as_of(recs: Records, term: Term, day) -> bool:
    """The day is past the pack's as-of date and the term was open then: the seat, party
    or district may have changed since, so the record cannot tell."""
    return day > recs.as_of and (term.end is None or term.end > recs.as_of)


class OfficeLabel(Rule):
    """What it does:
    Checks the party letter, state and district of a member of Congress, written after the
    name as "(D-Calif.)", "(R-PA-13)", "(CA-7)", ", D-N.Y.," or ", a Republican of Texas,",
    and the chamber of "Sen."/"Senator" or "Rep."/"Congressman" before the name, against the
    public record (unitedstates/congress-legislators) on the article's date. The message
    gives the label the record holds, in the draft's own style (AP abbreviations or postal
    codes), as the suggestion.
    """

    id = "FACT009"
    name = "office-label"
    pack = "facts"
    severity = "error"
    quote_severity = "info"
    message = "This label contradicts the public record on the article's date."
    why = (
        "Party, state, district and chamber are facts of record on any given day, and a wrong"
        " one is an error readers notice at once. Only a person the record names unambiguously,"
        " in Congress on the article's date, is checked; a former member's label is history."
    )
    source = "unitedstates/congress-legislators (CC0); AP Stylebook, party affiliation"
    examples: Sequence[Example] = (
        Example(bad="Sen. Bernie Sanders (D-Vt.) spoke on Tuesday.", date="2024-03-05"),
        Example(bad="Senator Kevin McCarthy said the vote would wait.", date="2022-05-05"),
        Example(bad="Rep. Liz Cheney (R-WY-2) voted no.", date="2022-05-05"),
        Example(good="Sen. Bernie Sanders (I-Vt.) spoke on Tuesday.", date="2024-03-05"),
        Example(good="Rep. Liz Cheney, a Republican of Wyoming, voted no.", date="2022-05-05"),
    )

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.packs.facts.congress_hint import label_hint, may_need

        if not may_need(doc):
            return
        from linter.packs.facts import congress

        recs = congress.records()
        if recs is None:
            return
        yield from self._chambers(doc, recs)
        if label_hint(doc):
            yield from self._labels(doc, recs)

    # ---- "Senator" for a member of the House -------------------------------------------
    def _chambers(self, doc: Document, recs: Records) -> Iterator[Match]:
        from linter.packs.facts import congress

        day = doc.date
        prose = doc.prose
        for m in congress.mentions(doc, recs, any_seat=True):
            if m.kind not in ("sen", "rep"):
                continue
            now = m.person.term_on(day)
            if now is None or now.coarse or now.kind == m.kind or _past_as_of(recs, now, day):
                continue
            if congress.not_current_before(prose, m.start):
                continue
            if congress.past_event(doc, m.start, m.person.terms_of(m.kind)):
                continue
            right = CHAMBER_TITLE.get((m.title, now.kind))
            if right is None:
                continue
            where = "the Senate" if now.kind == "sen" else "the House"
            fixed = prose[m.start : m.title_start] + right
            yield Match(
                m.start,
                m.title_start + len(m.title),
                f"On {day.isoformat()} {m.person.name} sat in {where} ({congress.label_for(now, 'ap', True)}): "
                f"write '{fixed}'. Source: unitedstates/congress-legislators",
                suggestions=(fixed,),
            )

    # ---- "(D-Calif.)", "Republican of Texas" --------------------------------------------
    def _labels(self, doc: Document, recs: Records) -> Iterator[Match]:
        from linter.packs.facts import congress

        day = doc.date
        prose = doc.prose
        for m in congress.label_matches(prose):
            before = prose[max(0, m.start() - 80) : m.start()]
            nm = congress.NAME_BEFORE_RE.search(before)
            if nm is None:
                continue
            words = congress.name_words(nm["name"])
            if len(words) < 1:
                continue
            # the name is the words right before the label: try the last ones first
            person = None
            for k in range(min(len(words), 3), 0, -1):
                n, found = congress.resolve(recs, words[-k:], "congress", day)
                if found is not None and n == k:
                    person = found
                    break
            if person is None:
                continue
            term = person.term_on(day)
            if term is None or term.coarse:
                continue  # not in Congress that day (the label is history or FACT002's), or
                # known only by Congress (party and district within it are not dated)
            if _past_as_of(recs, term, day):
                continue
            match = self._judge(m, term, person)
            if match:
                yield match

    def _judge(self, m: re.Match, term: Term, person: Person) -> Match | None:
        from linter.packs.facts import congress

        name = person.name
        if m["pword"]:
            party: str | None = {"republican": "R", "democrat": "D", "independent": "I"}[
                m["pword"].lower()
            ]
            written = congress.state_name_prefix(m["sname"])
            state = congress._BY_WRITTEN.get(written, "")
            if not state:
                return None
            if term.party not in ("D", "R", "I"):
                return None
            if party == term.party and state == term.state:
                return None
            right_party = congress.PARTY_WORD[term.party]
            if m["pword"][0].isupper() and term.party == "I":
                right_party = "Independent" if m["pword"] == "Independent" else right_party
            right_state = congress.STATES.get(term.state, (term.state,))[0]
            start, end = m.start("pword"), m.start("sname") + len(written)
            fixed = f"{right_party} {m.group()[m.end('pword') - m.start() : m.start('sname') - m.start()].strip()} {right_state}"
            return self._report(m, start, end, fixed, name, term)
        if m["state2"]:
            state, dist, party = m["state2"], m["dist2"], None
            style = "postal"
        else:
            state = congress._BY_WRITTEN.get(re.sub(r"\s+", " ", m["state"]), "")
            dist, party = m["dist"], m["party"]
            style = "postal" if re.fullmatch(r"[A-Z]{2}", m["state"]) else "ap"
        if state not in congress.STATES:
            return None
        wrong = state != term.state
        if party is not None and term.party in ("D", "R", "I") and party != term.party:
            wrong = True
        if dist is not None:
            if term.kind == "sen":
                wrong = True
            elif term.district is not None:
                number = 0 if not dist[0].isdigit() else int(dist)
                wrong = wrong or number != term.district
        if not wrong:
            return None
        if party is None and term.kind == "sen":
            return None  # "(CA-7)" written for a senator: not a label this rule can fix
        start = m.start("party") if party is not None else m.start("state2")
        end = (
            m.end("dist")
            if m["dist"]
            else (m.end("state") if party is not None else m.end("dist2"))
        )
        if party is None:
            fixed = f"{term.state}-{term.district or 'AL'}"
        else:
            fixed = congress.label_for(term, style, dist is not None)
        return self._report(m, start, end, fixed, name, term)

    def _report(self, m, start, end, fixed, name, term) -> Match:
        from linter.packs.facts import congress

        seat = "the Senate" if term.kind == "sen" else "the House"
        return Match(
            start,
            end,
            f"The record has {name} as {congress.label_for(term, 'ap', True)} in {seat} on "
            f"this date: write '{fixed}'. Source: unitedstates/congress-legislators",
            suggestions=(fixed,),
        )


RULES = [OfficeLabel]
