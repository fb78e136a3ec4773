"""Benchmark inputs built from ../shared/data, outside the repository (the data's licences
forbid shipping it): a ~10 MB corpus of whole articles, a tree of many small files, and one
1,000-word draft. Each copy gets a numbered first line so that no two files have the same
content (a content-keyed cache must not get free hits from duplicates).

    python bench/corpus.py            # build (or reuse) them and print where they are
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from common import WORD_RE, clean_files

BENCH_DIR = Path(
    os.environ.get("COPYDESK_BENCH_DIR", Path(tempfile.gettempdir()) / "copydesk-bench")
)


def _articles() -> list[tuple[str, str]]:
    return [(p.stem, p.read_text("utf-8")) for p in clean_files()]


def _fresh(folder: Path, stamp: str) -> bool:
    """True when ``folder`` was built with the same parameters (``.stamp`` file)."""
    return (folder / ".stamp").is_file() and (folder / ".stamp").read_text() == stamp


def _reset(folder: Path) -> None:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)


def corpus(megabytes: float = 10.0) -> Path:
    """Whole articles copied round-robin until they reach ``megabytes``; one file each."""
    folder = BENCH_DIR / f"corpus-{megabytes:g}mb"
    stamp = f"corpus {megabytes}"
    if _fresh(folder, stamp):
        return folder
    _reset(folder)
    articles = _articles()
    target, total, i = int(megabytes * 1_000_000), 0, 0
    while total < target:
        name, text = articles[i % len(articles)]
        copy = f"Copy {i // len(articles)} of {name}\n" + text
        data = copy.encode("utf-8")
        (folder / f"{i:05}-{name}.txt").write_bytes(data)
        total += len(data)
        i += 1
    (folder / ".stamp").write_text(stamp)
    return folder


def tree(files: int = 10_000) -> Path:
    """``files`` small drafts (two paragraphs each) in folders of 100, like an archive."""
    folder = BENCH_DIR / f"tree-{files}"
    stamp = f"tree {files} v2"
    if _fresh(folder, stamp):
        return folder
    _reset(folder)
    paragraphs = [p for _, text in _articles() for p in text.split("\n") if 80 < len(p) < 2000]
    for i in range(files):
        sub = folder / f"{i // 100:03}"
        if i % 100 == 0:
            sub.mkdir()
        body = "\n\n".join(paragraphs[(i + k) % len(paragraphs)] for k in range(2))
        (sub / f"draft-{i:05}.txt").write_text(f"Draft {i}\n\n{body}\n", "utf-8")
    (folder / ".stamp").write_text(stamp)
    return folder


def draft(words: int = 1000) -> Path:
    """One draft of ``words`` words: the first articles' lines until the count is reached."""
    path = BENCH_DIR / f"draft-{words}.txt"
    lines, count = [], 0
    for _, text in _articles():
        for line in text.split("\n"):
            n = len(WORD_RE.findall(line))
            if count + n > words and lines:
                break
            lines.append(line)
            count += n
        if count >= words * 0.98:
            break
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def size_of(folder: Path) -> tuple[int, int, int]:
    """(files, bytes, words) of the .txt files under ``folder`` (or of one file)."""
    files = nbytes = words = 0
    for path in [folder] if folder.is_file() else folder.rglob("*.txt"):
        text = path.read_text("utf-8")
        files += 1
        nbytes += len(text.encode("utf-8"))
        words += len(WORD_RE.findall(text))
    return files, nbytes, words


if __name__ == "__main__":
    for built in (corpus(), tree(), draft()):
        print(built)
