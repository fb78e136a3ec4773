"""The congress titles and party labels are found by a scan for their first characters
(``congress.finditer_at``): the same matches as the regexes' own ``finditer``."""

from __future__ import annotations

import pytest

from linter.packs.facts import congress

TEXT = (
    "Sen. John Smith (D-Calif.) met Rep. Jo Doe, R-Texas, a Republican of Ohio, and U.S. Sen. "
    "Al Bee (R-TX-3) ,  an independent from New York. Speaker Nancy Pelosi (I–Vt.) left; "
    "TX–4, (AL-AL) , a  Democrat from Ohio. A non-Sen. Sen, the Senator-elect, (Dr. Who), "
    "U.S. Army, House Majority  Leader Steve Scalise, 3Sen. Al, e.Sen. Bo, Congresswoman Liz "
    "Cheney, Delegate Eleanor Holmes Norton, Sen. de Leon, a Democrat, (D), (DC-AL)."
)


@pytest.mark.parametrize("pattern", ["TITLE_RE", "LABEL_RE"])
def test_scan_finds_what_finditer_finds(pattern):
    regex = getattr(congress, pattern)
    starts = {"TITLE_RE": congress._TITLE_START_RE, "LABEL_RE": congress._LABEL_START_RE}
    for text in (TEXT, TEXT * 3, TEXT.replace(" ", "\u00a0"), ""):
        want = [(m.span(), m.groupdict()) for m in regex.finditer(text)]
        got = [
            (m.span(), m.groupdict()) for m in congress.finditer_at(regex, starts[pattern], text)
        ]
        assert got == want
    assert len([m for m in congress.label_matches(TEXT)]) >= 6
    assert len(list(congress.TITLE_RE.finditer(TEXT))) >= 6
