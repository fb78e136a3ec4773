"""Recall on real grammar slips made by people, and false alarms on clean edited news, for
copydesk's grammar pack and for Harper (harper-py), on the same sentences.

Slips (set a), each a sentence as written with one word a corrector changed:
- JFLEG dev (github.com/keisks/jfleg, CC BY-NC-SA 4.0): learner essays with four fluent
  corrections each; a one-word change that at least two correctors made is a slip;
- UD English EWT dev+test (github.com/UniversalDependencies/UD_English-EWT, CC BY-SA 4.0):
  web text whose annotators marked slips with ``CorrectForm=`` (these sentences are left
  out of the tagger's training data, see bench/grammar_build_language.py).
Each slip gets a family: ``confusable`` (a sound-alike pair from the list below, fixed in
advance from the issue, never from the data), ``agreement`` (a change of number where the
word it agrees with is beside it, or an article dropped before a plural), ``verb-form`` (a
verb's form right after an auxiliary: went/gone, a modal's infinitive). Other changes are
not measured. Clean sentences (set b): the published articles of ../shared/data and the
1,000 sentences of UD English PUD (news and Wikipedia, CC BY-SA 3.0).

A slip is caught when a finding of the grammar pack (any severity; ``error`` only in the
second column) or a Harper lint that is not a spelling lint overlaps its word.

    python bench/grammar_learner.py /tmp/gram/data          # folder with the fetched files
    python bench/grammar_learner.py /tmp/gram/data --misses 20
    python bench/grammar_learner.py /tmp/gram/data --split dev    # or held, or both

``--split`` keeps one fixed half of the slips, chosen by a hash of the sentence (``dev``:
the half rules are developed against; ``held``: the held-out half, for reporting only);
``both`` prints each half and the whole. Clean-text false alarms are measured either way.
``--development`` reads other slips, built the same way, to develop rules on: JFLEG test
(jfleg.test.src, jfleg.test.ref0-3) and EWT train (ewt-train.conllu; the tagger was trained
on it, so the tags there are a little better than on new text). Its recall is a
development figure, not the measure.

The folder holds jfleg.dev.src, jfleg.dev.ref0-3 (jfleg's dev/dev.src, dev/dev.ref0-3),
ewt-dev.conllu and ewt-test.conllu (EWT's en_ewt-ud-dev/test.conllu) and pud.conllu
(UD_English-PUD's en_pud-ud-test.conllu), fetched from GitHub. The data is read from there
and never copied into the repository.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import clean_files

# Sound-alike sets (the list and the classic ones editors meet).
CONFUSABLE_SETS = [
    {"its", "it's"}, {"their", "there", "they're"}, {"your", "you're"}, {"whose", "who's"},
    {"than", "then"}, {"were", "where", "we're"}, {"lose", "loose"}, {"affect", "effect"},
    {"affects", "effects"}, {"lead", "led"}, {"past", "passed"}, {"principal", "principle"},
    {"advice", "advise"}, {"whether", "weather"}, {"to", "too", "two"}, {"breath", "breathe"},
    {"quite", "quiet"}, {"border", "boarder"}, {"compliment", "complement"},
    {"accept", "except"}, {"device", "devise"}, {"belief", "believe"}, {"proof", "prove"},
]  # fmt: skip
AGREEMENT_PAIRS = {
    frozenset(p) for p in (("is", "are"), ("was", "were"), ("has", "have"), ("does", "do"),
                           ("doesn't", "don't"), ("isn't", "aren't"), ("wasn't", "weren't"))
}  # fmt: skip


def family(wrong: str, right: str) -> str | None:
    """The slip's family, or None when it is none of those measured."""
    from linter.language import forms

    w, r = wrong.lower().replace("’", "'"), right.lower().replace("’", "'")
    if w == r:
        return None
    if any(w in s and r in s for s in CONFUSABLE_SETS):
        return "confusable"
    if frozenset((w, r)) in AGREEMENT_PAIRS:
        return "agreement"
    if r in (w + "s", w + "es") or w in (r + "s", r + "es"):
        return "number"  # agreement if the word it agrees with is next to it (see ``context``)
    if (w.endswith("ies") and r == w[:-3] + "y") or (r.endswith("ies") and w == r[:-3] + "y"):
        return "number"
    bw, br = forms.base(w) or w, forms.base(r) or r
    for a, b in ((w, r), (r, w)):
        if forms.irregular_past_only(a) and b == forms.participle(forms.irregular_past_only(a)):
            return "verb-form"
    same_verb = bw == br or forms.base(w) == r or forms.base(r) == w
    if same_verb and w.isalpha() and r.isalpha():
        return "verb-form"
    if w.rstrip("d").rstrip("e") == r.rstrip("d").rstrip("e") and (
        w.endswith("ed") or r.endswith("ed")
    ):
        return "verb-form"
    return None


COUNTERS = frozenset(
    """a an one this that these those each every several many few both various numerous two
    three four five six seven eight nine ten dozens hundreds thousands millions""".split()
)
PLURAL_SUBJECTS = frozenset("they we you i these those".split())
SINGULAR_SUBJECTS = frozenset("he she it this that".split())


def in_context(fam: str | None, toks: list[str], k: int) -> str | None:
    """A change of number is an agreement slip only when the word it agrees with is
    beside it: a counter before a noun ("several reason", "three year"), a subject
    before a verb ("he like", "the patients shows"). Other changes of number (a writer's
    choice of "car" or "cars") are not measured."""
    if fam == "verb-form":
        return fam if _after_auxiliary(toks, k) else None
    if fam != "number":
        return fam
    from linter.language import candidates

    prev = toks[k - 1].lower() if k else ""
    word = toks[k].lower()
    if prev in COUNTERS or (prev.isdigit() and prev != "1"):
        return "agreement"
    cands = candidates(word)
    verbish = cands.get("VBZ", 0) + cands.get("VBP", 0) + cands.get("VB", 0) >= 0.5
    if verbish and (
        prev in PLURAL_SUBJECTS | SINGULAR_SUBJECTS
        or candidates(prev).get("NNS", 0) >= 0.5
        or candidates(prev).get("NN", 0) >= 0.5
    ):
        return "agreement"
    return None


AUXILIARIES = frozenset(
    """have has had having will would can could shall should may might must do does did
    don't doesn't didn't won't wouldn't can't cannot couldn't shouldn't to be is are was were
    been being am""".split()
)
ADVERBS = frozenset("not never even just already also still ever really only".split())


def _after_auxiliary(toks: list[str], k: int) -> bool:
    """A verb form is governed by the auxiliary before it ("has went", "will goes",
    "didn't fought", "is generate by"); other changes of tense are a writer's choice of
    time, not a form the grammar settles, and are not measured."""
    j = k - 1
    while j >= 0 and toks[j].lower() in ADVERBS:
        j -= 1
    return j >= 0 and toks[j].lower() in AUXILIARIES


def detok(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text from tokens and each token's span in it (spaces dropped before punctuation)."""
    text, spans = "", []
    for tok in tokens:
        glue = not text or (
            tok in ",.?!;:)" or tok in ("n't", "'s", "'re", "'ve", "'m", "'ll", "'d")
        )
        if not glue:
            text += " "
        spans.append((len(text), len(text) + len(tok)))
        text += tok
    return text, spans


def jfleg_slips(folder: Path, part: str = "dev") -> list[tuple[str, int, int, str, str, str]]:
    """(sentence, start, end, wrong, right, family) for JFLEG dev (or ``part``)."""
    src = (folder / f"jfleg.{part}.src").read_text("utf-8").splitlines()
    refs = [(folder / f"jfleg.{part}.ref{i}").read_text("utf-8").splitlines() for i in range(4)]
    out = []
    for n, line in enumerate(src):
        toks = line.split()
        edits: Counter = Counter()
        for ref in refs:
            rtoks = ref[n].split()
            sm = difflib.SequenceMatcher(a=[t.lower() for t in toks], b=[t.lower() for t in rtoks])
            for op, a1, a2, b1, b2 in sm.get_opcodes():
                if op == "replace" and a2 - a1 == 1 and b2 - b1 == 1:
                    edits[(a1, rtoks[b1])] += 1
                elif (
                    op == "delete"
                    and a2 - a1 == 1
                    and toks[a1].lower() in ("a", "an")
                    and a1 + 1 < len(toks)
                    and toks[a1 + 1].lower().endswith("s")
                ):
                    edits[(a1, "")] += 1  # "a officials": the article dropped
        text, spans = detok(toks)
        for (a1, right), votes in edits.items():
            if votes < 2:
                continue
            wrong = toks[a1]
            fam = "agreement" if right == "" else in_context(family(wrong, right), toks, a1)
            if fam:
                out.append((text, *spans[a1], wrong, right, fam))
    return out


def ewt_slips(
    folder: Path, names: tuple[str, ...] = ("ewt-dev.conllu", "ewt-test.conllu")
) -> list[tuple[str, int, int, str, str, str]]:
    """(sentence, start, end, wrong, right, family) from EWT's CorrectForm annotations."""
    out = []
    for name in names:
        text, pos, pending = "", 0, []
        for line in (folder / name).read_text("utf-8").splitlines():
            if line.startswith("# text = "):
                text, pos, pending = line[9:], 0, []
            elif not line:
                out.extend(pending)
            elif not line.startswith("#"):
                cols = line.split("\t")
                if "." in cols[0]:
                    continue
                form = cols[1]
                at = text.find(form, pos)
                if at < 0:
                    continue
                # a contraction's parts follow inside its surface token
                pos_next = at if "-" in cols[0] else at + len(form)
                m = re.search(r"CorrectForm=([^|]+)", cols[9])
                if m:
                    right = m.group(1)
                    words = text[:at].split()
                    fam = in_context(family(form, right), [*words, form], len(words))
                    if fam:
                        pending.append((text, at, at + len(form), form, right, fam))
                pos = pos_next
    return out


def confusion_set(wrong: str, right: str) -> str:
    """The confusion set a confusable slip belongs to, named by its words ("its/it's")."""
    w, r = wrong.lower().replace("’", "'"), right.lower().replace("’", "'")
    found = next((s for s in CONFUSABLE_SETS if w in s and r in s), {w, r})
    return "/".join(sorted(found))


def half(sentence: str) -> str:
    """The fixed half a slip's sentence falls in: ``dev`` or ``held`` (md5, first byte)."""
    return "dev" if hashlib.md5(sentence.encode("utf-8")).digest()[0] % 2 == 0 else "held"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--misses", type=int, default=0)
    parser.add_argument("--alarms", type=int, default=0)
    parser.add_argument("--no-harper", action="store_true")
    parser.add_argument("--split", choices=("all", "dev", "held", "both"), default="all")
    parser.add_argument("--no-clean", action="store_true", help="skip the clean-text count")
    parser.add_argument(
        "--development",
        action="store_true",
        help="JFLEG test and EWT train instead: slips to develop rules on, never reported as recall",
    )
    args = parser.parse_args()

    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings(select=["GRAM"]))
    harper = None
    if not args.no_harper:
        import harper as harper_mod

        harper = harper_mod.Linter(harper_mod.Dialect.AMERICAN)  # its default lints

    if args.development:
        slips = jfleg_slips(args.folder, "test") + ewt_slips(args.folder, ("ewt-train.conllu",))
    else:
        slips = jfleg_slips(args.folder) + ewt_slips(args.folder)
    halves = ("dev", "held", "all") if args.split == "both" else (args.split,)
    for which in halves:
        kept = [s for s in slips if which == "all" or half(s[0]) == which]
        source = "JFLEG test and EWT train" if args.development else "JFLEG dev and EWT CorrectForm"
        recall(engine, harper, kept, f"{which}, {source}", args.misses if which != "held" else 0)
    if not args.no_clean:
        clean(engine, harper, args.alarms, args.folder)


def recall(engine, harper, slips, which: str, show: int) -> None:
    """Recall per family on ``slips``; the first ``show`` misses printed."""
    total, caught, caught_err, caught_h = Counter(), Counter(), Counter(), Counter()
    misses = []
    by_set, caught_set = Counter(), Counter()
    for text, start, end, wrong, right, fam in slips:
        total[fam] += 1
        found = [f for f in engine.lint_text(text, "s.md") if _overlaps(f, text, start, end)]
        caught[fam] += bool(found)
        caught_err[fam] += any(f.severity == "error" for f in found)
        if fam == "confusable":
            name = confusion_set(wrong, right)
            by_set[name] += 1
            caught_set[name] += bool(found)
        if not found:
            misses.append((fam, wrong, right, text))
        if harper is not None:
            lints = [x for x in harper.lint(text) if x.lint_kind != "Spelling"]
            caught_h[fam] += any(lint.span.start < end and start < lint.span.end for lint in lints)
    print(f"slips ({which}): {len(slips)}")
    print(f"{'family':12} {'slips':>6} {'copydesk':>9} {'(error)':>8} {'harper':>7}")
    for fam in ("confusable", "agreement", "verb-form"):
        n = total[fam] or 1
        print(
            f"{fam:12} {total[fam]:6} {caught[fam] / n:9.2f} {caught_err[fam] / n:8.2f} "
            f"{caught_h[fam] / n if harper else float('nan'):7.2f}"
        )
    sets = ", ".join(f"{k} {caught_set[k]}/{v}" for k, v in sorted(by_set.items()))
    print(f"confusables by set (any severity): {sets}")
    for fam, wrong, right, text in misses[:show]:
        print(f"MISS {fam}: {wrong} -> {right} | {text[:140]}")


def clean(engine, harper, show: int, folder: Path) -> None:
    """False alarms on clean edited prose: the published articles of ../shared/data, and
    the 1,000 news and Wikipedia sentences of UD English PUD (folder/pud.conllu, from
    github.com/UniversalDependencies/UD_English-PUD, CC BY-SA 3.0) when present."""
    from linter.formats import build_document

    texts = [(p.name, p.read_text("utf-8")) for p in clean_files()]
    sets = [("news articles (../shared/data)", texts)]
    pud = folder / "pud.conllu"
    if pud.exists():
        lines = pud.read_text("utf-8").splitlines()
        sents = [line[9:] for line in lines if line.startswith("# text = ")]
        sets.append(("UD English PUD sentences", [(f"pud-{n}.md", t) for n, t in enumerate(sents)]))
    for label, items in sets:
        words = sum(len(WORD.findall(t)) for _, t in items)
        sentences = sum(len(build_document(name, t).sentences) for name, t in items)
        errors, findings, harper_lints = [], 0, 0
        t0 = time.perf_counter()
        for name, text in items:
            for f in engine.lint_text(text, name):
                findings += 1
                if f.severity == "error":
                    errors.append((name, f.line, f.column, f.rule, f.message, text))
            if harper is not None:
                harper_lints += sum(x.lint_kind != "Spelling" for x in harper.lint(text))
        per_k = 1000 / words
        print(
            f"clean {label}: {sentences} sentences, {words} words; copydesk grammar errors "
            f"{len(errors)} = {len(errors) * per_k:.3f}/1k words, all grammar findings "
            f"{findings * per_k:.3f}/1k"
            + (f"; harper lints (not spelling) {harper_lints * per_k:.2f}/1k" if harper else "")
            + f" ({time.perf_counter() - t0:.1f}s)"
        )
        for name, line, column, rule, message, text in errors[:show]:
            print(
                "FA",
                name,
                line,
                column,
                rule,
                message[:60],
                "|",
                text.splitlines()[line - 1][max(0, column - 60) : column + 40],
            )


WORD = re.compile(r"\w+(?:['’]\w+)*")


def _overlaps(finding, text: str, start: int, end: int) -> bool:
    if finding.line != 1:
        return False
    s = finding.column - 1
    e = finding.end_column - 1 if finding.end_line == 1 else len(text)
    return s < end and start < e


if __name__ == "__main__":
    main()
