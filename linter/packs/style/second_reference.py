"""STYLE034: after a person's full name, the story refers to them by last name, not by first
name ("Ortiz said", not "Jane said")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule

# "[A-Z](?<!\w[A-Z])" is "\b[A-Z]" written so that the search can skip to the next capital
# letter instead of trying every position: these run over every draft
FULL_NAME_RE = re.compile(
    r"([A-Z](?<!\w[A-Z])[a-z]{2,})\s+(?:[A-Z]\.\s+)?((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b"
)
VERBS = ("said", "says", "told", "added", "asked", "explained", "wrote", "tweeted", "recalled")
SPEECH_RE = re.compile(rf"([A-Z](?<!\w[A-Z])[a-z]{{2,}}) ({'|'.join(VERBS)})\b")
NOT_GIVEN = frozenset(
    """The This That These Those Then When While After Before During Since Until And But For
    President Mayor Senator Governor Gov Sen Rep Representative Secretary Minister Prime Vice
    General Judge Justice Chief Officer Detective Sergeant Captain Lieutenant Dr Professor Pope
    King Queen Prince Princess Lord Lady Sir Dame Saint New North South East West United San Los
    Las Fort Mount Lake Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Police Team Company
    Council Court House Senate Congress Parliament Government Department Ministry Party Club""".split()
)


class FirstNameSecondReference(Rule):
    """What it does: when a story has introduced a person by full name ("Jane Ortiz"), flags a
    later attribution by first name alone ("Jane said") and suggests the last name.

    Family members who share a last name are the guide's exception (first names tell them
    apart), so a last name used by two people is skipped, as is a first name that is also
    someone's last name in the story. Quotations are exempt.
    """

    id = "STYLE034"
    name = "first-name-second-reference"
    pack = "style"
    severity = "warning"
    guides = frozenset({"ap"})
    scope = frozenset({"body"})
    message = "On second reference use the last name: '{suggestion}'."
    why = (
        "AP style refers to adults by last name on second reference; a first name reads as "
        "familiar or as a different person."
    )
    source = "AP Stylebook, 'names' (second reference) and 'courtesy titles'"
    examples: Sequence[Example] = (
        Example(
            bad="Council vote\n\nJane Ortiz chairs the council. Jane said the vote was fair.",
            fixed="Council vote\n\nJane Ortiz chairs the council. Ortiz said the vote was fair.",
        ),
        Example(
            good="Council vote\n\nJane Ortiz and Mark Ortiz run the shop. Jane said it was fair. "
            "Ortiz said so too. “Jane said no,” he added."
        ),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        speech = _speech(prose, doc.word_forms)
        if not any(
            _may_be_given(prose, first)
            for first in {m.group(1) for m in speech}.difference(NOT_GIVEN)
        ):
            return  # no attribution by a name that some full name starts with
        surnames: dict[str, set[str]] = defaultdict(set)  # first name -> last names
        firsts: dict[str, set[str]] = defaultdict(set)  # last name -> first names
        first_seen: dict[str, int] = {}
        for m in FULL_NAME_RE.finditer(prose):
            first, last = m.group(1), m.group(2)
            if first in NOT_GIVEN or last in NOT_GIVEN:
                continue
            surnames[first].add(last)
            firsts[last].add(first)
            first_seen.setdefault(first, m.end())
        if not surnames:
            return
        for m in speech:
            first = m.group(1)
            lasts = surnames.get(first)
            if not lasts or len(lasts) != 1 or first in firsts or m.start() < first_seen[first]:
                continue
            last = next(iter(lasts))
            if len(firsts[last]) > 1:
                continue  # two people share the last name: first names tell them apart
            yield Match(m.start(1), m.end(1), self.format_message(suggestion=last), (last,), last)


def _speech(prose: str, forms: frozenset[str]) -> list[re.Match]:
    """The matches of ``SPEECH_RE``, in order, found from the verbs: each verb the draft
    holds is looked for with ``str.find``, and the pattern is tried only where the
    capitalised word before it starts. Two matches never overlap (a name starts with a
    capital after no word character, and none lies inside a match), so these are the
    matches a scan finds, without trying the pattern at every capital of the draft."""
    found: list[re.Match] = []
    find = prose.find
    for verb in VERBS:
        if verb not in forms:  # the verb is a whole run of word characters
            continue
        needle = " " + verb
        i = find(needle)
        while i >= 0:
            k = i  # back over the name's lower-case letters to its capital
            while k > 0 and "a" <= prose[k - 1] <= "z":
                k -= 1
            if i - k >= 2 and k > 0:
                m = SPEECH_RE.match(prose, k - 1)
                if m is not None:
                    found.append(m)
            i = find(needle, i + 1)
    found.sort(key=_start)
    return found


def _start(m: re.Match) -> int:
    return m.start()


def _may_be_given(prose: str, first: str) -> bool:
    """Whether ``FULL_NAME_RE`` matches somewhere with ``first`` as the given name and a last
    name that is not excluded: without such a match the scan would record no last name for
    ``first``, so an attribution by it is never flagged and the scan can be skipped."""
    find = prose.find
    i = find(first)
    while i >= 0:
        m = FULL_NAME_RE.match(prose, i)
        if m is not None and m.group(1) == first and m.group(2) not in NOT_GIVEN:
            return True
        i = find(first, i + 1)
    return False


RULES = [FirstNameSecondReference]
