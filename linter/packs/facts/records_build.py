"""Build the public-records pack (``rules/facts/knowledge/records.json.gz``) from a local copy
of the unitedstates/congress-legislators data (public domain, CC0).

``PATH`` may be a folder holding the YAML files, a git work tree, or a bare git directory (as
the ``fetch`` tool or ``git clone --bare`` leaves it). The files read:

- ``legislators-current.yaml`` and ``legislators-historical.yaml``: every member of Congress
  with each term (chamber, start, end, party, state, district) and leadership roles;
- ``executive.yaml``: every president and vice president.

When ``legislators-historical.yaml`` is missing or is a large-file pointer (some snapshots
leave it out), a git source is read instead as the union of every committed version of
``legislators-current.yaml``: everyone who sat in Congress since the repository began (2012),
each with the full record of terms the current file keeps. A member who left early (resigned,
died) shows the scheduled end of the term in the last version that lists them: the term is
then cut at the date of the first commit without them, never later than the record says.

Further sources may be given (``--from`` more than once); each is recognised by its files:

- FiveThirtyEight's ``congress-demographics/data_aging_congress.csv`` (fivethirtyeight/data,
  CC BY 4.0): every voting member of each Congress from the 66th (1919) to the 118th, one
  row per member per Congress. It adds the members the dated records above lack (those who
  left before 2012 when the historical file is absent), each term known only by Congress:
  from the first day of the member's first Congress of a run to the first day of the
  Congress after it. Such a span holds the real term (never shorter), so it may keep a title
  quiet but never flags one; such terms are marked ``coarse`` and office labels
  (FACT009) do not read them (the chamber, party and district within a Congress are
  not dated).
- FiveThirtyEight's ``cabinet-turnover/cabinet-turnover.csv``: cabinet officers since 1977,
  written as ``cabinet.yaml`` beside the pack (the hand-entered schema, read by FACT002).

Both are read by ``records_538.py``.

The output is plain data (gzip'd JSON, a few hundred KB), read by ``records.py``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import subprocess
from pathlib import Path
from typing import Any

FORMAT = 2  # 2: the surname index in the header; coarse terms by Congress, in a second file
SOURCE_URL = "https://github.com/unitedstates/congress-legislators"
LICENCE = "CC0-1.0 (public domain)"
CURRENT = "legislators-current.yaml"
HISTORICAL = "legislators-historical.yaml"
EXECUTIVE = "executive.yaml"
_ID_RE = re.compile(r"^\s+bioguide: (\w+)", re.MULTILINE)
GRACE_DAYS = 45
PARTY = {"Democrat": "D", "Republican": "R", "Independent": "I"}


class BuildError(Exception):
    """The data cannot be read; the message names the file."""


def _yaml(text: str, where: str) -> Any:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)
    except yaml.YAMLError as exc:
        raise BuildError(f"{where}: not valid YAML ({str(exc).splitlines()[0]})") from None


class Source:
    """A folder or a git repository holding the data files."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.git_dir: Path | None = None
        if (path / "HEAD").is_file() and (path / "objects").is_dir():
            self.git_dir = path
        elif (path / ".git").exists():
            self.git_dir = path / ".git"
        if not path.is_dir():
            raise BuildError(f"{path}: not a folder")
        self.commit = self._git("rev-parse", "HEAD").strip() if self.git_dir else ""
        self.date = self._git("log", "-1", "--format=%cs", "HEAD").strip() if self.git_dir else ""

    def _git(self, *args: str, binary: bool = False) -> Any:
        try:
            out = subprocess.run(
                ["git", f"--git-dir={self.git_dir}", *args],
                capture_output=True,
                check=True,
            ).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            raise BuildError(f"{self.path}: git {args[0]} failed ({exc})") from None
        return out if binary else out.decode()

    def read(self, name: str) -> str | None:
        """The file's text at HEAD (git) or in the folder; None when absent or a pointer."""
        text = None
        if self.git_dir is not None and not (self.path / name).is_file():
            try:
                text = self._git("show", f"HEAD:{name}")
            except BuildError:
                return None
        elif (self.path / name).is_file():
            text = (self.path / name).read_text(encoding="utf-8")
        if text is None or text.startswith("version https://git-lfs") or len(text) < 64:
            return None
        return text

    def find(self, name: str) -> str | None:
        """``read`` of ``name`` (a path inside the repository) or of its bare file name."""
        text = self.read(name)
        if text is None and "/" in name:
            text = self.read(name.rsplit("/", 1)[1])
        return text

    def current_history(self) -> list[tuple[str, str, str]]:
        """(commit, date, text) of every committed version of the current file, newest first."""
        log = self._git("log", "--format=%H %cs", "HEAD", "--", CURRENT).split("\n")
        commits = [line.split() for line in log if line.strip()]
        if not commits:
            raise BuildError(f"{self.path}: no history of {CURRENT}")
        proc = subprocess.Popen(
            ["git", f"--git-dir={self.git_dir}", "cat-file", "--batch"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        assert proc.stdin and proc.stdout
        out = []
        try:
            for commit, date in commits:
                proc.stdin.write(f"{commit}:{CURRENT}\n".encode())
                proc.stdin.flush()
                header = proc.stdout.readline().split()
                if len(header) < 3 or header[1] == b"missing":
                    continue
                size = int(header[2])
                data = proc.stdout.read(size)
                proc.stdout.read(1)
                out.append((commit, date, data.decode("utf-8")))
        finally:
            proc.stdin.close()
            proc.wait()
        return out


def _chunks(text: str) -> dict[str, str]:
    """Each person's YAML block by bioguide id (the file is a list of ``- id:`` blocks)."""
    out = {}
    for block in re.split(r"(?m)^(?=- id:)", text):
        m = _ID_RE.search(block)
        if m:
            out[m.group(1)] = block
    return out


def _people_from_history(src: Source) -> tuple[dict[str, dict], int]:
    """Everyone in any version of the current file, each from the newest version that lists
    them, with a last term cut at the first commit that no longer does."""
    people: dict[str, dict] = {}
    newer_date = ""
    versions = src.current_history()
    for _commit, date, text in versions:
        ids = set(_ID_RE.findall(text))
        new = ids.difference(people)
        if new:
            chunks = _chunks(text)
            for pid in new:
                data = _yaml(chunks[pid], f"{CURRENT} ({pid})")
                person = data[0] if isinstance(data, list) and data else None
                if not isinstance(person, dict):
                    continue
                if newer_date:  # gone from the newer version: left by then at the latest
                    _cut(person, newer_date)
                people[pid] = person
        newer_date = date
    return people, len(versions)


def _cut(person: dict, date: str) -> None:
    """End the term open on ``date`` there, unless its scheduled end is near: the data's
    keepers drop departing members some days before their terms end."""
    day = dt.date.fromisoformat(date)
    for group in ("terms", "leadership_roles"):
        for term in person.get(group) or ():
            end = str(term.get("end") or "9999-12-31")
            if str(term.get("start")) <= date < end:
                if end < "9999" and (dt.date.fromisoformat(end) - day).days <= GRACE_DAYS:
                    continue
                term["end"] = date


def _compact(person: dict, executive: bool = False) -> list | None:
    name = person.get("name") or {}
    last = name.get("last")
    if not last:
        return None
    terms = []
    for t in person.get("terms") or ():
        kind = t.get("type")
        if kind not in ("sen", "rep", "prez", "viceprez"):
            continue
        district = t.get("district")
        spans = [
            (a.get("start"), a.get("end"), a.get("party"))
            for a in t.get("party_affiliations") or ()
            if isinstance(a, dict)
        ] or [(t.get("start"), t.get("end"), t.get("party"))]
        for start, end, party in spans:  # a change of party splits the term
            party = str(party or "")
            terms.append(
                [
                    kind,
                    str(start or ""),
                    str(end or ""),
                    PARTY.get(party, party),
                    str(t.get("state") or ""),
                    district if isinstance(district, int) else None,
                ]
            )
    roles = [
        [str(r.get("title") or ""), str(r.get("start") or ""), str(r.get("end") or "")]
        for r in person.get("leadership_roles") or ()
        if r.get("title")
    ]
    if not terms:
        return None
    return [
        str(name.get("first") or ""),
        str(last),
        str(name.get("nickname") or ""),
        str(name.get("official_full") or ""),
        str(name.get("suffix") or ""),
        terms,
        roles,
    ]


def build(paths: Path | list[Path], out: Path, as_of: str | None = None) -> dict:
    """Read the data at ``paths`` and write the pack to ``out``; returns its header.

    One of the paths must hold unitedstates/congress-legislators; the others are read by
    the files they hold (FiveThirtyEight's tables, ``records_538``)."""
    sources = [Source(p) for p in ([paths] if isinstance(paths, Path) else paths)]
    legislators = [s for s in sources if s.read(CURRENT) is not None]
    if len(legislators) != 1:
        where = ", ".join(str(s.path) for s in sources)
        raise BuildError(
            f"{where}: give exactly one copy of unitedstates/congress-legislators "
            f"(a folder or git copy holding {CURRENT})"
        )
    src = legislators[0]
    people, source = _legislators(src)
    by_bioguide: dict[str, list] = {}
    records: list[list] = []
    for person in people:
        r = _compact(person)
        if r:
            records.append(r)
            pid = (person.get("id") or {}).get("bioguide")
            if pid:
                by_bioguide[pid] = r
    executive = src.read(EXECUTIVE)
    exec_ids: dict[str, list] = {}
    if executive is not None:
        for person in _yaml(executive, EXECUTIVE) or ():
            r = _compact(person)
            if r:
                records.append(r)
                pid = (person.get("id") or {}).get("bioguide")
                if pid:
                    exec_ids[pid] = r
    from linter.packs.facts.records_538 import (
        AGING_CSV,
        CABINET_CSV,
        CABINET_FILE,
        from_aging,
        write_cabinet,
    )

    header_sources = [source]
    cabinet_offices = 0
    for other in sources:
        if other is src:
            continue
        aging = other.find(AGING_CSV)
        cabinet = other.find(CABINET_CSV)
        if aging is None and cabinet is None:
            raise BuildError(f"{other.path}: none of {CURRENT}, {AGING_CSV}, {CABINET_CSV} found")
        if aging is not None:
            added, meta = from_aging(aging, other, by_bioguide, exec_ids)
            records.extend(added)
            header_sources.append(meta)
        if cabinet is not None:
            meta = write_cabinet(cabinet, other, out.parent / CABINET_FILE)
            cabinet_offices = meta.pop("offices")
            header_sources.append(meta)
            from linter.packs.facts import knowledge

            if out.parent.resolve() == knowledge.builtin_dir().resolve():
                knowledge.write_parsed()  # the shipped parse of the new file
    records.sort(key=lambda r: (r[1].lower(), r[0], str(r[5][0][1])))
    # members known only by Congress go to a second file, read only when a lookup by full
    # name finds nobody in the first and the surname is one of theirs
    dated = [r for r in records if not all(isinstance(t[1], int) for t in r[5])]
    coarse = [r for r in records if all(isinstance(t[1], int) for t in r[5])]
    day = as_of or src.date or dt.date.today().isoformat()
    header: dict[str, Any] = {
        "format": FORMAT,
        "as_of": day,
        "sources": header_sources,
        "counts": _counts(records)
        | ({"cabinet offices": cabinet_offices} if cabinet_offices else {}),
    }
    if coarse:
        side = coarse_name(out.name)
        coarse_index = _write(out.with_name(side), {"format": FORMAT, "as_of": day}, coarse)
        header["coarse"] = {"file": side, "keys": "|".join(sorted(coarse_index))}
    _write(out, header, dated)
    return header


def coarse_name(name: str) -> str:
    """The second file's name beside the pack: records.json.gz -> records-congress.json.gz."""
    stem = name[: -len(".json.gz")] if name.endswith(".json.gz") else name
    return f"{stem}-congress.json.gz"


def _write(out: Path, header: dict, records: list[list]) -> dict[str, list[int]]:
    """One pack file: a header line holding the surname index, then a line per person."""
    index: dict[str, list[int]] = {}
    for i, r in enumerate(records):
        for key in surname_keys(r[1]):
            index.setdefault(key, []).append(i)
    head = header | {"index": index}  # folded surname -> line numbers: nothing to compute
    lines = [json.dumps(head, ensure_ascii=False, separators=(",", ":"))]
    lines.extend(_dumps(r) for r in records)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    with tmp.open("wb") as raw, gzip.GzipFile(filename="", fileobj=raw, mode="wb", mtime=0) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    tmp.replace(out)
    return index


def _legislators(src: Source) -> tuple[list[dict], dict]:
    """Every member of Congress in the unitedstates data, and the source's header entry."""
    current = src.read(CURRENT)
    assert current is not None
    historical = src.read(HISTORICAL)
    executive = src.read(EXECUTIVE)
    note = ""
    if historical is not None:
        by_id: dict[str | int, dict] = {}  # by bioguide id, else by identity
        for text, where in ((historical, HISTORICAL), (current, CURRENT)):
            for person in _yaml(text, where) or ():
                pid = (person.get("id") or {}).get("bioguide") or id(person)
                by_id[pid] = person
        people = list(by_id.values())
        route = f"{CURRENT} and {HISTORICAL}"
    elif src.git_dir is not None:
        by_bioguide, versions = _people_from_history(src)
        people = list(by_bioguide.values())
        route = f"every committed version of {CURRENT} ({versions} versions)"
        note = (
            f"{HISTORICAL} is absent from this copy: members who left Congress before the "
            "repository's first commit (2012) are not included"
        )
    else:
        raise BuildError(
            f"{src.path}: {HISTORICAL} not found; give a git copy of the repository to build "
            "from the history of the current file"
        )
    return people, {
        "name": "unitedstates/congress-legislators",
        "url": SOURCE_URL,
        "licence": LICENCE,
        "commit": src.commit,
        "read": route + (f" and {EXECUTIVE}" if executive else ""),
        "note": note,
    }


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def surname_keys(last: str) -> list[str]:
    """The folded keys a surname is found by: its last word, the whole ("van hollen") and
    each longer part of a compound ("ocasio", "cortez")."""
    from linter.packs.facts.records import fold_name

    keys = [fold_name(last.split()[-1])]
    if " " in last or "-" in last:
        keys.append(fold_name(last))
        keys.extend(fold_name(p) for p in last.replace("-", " ").split() if len(p) > 3)
    return list(dict.fromkeys(k for k in keys if k and "|" not in k and "\t" not in k))


def _counts(records: list[list]) -> dict[str, int]:
    counts = {"people": len(records)}
    for kind, label in (
        ("sen", "senators"),
        ("rep", "representatives"),
        ("prez", "presidents"),
        ("viceprez", "vice presidents"),
    ):
        counts[label] = sum(1 for r in records if any(t[0] == kind for t in r[5]))
    counts["terms"] = sum(len(r[5]) for r in records)
    counts["terms by Congress only"] = sum(
        1 for r in records for t in r[5] if isinstance(t[1], int)
    )
    return counts
