"""Agreement and verb-form recall on a second set of real learner slips: the 1,000
EFCAMDAT sentences of cambridgeltl/subcategorization-frames-and-learner-English-data
(``ef1000/ef1000_learner_error_annotation.txt``), whose errors are marked in the Cambridge
Learner Corpus scheme (``<ns type="AGV"><i>was</i><c>were</c></ns>``).

Families, from the annotators' codes (fixed before looking at the data): ``agreement`` =
AGV (a verb that does not agree with its subject), AGN (a noun that does not agree: "every
tiny things") and AGD (a determiner: "a players"); ``verb-form`` = FV (a wrong verb form)
and IV (a wrong inflection). Every other error in the sentence stays as the learner wrote
it. A slip counts as caught when a finding of the grammar pack (any severity; ``error``
alone in the second column) overlaps the words the annotator marked; slips with nothing
marked (a missing word) are left out. The halves are the md5 split of
``grammar_learner.py``: rules are developed on ``dev``; ``held`` is only reported.

    python bench/grammar_ef1000.py PATH/ef1000_learner_error_annotation.txt --split both
    python bench/grammar_ef1000.py PATH/ef1000_learner_error_annotation.txt --split dev --misses 30

The file is read from where it lies (a clone of the repository) and never copied here.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from grammar_learner import detok, half

FAMILIES = {"AGV": "agreement", "AGN": "agreement", "AGD": "agreement", "FV": "verb-form",
            "IV": "verb-form"}  # fmt: skip


def _walk(
    node: ET.Element,
    open_: list[tuple[str, int]],
    tokens: list[str],
    marks: list[list[tuple[str, int]]],
    counter: list[int],
) -> None:
    """Append the learner's tokens under ``node`` (the ``<i>`` side of each edit), each
    with the (family, edit number) of the measured edits that hold it."""
    for part in (node.text or "").split():
        tokens.append(part)
        marks.append(list(open_))
    for child in node:
        if child.tag == "ns":
            fam = FAMILIES.get(child.get("type", ""))
            wrong = child.find("i")
            if wrong is not None:
                counter[0] += 1
                inner = [*open_, (fam, counter[0])] if fam else open_
                _walk(wrong, inner, tokens, marks, counter)
        for part in (child.tail or "").split():
            tokens.append(part)
            marks.append(list(open_))


def slips(path: Path) -> list[tuple[str, int, int, str, str]]:
    """(sentence as the learner wrote it, start, end, marked words, family)."""
    out = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        safe = line.replace("&", "&amp;")
        try:
            root = ET.fromstring(f"<s>{safe}</s>")
        except ET.ParseError:
            continue
        tokens: list[str] = []
        marks: list[list[tuple[str, int]]] = []
        _walk(root, [], tokens, marks, [0])
        text, spans = detok(tokens)
        edits: dict[int, list[int]] = {}
        family: dict[int, str] = {}
        for n, held in enumerate(marks):
            for fam, ident in held:
                edits.setdefault(ident, []).append(n)
                family[ident] = fam
        for ident, where in edits.items():
            start, end = spans[where[0]][0], spans[where[-1]][1]
            out.append((text, start, end, text[start:end], family[ident]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--split", choices=("all", "dev", "held", "both"), default="both")
    parser.add_argument("--misses", type=int, default=0, help="print misses (dev half only)")
    args = parser.parse_args()

    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings(select=["GRAM"]))
    found = slips(args.path)
    halves = ("dev", "held", "all") if args.split == "both" else (args.split,)
    print(f"{'half':5} {'family':10} {'slips':>6} {'caught':>7} {'(error)':>8}")
    for which in halves:
        kept = [s for s in found if which == "all" or half(s[0]) == which]
        total, caught, errors, misses = Counter(), Counter(), Counter(), []
        for text, start, end, wrong, fam in kept:
            hits = [
                f
                for f in engine.lint_text(text, "s.md")
                if f.line == 1 and f.column - 1 < end and start < f.end_column - 1
            ]
            total[fam] += 1
            caught[fam] += bool(hits)
            errors[fam] += any(f.severity == "error" for f in hits)
            if not hits:
                misses.append((fam, wrong, text))
        for fam in ("agreement", "verb-form"):
            n = total[fam]
            print(
                f"{which:5} {fam:10} {n:6} {caught[fam]:3} = {caught[fam] / (n or 1):.2f}"
                f" {errors[fam] / (n or 1):8.2f}"
            )
        if which == "dev":
            for fam, wrong, text in misses[: args.misses]:
                print(f"MISS {fam}: {wrong} | {text[:150]}")


if __name__ == "__main__":
    main()
