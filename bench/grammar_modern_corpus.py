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
    group: str = ""  # README counts sources of one group together (default: the name)


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
        ("content/*._en.md",),
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
        "section508",
        "GSA/Section508.gov",
        "65b63a1e9137e69f5b3893a0942b98e462b95d65",
        ("_pages/*.md", "_posts/*.md", "_events/*.md"),
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

# Novels first published 1900-1922 (public domain in the USA), as GITenberg mirrors them:
# edited prose whose dialogue has the contractions the older books lack. Mirror folder
# name (owner+name), commit, book file, first publication.
BOOKS_1900S = (
    (
        "GITenberg/The-Hound-of-the-Baskervilles_2852",
        "bb11a2bd7e3cda991b7f83936e811a0f472c089c",
        "2852-0.txt",
        1902,
    ),
    (
        "GITenberg/The-Call-of-the-Wild_215",
        "c1fcf9ec7af90edd09a7a2d3b6f1354b153494d0",
        "215-0.txt",
        1903,
    ),
    ("GITenberg/The-Sea-Wolf_1074", "a85a80e0e87a0bcf76d31ba6fd3347ba80b4562f", "1074-0.txt", 1904),
    (
        "GITenberg/The-House-of-Mirth_284",
        "d7d6c9a3af8bb46224293854c97d8d0c927ea111",
        "284.txt",
        1905,
    ),
    (
        "GITenberg/The-Return-of-Sherlock-Holmes_108",
        "723d6d49bca7b22e3b33e68af4df88ea6c12b459",
        "108-0.txt",
        1905,
    ),
    ("GITenberg/White-Fang_910", "1829d2f990175614318ca9374f38e4cdba435193", "910.txt", 1906),
    (
        "GITenberg/The-Four-Million_2776",
        "dd88736e68c2a0a0afb7762eb67eff3c94deadfb",
        "2776.txt",
        1906,
    ),
    ("GITenberg/Martin-Eden_1056", "4ababcd47843813351e9b74bc2b8fffcd0dd2f6a", "1056.txt", 1909),
    ("GITenberg/Anne-of-Avonlea_47", "59eb474196e5415fd0edbf5ea3ac5761d6e4736e", "47-0.txt", 1909),
    (
        "GITenberg/The-Innocence-of-Father-Brown_204",
        "64ff41e02cd79bdc2df51f494a98e71fb39e27f3",
        "204-0.txt",
        1911,
    ),
    (
        "GITenberg/The-Secret-Garden_113",
        "0031c0badd0d3fc83860c941d2f39d4aa345c51b",
        "113-0.txt",
        1911,
    ),
    ("GITenberg/Daddy-Long-Legs_157", "74214c9cd5313b5243495bb7a9aac663972ef61c", "157.txt", 1912),
    (
        "GITenberg/Riders-of-the-Purple-Sage_1300",
        "fb603a46774a6b07e132bd0318ad1f22bcbe8649",
        "1300-0.txt",
        1912,
    ),
    ("GITenberg/The-Lost-World_139", "358626523d86f073e29deccb063418920ea11aeb", "139.txt", 1912),
    ("GITenberg/Tarzan-of-the-Apes_78", "adeda5457d0fa1ae102e70cdd35cf2116ce00994", "78.txt", 1912),
    ("GITenberg/A-Princess-of-Mars_62", "c7b902f4a5aee8b36069d097d788f563a83adccd", "62.txt", 1912),
    ("GITenberg/Pollyanna_1450", "32460e7edbf03555b8d15aa1022ced9ad5272dcc", "1450-0.txt", 1913),
    ("GITenberg/Penrod_402", "e80b16d442a1a3bbad1d5db02e46673167744cab", "402-0.txt", 1914),
    (
        "GITenberg/The-Thirty-Nine-Steps_558",
        "9df1735568a61ce35d33dbd43cc07269c74aa859",
        "558.txt",
        1915,
    ),
    (
        "GITenberg/The-Valley-of-Fear_3289",
        "b3d6c72f411351fae7db81842f9ca72c9312dfc2",
        "3289-0.txt",
        1915,
    ),
    (
        "GITenberg/Anne-of-the-Island_51",
        "abbc21d3227bebbe62a3aaf05c6aaeb2a0520c9e",
        "51-0.txt",
        1915,
    ),
    ("GITenberg/Greenmantle_559", "50d847a240fd7c03fdb07b96ecc7e6f448439f23", "559.txt", 1916),
    (
        "GITenberg/The-Magnificent-Ambersons_8867",
        "cc79f8a5503d794b4768a3752881811bc207a4dc",
        "8867-0.txt",
        1918,
    ),
    ("GITenberg/My-Man-Jeeves_8164", "adadd3534a7d2cdc34fff83dccc9ea365eed0c4f", "8164.txt", 1919),
    (
        "GITenberg/A-Damsel-in-Distress_2233",
        "48afd34953f7098879b5937600ed428879097b7f",
        "2233.txt",
        1919,
    ),
    (
        "GITenberg/This-Side-of-Paradise_805",
        "f51b56c0f3dca972ce1deeebcce31defe5c45e72",
        "805-0.txt",
        1920,
    ),
    (
        "GITenberg/The-Age-of-Innocence_541",
        "28e8179a3fc40a92d4eadbaf33a45aa6ec2c895c",
        "541.txt",
        1920,
    ),
    (
        "GITenberg/Flappers-and-Philosophers_4368",
        "a6574a802aa99fd891dbbedc3aaccd3ade11258f",
        "4368.txt",
        1920,
    ),
    ("GITenberg/Babbitt_1156", "04ddcfcb6111976f3160bc059ddc46d18f358d29", "1156-0.txt", 1922),
    (
        "GITenberg/The-Beautiful-and-Damned_9830",
        "8adfe391506fe8bde677b60907a597d6bb5b795c",
        "9830.txt",
        1922,
    ),
)

SOURCES += tuple(
    Source(
        repo.split("/")[1].rsplit("_", 1)[0].lower() + f"-{year}",
        repo,
        commit,
        (book,),
        (),
        "gutenberg",
        f"public domain in the USA (first published {year}); the Project Gutenberg licence "
        "in LICENSE covers the trademark, not the text",
        "LICENSE",
        "novels-1902-1922",
    )
    for repo, commit, book, year in BOOKS_1900S
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
_PG_START = re.compile(r"^\*\*\* ?START OF.*$", re.M)
_PG_END = re.compile(r"^\*\*\* ?END OF.*$|^End of (?:the )?Project Gutenberg", re.M)
_PG_NOTE = re.compile(
    r"Project Gutenberg|\A\s*(?:E-?text|Produced by|Prepared by|Transcribed by)|\[(?:Illus|Foot)",
    re.I,
)
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
    if s.count('"') % 2 and s[0] == '"':  # a quotation split into sentences: 'Yes.' of
        s = s[1:].lstrip()  # '"Yes. I know."' keeps no half of its pair of quotes
        if not s[:1].isupper():
            return None
    elif s.count('"') % 2 and s.endswith('"'):
        s = s[:-1].rstrip()
    if letters < 0.6 * len(s) or s.count('"') % 2 or (not s[:1].isalnum() and s[:1] not in "\"'("):
        return None
    if sum(w.isupper() and len(w) > 1 for w in words) > len(words) / 3:  # headline caps
        return None
    return s


def sentences_of(kind: str, text: str) -> Iterator[str]:
    """Candidate sentences of one file, before cleaning."""
    if kind == "lines":
        for line in text.splitlines():
            yield from split_sentences(normalise(line).strip())
    elif kind == "gutenberg":
        start, end = _PG_START.search(text), _PG_END.search(text)
        body = text[start.end() if start else 0 : end.start() if end else len(text)]
        for block in re.split(r"\n\s*\n", normalise(body.replace("\r\n", "\n"))):
            if not _PG_NOTE.search(block):  # transcriber's credits, illustrations
                yield from split_sentences(_EMPH.sub("", " ".join(block.split())))
    elif kind == "text":
        for block in re.split(r"\n\s*\n", normalise(text)):
            if block.startswith("President:"):
                continue
            block = _SPEAKER.sub("", _AUDIENCE.sub("", " ".join(block.split())))
            yield from split_sentences(block)
    else:
        for paragraph in markdown_prose(text):
            yield from split_sentences(paragraph)


def git_dir(source: Source, mirror: Path) -> Path:
    """The bare git folder of the source's mirror (a few mirrors hold repo/.git instead)."""
    base = mirror / source.repo.replace("/", "+") / "repo"
    return base if (base / "HEAD").exists() else base / ".git"


def _git(source: Source, mirror: Path, *args: str) -> bytes:
    cmd = ["git", f"--git-dir={git_dir(source, mirror)}", *args]
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
    spec = "".join(f"{source.commit}:{p}\n" for p in paths).encode()
    out = subprocess.run(
        ["git", f"--git-dir={git_dir(source, mirror)}", "cat-file", "--batch"],
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
        blob = out[pos : pos + size]
        try:
            yield path, blob.decode("utf-8")
        except UnicodeDecodeError:  # older Project Gutenberg files are Latin-1
            yield path, blob.decode("latin-1")
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
    first_line: int  # 1-based line of the source's first sentence in the output
    sentences: int
    words: int
    counts: Counter[str]


def build(mirror: Path, out: Path, sources: Iterable[Source] = SOURCES) -> list[Stats]:
    """Write the de-duplicated sentences of every source to ``out``; per-source stats."""
    seen: set[bytes] = set()
    stats: list[Stats] = []
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
            first = sum(st.sentences for st in stats) + 1
            stats.append(Stats(source, len(paths), first, len(kept), words, counts_of(kept)))
            print(f"{source.name}: {len(paths)} files, {len(kept)} sentences, {words} words")
    os.replace(tmp, out)
    return stats


def readme(stats: list[Stats], out: Path) -> str:
    """The README that goes beside the text: format, sources, licences, counts."""
    groups: dict[str, list[Stats]] = {}
    for st in stats:
        groups.setdefault(st.source.group or st.source.name, []).append(st)
    lines = [
        "# Modern English training text for the slot model (issue 14)",
        "",
        f"`{out.name}`: UTF-8, one sentence a line, de-duplicated (case-folded, across",
        "sources: a sentence is kept where it first appears), sources in the order below",
        "(`lines` = its line range, for choosing a subset). Curly quotes are straightened",
        "(it’s -> it's), HTML entities unescaped; markdown pages lose front matter, code,",
        "tables, headings and link targets; speeches lose (Applause.)-style notes and",
        "speaker labels; books lose the Project Gutenberg header and licence. A sentence is",
        "kept if it starts with a capital (or a quote and a capital), ends with . ! or ?,",
        "has 3-80 words, balanced double quotes and no code, URL or markup residue.",
        "Built by `bench/grammar_modern_corpus.py` (copydesk; docs/training-text.md) from",
        "bare git mirrors, read with `git cat-file` at the commits below:",
        "",
        f"    python bench/grammar_modern_corpus.py /work/.mirror {out} --readme README.md",
        "",
        "| source | repository | commit | paths | licence (file read) | files | lines | words |",
        "| --- | --- | --- | --- | --- | ---: | --- | ---: |",
    ]
    for st in stats:
        s = st.source
        span = f"{st.first_line:,}-{st.first_line + st.sentences - 1:,}"
        lines.append(
            f"| {s.name} | github.com/{s.repo} | `{s.commit}` | {', '.join(s.include)} | "
            f"{s.licence} (`{s.licence_file}`) | {st.files:,} | {span} | {st.words:,} |"
        )
    lines.append(
        f"| **total** | | | | | {sum(st.files for st in stats):,} | "
        f"{sum(st.sentences for st in stats):,} sentences | {sum(st.words for st in stats):,} |"
    )
    lines += ["", "Words and occurrences by group (case-folded):", ""]
    lines.append("| | " + " | ".join(groups) + " | total |")
    lines.append("| --- |" + " ---: |" * (len(groups) + 1))
    for label in ["words", *COUNTED]:
        cells = [
            sum(st.words if label == "words" else st.counts[label] for st in g)
            for g in groups.values()
        ]
        lines.append(f"| {label} | " + " | ".join(f"{c:,}" for c in cells) + f" | {sum(cells):,} |")
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
