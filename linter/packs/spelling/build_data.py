"""Build the committed word lists in ``rules/spelling/data/`` (development time only).

Run once after updating the sources; the output is committed, so a plain ``pip install`` of
copydesk needs neither apt nor network::

    apt-get update && apt-get install -y wamerican-huge wbritish-huge
    pip install wordfreq codespell
    python -m linter.packs.spelling.build_data /usr/share/dict

Why this shape: a dictionary check of one draft must cost a few milliseconds. Hashing 300,000
words into a set costs about 50 ms, so each ``NAME.words`` file is plain ASCII text holding
the words grouped by length, each group sorted and written as one run of fixed-width records
(each word and a line break): a lookup is a binary search over slices of the text as read,
with no per-word object built at load time, and when a run meets enough new words to hash
the lists, a group splits into its words with one ``str.split`` in C. The first line is the
index: ``lines``, then ``length:count`` pairs. Lists written before the line breaks (no
``lines``) are still read; ``python -m linter.packs.spelling.build_data --relayout`` rewrites
them in place, words and frequencies unchanged (then rebuild the suspects' tables, whose
fingerprint covers the lists: ``python -m linter.packs.spelling.suspects``).
Beside it, ``NAME.freq`` holds one byte a word in the same order, its Zipf frequency times
ten, read only when a suggestion has to be ranked.

What goes in:

* ``en-common``, ``en-US``, ``en-GB``: SCOWL size 80 (Debian's wamerican-huge /
  wbritish-huge), split into words both dialects share and each dialect's own spellings.
  A word codespell lists as a misspelling ("miniscule", "accidently") is left out of
  ``en-common`` so the known-misspelling rule can report it; dialect spellings ("gage") stay.
  A lower-case word wordfreq has never seen that is one slip from a word of Zipf >=
  ``SLIP_OF`` ("tath", "lanched") is left out too: in copy it is that word mistyped.
* ``en-modern``: words SCOWL lacks but that are in real use in modern English (Zipf >=
  ``MODERN_FLOOR`` in wordfreq: "cybersecurity", "livestreamed", "telehealth"), excluding
  codespell's misspellings, chat spellings, words SCOWL knows only as a name ("sid"), and
  any word under Zipf ``IN_USE`` one edit from a word ten times more frequent (that is how
  "recieve", "anothe" and "teh" stay out). Accented words are also listed without their
  accents ("cafe", "naive").
* ``pairs.txt``: word pairs from symspellpy's bigram counts (MIT; counts from Google Books
  Ngram, CC BY 3.0) at or above ``PAIR_FLOOR``, for the real-word rule (``real_words``).
* ``common.txt``: the lower-case words of Zipf >= ``COMMON_FLOOR``, the corrections the
  real-word rule considers (a small set, hashed in a millisecond).
* ``en-US.suspects``, ``en-GB.suspects``: the real-word rule's suspects, worked out from
  the lists above for every listed word (``suspects``).
* ``codespell.txt``: codespell's main dictionary (``wrong->right`` lines), copied as it is,
  so that the known-misspelling rule reads a file of its own rather than a private path
  inside the installed package.

Frequencies come from wordfreq (its data is CC BY-SA 4.0); the words from SCOWL (see
``LICENSE-SCOWL.txt``); codespell's dictionary is CC BY-SA 3.0 (``LICENSE-codespell.txt``).
"""

from __future__ import annotations

import argparse
import re
import shutil
import unicodedata
from collections.abc import Iterable
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "rules" / "spelling" / "data"
WORD_OK = re.compile(r"[A-Za-z]+(?:['-][A-Za-z]+)*")
TRIPLE = re.compile(r"(.)\1\1")  # "soooo", "hmmm"
CHAT = frozenset(
    "upto plz pls ppl luv idk tbh smh bruh lol lmao lmfao omg wtf ffs dumbass freakin friggin"
    " gonna wanna gotta dunno kinda sorta cuz coz thx ur sry alr lke workin"
    " dont doesnt didnt isnt wasnt cant wont ive im youre thats theyre".split()
)
LETTERS = "abcdefghijklmnopqrstuvwxyz'"
INFLECTIONS = ("s", "es", "ed", "d", "ing", "er", "r", "est", "st", "ly", "ness", "ers")
MODERN_FLOOR = 2.0  # Zipf: about once in 100 million words
IN_USE = 3.5  # Zipf of a word too common to be anybody's slip ("cafe", next to "care")
COMMON_FLOOR = 4.5  # Zipf of the words a real-word slip is a slip of (``common.txt``)
PAIR_FLOOR = 30_000_000  # Google Books count of a pair that makes a correction fit
SLIP_OF = 3.5  # Zipf of a common word whose one-slip neighbours unseen in any corpus go


def read_scowl(path: Path) -> set[str]:
    """The list's words, accented ones also without their accents ("café" -> "cafe"), as
    news copy often writes them."""
    words = set()
    for line in path.read_text("utf-8").split("\n"):
        if not line.isascii():
            line = unicodedata.normalize("NFKD", line).encode("ascii", "ignore").decode()
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


def list_text(words: Iterable[str]) -> tuple[str, list[str]]:
    """A ``.words`` file's text and its words in file order: the header (``lines``, then
    ``length:count`` pairs) and each group of one length sorted, one word a line (fixed
    width: ``WordList`` bisects it in place and splits a run of it in C)."""
    groups: dict[int, list[str]] = {}
    for word in words:
        groups.setdefault(len(word), []).append(word)
    header = " ".join(["lines", *(f"{n}:{len(groups[n])}" for n in sorted(groups))])
    ordered = [w for n in sorted(groups) for w in sorted(groups[n])]
    return header + "\n" + "".join(w + "\n" for w in ordered), ordered


def write_list(path: Path, words: set[str], zipf) -> None:
    text, ordered = list_text(words)
    path.write_text(text, "ascii")
    path.with_suffix(".freq").write_bytes(bytes(min(band(zipf(w)), 255) for w in ordered))
    print(f"{path.name}: {len(words)} words")


def write_pairs(path: Path) -> None:
    """The word pairs common enough to stand for a correction ("at high", "high speed"):
    symspellpy's Google Books bigram counts at or above ``PAIR_FLOOR``, one pair a line
    with its count in tenths of a power of ten."""
    import math

    import symspellpy

    source = Path(symspellpy.__file__).parent / "frequency_bigramdictionary_en_243_342.txt"
    rows = []
    for line in source.read_text("utf-8").splitlines():
        first, second, count = line.split()
        if int(count) >= PAIR_FLOOR and first.isalpha() and second.isalpha():
            rows.append(f"{first} {second} {round(10 * math.log10(int(count)))}")
    rows.sort()
    path.write_text("\n".join(rows) + "\n", "ascii")
    print(f"{path.name}: {len(rows)} pairs")


def codespell_dictionary() -> Path:
    import codespell_lib

    return Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"


def relayout(folder: Path) -> None:
    """Rewrite the ``.words`` files of ``folder`` in the current layout (``list_text``):
    the same words in the same order, so their ``.freq`` files stay as they are."""
    from linter.language.lexicon import WordList

    for path in sorted(folder.glob("*.words")):
        lst = WordList(path)
        words = [w for n in lst.groups for w in lst.words(n)]
        text, ordered = list_text(words)
        if ordered != words:
            raise SystemExit(f"{path}: words out of order; rebuild from the sources")
        path.write_text(text, "ascii")
        print(f"{path.name}: {len(words)} words")


def main() -> None:
    parser = argparse.ArgumentParser(description="build rules/spelling/data word lists")
    parser.add_argument(
        "dict_dir", type=Path, nargs="?", help="folder with american-english-huge etc."
    )
    parser.add_argument(
        "--relayout", action="store_true", help="rewrite the committed lists' layout only"
    )
    args = parser.parse_args()
    if args.relayout:
        relayout(OUT)
        return
    if args.dict_dir is None:
        parser.error("give the folder with american-english-huge etc.")
    import wordfreq

    us = read_scowl(args.dict_dir / "american-english-huge")
    gb = read_scowl(args.dict_dir / "british-english-huge")

    source = codespell_dictionary()
    known_typos = {
        line.split("->")[0].strip().lower()
        for line in source.read_text("utf-8").splitlines()
        if "->" in line
    }

    def zipf(word: str) -> float:
        return wordfreq.zipf_frequency(word, "en", "large")

    # a listed word that no corpus has seen, one slip from a common word, is that word
    # mistyped far more often than itself ("tath", "lanched"): left out, so it is judged
    # as a typo
    common_lower = {w for w in {x.lower() for x in us | gb} if zipf(w) >= SLIP_OF}
    listed = us | gb

    def inflected(word: str) -> bool:
        """A regular form of a word in use ("securer" of "secure")."""
        for ending in INFLECTIONS:
            if word.endswith(ending):
                stem = word[: -len(ending)]
                for base in (stem, stem + "e", stem[:-1]):
                    if base in listed and zipf(base) >= 2.0:
                        return True
        return False

    slips = {
        w
        for w in listed
        if w.islower()
        and zipf(w) == 0
        and any(e in common_lower for e in edits1(w))
        and not inflected(w)
    }
    print(f"left out as slips of common words: {len(slips)}")
    us -= slips
    gb -= slips
    shared = us & gb
    common = {w for w in shared if w not in known_typos}
    known = us | gb
    known_lower = {w.lower() for w in known}
    names_only = {w.lower() for w in known if not w.islower()} - known

    modern = set()
    for word in wordfreq.iter_wordlist("en", "large"):
        z = zipf(word)
        if z < MODERN_FLOOR:
            break
        if not WORD_OK.fullmatch(word) or len(word) < 3 or word in known_lower:
            continue
        if word in known_typos or "'" in word or TRIPLE.search(word) or word in CHAT:
            continue
        if word in names_only:
            continue
        if z < IN_USE and any(e in known_lower and zipf(e) >= z + 1.0 for e in edits1(word)):
            continue
        modern.add(word)

    OUT.mkdir(parents=True, exist_ok=True)
    write_list(OUT / "en-common.words", common, zipf)
    write_list(OUT / "en-US.words", us - shared, zipf)
    write_list(OUT / "en-GB.words", gb - shared, zipf)
    write_list(OUT / "en-modern.words", modern, zipf)
    shutil.copyfile(source, OUT / "codespell.txt")
    write_pairs(OUT / "pairs.txt")
    everyday = sorted(
        w for w in (common | us | gb | modern) if w.islower() and zipf(w) >= COMMON_FLOOR
    )
    (OUT / "common.txt").write_text("\n".join(everyday) + "\n", "ascii")
    print(f"common.txt: {len(everyday)} words")
    print(f"codespell.txt: {len(known_typos)} misspellings")
    from linter.packs.spelling import suspects

    suspects.main()  # SPELL006's table, computed from the lists just written


if __name__ == "__main__":
    main()
