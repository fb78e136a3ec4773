"""STYLE026: times of day in AP form: "9 a.m.", "10:30 p.m."."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule
from linter.text import figure_matches

# the look-behind follows the first digit so that the search skips to the next digit rather
# than testing the look-behind at every position of the draft
TIME_RE = re.compile(
    r"(\d(?<![\w.,:]\d)\d?)(?::([0-5]\d))?( ?)([AaPp])(\.?) ?([Mm])(\.?)(?![\w])",
)


class TimeOfDay(Rule):
    """What it does: flags times written "9am", "9 AM", "9:00 p.m." or "10:30 P.M." and gives
    the AP form ("9 a.m.", "9 p.m.", "10:30 p.m.").

    Under the British guide ("9am") the rule is off.
    """

    id = "STYLE026"
    name = "time-of-day"
    pack = "style"
    severity = "warning"
    guides = frozenset({"ap"})
    scope = frozenset({"headline", "body"})
    message = "AP writes this time as '{suggestion}'."
    why = (
        "AP writes figures, a space, lowercase a.m. or p.m. with periods, and no ':00' on the hour."
    )
    source = "AP Stylebook, 'times' and 'a.m., p.m.'"
    examples: Sequence[Example] = (
        Example(bad="The ad ran at 9:00 PM on Friday.", fixed="The ad ran at 9 p.m. on Friday."),
        Example(bad="The ad ran at 9am on Friday.", fixed="The ad ran at 9 a.m. on Friday."),
        Example(bad="It ran at 10:30 A.M. Friday.", fixed="It ran at 10:30 a.m. Friday."),
        Example(good="The ad ran at 9 a.m. and again at 10:30 p.m."),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        found = figure_matches(TIME_RE, prose, doc.digit_starts)
        for m in found:
            hour, minutes, _space, ap, _dot1, _m, _dot2 = m.groups()
            if not 1 <= int(hour) <= 12:
                continue
            clock = hour + (f":{minutes}" if minutes and minutes != "00" else "")
            right = f"{clock} {ap.lower()}.m."
            end = m.end()
            found = prose[m.start() : end]
            if found == right:
                continue
            if found + "." == right and prose[end : end + 1] == ".":
                continue  # "9 a.m." whose final period doubles as the full stop
            yield Match(m.start(), end, self.format_message(suggestion=right), (right,), right)


RULES = [TimeOfDay]
