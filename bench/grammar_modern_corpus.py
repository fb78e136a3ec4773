"""Assemble modern, licence-clean English training text for the slot model (issue 14).

The slot model (GRAM002, docs/grammar.md "Fifth round") was trained on UD EWT and
19th-century books, where contractions (it's, you're, they're) are rare. This script
reads a fixed list of public-domain / CC0 sources from bare git mirrors (as ``fetch``
brings them to /work/.mirror), at pinned commits, and writes one cleaned sentence a line,
de-duplicated, so that a model can be trained on it. Nothing of it goes into the
repository; docs/training-text.md lists the sources, licences and commits.

    python bench/grammar_modern_corpus.py /work/.mirror /tmp/slot-modern/text.txt \
        --readme /tmp/slot-modern/README.md

Markdown pages lose their front matter, code, tables, headings, HTML, shortcodes and
link targets; prose is split into sentences; a sentence is kept only if it looks like
edited English (capital or quote first, final stop, 3-80 words, no code or URL residue).
"""

from __future__ import annotations

import argparse
import fnmatch
import hashlib
import html
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import NamedTuple


class Source(NamedTuple):
    """One mirrored repository: where, which commit, which files, how to read them."""

    name: str
    repo: str  # owner/name on GitHub; the mirror folder is owner+name
    commit: str
    include: tuple[str, ...]  # fnmatch patterns over paths in the commit
    exclude: tuple[str, ...]
    kind: str  # "lines": one sentence a line; "markdown": prose pages; "text": paragraphs
    licence: str
    licence_file: str  # path in the same commit that states the licence


SOURCES: tuple[Source, ...] = (
    Source(
        "common-voice",
        "reinhart1010/common-text",
        "332b5b9073339fa62ca6d39d6df4836e1063ee04",
        ("stats/en/raw/*.txt",),
        (
            "stats/en/raw/words.txt",
            "stats/en/raw/singleword-benchmark.txt",
            "stats/en/raw/DictionaryofForeignPhrases.txt",
        ),
        "lines",
        "CC0 1.0 (Mozilla Common Voice English sentence collection, copied from "
        "common-voice/common-voice server/data/en)",
        "stats/en/raw/LICENSE",
    ),
    Source(
        "digitalgov",
        "GSA/digitalgov.gov",
        "4979583206d90ff1707b097454a9b169ca9e95e4",
        (
            "content/news/*.md",
            "content/guides/*.md",
            "content/resources/*.md",
            "content/events/*.md",
            "content/communities/*.md",
            "content/services/*.md",
            "content/about/*.md",
        ),
        (),
        "markdown",
        "CC0 1.0 / US government work (public domain)",
        "LICENSE.md",
    ),
    Source(
        "plainlanguage",
        "GSA/plainlanguage.gov",
        "43230773bd7c589ac6394ead7b36a2554241abdc",
        ("_pages/*.md",),
        (),
        "markdown",
        "US government work (public domain in the USA) + CC0 1.0 worldwide waiver",
        "LICENSE.md",
    ),
    Source(
        "tts-handbook",
        "18F/handbook",
        "1e4955634d0369f17e5bbc0ebbf8f62e2a3dfe4b",
        ("pages/*.md",),
        (),
        "markdown",
        "US government work (public domain in the USA) + CC0 1.0 worldwide waiver",
        "LICENSE.md",
    ),
    Source(
        "login-gov",
        "GSA-TTS/identity-site",
        "7bc713b98bef38f5cec7668726013a53d8a53a94",
        ("content/*._en.md", "content/*/index.md"),
        (),
        "markdown",
        "US government work (public domain in the USA) + CC0 1.0 worldwide waiver",
        "LICENSE.md",
    ),
    Source(
        "uswds",
        "uswds/uswds-site",
        "284e0976332d4e958ac1baf986180276dd4cbbcb",
        ("pages/*.md",),
        (),
        "markdown",
        "US government work (public domain in the USA) + CC0 1.0 worldwide waiver",
        "LICENSE.md",
    ),
    Source(
        "presidential-speeches",
        "kfogel/presidential-speeches",
        "a4c8b38eeba49703f515a701db03e60417e042e6",  # HEAD's parent: HEAD removed the data
        ("data/19*.txt", "data/20*.txt"),  # 1900 on: modern usage only
        (),
        "text",
        "public domain (17 U.S.C. 105; Miller Center transcripts), as its LICENSE.md says",
        "LICENSE.md",
    ),
)

# Words whose counts the README reports (the slot model's confusion sets and kin).
COUNTED = (
    "it's its you're your they're their there were where we're "
    "to too affect effect lose loose then than"
).split()

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft no vs etc e.g i.e a.m p.m u.s u.k jan feb mar apr "
    "jun jul aug sep sept oct nov dec gov sen rep gen col lt sgt capt inc ltd co corp dept "
    "fig approx est al".split()
)

_SPLIT = re.compile(r"(?<=[.!?])([\"'”’)\]]*)\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)*")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\n]*$", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_SHORTCODE = re.compile(r"\{\{[<%].*?[>%]\}\}|\{%.*?%\}|\{\{.*?\}\}", re.S)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)|\[([^\]]*)\]\[[^\]]*\]")
_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_EMPH = re.compile(r"(\*\*|__|\*|(?<![A-Za-z0-9])_(?=\S)|(?<=\S)_(?![A-Za-z0-9]))")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_BAD = re.compile(r"https?:|www\.|[`{}<>|@#=\\^~]|\.(?:com|gov|org|html?|md)\b|\s{2,}")
_AUDIENCE = re.compile(
    r"\s*\((?:applause|laughter|cheers|booing|boos|inaudible|crosstalk)[^)]*\)", re.I
)
_SPEAKER = re.compile(r"^(?:Q|[A-Z][A-Z .']{2,40})[.:]\s+")  # "Q." "THE PRESIDENT." labels
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-"})


def normalise(text: str) -> str:
    """Unescape HTML entities and straighten quotes, so that it’s and it's are one word."""
    return html.unescape(text).translate(_QUOTES)


def markdown_prose(text: str) -> Iterator[str]:
    """The prose paragraphs of a markdown page, markup removed, one paragraph each."""
    text = normalise(text.replace("\r\n", "\n"))
    text = _FRONT.sub("", text)
    text = _FENCE.sub("\n", text)
    text = _COMMENT.sub(" ", text)
    text = _SHORTCODE.sub(" ", text)
    text = _IMAGE.sub(" ", text)
    text = _LINK.sub(lambda m: m.group(1) or m.group(2) or "", text)
    text = _TAG.sub(" ", text)
    for block in re.split(r"\n\s*\n", text):
        units: list[list[str]] = [[]]  # each list item is a unit of its own
        for line in block.split("\n"):
            stripped = line.strip()
            if not stripped or stripped.startswith(("#", "|", ">")):
                continue
            if line.startswith(("    ", "\t")) and not units[-1]:  # indented code
                continue
            if _LIST.match(line):
                units.append([])
            units[-1].append(_LIST.sub("", stripped))
        for unit in units:
            if unit:
                yield _EMPH.sub("", " ".join(unit))


def split_sentences(paragraph: str) -> list[str]:
    """Split prose at a stop followed by a capital, not after a known abbreviation."""
    out: list[str] = []
    start = 0
    for m in _SPLIT.finditer(paragraph):
        before = paragraph[start : m.start()].rstrip(".!?\"')]”’")
        last = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if last.rstrip(".") in ABBREVIATIONS or re.fullmatch(r"[a-z]", last):
            continue
        out.append(paragraph[start : m.end(1)].strip())
        start = m.end()
    tail = paragraph[start:].strip()
    if tail:
        out.append(tail)
    return out


def clean_sentence(sentence: str) -> str | None:
    """The sentence with spaces tidied, or None if it does not look like edited prose."""
    s = " ".join(normalise(sentence).split())
    if not s or _BAD.search(s):
        return None
    if not (s[0].isupper() or s[0].isdigit() or (s[0] in "\"'(" and len(s) > 1 and s[1].isupper())):
        return None
    if not s.rstrip("\"')").endswith((".", "!", "?")):
        return None
    words = s.split()
    if not 3 <= len(words) <= 80:
        return None
    letters = sum(c.isalpha() for c in s)
    if letters < 0.6 * len(s) or s.count('"') % 2:
        return None
    if sum(w.isupper() and len(w) > 1 for w in words) > len(words) / 3:  # headline caps
        return None
    return s


def sentences_of(kind: str, text: str) -> Iterator[str]:
    """Candidate sentences of one file, before cleaning."""
    if kind == "lines":
        for line in text.splitlines():
            yield from split_sentences(normalise(line).strip())
    elif kind == "text":
        for block in re.split(r"\n\s*\n", normalise(text)):
            if block.startswith("President:"):
                continue
            block = _SPEAKER.sub("", _AUDIENCE.sub("", " ".join(block.split())))
            yield from split_sentences(block)
    else:
        for paragraph in markdown_prose(text):
            yield from split_sentences(paragraph)


def _git(source: Source, mirror: Path, *args: str) -> bytes:
    git_dir = mirror / source.repo.replace("/", "+") / "repo"
    cmd = ["git", f"--git-dir={git_dir}", *args]
    return subprocess.run(cmd, capture_output=True, check=True).stdout


def files_of(source: Source, mirror: Path) -> list[str]:
    """The paths of the source's commit that its patterns select, sorted."""
    names = _git(source, mirror, "ls-tree", "-r", "--name-only", source.commit)
    paths = names.decode("utf-8", "replace").splitlines()
    keep = [
        p
        for p in paths
        if any(fnmatch.fnmatch(p, pat) for pat in source.include)
        and not any(fnmatch.fnmatch(p, pat) for pat in source.exclude)
    ]
    return sorted(keep)


def read_files(source: Source, mirror: Path, paths: list[str]) -> Iterator[tuple[str, str]]:
    """(path, text) for each path, read in one ``git cat-file --batch``."""
    git_dir = mirror / source.repo.replace("/", "+") / "repo"
    spec = "".join(f"{source.commit}:{p}\n" for p in paths).encode()
    out = subprocess.run(
        ["git", f"--git-dir={git_dir}", "cat-file", "--batch"],
        input=spec,
        capture_output=True,
        check=True,
    ).stdout
    pos = 0
    for path in paths:
        nl = out.index(b"\n", pos)
        header = out[pos:nl].split()
        pos = nl + 1
        if len(header) < 3 or header[1] != b"blob":  # missing (e.g. too large for the mirror)
            continue
        size = int(header[2])
        yield path, out[pos : pos + size].decode("utf-8", "replace")
        pos += size + 1


def word_count(text: str) -> int:
    return len(text.split())


def counts_of(lines: Iterable[str]) -> Counter[str]:
    """Occurrences of COUNTED words (case-folded, straight apostrophes)."""
    want = set(COUNTED)
    c: Counter[str] = Counter()
    for line in lines:
        for w in _WORD.findall(line.lower()):
            if w in want:
                c[w] += 1
    return c


class Stats(NamedTuple):
    source: Source
    files: int
    sentences: int
    words: int
    counts: Counter[str]


def build(mirror: Path, out: Path, sources: Iterable[Source] = SOURCES) -> list[Stats]:
    """Write the de-duplicated sentences of every source to ``out``; per-source stats."""
    seen: set[bytes] = set()
    stats = []
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")  # replaced at the end: a reader never sees half
    with tmp.open("w", encoding="utf-8") as fh:
        for source in sources:
            paths = files_of(source, mirror)
            kept: list[str] = []
            for _path, text in read_files(source, mirror, paths):
                for raw in sentences_of(source.kind, text):
                    s = clean_sentence(raw)
                    if s is None:
                        continue
                    key = hashlib.blake2b(s.lower().encode(), digest_size=12).digest()
                    if key in seen:
                        continue
                    seen.add(key)
                    kept.append(s)
            fh.writelines(s + "\n" for s in kept)
            words = sum(word_count(s) for s in kept)
            stats.append(Stats(source, len(paths), len(kept), words, counts_of(kept)))
            print(f"{source.name}: {len(paths)} files, {len(kept)} sentences, {words} words")
    os.replace(tmp, out)
    return stats


def readme(stats: list[Stats], out: Path) -> str:
    """The README that goes beside the text: format, sources, licences, counts."""
    total = Counter[str]()
    for st in stats:
        total.update(st.counts)
    lines = [
        "# Modern English training text for the slot model (issue 14)",
        "",
        f"`{out.name}`: UTF-8, one sentence a line, de-duplicated (case-folded), sources in",
        "the order below. Curly quotes are straightened (it’s -> it's), HTML entities",
        "unescaped; markdown pages lose front matter, code, tables, headings and link",
        "targets. Built by `bench/grammar_modern_corpus.py` (copydesk) from bare git mirrors:",
        "",
        "    python bench/grammar_modern_corpus.py /work/.mirror " + str(out),
        "",
        "| source | repository | commit | paths | licence (file read) | files | sentences | words |",
        "| --- | --- | --- | --- | --- | ---: | ---: | ---: |",
    ]
    for st in stats:
        s = st.source
        lines.append(
            f"| {s.name} | github.com/{s.repo} | `{s.commit}` | {', '.join(s.include)} | "
            f"{s.licence} (`{s.licence_file}`) | {st.files:,} | {st.sentences:,} | {st.words:,} |"
        )
    lines.append(
        f"| **total** | | | | | {sum(st.files for st in stats):,} | "
        f"{sum(st.sentences for st in stats):,} | {sum(st.words for st in stats):,} |"
    )
    lines += ["", "Occurrences (case-folded):", ""]
    lines.append("| word | " + " | ".join(st.source.name for st in stats) + " | total |")
    lines.append("| --- |" + " ---: |" * (len(stats) + 1))
    for w in COUNTED:
        row = " | ".join(f"{st.counts[w]:,}" for st in stats)
        lines.append(f"| {w} | {row} | {total[w]:,} |")
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mirror", type=Path, help="folder of bare git mirrors (owner+name/repo)")
    ap.add_argument("out", type=Path, help="output text file, one sentence a line")
    ap.add_argument("--readme", type=Path, help="also write a README with sources and counts")
    ap.add_argument("--only", nargs="*", help="source names to read (default: all)")
    args = ap.parse_args(argv)
    sources = [s for s in SOURCES if not args.only or s.name in args.only]
    missing = [s.repo for s in sources if not (args.mirror / s.repo.replace("/", "+")).is_dir()]
    if missing:
        print(f"error: {args.mirror}: no mirror of {', '.join(missing)}", file=sys.stderr)
        return 2
    stats = build(args.mirror, args.out, sources)
    if args.readme:
        args.readme.write_text(readme(stats, args.out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
