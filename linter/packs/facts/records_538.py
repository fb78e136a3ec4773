"""FiveThirtyEight's tables (fivethirtyeight/data, CC BY 4.0) for the records build:
members of Congress by Congress (``congress-demographics/data_aging_congress.csv``) and
cabinet officers (``cabinet-turnover/cabinet-turnover.csv``). Used by ``records_build``;
the tables' quirks (surnames in capitals, holdovers' two rows, "Still in office") stay here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from linter.packs.facts.records_build import BuildError

if TYPE_CHECKING:  # pragma: no cover
    from linter.packs.facts.records_build import Source

AGING_CSV = "congress-demographics/data_aging_congress.csv"
AGING_URL = "https://github.com/fivethirtyeight/data/tree/master/congress-demographics"
AGING_LICENCE = "CC BY 4.0 (FiveThirtyEight)"
PARTY_CODE = {"100": "D", "200": "R", "328": "I"}
CABINET_CSV = "cabinet-turnover/cabinet-turnover.csv"
CABINET_URL = "https://github.com/fivethirtyeight/data/tree/master/cabinet-turnover"
CABINET_FILE = "cabinet.yaml"  # written beside the pack, in the hand-entered schema
CABINET_AS_OF = "2023-02-10"  # the table's date, from its readme ("up to date as of")
# position in the table -> (id, title as news copy writes it before a name, other titles).
# Offices not listed (CEA, OSTP, SBA, the vice president, Health, Education & Welfare) are
# left out: rarely a title before a name, or already hand-entered (offices.yaml).
CABINET = {
    "Secretary of State": ("us-secretary-of-state", "Secretary of State", ["State Secretary"]),
    "Secretary of the Treasury": (
        "us-treasury-secretary",
        "Treasury Secretary",
        ["Secretary of the Treasury"],
    ),
    "Secretary of Defense": ("us-defense-secretary", "Defense Secretary", ["Secretary of Defense"]),
    "Attorney General": ("us-attorney-general", "Attorney General", []),
    "Secretary of the Interior": (
        "us-interior-secretary",
        "Interior Secretary",
        ["Secretary of the Interior"],
    ),
    "Secretary of Agriculture": (
        "us-agriculture-secretary",
        "Agriculture Secretary",
        ["Secretary of Agriculture"],
    ),
    "Secretary of Commerce": (
        "us-commerce-secretary",
        "Commerce Secretary",
        ["Secretary of Commerce"],
    ),
    "Secretary of Labor": ("us-labor-secretary", "Labor Secretary", ["Secretary of Labor"]),
    "Secretary of Health & Human Services": (
        "us-hhs-secretary",
        "Health and Human Services Secretary",
        ["Secretary of Health and Human Services", "HHS Secretary"],
    ),
    "Secretary of Housing & Urban Development": (
        "us-hud-secretary",
        "Housing Secretary",
        ["Secretary of Housing and Urban Development", "HUD Secretary"],
    ),
    "Secretary of Transportation": (
        "us-transportation-secretary",
        "Transportation Secretary",
        ["Secretary of Transportation"],
    ),
    "Secretary of Energy": ("us-energy-secretary", "Energy Secretary", ["Secretary of Energy"]),
    "Secretary of Education": (
        "us-education-secretary",
        "Education Secretary",
        ["Secretary of Education"],
    ),
    "Secretary of Veterans Affairs": (
        "us-veterans-affairs-secretary",
        "Veterans Affairs Secretary",
        ["Secretary of Veterans Affairs", "VA Secretary"],
    ),
    "Secretary of Homeland Security": (
        "us-homeland-security-secretary",
        "Homeland Security Secretary",
        ["Secretary of Homeland Security", "DHS Secretary"],
    ),
    "UN Ambassador": ("us-un-ambassador", "U.N. Ambassador", ["UN Ambassador"]),
    "Chief of Staff": ("us-white-house-chief-of-staff", "White House Chief of Staff", []),
    "OMB Director": ("us-omb-director", "OMB Director", []),
    "EPA Administrator": ("us-epa-administrator", "EPA Administrator", []),
    "U.S. Trade Representative": ("us-trade-representative", "Trade Representative", []),
    "CIA Director": ("us-cia-director", "CIA Director", []),
    "Director of National Intelligence": (
        "us-director-of-national-intelligence",
        "Director of National Intelligence",
        [],
    ),
}


def _surname_case(word: str) -> str:
    """ "MCCARTHY" or "McCARTHY" as "McCarthy", "O'NEILL" as "O'Neill"; mixed case kept."""
    if not any(c.isupper() for c in word[2:]):
        return word
    out = re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), word.lower())
    return re.sub(r"\b(Ma?c)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


def _bioname(text: str) -> tuple[str, str, str, str]:
    """(first, last, nickname, suffix) from "KENNEDY, Edward Moore (Ted)"."""
    last, _, rest = text.partition(",")
    nick = ""
    m = re.search(r"\(([^)]*)\)", rest)
    if m:
        nick = m.group(1).strip().strip('"')
        rest = rest[: m.start()] + rest[m.end() :]
    parts = [p.strip() for p in rest.split(",") if p.strip()]
    given = parts[0] if parts else ""
    suffix = parts[1] if len(parts) > 1 else ""
    return given, _surname_case(last.strip()), nick, suffix


def from_aging(
    text: str, src: Source, known: dict[str, list], executive: dict[str, list]
) -> tuple[list[list], dict]:
    """People from FiveThirtyEight's per-Congress table whom the dated records lack, each
    term a run of consecutive Congresses in one chamber and state (marked coarse)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    need = {"congress", "start_date", "chamber", "state_abbrev", "party_code", "bioname"}
    if not rows or not need.issubset(rows[0]) or "bioguide_id" not in rows[0]:
        raise BuildError(f"{src.path}: {AGING_CSV} lacks the columns {sorted(need)}")
    starts: dict[int, str] = {}
    for i, row in enumerate(rows, start=2):
        try:
            starts[int(row["congress"])] = str(dt.date.fromisoformat(row["start_date"]))
        except ValueError:
            raise BuildError(f"{AGING_CSV}, line {i}: bad congress or start_date") from None
    from linter.packs.facts.records import congress_start

    last_congress = max(starts)
    for n, start in starts.items():  # the reader computes the dates from the number
        if congress_start(n).isoformat() != start:
            raise BuildError(f"{AGING_CSV}: Congress {n} starts {start}, not as the law says")
    by_person: dict[str, list[dict]] = {}
    for row in rows:
        pid = row.get("bioguide_id") or ""
        if pid and pid not in known:
            by_person.setdefault(pid, []).append(row)
    added: list[list] = []
    extended = 0
    for pid, mine in by_person.items():
        mine.sort(key=lambda r: int(r["congress"]))
        terms: list[list] = []  # [kind, first Congress, last Congress, party, state]
        for row in mine:
            n = int(row["congress"])
            kind = "sen" if row["chamber"] == "Senate" else "rep"
            party = PARTY_CODE.get(row["party_code"], "")
            state = row["state_abbrev"]
            prev = terms[-1] if terms else None
            if prev and prev[0] == kind and prev[4] == state and prev[2] == n - 1:
                prev[2] = n  # the run goes on
                if prev[3] != party:
                    prev[3] = ""  # more than one party over the run: not stated
                continue
            terms.append([kind, n, n, party, state])
        first, last, nick, suffix = _bioname(mine[-1]["bioname"])
        if pid in executive:  # a president or vice president: one person, all terms
            executive[pid][5] = terms + executive[pid][5]
            extended += 1
            continue
        added.append([first, last, nick, "", suffix, terms, []])
    return added, {
        "name": "fivethirtyeight/data congress-demographics",
        "url": AGING_URL,
        "licence": AGING_LICENCE,
        "commit": src.commit,
        "date": src.date,
        "read": (
            f"{AGING_CSV}: Congresses {min(starts)}-{last_congress}, for the "
            f"{len(added) + extended} members the dated records lack (terms by Congress)"
        ),
        "note": (
            "data as of 2023-03-29; sources: Biographical Directory of the US Congress, "
            "VoteView.com, unitedstates/congress-legislators"
        ),
    }


def _us_date(text: str, where: str) -> str | None:
    """ "1/21/77" as "1977-01-21" (two-digit years from 1970); "Still in office": None."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2})", text.strip())
    if not m:
        if text.strip().lower().startswith("still in office"):
            return None
        raise BuildError(f"{where}: '{text}' is not a date like 1/21/77")
    month, day, yy = map(int, m.groups())
    year = 1900 + yy if yy >= 70 else 2000 + yy
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise BuildError(f"{where}: '{text}' is not a date") from None


def write_cabinet(text: str, src: Source, target: Path) -> dict:
    """FiveThirtyEight's cabinet table as a knowledge file of offices (the hand-entered
    schema), each office with the table's as-of date: after it an open term says nothing."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    if not rows or rows[0][:5] != ["president", "position", "appointee", "start_date", "end_date"]:
        raise BuildError(f"{src.path}: {CABINET_CSV} lacks its columns (president, position, ...)")
    holders: dict[str, dict[str, list]] = {}
    carried: dict[tuple[str, str], str] = {}  # a holdover's start, in the first row
    skipped = 0
    for i, row in enumerate(rows[1:], start=2):
        if len(row) < 5 or row[1] not in CABINET:
            continue
        where = f"{CABINET_CSV}, line {i}"
        name = re.sub(r"\s+", " ", row[2]).strip()
        key = (row[1], name)
        # a holdover ("Bob Gates") has two rows: start to "Obama admin", "Bush admin" to end
        if row[4].strip().endswith(" admin"):
            carried[key] = row[3]
            continue
        first = carried.pop(key, None) if row[3].strip().endswith(" admin") else row[3]
        try:
            start = _us_date(first or "", where)
            end = _us_date(row[4], where)
        except BuildError:
            skipped += 1  # an approximate date ("Aug. 1981"): the holder stays unknown
            continue
        if start is None:
            skipped += 1
            continue
        holders.setdefault(row[1], {}).setdefault(name, []).append([start, end])
    skipped += len(carried)
    lines = [
        f"# Generated by `copydesk knowledge build` from {CABINET_CSV}",
        f"# (fivethirtyeight/data @{src.commit or 'local copy'}, {AGING_LICENCE}): US cabinet",
        "# officers since 1977, acting officers left out. Do not edit by hand: rebuild.",
        "# Each office has the table's as-of date: after it an open term is no evidence.",
        "description: >-",
        "  US cabinet officers (Carter to Biden) from FiveThirtyEight's cabinet-turnover table.",
        "",
        "offices:",
    ]
    source = "FiveThirtyEight cabinet-turnover, CC BY 4.0"  # the URL and commit: the header
    count = 0
    for position, (oid, title, titles) in CABINET.items():
        people = holders.get(position)
        if not people:
            continue
        count += 1
        lines += [
            f"  - id: {oid}",
            f"    title: {_q(title)}",
            *([f"    titles: [{', '.join(map(_q, titles))}]"] if titles else []),
            "    of: the United States",
            "    qualifiers: [U.S., US, American]",
            f"    as_of: {CABINET_AS_OF}",
            f"    source: {_q(source)}",
            "    holders:",
        ]
        for name, terms in sorted(people.items(), key=lambda kv: min(t[0] for t in kv[1])):
            spans = ", ".join(f"[{a}, {b or 'null'}]" for a, b in sorted(terms))
            lines.append(f"      - {{name: {_q(name)}, terms: [{spans}]}}")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {
        "name": "fivethirtyeight/data cabinet-turnover",
        "url": CABINET_URL,
        "licence": AGING_LICENCE,
        "commit": src.commit,
        "date": src.date,
        "read": f"{CABINET_CSV}: {count} offices written to {target.name}",
        "note": f"data as of {CABINET_AS_OF}; acting officers not included"
        + (f"; {skipped} rows without exact dates left out" if skipped else ""),
        "offices": count,
    }


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)
