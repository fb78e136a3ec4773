"""Build the committed word lists in ``rules/spelling/data/`` (development time only).

Run once after updating the sources; the output is committed, so a plain ``pip install`` of
copydesk needs neither apt nor network::

    apt-get download wamerican-large wbritish-large wamerican-huge wbritish-huge
    for f in *.deb; do dpkg-deb -x "$f" scowl; done
    python -m linter.packs.spelling.build_data scowl/usr/share/dict

Why this shape: a dictionary check of one draft must cost a few milliseconds. Hashing 130,000
words into a set costs about 20 ms, and even splitting them into a list about 10 ms, so each
``NAME.words`` file is plain ASCII text holding the words grouped by length, each group sorted
and written as one run of fixed-width records (no separators): a lookup is a binary search
over slices of the text as read, with no per-word object built at load time. The first line
is the index, ``length:count`` pairs. Beside it, ``NAME.freq`` holds one byte a word in the
same order, its Zipf frequency times ten, read only when a suggestion has to be ranked.

What goes in:

* ``en-common``, ``en-US``, ``en-GB``: SCOWL size 70 (Debian's wamerican-large /
  wbritish-large), split into words both dialects share and each dialect's own spellings,
  plus the size-80 words ("huge") that are in real use (Zipf >= 2.5). A word codespell lists
  as a misspelling ("miniscule", "accidently") is left out of ``en-common`` so the
  known-misspelling rule can report it; dialect spellings ("gage") stay.
* ``en-modern``: words SCOWL lacks but that are frequent in modern English (Zipf >= 2.8 in
  wordfreq: "cybersecurity", "livestream"), excluding anything within one edit of a word ten
  times more frequent (that is how "recieve" and "teh" stay out) and codespell's misspellings.

Frequencies come from wordfreq (its data is CC BY-SA 4.0); the words from SCOWL (see
``LICENSE-SCOWL.txt``).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "rules" / "spelling" / "data"
WORD_OK = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")
TRIPLE = re.compile(r"(.)\1\1")  # "soooo", "hmmm"
CHAT = frozenset(
    "upto plz pls ppl luv idk tbh smh bruh lol lmao lmfao omg wtf ffs dumbass freakin friggin"
    " gonna wanna gotta dunno kinda sorta cuz coz thx ur".split()
)
LETTERS = "abcdefghijklmnopqrstuvwxyz'"


def read_scowl(path: Path) -> set[str]:
    words = set()
    for line in path.read_text("utf-8").split("\n"):
        if line and not line.endswith("'s") and WORD_OK.fullmatch(line):
            words.add(line)
    return words


def edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + swaps + replaces + inserts)


def band(zipf: float) -> int:
    return round(zipf * 10)


def write_list(path: Path, words: set[str], zipf) -> None:
    groups: dict[int, list[str]] = {}
    for word in words:
        groups.setdefault(len(word), []).append(word)
    header = " ".join(f"{n}:{len(groups[n])}" for n in sorted(groups))
    ordered = [w for n in sorted(groups) for w in sorted(groups[n])]
    path.write_text(header + "\n" + "".join(ordered), "ascii")
    path.with_suffix(".freq").write_bytes(bytes(min(band(zipf(w)), 255) for w in ordered))
    print(f"{path.name}: {len(words)} words")


def main() -> None:
    import codespell_lib
    import wordfreq

    parser = argparse.ArgumentParser(description="build rules/spelling/data word lists")
    parser.add_argument("dict_dir", type=Path, help="folder with american-english-large etc.")
    args = parser.parse_args()
    us = read_scowl(args.dict_dir / "american-english-large")
    gb = read_scowl(args.dict_dir / "british-english-large")
    us_huge = read_scowl(args.dict_dir / "american-english-huge")
    gb_huge = read_scowl(args.dict_dir / "british-english-huge")

    codespell_file = Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"
    known_typos = {
        line.split("->")[0].strip().lower()
        for line in codespell_file.read_text("utf-8").splitlines()
        if "->" in line
    }

    def zipf(word: str) -> float:
        return wordfreq.zipf_frequency(word, "en", "large")

    def used(word: str) -> bool:
        return word.lower() not in known_typos and zipf(word) >= 2.5

    us |= {w for w in us_huge - us if used(w)}
    gb |= {w for w in gb_huge - gb if used(w)}
    shared = us & gb
    common = {w for w in shared if w not in known_typos}
    known = us | gb | us_huge | gb_huge
    known_lower = {w.lower() for w in known}

    modern = set()
    for word in wordfreq.iter_wordlist("en", "large"):
        z = zipf(word)
        if z < 2.8:
            break
        if not WORD_OK.fullmatch(word) or len(word) < 3 or word in known_lower:
            continue
        if word in known_typos or "'" in word or TRIPLE.search(word) or word in CHAT:
            continue
        if any(e in known_lower and zipf(e) >= z + 1.0 for e in edits1(word)):
            continue
        modern.add(word)

    OUT.mkdir(parents=True, exist_ok=True)
    write_list(OUT / "en-common.words", common, zipf)
    write_list(OUT / "en-US.words", us - shared, zipf)
    write_list(OUT / "en-GB.words", gb - shared, zipf)
    write_list(OUT / "en-modern.words", modern, zipf)


if __name__ == "__main__":
    main()
