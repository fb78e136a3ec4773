"""Build linter/language/data/model.tsv, the tagger's lexicon and tag transitions, from
Universal Dependencies English EWT (CC BY-SA 4.0), and measure the tagger.

EWT's surface tokens are kept as copydesk splits them: a contraction ("it's", "don't") is
one token whose tag joins its parts' tags ("PRP+VBZ"); words are lower-cased. The model
holds, for every word seen, its tag counts; for unknown words, tag counts by the last three
letters of rare words; and tag-pair counts (with sentence start and end).

    python bench/grammar_build_language.py /tmp/gram/data          # build from all splits
    python bench/grammar_build_language.py /tmp/gram/data --measure  # train+dev -> test

The folder holds, from github.com/UniversalDependencies/UD_English-EWT, either
src/*.conllu (the per-document files of not-to-release/sources) with files.train,
files.dev and files.test (not-to-release/file-lists), or en_ewt-ud-{train,dev,test}.conllu.
Sentences with an annotated slip (CorrectForm=) are left out (see read_conllu).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "linter" / "language" / "data" / "model.tsv"


def read_conllu(path: Path) -> list[list[tuple[str, str]]]:
    """Sentences as (surface token, tag) pairs, contractions joined."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    span_end, span_form, span_tags = 0, "", []
    slip = False  # a sentence with an annotated slip (CorrectForm=) is left out: those
    # sentences are the slips of bench/grammar_learner.py, and their tags follow the slip
    for line in path.read_text("utf-8").splitlines():
        if not line:
            if current and not slip:
                sentences.append(current)
            current, slip = [], False
            continue
        if "CorrectForm=" in line:
            slip = True
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        ident = cols[0]
        if "." in ident:
            continue  # empty nodes
        if "-" in ident:
            span_end, span_form, span_tags = int(ident.split("-")[1]), cols[1], []
            continue
        form, xpos = cols[1], cols[4]
        if span_end and int(ident) <= span_end:
            span_tags.append(xpos)
            if int(ident) == span_end:
                current.append((span_form, "+".join(span_tags)))
                span_end = 0
            continue
        current.append((form, xpos))
    if current and not slip:
        sentences.append(current)
    return sentences


PUNCT_TAGS = {"-": "HYPH", ".": ".", "/": ",", "&": "CC", "'": "''", ",": ","}


def normalise(sentences):
    """Lower-case words, straight apostrophes, and whether each was capitalised inside the
    sentence (the tagger reads that at run time); tokens the runtime splits ("U.S.",
    "e-mail") are split the same way, the words keeping the token's tag."""
    from linter.language.tokens import split_token

    out = []
    for sent in sentences:
        toks = []
        for n, (form, tag) in enumerate(sent):
            cap = n > 0 and form[:1].isupper()
            for part in split_token(form):
                if part[:1].isalnum() or part[:1] == "_":
                    toks.append((part, tag, cap))
                else:
                    toks.append(
                        (
                            part,
                            PUNCT_TAGS.get(part, "SYM") if len(split_token(form)) > 1 else tag,
                            False,
                        )
                    )
        out.append(toks)
    return out


def open_class_lexicon(size: int = 40_000) -> dict[str, set[str]]:
    """The tags each of the ``size`` commonest English words can take as a noun, verb,
    adjective or adverb, from lemminflect's lexicon (MIT; derived from the NIH SPECIALIST
    Lexicon), for words the treebank sample never shows. Needs lemminflect and wordfreq
    (build time only)."""
    import lemminflect as li
    from wordfreq import top_n_list

    out: dict[str, set[str]] = {}
    for word in top_n_list("en", size):
        if not word.isalpha():
            continue
        tags: set[str] = set()
        for upos, lemmas in li.getAllLemmas(word).items():
            for lemma in lemmas:
                for xpos, forms in li.getAllInflections(lemma, upos).items():
                    if word in forms:
                        tags.add(xpos)
        if "VBD" in tags and word.endswith("ed"):
            tags.add("VBN")  # regular past forms are participles too
        if tags:
            out[word] = tags
    return out


def add_lexicon(words, suffixes, lexicon: dict[str, set[str]], weight: float = 2.0) -> None:
    """Give each lexicon word ``weight`` pseudo-counts over its tags, shared out by how
    often words with its ending take each tag (rare words of the treebank)."""
    for word, tags in lexicon.items():
        known = words.get(word)
        if known and sum(known.values()) >= 5:
            continue
        row = suffixes.get(word[-3:]) or suffixes.get(word[-2:]) or {}
        shares = {t: row.get(t, 0) + 0.5 for t in tags}
        total = sum(shares.values())
        for tag, share in shares.items():
            words[word][tag] += weight * share / total


def train(sentences) -> tuple[dict, dict, dict]:
    words: dict[str, Counter] = defaultdict(Counter)
    trans: Counter = Counter()
    for sent in sentences:
        prev = "<s>"
        for word, tag, _ in sent:
            words[word][tag] += 1
            trans[(prev, tag)] += 1
            prev = tag
        trans[(prev, "</s>")] += 1
    suffixes: dict[str, Counter] = defaultdict(Counter)
    for word, tags in words.items():
        if sum(tags.values()) <= 2 and word.isalpha():
            for tag, n in tags.items():
                suffixes[word[-3:]][tag] += n
                suffixes[word[-2:]][tag] += n
                suffixes[word[-1:]][tag] += n
    return words, trans, suffixes


def write(path: Path, words, trans, suffixes, source: str) -> None:
    lines = [f"# tagger model built by bench/grammar_build_language.py from {source}"]
    lines.append("# licence of the source data: CC BY-SA 4.0 (Universal Dependencies English EWT)")
    for word in sorted(words):
        tags = " ".join(f"{t}:{_num(n)}" for t, n in words[word].most_common())
        lines.append(f"w\t{word}\t{tags}")
    for suffix in sorted(suffixes):
        tags = " ".join(f"{t}:{n}" for t, n in suffixes[suffix].most_common())
        lines.append(f"s\t{suffix}\t{tags}")
    for (a, b), n in sorted(trans.items()):
        lines.append(f"t\t{a}\t{b}\t{n}")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _num(n: float) -> str:
    return str(n) if isinstance(n, int) or n == int(n) else f"{n:.2f}"


def measure(folder: Path, lexicon: dict[str, set[str]] | None) -> None:
    from linter.language.tagger import Tagger

    train_set = split_sentences(folder, "train") + split_sentences(folder, "dev")
    test_set = split_sentences(folder, "test")
    words, trans, suffixes = train(train_set)
    known = set(words)
    if lexicon:
        add_lexicon(words, suffixes, lexicon)
    tmp = Path("/tmp/copydesk-model.tsv")
    write(tmp, words, trans, suffixes, "measurement")
    tagger = Tagger.load(tmp)
    right = base = total = unknown = unknown_right = 0
    t0 = time.perf_counter()
    for sent in test_set:
        tags = tagger.tag([w for w, _, _ in sent], [c for _, _, c in sent])
        for (w, gold, _), got in zip(sent, tags, strict=True):
            total += 1
            right += got == gold
            base += tagger.most_likely(w) == gold
            if w not in known:
                unknown += 1
                unknown_right += got == gold
    secs = time.perf_counter() - t0
    print(
        f"train+dev ({sum(map(len, train_set))} tokens) -> test ({total} tokens): "
        f"HMM accuracy {right / total:.3f}, most-frequent-tag {base / total:.3f}, "
        f"unknown words {unknown_right / max(unknown, 1):.3f} of {unknown}; "
        f"{total / secs:,.0f} tokens/s"
    )


def split_sentences(folder: Path, split: str) -> list:
    """The sentences of one EWT split: from the per-document files of
    ``not-to-release/sources`` (folder/src, listed in folder/files.<split>) when present,
    since a mirror may lack the large train file; else from en_ewt-ud-<split>.conllu."""
    listing = folder / f"files.{split}"
    if listing.exists() and (folder / "src").is_dir():
        out = []
        for name in listing.read_text("utf-8").split():
            out.extend(normalise(read_conllu(folder / "src" / Path(name).name)))
        return out
    for name in (f"en_ewt-ud-{split}.conllu", f"ewt-{split}.conllu"):
        if (folder / name).exists():
            return normalise(read_conllu(folder / name))
    if split == "train":
        return []
    raise SystemExit(f"{folder}: no EWT {split} data")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--measure", action="store_true")
    parser.add_argument("--source", default="UD_English-EWT 2.x (train, dev, test)")
    parser.add_argument("--no-lexicon", action="store_true", help="treebank words only")
    args = parser.parse_args()
    lexicon = None if args.no_lexicon else open_class_lexicon()
    if args.measure:
        measure(args.folder, lexicon)
        return
    sents = [
        *split_sentences(args.folder, "train"),
        *split_sentences(args.folder, "dev"),
        *split_sentences(args.folder, "test"),
    ]
    words, trans, suffixes = train(sents)
    if lexicon:
        add_lexicon(words, suffixes, lexicon)
    write(OUT, words, trans, suffixes, args.source)
    print(f"{OUT}: {len(words)} words, {sum(len(s) for s in sents)} tokens")


if __name__ == "__main__":
    main()
