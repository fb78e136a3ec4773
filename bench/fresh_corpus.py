"""A fresh benchmark corpus: real English prose in which no paragraph repeats.

The repeated corpus (bench/corpus.py) copies 52 news articles round-robin, and copydesk
remembers verdicts per word, name and phrase, so repeated text is cheaper than new text. This
one is built from six public-domain books (Project Gutenberg texts, public domain in the
United States; the Gutenberg header, footer and licence are cut off), about 10.9 MB of prose
in which every paragraph is kept once. Nothing of it is committed: the script rebuilds it from
git snapshots of the GITenberg repositories below, pinned by commit.

Get the snapshots once (any clone works; point ``COPYDESK_FRESH_SOURCES`` at the folder that
holds them, default /work/.mirror, in the layout ``GITenberg+<name>/repo``), e.g.
``git clone https://github.com/GITenberg/War-and-Peace_2600 GITenberg+War-and-Peace_2600/repo``.

Shapes (all under ``$COPYDESK_BENCH_DIR``, default /tmp/copydesk-bench):
- ``files(mb)``: ~5 KB files cut at paragraph boundaries, the books interleaved (file i
  comes from book i mod 6), so any prefix mixes every book;
- ``one_file(mb)``: the same text, in the same order, as one file;
- ``tree(n)``: n drafts of two paragraphs each, in folders of 100, every paragraph new.

    python bench/fresh_corpus.py          # build the 1 MB and 10 MB shapes, print the paths
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

from corpus import BENCH_DIR, _fresh, _reset

SOURCES = Path(os.environ.get("COPYDESK_FRESH_SOURCES", "/work/.mirror"))
# (GITenberg repository, commit, file, encoding): translated novels, a novel written in
# English, and three travel and memoir books by Mark Twain (places, names, dialogue, figures)
BOOKS = (
    ("War-and-Peace_2600", "fa22ab90f00f627e83d14acabe32d91602d2365d", "2600-0.txt", "utf-8"),
    ("Les-Mis-rables_135", "913d26c4e33bc23cc91d79104ad0e939b4cd91ea", "135-0.txt", "utf-8"),
    ("Middlemarch_145", "39add53d31f10ba5cecdcbe8c095f90b25fd4b3f", "145-8.txt", "latin-1"),
    (
        "The-Innocents-Abroad_3176",
        "09f22c19048dd45835bd52da24e76bbd8f249b13",
        "3176-0.txt",
        "utf-8",
    ),
    ("A-Tramp-Abroad_119", "61a9d44218cb79157fd93ae38c80b541a17d204d", "119-0.txt", "utf-8"),
    (
        "Life-on-the-Mississippi_245",
        "fde8587b79059511c85d0fc9c07db60eb440dd29",
        "245-0.txt",
        "utf-8",
    ),
)
FILE_BYTES = 5_000
VERSION = "fresh v1"
START = re.compile(r"^\*\*\* ?START OF (THE|THIS) PROJECT GUTENBERG.*$", re.M)
END = re.compile(
    r"^(\*\*\* ?END OF (THE|THIS) PROJECT GUTENBERG|End of (the )?Project Gutenberg)", re.M
)


def _git_dir(repo: str) -> Path:
    base = SOURCES / f"GITenberg+{repo}" / "repo"
    return base / ".git" if (base / ".git").is_dir() else base


def _book(repo: str, commit: str, name: str, encoding: str) -> str:
    git_dir = _git_dir(repo)
    proc = subprocess.run(
        ["git", f"--git-dir={git_dir}", "show", f"{commit}:{name}"],
        capture_output=True,
        check=False,
    )
    if proc.returncode != 0:
        sys.exit(
            f"fresh corpus: no snapshot of GITenberg/{repo} at {commit[:12]} under {SOURCES} "
            "(see bench/fresh_corpus.py for how to get it)"
        )
    text = proc.stdout.decode(encoding).lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    start, end = START.search(text), END.search(text)
    return text[start.end() if start else 0 : end.start() if end else len(text)]


def _paragraphs(text: str, seen: set[str]) -> list[str]:
    """Paragraphs of a hard-wrapped book, each on one line; one already seen anywhere is
    dropped (headings, separators, repeated epigraphs), so that no paragraph repeats."""
    kept = []
    for block in re.split(r"\n\s*\n", text):
        para = " ".join(block.split())
        if not para or para in seen:
            continue
        seen.add(para)
        kept.append(para)
    return kept


@cache
def books() -> tuple[tuple[str, ...], ...]:
    """Each book's paragraphs, in book order."""
    seen: set[str] = set()
    return tuple(tuple(_paragraphs(_book(*source), seen)) for source in BOOKS)


@cache
def chunks() -> tuple[str, ...]:
    """~5 KB pieces of each book, interleaved book by book."""
    per_book = []
    for paras in books():
        pieces, current, size = [], [], 0
        for para in paras:
            current.append(para)
            size += len(para.encode("utf-8")) + 2
            if size >= FILE_BYTES:
                pieces.append("\n\n".join(current) + "\n")
                current, size = [], 0
        if current:
            pieces.append("\n\n".join(current) + "\n")
        per_book.append(pieces)
    ordered = []
    for i in range(max(map(len, per_book))):
        ordered.extend(pieces[i] for pieces in per_book if i < len(pieces))
    return tuple(ordered)


def _prefix(megabytes: float) -> list[str]:
    target, total, out = int(megabytes * 1_000_000), 0, []
    for piece in chunks():
        if total >= target:
            break
        out.append(piece)
        total += len(piece.encode("utf-8"))
    if total < target * 0.98:
        sys.exit(f"fresh corpus: only {total / 1e6:.1f} MB of text, {megabytes:g} MB asked")
    return out


def files(megabytes: float) -> Path:
    """The first ``megabytes`` of the corpus as ~5 KB files."""
    folder = BENCH_DIR / f"fresh-files-{megabytes:g}mb"
    stamp = f"{VERSION} files {megabytes}"
    if not _fresh(folder, stamp):
        _reset(folder)
        for i, piece in enumerate(_prefix(megabytes)):
            (folder / f"{i:05}.txt").write_text(piece, "utf-8")
        (folder / ".stamp").write_text(stamp)
    return folder


def one_file(megabytes: float) -> Path:
    """The first ``megabytes`` of the corpus as one file (in its own folder)."""
    folder = BENCH_DIR / f"fresh-one-{megabytes:g}mb"
    stamp = f"{VERSION} one {megabytes}"
    if not _fresh(folder, stamp):
        _reset(folder)
        (folder / "all.txt").write_text("\n".join(_prefix(megabytes)), "utf-8")
        (folder / ".stamp").write_text(stamp)
    return folder / "all.txt"


def tree(count: int = 10_000) -> Path:
    """``count`` drafts of two new paragraphs each (a title line first), in folders of 100."""
    folder = BENCH_DIR / f"fresh-tree-{count}"
    stamp = f"{VERSION} tree {count}"
    if _fresh(folder, stamp):
        return folder
    _reset(folder)
    stream = [
        p
        for i in range(max(map(len, books())))
        for b in books()
        if i < len(b)
        for p in b[i : i + 1]
    ]
    stream = [p for p in stream if len(p) > 80]
    if len(stream) < 2 * count:
        sys.exit(f"fresh corpus: {len(stream)} paragraphs, {2 * count} needed for the tree")
    for i in range(count):
        sub = folder / f"{i // 100:03}"
        if i % 100 == 0:
            sub.mkdir()
        body = f"{stream[2 * i]}\n\n{stream[2 * i + 1]}"
        (sub / f"draft-{i:05}.txt").write_text(f"Draft {i}\n\n{body}\n", "utf-8")
    (folder / ".stamp").write_text(stamp)
    return folder


def describe() -> str:
    """Where the text comes from, for the benchmark's report."""
    total = sum(len(p.encode("utf-8")) for p in chunks())
    names = ", ".join(repo.rsplit("_", 1)[0].replace("-", " ") for repo, *_ in BOOKS)
    return f"{total / 1e6:.1f} MB of public-domain prose, no paragraph repeated ({names})"


if __name__ == "__main__":
    print(describe())
    for built in (files(1), files(10), one_file(1), one_file(10), tree()):
        print(built)
