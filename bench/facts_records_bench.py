"""The facts benchmark from public records, built from the dev articles in ../shared/data only,
scored with ../shared/bench/score.py.

It writes two benchmark folders (files plus ``key.tsv``, the format of ../shared/bench/dev):

- ``cases/facts/``: copies made the way editors meet these slips:
  ``stale/``   a text re-dated (front matter) 200 days past the end of a member's last term,
               each titled mention of a member out of office then keyed (``stale-title``),
               except mentions in quotations, after "former"/"then-", or in a sentence that
               names a year before the term ended (a past event: the issue says silence);
  ``cabinet/`` a text re-dated 200 days past the end of a cabinet officer's term (title
               before the name, the cabinet table's holders), when the table can tell
               (``stale-title``);
  ``label/``   at a date when the member sat (the text's own date when it does), one label
               made to contradict the record: party flipped, district moved by one, state
               changed, or "Congressman" written "Senator" (``office-label``);
  ``weekday/`` "Friday, July 21, 2017" with the weekday moved by one day (``date-weekday``);
  ``names/``   a later mention of a person's surname misspelt by one letter
               (``name-garble``);
- ``controls/``: every text at its own date (front matter when a date is found in it, else
  undated, under ``clean/`` as in the dev split): any error is a false alarm.

    python bench/facts_records_bench.py                 # build both and score them
    python bench/facts_records_bench.py --out DIR --no-score
"""

from __future__ import annotations

import argparse
import bisect
import csv
import datetime as dt
import random
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import DATA, ROOT, clean_files, everyday_word

SCORE = DATA.parent / "bench" / "score.py"
TITLE_RE = re.compile(
    r"(?<![\w.])(?P<title>Sen\.|Senator|Rep\.|Representative|Congressman|Congresswoman)"
    r" (?P<name>[A-Z][\w'’-]*\.?(?: (?:[A-Z]\.|[A-Z][\w'’-]+)){0,3})"
)
LABEL_RE = re.compile(r"\((?:(?P<party>[DRI])-)?(?P<state>[A-Z]{2})(?:-(?P<dist>\d{1,2}))?\)")
WEEKDAY_RE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), "
    r"(January|February|March|April|May|June|July|August|September|October|November|"
    r"December) (\d{1,2}), (\d{4})"
)
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
YEAR_RE = re.compile(r"\b(19\d\d|20\d\d)\b")
NEAR_STATE = {"CA": "NV", "NV": "AZ", "GA": "AL", "WA": "OR", "PA": "OH", "TX": "OK", "NJ": "NY"}


class Case:
    def __init__(self, folder: str, name: str, text: str, date: dt.date | None) -> None:
        self.folder, self.name, self.text, self.date = folder, name, text, date
        self.keys: list[tuple[int, int, str, str, str]] = []  # offset, end, category, wrong, right

    def path(self) -> str:
        return f"{self.folder}/{self.name}" + (".md" if self.date else ".txt")

    def body(self) -> str:
        return f"---\ndate: {self.date.isoformat()}\n---\n\n{self.text}" if self.date else self.text

    def rows(self) -> list[list[str]]:
        shift = len(self.body()) - len(self.text)
        body = self.body()
        starts = [0] + [i + 1 for i, c in enumerate(body) if c == "\n"]
        out = []
        for start, end, cat, wrong, right in self.keys:
            s = start + shift
            line = bisect.bisect_right(starts, s) - 1
            col = s - starts[line] + 1
            out.append(
                [self.path(), str(line + 1), str(col), str(col + end - start), cat, wrong, right]
            )
        return out


def own_date(text: str) -> dt.date | None:
    from linter.article_date import find_dateline

    found = find_dateline(text)
    if found:
        return found
    m = re.match(r"\s*(\d\d)\.(\d\d)\.(\d\d)\b", text)  # "04.04.19" at the top of a release
    if m:
        try:
            return dt.date(2000 + int(m[3]), int(m[1]), int(m[2]))
        except ValueError:
            return None
    return None


def quotes(text: str) -> list[tuple[int, int]]:
    from linter.text import quotations

    return quotations(text)


def in_spans(spans, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def sentence_of(text: str, offset: int) -> str:
    """The sentence holding ``offset`` (the linter's own splitter, within its line)."""
    from linter.text import sentences

    for s, e in sentences(text):
        if s <= offset < e:
            line_start = text.rfind("\n", s, offset) + 1
            return text[max(s, line_start) : e]
    return ""


def resolve(recs, text: str, m: re.Match, kind: str, seen: dict):
    """The one person a titled mention names, by full name or by a surname met before."""
    words = tuple(re.sub(r"['’]s$", "", w).rstrip(".,") for w in m["name"].split())
    for n in range(len(words), 0, -1):
        people = [p for p in recs.people(words[:n]) if p.terms_of(kind) or n == 1]
        if n == 1 and words[0].lower() in seen:
            return seen[words[0].lower()], 1
        people = [p for p in people if any(t.kind in ("sen", "rep") for t in p.terms)]
        if len({id(p) for p in people}) == 1 and (n >= 2 or people[0].terms_of(kind)):
            seen[people[0].last.split()[-1].lower()] = people[0]
            return people[0], n
    return None, 0


def stale_cases(recs, name: str, text: str) -> list[Case]:
    seen: dict = {}
    found = []
    for m in TITLE_RE.finditer(text):
        kind = "sen" if m["title"] in ("Sen.", "Senator") else "rep"
        person, n = resolve(recs, text, m, kind, seen)
        if person is None or not person.terms_of(kind):
            continue
        found.append((m, kind, person, n))
    ends = []
    for _m, _kind, person, _n in found:
        terms = [t for t in person.terms if t.kind in ("sen", "rep")]
        last = max((t.end for t in terms if t.end), default=None)
        if last and last < recs.as_of - dt.timedelta(days=200):
            ends.append(last)
    if not ends:
        return []
    day = max(ends) + dt.timedelta(days=200)
    case = Case("facts/stale", name, text, day)
    spans = quotes(text)
    for m, kind, person, n in found:
        if person.term_on(day) is not None:
            continue
        terms = person.terms_of(kind)
        if any(t.start > day for t in terms):
            continue
        last = max(t.end for t in terms if t.end)
        end = m.start("name") + len(" ".join(m["name"].split()[:n]))
        if text[end - 2 : end] in ("'s", "’s"):
            end -= 2
        if in_spans(spans, m.start(), end):
            continue
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(former|then-|ex-|late)\s*$", before):
            continue
        sentence = sentence_of(text, m.start())
        if any(int(y) <= last.year for y in YEAR_RE.findall(sentence)):
            continue
        if re.search(
            r"\bas (?:a )?(?:senator|congressman|congresswoman|representative)\b", sentence, re.I
        ):
            continue
        case.keys.append(
            (
                m.start(),
                end,
                "stale-title",
                text[m.start() : end],
                "former " + text[m.start() : end],
            )
        )
    case.keys += president_keys(text, day, spans)
    case.keys.sort()
    return [case] if case.keys else []


PRESIDENT_RE = re.compile(
    r"(?<![\w.-])(?:Vice )?President (?P<name>[A-Z][a-z]+(?:(?: [A-Z]\.)? [A-Z][a-z]+)?)"
)


def president_keys(text: str, day: dt.date, spans) -> list:
    """ "President Barack Obama" in the re-dated copy: stale too, by the hand-entered pack."""
    from linter.packs.facts.knowledge import load
    from linter.settings import Settings

    knowledge = load(Settings())
    out = []
    for m in PRESIDENT_RE.finditer(text):
        title = "Vice President" if m.group().startswith("Vice") else "President"
        holders = knowledge.holders(title, tuple(m["name"].split()))
        if len(holders) != 1:
            continue
        _office, holder = holders[0]
        if holder.holds(day) or not any(t.end and t.end < day for t in holder.terms):
            continue
        if in_spans(spans, m.start(), m.end()):
            continue
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(former|then-|ex-|late)\s*$", before):
            continue
        sentence = sentence_of(text, m.start())
        last = max(t.end for t in holder.terms if t.end)
        if any(int(y) <= last.year for y in YEAR_RE.findall(sentence)):
            continue
        out.append((m.start(), m.end(), "stale-title", m.group(), "former " + m.group()))
    return out


def cabinet_cases(name: str, text: str) -> list[Case]:
    """A text naming a cabinet officer by title before the name ("Secretary of Commerce
    Penny Pritzker"), re-dated 200 days past the end of that officer's term, when the table
    (its own as-of date) can tell: another holder's ended term covers that day."""
    from linter.packs.facts.knowledge import load
    from linter.settings import Settings

    knowledge = load(Settings())
    spans = quotes(text)
    found = []
    for office in knowledge.offices:
        if office.as_of is None:
            continue
        for title in office.all_titles:
            for holder in office.holders:
                for written in holder.names:
                    for m in re.finditer(
                        rf"(?<![\w.-]){re.escape(title)} {re.escape(written)}\b", text
                    ):
                        found.append((m, office, holder))
    ends = [
        max(t.end for t in h.terms if t.end) for _m, _o, h in found if all(t.end for t in h.terms)
    ]
    if not ends:
        return []
    day = max(ends) + dt.timedelta(days=200)
    case = Case("facts/cabinet", name, text, day)
    for m, office, holder in found:
        if holder.holds(day) or not all(t.end and t.end < day for t in holder.terms):
            continue
        if day > office.as_of or not any(
            h is not holder and any(t.end and t.covers(day) for t in h.terms)
            for h in office.holders
        ):
            continue  # after the table's date nobody's term says who held it
        before = text[max(0, m.start() - 12) : m.start()].lower()
        sentence = sentence_of(text, m.start())
        last = max(t.end for t in holder.terms if t.end)
        if (
            in_spans(spans, m.start(), m.end())
            or re.search(r"(former|then-|ex-|late)\s*$", before)
            or any(int(y) <= last.year for y in YEAR_RE.findall(sentence))
        ):
            continue
        case.keys.append((m.start(), m.end(), "stale-title", m.group(), "former " + m.group()))
    case.keys.sort()
    return [case] if case.keys else []


def label_cases(recs, name: str, text: str, rng: random.Random) -> list[Case]:
    from linter.packs.facts.congress import STATES

    out = []
    own = own_date(text)
    seen: dict = {}
    titled = {}
    for m in TITLE_RE.finditer(text):
        kind = "sen" if m["title"] in ("Sen.", "Senator") else "rep"
        person, n = resolve(recs, text, m, kind, seen)
        if person is not None:
            end = m.start("name") + len(" ".join(m["name"].split()[:n]))
            titled[end] = (m, person)
    for i, lm in enumerate(LABEL_RE.finditer(text)):
        hit = titled.get(lm.start() - 1)
        if hit is None:
            continue
        m, person = hit
        day = own if own and person.term_on(own) else None
        if day is None and own is None:
            day = consistent_day(recs, text, titled, person)
        if day is None:
            continue  # another date would make the text's other labels wrong too
        term = person.term_on(day)
        if term is None or term.state not in STATES or term.party not in ("D", "R"):
            continue
        party, state, dist = lm["party"], lm["state"], lm["dist"]
        kinds = (
            ["state"]
            + (["party"] if party else [])
            + (["district"] if dist and term.kind == "rep" else [])
        )
        how = kinds[i % len(kinds)]
        if how == "party":
            party = "R" if term.party == "D" else "D"
        elif how == "district":
            dist = str((term.district or 1) + 1)
        else:
            state = NEAR_STATE.get(term.state, "CA" if term.state != "CA" else "NV")
        new = "(" + (f"{party}-" if party else "") + state + (f"-{dist}" if dist else "") + ")"
        copy = text[: lm.start()] + new + text[lm.end() :]
        case = Case("facts/label", f"{name}_{i}", copy, day)
        case.keys.append(
            (lm.start() + 1, lm.start() + len(new) - 1, "office-label", new, lm.group())
        )
        out.append(case)
        if term.kind == "rep" and m["title"] in ("Congressman", "Rep.") and i == 0:
            wrong = "Senator" if m["title"] == "Congressman" else "Sen."
            copy = text[: m.start()] + wrong + text[m.start() + len(m["title"]) :]
            case = Case("facts/label", f"{name}_{i}_chamber", copy, day)
            case.keys.append((m.start(), m.start() + len(wrong), "office-label", wrong, m["title"]))
            out.append(case)
    return out


def consistent_day(recs, text: str, titled: dict, person) -> dt.date | None:
    """For an undated text: a day in one of the person's terms (before the pack's as-of date)
    on which every label of the text that names a known member holds."""
    from linter.packs.facts.congress import STATES

    labels = [
        (lm, titled[lm.start() - 1][1])
        for lm in LABEL_RE.finditer(text)
        if lm.start() - 1 in titled
    ]
    for t in reversed([t for t in person.terms if t.kind in ("sen", "rep")]):
        day = t.start + dt.timedelta(days=60)
        if day >= recs.as_of:
            continue
        ok = True
        for lm, who in labels:
            term = who.term_on(day)
            if (
                term is None
                or lm["state"] != term.state
                or term.state not in STATES
                or (lm["party"] and lm["party"] != term.party)
                or (lm["dist"] and (term.kind != "rep" or int(lm["dist"]) != term.district))
            ):
                ok = False
        if ok:
            return day
    return None


def weekday_cases(name: str, text: str) -> list[Case]:
    out = []
    for i, m in enumerate(WEEKDAY_RE.finditer(text)):
        try:
            real = dt.date(int(m[4]), dt.datetime.strptime(m[2], "%B").month, int(m[3]))
        except ValueError:
            continue
        if DAYS[real.weekday()] != m[1]:
            continue  # already wrong in the source
        wrong = DAYS[(real.weekday() + 1) % 7]
        copy = text[: m.start()] + wrong + text[m.start() + len(m[1]) :]
        case = Case("facts/weekday", f"{name}_{i}", copy, own_date(text))
        case.keys.append((m.start(), m.start() + len(wrong), "date-weekday", wrong, m[1]))
        out.append(case)
    return out


def name_cases(name: str, text: str, rng: random.Random) -> list[Case]:
    """A person's surname ("Perdue" after "David Perdue") misspelt by one letter in a later
    mention; persons are two-word names whose first word is a known given name."""
    from linter.packs.facts.given_names import given_names

    given = given_names() or set()
    out = []
    done = set()
    for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]{4,})\b", text):
        first, last = m[1], m[2]
        if first.lower() not in given or last in done or last.lower() in given:
            continue
        if everyday_word(last):
            continue  # "Gary Image", "Houston County": not a surname
        later = [x for x in re.finditer(rf"\b{last}\b", text) if x.start() > m.end()]
        if not later:
            continue
        done.add(last)
        target = later[rng.randrange(len(later))]
        j = rng.randrange(1, len(last) - 1)
        letters = "aeiou" if last[j] in "aeiou" else "bcdfghklmnprstvz"
        repl = rng.choice([c for c in letters if c != last[j]])
        wrong = last[:j] + repl + last[j + 1 :]
        copy = text[: target.start()] + wrong + text[target.end() :]
        day = own_date(text)  # undated: under injected/, judged as the dev split is
        case = Case("facts/names" if day else "injected/names", f"{name}_{last}", copy, day)
        case.keys.append((target.start(), target.end(), "name-garble", wrong, last))
        out.append(case)
    return out


def write(folder: Path, cases: list[Case]) -> None:
    import shutil

    if folder.exists():
        shutil.rmtree(folder)
    for case in cases:
        path = folder / case.path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(case.body(), encoding="utf-8")
    with (folder / "key.tsv").open("w", newline="") as handle:
        out = csv.writer(handle, delimiter="\t", lineterminator="\n")
        out.writerow(["file", "line", "col", "end_col", "category", "wrong", "right"])
        for case in cases:
            out.writerows(case.rows())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "out" / "facts-records"))
    ap.add_argument("--no-score", action="store_true")
    args = ap.parse_args()
    from linter.packs.facts.records import load

    recs = load()
    rng = random.Random(15)
    cases: list[Case] = []
    controls: list[Case] = []
    for path in clean_files():
        text = path.read_text("utf-8")
        name = path.stem
        cases += stale_cases(recs, name, text)
        cases += cabinet_cases(name, text)
        cases += label_cases(recs, name, text, rng)
        cases += weekday_cases(name, text)
        cases += name_cases(name, text, rng)
        day = own_date(text)
        controls.append(Case("facts/control" if day else "clean", name, text, day))
    out = Path(args.out)
    write(out / "cases", cases)
    write(out / "controls", controls)
    counts: dict[str, int] = {}
    for case in cases:
        for key in case.keys:
            counts[key[2]] = counts.get(key[2], 0) + 1
    print(f"wrote {len(cases)} case files ({counts}) and {len(controls)} controls under {out}")
    if args.no_score:
        return 0
    cmd = [sys.executable, "-m", "linter", "check", "--no-cache", "--format", "json"]
    env_cmd = ["env", f"PYTHONPATH={ROOT}", *cmd]
    for part in ("cases", "controls"):
        print(
            f"\n$ python3 {SCORE} {out / part} -- python -m linter check --no-cache --format json"
        )
        subprocess.run([sys.executable, str(SCORE), str(out / part), "--", *env_cmd], check=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
