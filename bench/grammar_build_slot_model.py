"""Build rules/grammar/data/slot_model.tsv: the statistical model of a confusable's slot.

Each occurrence of a confusion set's word (``slot_model.SETS``: its/it's, their/there/
they're, your/you're, whose/who's, than/then, were/where/we're, to/too/two and nine noun,
verb and adjective pairs) in clean public text is a training example, the word as written
being the label and the features those of ``linter.packs.grammar.slot_model.features``
(neighbouring words, their tag candidates, a finite verb ahead, punctuation, the sentence's
edges) plus each reading's Google Books word-pair score (rules/grammar/data/bigrams.tsv).
A multinomial logistic regression is fitted per set by stochastic gradient descent, in
plain Python; only its weights are shipped.

Sources (read from local paths; nothing of them is copied into the repository):
- UD English EWT train and dev (github.com/UniversalDependencies/UD_English-EWT, CC BY-SA
  4.0): the ``# text`` of each sentence without a ``CorrectForm=`` (those are test data);
  EWT test is never read here, it is the held-out clean set;
- Project Gutenberg books as mirrored by GITenberg (public domain in the USA): Les
  Misérables, War and Peace, Life on the Mississippi, The Innocents Abroad, A Tramp Abroad,
  read from their bare git folders (``git show HEAD:<book>.txt``); Middlemarch is left out,
  to count false alarms on.

- with ``--modern PATH``: the modern text of /tmp/slot-modern (one sentence a line; its
  README names the sources, licences and commits, copied into docs/grammar.md), less the
  lines of MODERN_SKIP and the sets of MODERN_SKIP_SETS.

    python bench/grammar_build_slot_model.py /tmp/conf/data /work/.mirror \
        --modern /tmp/slot-modern/text.txt                                            # build
    python bench/grammar_build_slot_model.py /tmp/conf/data /work/.mirror --cv 5    # measure

``--cache FILE`` keeps the examples in a local file (pickle) for the next run; ``--no-clauses``
drops the clause features (``slot_model.clause_features``) from them, to measure what they add.

``--cv K`` trains on K-1 folds of the sentences (an md5 of the sentence picks the fold) and
prints, on the held-out fold, each set's accuracy, how often the shipped decision rule flags
a correct word (a false alarm), and how often it flags the word when it is swapped for a
rival (recall on synthetic slips); nothing is written.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import random
import re
import subprocess
import sys
import time
from collections import Counter
from functools import partial
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
OUT = ROOT / "rules" / "grammar" / "data" / "slot_model.tsv"

BOOKS = {  # mirror folder: the book's plain text in it
    "GITenberg+Les-Mis-rables_135": "135-0.txt",
    "GITenberg+War-and-Peace_2600": "2600-0.txt",
    "GITenberg+Life-on-the-Mississippi_245": "245-0.txt",
    "GITenberg+The-Innocents-Abroad_3176": "3176-0.txt",
    "GITenberg+A-Tramp-Abroad_119": "119-0.txt",
    "GITenberg+The-Adventures-of-Sherlock-Holmes_1661": "1661.txt",
    "GITenberg+Pride-and-Prejudice_1342": "1342-0.txt",
    "GITenberg+The-Adventures-of-Tom-Sawyer_74": "74-0.txt",
    "GITenberg+Dracula_345": "345.txt",
    "GITenberg+Great-Expectations_1400": "1400-0.txt",
    "GITenberg+The-Secret-Adversary_1155": "1155-0.txt",
    "GITenberg+The-Mysterious-Affair-at-Styles_863": "863-0.txt",
    "GITenberg+The-Jungle_140": "140.txt",
    "GITenberg+Anne-of-Green-Gables_45": "45-0.txt",
    "GITenberg+Little-Women_514": "514.txt",
}
HELD_OUT = {  # never trained on: clean text to count false alarms on
    "GITenberg+Middlemarch_145": "145.txt",
    "GITenberg+Main-Street_543": "543-0.txt",
}
# The modern text (``--modern``; /tmp/slot-modern/README.md): lines left out, by the
# README's line ranges. uswds/uswds-site's history was mined for the third edit-history
# set (docs/grammar.md), so its pages are not trained on.
MODERN_SKIP = ((126_440, 128_218),)
MODERN_SKIP_SETS = frozenset({"to"})  # 172,000 more "to"s: the books have 81,000
EWT_FILES = ("ewt-train.conllu", "ewt-dev.conllu")
MIN_COUNT = 4  # a feature seen fewer times is dropped (3 until the seventh round)
# The commonest sets keep only features seen more often (one in EXAMPLES_PER_COUNT of the
# set's examples): the table stays small (a set's rows are read on its first confusable in
# a run) at no measurable cost in cross-validated recall.
EXAMPLES_PER_COUNT = 5000
EPOCHS = 6
L2 = 1e-5  # per example
KEEP = 0.02  # weights all smaller than this are not shipped
CLAUSES = True  # the clause features (``slot_model.clause_features``); --no-clauses: without


class Tok(NamedTuple):
    low: str
    text: str
    gap: str


class Example(NamedTuple):
    name: str
    feats: list[str]
    pairs: list[float]
    label: int
    fold: int
    n_word: int  # feats[:n_word] are the words' features (the gate's)


def ewt_sentences(folder: Path) -> list[str]:
    out = []
    for name in EWT_FILES:
        text, bad = "", False
        for line in (folder / name).read_text("utf-8").splitlines():
            if line.startswith("# text = "):
                text, bad = line[9:], False
            elif "CorrectForm=" in line:
                bad = True
            elif not line.strip():
                if text and not bad:
                    out.append(text)
                text = ""
    return out


def book_text(mirror: Path, folder: str, name: str) -> str:
    repo = mirror / folder / "repo"
    git = ["git", "-C", str(repo)]
    text = subprocess.run([*git, "show", f"HEAD:{name}"], capture_output=True, check=True).stdout
    prose = text.decode("utf-8", "replace").replace("\r\n", "\n")
    start = re.search(r"\*\*\* ?START OF.*\n", prose)
    end = re.search(r"\*\*\* ?END OF", prose)
    return prose[start.end() if start else 0 : end.start() if end else len(prose)]


def commits(mirror: Path) -> dict[str, str]:
    out = {}
    for folder in BOOKS:
        git = ["git", "-C", str(mirror / folder / "repo"), "rev-parse", "HEAD"]
        out[folder] = subprocess.run(git, capture_output=True, text=True).stdout.strip()
    return out


def sentences_of(prose: str) -> list[list[Tok]]:
    from linter.text import WORD_RE, sentences

    out = []
    for start, end in sentences(prose):
        text = prose[start:end]
        toks, prev = [], 0
        for m in WORD_RE.finditer(text):
            toks.append(Tok(m.group().lower().replace("’", "'"), m.group(), text[prev : m.start()]))
            prev = m.end()
        out.append(toks)
    return out


def modern_sentences(path: Path) -> list[list[Tok]]:
    """The modern training text (one sentence a line; its README gives the sources and
    their line ranges), less the lines of MODERN_SKIP."""
    from linter.text import WORD_RE

    out = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if any(a <= number <= b for a, b in MODERN_SKIP):
            continue
        toks, prev = [], 0
        for m in WORD_RE.finditer(line):
            toks.append(Tok(m.group().lower().replace("’", "'"), m.group(), line[prev : m.start()]))
            prev = m.end()
        out.append(toks)
    return out


def examples(
    sentences: list[list[Tok]], pairs_model, skip: frozenset[str] = frozenset()
) -> list[Example]:
    """One example per confusable of ``sentences``, its features ``slot_model.features``."""
    from linter.packs.grammar.slot_model import (
        CLAUSE_AHEAD,
        CLAUSE_BACK,
        SET_OF,
        SETS,
        class_features,
        clause_features,
        context,
        pair_scores,
        word_features,
    )

    out = []
    for toks in sentences:
        if not any(t.low in SET_OF for t in toks):
            continue
        fold = hashlib.md5(" ".join(t.text for t in toks).encode()).digest()[0]
        for i, tok in enumerate(toks):
            name = SET_OF.get(tok.low)
            if name is None or name in skip:
                continue
            a, b = max(0, i - CLAUSE_BACK), min(len(toks) - 1, i + CLAUSE_AHEAD)
            window = toks[a : b + 1]
            first, last, j = a == 0, b == len(toks) - 1, i - a
            words = SETS[name]
            prev, nxt = context(window, j, first, last)
            word_feats = word_features(window, j, first, last)
            feats = word_feats + class_features(window, j, first, last)
            feats += clause_features(window, j, first, last)
            pairs = pair_scores(words, prev, nxt, pairs_model)
            out.append(Example(name, feats, pairs, words.index(tok.low), fold, len(word_feats)))
    return out


def softmax(logits: list[float]) -> list[float]:
    import math

    top = max(logits)
    exps = [math.exp(x - top) for x in logits]
    total = sum(exps)
    return [e / total for e in exps]


def gate_margins(row_of, ex: Example, k: int) -> list[float]:
    """For each reading as if written: the best rival's margin from the word features."""
    logits = [0.0] * k
    for f in ex.feats[: ex.n_word]:
        row = row_of(f)
        if row:
            for c in range(k):
                logits[c] += row[c]
    return [max(logits[r] - logits[c] for r in range(k) if r != c) for c in range(k)]


def gate_open(row_of, ex: Example, k: int) -> list[bool]:
    """For each reading as if written: does the gate let the full model judge it?"""
    from linter.packs.grammar.slot_model import GATE, GATE_OF, SETS

    words = SETS[ex.name]
    margins = gate_margins(row_of, ex, k)
    return [margins[c] >= GATE_OF.get(words[c], GATE) for c in range(k)]


GATES = (-2.0, -1.0, 0.0, 1.0, 2.0, 3.0)  # (--cv) the gates compared


def train(data: list[Example], k: int, seed: int = 1) -> tuple[dict[str, list[float]], float]:
    counts = Counter(f for ex in data for f in ex.feats)
    least = max(MIN_COUNT, len(data) // EXAMPLES_PER_COUNT)
    weights: dict[str, list[float]] = {f: [0.0] * k for f, c in counts.items() if c >= least}
    beta = 0.0
    order = list(range(len(data)))
    rng = random.Random(seed)
    step = 0
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        rate = 0.3 / (1 + epoch)
        shrink = 1 - rate * L2
        for n in order:
            ex = data[n]
            rows = [weights[f] for f in ex.feats if f in weights]
            logits = [beta * s for s in ex.pairs]
            for row in rows:
                for c in range(k):
                    logits[c] += row[c]
            probs = softmax(logits)
            grads = [(1.0 if c == ex.label else 0.0) - probs[c] for c in range(k)]
            for row in rows:
                for c in range(k):
                    row[c] = row[c] * shrink + rate * grads[c]
            beta += rate * 0.1 * sum(g * s for g, s in zip(grads, ex.pairs, strict=True))
            step += 1
    return weights, beta


def build(
    folder: Path, mirror: Path, pairs: bool = True, modern: Path | None = None
) -> list[Example]:
    from linter.packs.grammar.common import data_dir
    from linter.packs.grammar.confusion_model import Bigrams

    pairs_model = Bigrams(data_dir() / "bigrams.tsv") if pairs else None
    texts = [("EWT", "\n\n".join(ewt_sentences(folder)))]
    for book, name in BOOKS.items():
        texts.append((book, book_text(mirror, book, name)))
    data: list[Example] = []
    for label, prose in texts:
        found = examples(sentences_of(prose), pairs_model)
        print(f"{label}: {len(prose.split()):,} words, {len(found):,} examples", file=sys.stderr)
        data.extend(found)
    if modern:
        found = examples(modern_sentences(modern), pairs_model, MODERN_SKIP_SETS)
        print(f"modern: {len(found):,} examples", file=sys.stderr)
        data.extend(found)
    return data


CUTS = (0.03, 0.01, 0.003, 0.001, 0.0003, 0.0001)


def cross_validate(data: list[Example], folds: int, only: list[str]) -> None:
    """Per set and per word as written: accuracy, and at each threshold on the written
    word's probability (CUTS, then the shipped WRITTEN_MAX) the false flags per 1,000
    correct words and the synthetic slips (a rival written in the slot) flagged."""
    from linter.packs.grammar.slot_model import RIVAL_MIN, SETS, WRITTEN_MAX

    for name, words in SETS.items():
        k = len(words)
        rows = [ex for ex in data if ex.name == name]
        if not rows or (only and name not in only):
            continue
        right, opened, n = 0, 0, len(rows)
        flagged: Counter = Counter()  # (written word, cut): correct words flagged
        caught: Counter = Counter()  # (written word, cut): swapped-in slips flagged
        correct: Counter = Counter(words[ex.label] for ex in rows)
        swapped: Counter = Counter()  # written word: slips made by writing it
        passes: Counter = Counter()  # (written word, gate): correct words the gate passes
        caught_at: Counter = Counter()  # (written word, gate): slips flagged, that gate
        for fold in range(folds):
            train_set = [ex for ex in rows if ex.fold % folds != fold]
            test_set = [ex for ex in rows if ex.fold % folds == fold]
            weights, beta = train(train_set, k)
            for ex in test_set:
                logits = [beta * s for s in ex.pairs]
                for f in ex.feats:
                    row = weights.get(f)
                    if row:
                        for c in range(k):
                            logits[c] += row[c]
                probs = softmax(logits)
                best = max(range(k), key=probs.__getitem__)
                right += best == ex.label
                gate = gate_open(weights.get, ex, k)
                margins = gate_margins(weights.get, ex, k)
                opened += gate[ex.label]
                sure = probs[best] >= RIVAL_MIN
                for g in GATES:
                    passes[words[ex.label], g] += margins[ex.label] >= g
                for c in range(k):
                    word = words[c]
                    if c != ex.label:
                        swapped[word] += 1
                        if sure and best != c and probs[c] <= WRITTEN_MAX[word]:
                            for g in GATES:
                                caught_at[word, g] += margins[c] >= g
                    if not (gate[c] and sure and best != c):
                        continue
                    for cut in (*CUTS, "shipped"):
                        at = WRITTEN_MAX[word] if cut == "shipped" else cut
                        if probs[c] <= at:
                            (flagged if c == ex.label else caught)[word, cut] += 1
        print(f"{name:9} examples {n:6}  accuracy {right / n:.3f}  gate passes {opened / n:.2f}")
        for word in words:
            cells = []
            for cut in (*CUTS, "shipped"):
                fa = 1000 * flagged[word, cut] / max(correct[word], 1)
                cells.append(f"{cut}: {fa:.2f} {caught[word, cut]}/{swapped[word]}")
            print(f"    {word:9} n={correct[word]:6}  " + "  ".join(cells))
            gates = [
                f"{g}: passes {passes[word, g] / max(correct[word], 1):.2f} "
                f"flags {caught_at[word, g]}"
                for g in GATES
            ]
            print(f"    {'':9} gate " + "  ".join(gates))


def write(data: list[Example], mirror: Path, modern: Path | None = None) -> None:
    from linter.packs.grammar.slot_model import SETS

    lines = [
        "# slot model: set<TAB>feature<TAB>weights x1000, one per reading (see "
        "bench/grammar_build_slot_model.py)",
        "# trained on UD English EWT train+dev (CC BY-SA 4.0) without CorrectForm sentences, "
        "and Project Gutenberg books via GITenberg (public domain): "
        + ", ".join(f"{b.split('+')[1]}@{c[:12]}" for b, c in commits(mirror).items()),
    ]
    if modern:
        digest = hashlib.md5(modern.read_bytes()).hexdigest()
        lines.append(
            f"# and the modern text {modern.name} (md5 {digest}; sources and licences in "
            "docs/grammar.md), less the lines of MODERN_SKIP"
        )
    for name, words in SETS.items():
        rows = [ex for ex in data if ex.name == name]
        weights, beta = train(rows, len(words))
        lines.append(f"{name}\t@pairs\t{round(max(beta, 0.0) * 1000)}")  # below 0: noise
        kept = 0
        for feature in sorted(weights):
            row = weights[feature]
            if max(abs(w) for w in row) < KEEP:
                continue
            if "\t" in feature or "\n" in feature:
                continue
            lines.append(f"{name}\t{feature}\t{' '.join(str(round(w * 1000)) for w in row)}")
            kept += 1
        print(f"{name}: {len(rows)} examples, {kept} features, pair weight {beta:.3f}")
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {OUT.stat().st_size:,} bytes")


def clean_check(folder: Path, mirror: Path) -> None:
    """How often the shipped model would flag a word of clean text it was not trained on:
    Middlemarch, EWT test (sentences without a CorrectForm), UD English PUD, the news
    articles of ../shared/data; per set and threshold."""
    from common import clean_files

    from linter.packs.grammar.common import data_dir
    from linter.packs.grammar.confusion_model import Bigrams
    from linter.packs.grammar.slot_model import RIVAL_MIN, SETS, WRITTEN_MAX, model

    pairs_model = Bigrams(data_dir() / "bigrams.tsv")
    ewt_test = []
    for block in (folder / "ewt-test.conllu").read_text("utf-8").split("\n\n"):
        if "CorrectForm=" not in block and "# text = " in block:
            ewt_test.append(block.split("# text = ", 1)[1].split("\n", 1)[0])
    pud = [
        line[9:]
        for line in (folder / "pud.conllu").read_text("utf-8").splitlines()
        if line.startswith("# text = ")
    ]
    news = "\n\n".join(p.read_text("utf-8") for p in clean_files())
    texts = {
        **{book.split("+")[1]: book_text(mirror, book, name) for book, name in HELD_OUT.items()},
        "EWT test": "\n\n".join(ewt_test),
        "PUD": "\n\n".join(pud),
        "news": news,
    }
    cuts: tuple = (0.01, 0.003, 0.001, 0.0003, "shipped")
    slot = model()
    for label, prose in texts.items():
        found = examples(sentences_of(prose), pairs_model)
        print(f"{label}: {len(prose.split()):,} words, {len(found):,} confusables")
        for name, words in SETS.items():
            flags = Counter()
            for ex in found:
                if ex.name != name:
                    continue
                probs = slot.probabilities(name, ex.feats, ex.pairs)
                best = max(range(len(words)), key=probs.__getitem__)
                gate = gate_open(partial(slot.row, name), ex, len(words))[ex.label]
                for cut in cuts:
                    at = WRITTEN_MAX[words[ex.label]] if cut == "shipped" else cut
                    if gate and probs[ex.label] <= at and probs[best] >= RIVAL_MIN:
                        flags[cut] += 1
                        if cut == "shipped":
                            print(f"    flag {words[ex.label]} -> {words[best]}: {ex.feats[1:6]}")
            print(f"  {name:6} " + "  ".join(f"{cut}: {flags[cut]}" for cut in cuts))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="folder with ewt-train/dev.conllu")
    parser.add_argument("mirror", type=Path, help="folder with the GITenberg mirrors")
    parser.add_argument("--cv", type=int, default=0, help="cross-validate on K folds")
    parser.add_argument("--sets", nargs="*", default=[], help="(--cv) only these sets")
    parser.add_argument("--modern", type=Path, help="also train on this modern text")
    parser.add_argument("--clean", action="store_true", help="count flags on clean text")
    parser.add_argument("--no-pairs", action="store_true", help="(to measure) no pair scores")
    parser.add_argument("--no-clauses", action="store_true", help="(to measure) no clauses")
    parser.add_argument("--cache", type=Path, help="keep the examples in this local file")
    args = parser.parse_args()
    global CLAUSES
    CLAUSES = not args.no_clauses
    from linter.packs.grammar.slot_model import CLAUSE_FAMILIES

    began = time.process_time()
    if args.clean:
        clean_check(args.folder, args.mirror)
        return
    if args.cache and args.cache.exists():
        with args.cache.open("rb") as f:
            data = pickle.load(f)
    else:
        data = build(args.folder, args.mirror, not args.no_pairs, args.modern)
        if args.cache:
            with args.cache.open("wb") as f:
                pickle.dump(data, f)
    if not CLAUSES:  # (to measure) the examples without the clause features
        data = [
            ex._replace(feats=[f for f in ex.feats if not f.startswith(CLAUSE_FAMILIES)])
            for ex in data
        ]
    if args.cv:
        cross_validate(data, args.cv, args.sets)
    else:
        write(data, args.mirror, args.modern)
    print(f"{time.process_time() - began:.0f} CPU-s", file=sys.stderr)


if __name__ == "__main__":
    main()
