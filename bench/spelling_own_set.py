"""A misspelling set of our own, made by rule, that no word list here was tuned on.

Why: the dev split's slips come from three corpora of human misspellings; a second set made
a different way says whether the spelling figures hold on slips the rules never saw. Each
slip is made from a correct lower-case word of a clean dev article by one of four kinds of
mistake people make, and kept only if wordfreq (an independent word list, not copydesk's)
has never seen the result, so every slip is a non-word, as in the dev split:

* ``keyboard``: a letter replaced by a neighbour on a QWERTY keyboard ("wotk" for "work");
* ``dropped``: a letter dropped from a word of eight letters or more ("goverment");
* ``doubled``: a double letter made single or a single one doubled ("ocured", "untill");
* ``phonetic``: a spelling by sound ("fotograph", "definate", "recieve", "independant").

With ``--real-words`` the slips are rare real words instead (Zipf 1 to 3 in wordfreq, made
from words of Zipf >= 4.5: "sid" for "said"), the kind only SPELL006 can catch.

The injected articles and a key in ``score.py``'s format are written to a temporary folder
(never into the package), and ``score.py`` scores them::

    python bench/spelling_own_set.py            # build, then score with copydesk
    python bench/spelling_own_set.py --keep DIR # keep the set in DIR
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "bench" / "dev"
SCORE = ROOT.parent / "shared" / "bench" / "score.py"
SEED = 13
PER_FILE = 6  # slips per article
GAP = 30  # words between two slips
WORD = re.compile(r"(?<![\w@#/.'’-])[a-z]{4,}(?![\w'’@-])")
ROWS = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
PHONETIC = [  # (written, as it sounds to someone spelling by ear)
    ("ph", "f"),
    ("ie", "ei"),
    ("ei", "ie"),
    ("ant", "ent"),
    ("ent", "ant"),
    ("ence", "ance"),
    ("ance", "ence"),
    ("ible", "able"),
    ("able", "ible"),
    ("ite", "ate"),
    ("tion", "sion"),
    ("sion", "tion"),
    ("ci", "si"),
    ("ce", "se"),
    ("ous", "us"),
    ("our", "or"),
    ("ck", "k"),
    ("ght", "t"),
    ("wh", "w"),
    ("x", "ks"),
    ("qu", "kw"),
    ("ary", "ery"),
    ("ery", "ary"),
    ("ize", "ise"),
]


def neighbours(ch: str) -> str:
    for r, row in enumerate(ROWS):
        c = row.find(ch)
        if c >= 0:
            near = [row[c - 1] if c else "", row[c + 1] if c + 1 < len(row) else ""]
            for other in (r - 1, r + 1):
                if 0 <= other < len(ROWS):
                    near.append(ROWS[other][c : c + 2])
            return "".join(near)
    return ""


def keyboard(word: str, rng: random.Random) -> str | None:
    i = rng.randrange(1, len(word))  # the first letter is rarely mistyped
    near = neighbours(word[i])
    return word[:i] + rng.choice(near) + word[i + 1 :] if near else None


def dropped(word: str, rng: random.Random) -> str | None:
    if len(word) < 8:
        return None
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def doubled(word: str, rng: random.Random) -> str | None:
    pairs = [i for i in range(len(word) - 1) if word[i] == word[i + 1]]
    if pairs:
        i = rng.choice(pairs)
        return word[:i] + word[i + 1 :]
    consonants = [i for i in range(1, len(word) - 1) if word[i] in "bcdfglmnprst"]
    if not consonants:
        return None
    i = rng.choice(consonants)
    return word[: i + 1] + word[i:]


def phonetic(word: str, rng: random.Random) -> str | None:
    options = [(a, b) for a, b in PHONETIC if a in word[1:]]
    if not options:
        return None
    a, b = rng.choice(options)
    at = word.index(a, 1)
    return word[:at] + b + word[at + len(a) :]


KINDS = {"keyboard": keyboard, "dropped": dropped, "doubled": doubled, "phonetic": phonetic}


def is_slip(slip: str, word: str, real_words: bool) -> bool:
    """A non-word (wordfreq has never seen it); with ``real_words``, a rare real word
    (Zipf 1 to 3) made from a common one (Zipf >= 4.5): "sid" for "said"."""
    import wordfreq

    z = wordfreq.zipf_frequency(slip, "en")
    if not real_words:
        return z == 0
    return 1.0 <= z < 3.0 and wordfreq.zipf_frequency(word, "en") >= 4.5


def build(out: Path, real_words: bool = False) -> int:

    rng = random.Random(SEED)
    (out / "clean").mkdir(parents=True)
    (out / "injected").mkdir()
    rows = ["file\tline\tcol\tend_col\tcategory\twrong\tright"]
    kinds = list(KINDS)
    for path in sorted((DEV / "clean").glob("*.txt")):
        text = path.read_text("utf-8")
        (out / "clean" / path.name).write_text(text, "utf-8")
        lines = text.split("\n")
        spots = [
            (n, m)
            for n, line in enumerate(lines)
            if n > 0  # not the headline
            for m in WORD.finditer(line)
        ]
        rng.shuffle(spots)
        chosen: list[tuple[int, re.Match]] = []
        for n, m in spots:
            if len(chosen) == PER_FILE:
                break
            if any(n == n2 and abs(m.start() - m2.start()) < GAP * 6 for n2, m2 in chosen):
                continue
            chosen.append((n, m))
        # right to left on each line, so earlier columns stay put
        for n, m in sorted(chosen, key=lambda x: (x[0], -x[1].start())):
            word = m.group()
            for _ in range(10):
                kind = rng.choice(kinds)
                slip = KINDS[kind](word, rng)
                if slip and slip != word and is_slip(slip, word, real_words):
                    break
            else:
                continue
            line = lines[n]
            lines[n] = line[: m.start()] + slip + line[m.end() :]
            col = m.start() + 1
            rows.append(
                f"injected/{path.name}\t{n + 1}\t{col}\t{col + len(slip)}\t"
                f"typo\t{slip}\t{word}\t{kind}"
            )
        (out / "injected" / path.name).write_text("\n".join(lines), "utf-8")
    (out / "key.tsv").write_text("\n".join(rows) + "\n", "utf-8")
    return len(rows) - 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", type=Path, help="write the set here and keep it")
    parser.add_argument(
        "--real-words", action="store_true", help="slips that make rare real words instead"
    )
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="copydesk-own-set-")) / "set"
    count = build(folder, args.real_words)
    print(f"{count} slips written into {len(list((folder / 'injected').iterdir()))} articles")
    cmd = [sys.executable, "-m", "linter", "check", "--no-cache", "--format", "json"]
    subprocess.run([sys.executable, str(SCORE), str(folder), "--", *cmd], cwd=ROOT, check=False)


if __name__ == "__main__":
    main()
