"""Confusable slips made by people and fixed by people: a set built from public edit histories,
scored for copydesk's grammar pack and for Harper (harper-py) per family, on two fixed halves.

A slip is an edit where one real word was replaced by its sound-alike and nothing else on the
line changed ("in it's database" -> "in its database"). The families are the confusion sets of
``linter.packs.grammar.confusion_model.FAMILIES`` (decided in advance, never from the data).
Sources, each read from a local path given on the command line (nothing is copied into the
repository):

- a **GitHub Typo Corpus** file (github.com/mhagiwara/github-typo-corpus,
  ``github-typo-corpus.v1.0.0.jsonl[.gz]``): English edits of "fix typo" commits;
- a **git repository** (a public one, e.g. a fetched mirror): the same method the GitHub Typo
  Corpus used, applied to the repository's own history: every commit's one-word edits in
  prose files (``.md .asc .adoc .txt .rst .markdown .mediawiki``);
- a **CWEB** folder (github.com/SimonHFL/CWEB ``data/raw``): web sentences with two
  annotators' corrections (``*.source`` with ``*.ann1``/``*.ann2``).

Only English prose is kept: a whole sentence (capital first, end mark last), 5-60 words, at
least one in eight of them an English function word, no code or markup (backticks, braces,
angle brackets, ``=``, ``|``, URLs, identifiers such as ``foo_bar``, ``a.b`` or ``fooBar``).
A sentence is kept once (the first edit of it). The half (``dev``: rules are developed on it;
``held``: reported only) is an md5 of the sentence as written, as in grammar_learner.py.

Scoring (../shared/bench/README.md): a slip is caught by copydesk when an ``error`` finding of
the grammar pack overlaps the word; by Harper when a lint of its default set that is not a
spelling lint overlaps it. A false alarm is any grammar finding (any severity) on the
corrected sentence; Harper's non-spelling lints on it are counted beside.

    python bench/grammar_typo_set.py /work/.mirror/*/repo /tmp/cweb --save /tmp/typo-set-all.jsonl
    python bench/grammar_typo_set.py /tmp/typo-set-all.jsonl --split both   # the saved set
    python bench/grammar_typo_set.py SOURCES --split dev --misses 30
    python bench/grammar_typo_set.py SOURCES --list > /tmp/set.tsv   # the set, to read
    python bench/grammar_typo_set.py REPOS --max-commits 20000 \
        --exclude /tmp/typo-set-all.jsonl --save /tmp/typo-set-c.jsonl   # a new, independent set

A file named ``typo-set*.jsonl`` is a set saved with ``--save`` (a local cache: mining the
histories takes minutes); any other file is read as the GitHub Typo Corpus. The sources,
commits and licences of the measured set are in docs/grammar.md.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from grammar_learner import half

from linter.packs.grammar.confusion_model import FAMILIES, FAMILY_OF

TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
GIT_LOG = ("git",)
LOG_OPTIONS = ("-p", "-U0", "--no-merges", "--no-renames", "--format=@@@commit %H", "-G")
PROSE_FILES = ("*.md", "*.asc", "*.adoc", "*.txt", "*.rst", "*.markdown", "*.mediawiki")
FUNCTION_WORDS = frozenset(
    """the a an of to in and or is are was were be been it this that these those for on with
    as at by from not you we they he she i its their your our his her can will would should
    do does did has have had if but so than then there which who what when where how""".split()
)
MARKUP = re.compile(r"[`{}<>=|\\~^$@]|https?:|://|www\.|\w_\w|\w\.\w|[a-z][A-Z]|\.\.\.|\w\(")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’')]*\s+(?=[\"“(]?[A-Z])")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
# Markdown emphasis around words (*word*, **words**, _word_), not an identifier's underscore
EMPHASIS = re.compile(r"(?<![\w*])(\*\*|__|\*|_)(?=[^\s*_])([^*_`]+?)(?<=[^\s*_])\1(?![\w*])")
LEAD = re.compile(r"^\s*(?:[-*+>#]+|\d+[.)])\s+")

Slip = tuple[str, int, int, str, str, str, str]  # text, start, end, wrong, right, fixed, source


def family(word: str) -> str | None:
    """The confusion set a word belongs to, by its name ("its/it's")."""
    name = FAMILY_OF.get(word.lower().replace("’", "'"))
    return "/".join(sorted(FAMILIES[name])) if name else None


def _norm(token: str) -> str:
    return token.replace("’", "'")


def one_word_edit(before: str, after: str) -> tuple[int, int, str, str] | None:
    """(start, end, wrong, right) when ``after`` is ``before`` with one confusable replaced by
    another of its set and nothing else changed; otherwise None."""
    a, b = list(TOKEN.finditer(before)), list(TOKEN.finditer(after))
    if len(a) != len(b) or len(a) > 400:
        return None
    diff = [(x, y) for x, y in zip(a, b, strict=True) if _norm(x.group()) != _norm(y.group())]
    if len(diff) != 1:
        return None
    x, y = diff[0]
    wrong, right = x.group(), y.group()
    fam = family(wrong)
    if fam is None or fam != family(right) or _norm(wrong).lower() == _norm(right).lower():
        return None
    return x.start(), x.end(), wrong, right


def prose_sentence(line: str, start: int, end: int) -> tuple[str, int] | None:
    """The sentence of ``line`` holding [start, end) and the word's offset in it, when that
    sentence is plain English prose; otherwise None."""
    cut = 0
    for m in SENTENCE_END.finditer(line):
        if m.end() <= start:
            cut = m.end()
        else:
            break
    rest = SENTENCE_END.search(line, end)
    sentence = line[cut : rest.start() if rest else len(line)].rstrip()
    offset = start - cut
    lead = LEAD.match(sentence)
    if lead:
        if lead.end() > offset:
            return None
        sentence, offset = sentence[lead.end() :], offset - lead.end()
    if "*" in sentence or "_" in sentence or "[" in sentence or MARKUP.search(sentence):
        return None
    if not re.match(r"[\"“(]?[A-Z]", sentence) or not re.search(r"[.!?][\"”’')]*$", sentence):
        return None
    words = re.findall(r"[A-Za-z]+(?:['’][a-z]+)?", sentence)
    if not 5 <= len(words) <= 60 or len(words) < 0.7 * len(sentence.split()):
        return None
    if sum(w.lower() in FUNCTION_WORDS for w in words) * 8 < len(words):
        return None
    return sentence, offset


def slip_from_lines(before: str, after: str, source: str, context=None) -> Slip | None:
    """A slip from one edited line (or sentence), if it is one confusable and prose.
    ``context`` gives the paragraph around a hard-wrapped line: (lines before, lines after)."""
    before, after = before.strip(), after.strip()
    if "](" in before or "](" in after:
        before, after = LINK.sub(r"\1", before), LINK.sub(r"\1", after)
    if "*" in before or "_" in before:
        before, after = EMPHASIS.sub(r"\2", before), EMPHASIS.sub(r"\2", after)
    edit = one_word_edit(before, after)
    if edit is None:
        return None
    start, end, wrong, right = edit
    if context:
        head = " ".join(x.strip() for x in context[0])
        tail = " ".join(x.strip() for x in context[1])
        glue = len(head) + 1 if head else 0
        before = (head + " " if head else "") + before + (" " + tail if tail else "")
        start, end = start + glue, end + glue
    found = prose_sentence(before, start, end)
    if found is None:
        return None
    sentence, offset = found
    fixed = sentence[:offset] + right + sentence[offset + len(wrong) :]
    return sentence, offset, offset + len(wrong), wrong, right, fixed, source


def paragraph(lines: list[str], k: int) -> tuple[list[str], list[str]]:
    """The lines of ``k``'s paragraph before and after it (up to blank lines or markup)."""

    def prose(line: str) -> bool:
        s = line.strip()
        return bool(s) and not s.startswith(("#", "```", "|", "<", "=", "-", "*", ">", ".."))

    a = k
    while a > 0 and k - a < 8 and prose(lines[a - 1]):
        a -= 1
    b = k + 1
    while b < len(lines) and b - k < 8 and prose(lines[b]):
        b += 1
    return lines[a:k], lines[k + 1 : b]


def from_git(repo: Path, max_commits: int | None = None) -> Iterator[Slip]:
    """Slips from a repository's history: one-word edits of prose files, commit by commit
    (equal numbers of removed and added lines in a hunk are paired in order). A line that
    is part of a hard-wrapped paragraph is read with its paragraph (from the fixed file).
    ``max_commits`` keeps the newest that many commits touching a confusable in a prose file:
    a cap that makes a history of tens of thousands of commits take minutes, not an hour."""
    gitdir = repo / ".git" if (repo / ".git").exists() else repo
    name = repo.parent.name if repo.name == "repo" else repo.name
    words = "|".join(sorted({w.replace("'", ".") for w in FAMILY_OF if w != "to"}))
    proc = subprocess.run(
        [
            *GIT_LOG,
            "--git-dir",
            str(gitdir),
            "log",
            *LOG_OPTIONS,
            rf"\b({words})\b",
            *(("--max-count", str(max_commits)) if max_commits else ()),
            "--",
            *PROSE_FILES,
        ],
        capture_output=True,
        text=True,
        errors="replace",
        check=False,
    )
    if proc.returncode:
        sys.exit(f"{repo}: not a git repository ({proc.stderr.strip().splitlines()[0]})")
    state = {"commit": "", "path": "", "start": 0}
    minus: list[str] = []
    plus: list[str] = []

    def flush() -> Iterator[Slip]:
        if not minus or len(minus) != len(plus):
            return
        for j, (a, b) in enumerate(zip(minus, plus, strict=True)):
            if one_word_edit(a.strip(), b.strip()) is None:
                continue
            source = f"{name}@{state['commit'][:10]}"
            slip = slip_from_lines(a, b, source)
            if slip is None:
                shown = subprocess.run(
                    ["git", "--git-dir", str(gitdir), "show", f"{state['commit']}:{state['path']}"],
                    capture_output=True,
                    text=True,
                    errors="replace",
                    check=False,
                ).stdout.splitlines()
                k = state["start"] - 1 + j
                if 0 <= k < len(shown) and shown[k] == b:
                    slip = slip_from_lines(a, b, source, paragraph(shown, k))
            if slip:
                yield slip

    for line in proc.stdout.splitlines():
        if line.startswith(("@@@commit ", "@@ ", "diff --git")):
            yield from flush()
            minus, plus = [], []
            if line.startswith("@@@commit "):
                state["commit"] = line[10:]
            elif line.startswith("diff --git"):
                state["path"] = line.split(" b/", 1)[-1]
            else:
                m = re.match(r"@@ -\S+ \+(\d+)", line)
                state["start"] = int(m.group(1)) if m else 0
        elif line.startswith("-") and not line.startswith("---"):
            minus.append(line[1:])
        elif line.startswith("+") and not line.startswith("+++"):
            plus.append(line[1:])
    yield from flush()


def from_typo_corpus(path: Path) -> Iterator[Slip]:
    """Slips from the GitHub Typo Corpus JSONL: English edits (both sides ``eng``)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                sys.exit(f"{path}:{n}: not JSON ({exc.msg})")
            for edit in record.get("edits", []):
                src, tgt = edit.get("src", {}), edit.get("tgt", {})
                if src.get("lang") != "eng" or tgt.get("lang") != "eng":
                    continue
                source = f"gtc@{record.get('commit', '')[:10]}"
                slip = slip_from_lines(src.get("text", ""), tgt.get("text", ""), source)
                if slip:
                    yield slip


def from_cweb(folder: Path) -> Iterator[Slip]:
    """Slips from CWEB's raw files: a sentence and each annotator's correction of it. An
    annotator may fix other words of the sentence too; the corrected sentence is then the
    annotator's whole correction."""
    for source in sorted(folder.glob("*.source")):
        lines = source.read_text("utf-8").splitlines()
        for ann in ("ann1", "ann2"):
            fixed_path = source.with_suffix(f".{ann}")
            if not fixed_path.exists():
                continue
            fixes = fixed_path.read_text("utf-8").splitlines()
            for n, (a, b) in enumerate(zip(lines, fixes, strict=False)):
                for start, end, wrong, right in confusable_edits(a, b):
                    found = prose_sentence(a, start, end)
                    if found and found[0] == a.strip():
                        offset = found[1]
                        name = f"cweb:{source.stem}:{n + 1}"
                        yield a.strip(), offset, offset + len(wrong), wrong, right, b.strip(), name


def confusable_edits(before: str, after: str) -> list[tuple[int, int, str, str]]:
    """Every one-token replacement of a confusable by its rival, among other edits."""
    a, b = list(TOKEN.finditer(before)), list(TOKEN.finditer(after))
    matcher = difflib.SequenceMatcher(
        a=[_norm(x.group()).lower() for x in a], b=[_norm(y.group()).lower() for y in b]
    )
    out = []
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "replace" and a2 - a1 == 1 and b2 - b1 == 1:
            wrong, right = a[a1].group(), b[b1].group()
            if family(wrong) and family(wrong) == family(right):
                out.append((a[a1].start(), a[a1].end(), wrong, right))
    return out


def read_saved(path: Path) -> Iterator[Slip]:
    """The slips of a set saved with ``--save`` (one JSON list a line)."""
    if not path.is_file():
        sys.exit(f"{path}: no such file")
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        try:
            slip = json.loads(line)
        except json.JSONDecodeError as exc:
            sys.exit(f"{path}:{n}: not JSON ({exc.msg})")
        if not isinstance(slip, list) or len(slip) != 7:
            sys.exit(f"{path}:{n}: not a saved slip (a list of seven fields)")
        yield tuple(slip)


def build(
    paths: list[Path], max_commits: int | None = None, exclude: Sequence[Path] = ()
) -> list[Slip]:
    """The set: each source's slips, a sentence kept once (``max_commits``: see from_git).
    A sentence of a saved set in ``exclude`` is left out, so that a new set is independent
    of the sets rules were developed on."""
    seen: set[str] = {slip[0] for saved in exclude for slip in read_saved(saved)}
    out: list[Slip] = []
    for path in paths:
        if not path.exists():
            sys.exit(f"{path}: no such file or folder")
        if path.suffix == ".jsonl" and path.name.startswith("typo-set"):
            slips = read_saved(path)
        elif path.is_file():
            slips = from_typo_corpus(path)
        elif any(path.glob("*.source")):
            slips = from_cweb(path)
        else:
            slips = from_git(path, max_commits)
        for slip in slips:
            if slip[0] not in seen:
                seen.add(slip[0])
                out.append(slip)
    return out


def score(slips: list[Slip], label: str, engine, harper, show: int) -> None:
    """Recall per family (copydesk errors, Harper lints) and false alarms on the fixes."""
    total, caught, caught_h = Counter(), Counter(), Counter()
    alarms, alarm_errors, alarms_h, misses = 0, 0, 0, []
    for text, start, end, wrong, right, fixed, source in slips:
        fam = family(wrong) or "?"
        total[fam] += 1
        found = [f for f in engine.lint_text(text, "s.md") if _overlaps(f, start, end, text)]
        hit = any(f.severity == "error" for f in found)
        caught[fam] += hit
        if not hit:
            misses.append((wrong, right, text, source))
        on_fixed = engine.lint_text(fixed, "s.md")
        alarms += bool(on_fixed)
        alarm_errors += any(f.severity == "error" for f in on_fixed)
        if harper is not None:
            lints = [x for x in harper.lint(text) if x.lint_kind != "Spelling"]
            caught_h[fam] += any(x.span.start < end and start < x.span.end for x in lints)
            alarms_h += any(x.lint_kind != "Spelling" for x in harper.lint(fixed))
    n = len(slips) or 1
    print(f"\n{label}: {len(slips)} slips")
    print(f"{'family':34} {'slips':>5} {'copydesk':>9} {'harper':>7}")
    for fam, count in sorted(total.items(), key=lambda kv: (-kv[1], kv[0])):
        h = f"{caught_h[fam]:>3}/{count:<3}" if harper else "    -  "
        print(f"{fam:34} {count:5} {caught[fam]:>4}/{count:<4} {h}")
    all_h = f"{sum(caught_h.values()) / n:7.2f}" if harper else "      -"
    print(f"{'all':34} {len(slips):5} {sum(caught.values()) / n:9.2f} {all_h}")
    print(
        f"false alarms on the {len(slips)} corrected sentences: copydesk grammar findings "
        f"{alarms} (errors {alarm_errors})" + (f"; harper lints {alarms_h}" if harper else "")
    )
    for wrong, right, text, source in misses[:show]:
        print(f"MISS {wrong} -> {right} | {text[:150]} [{source}]")


def _overlaps(finding, start: int, end: int, text: str) -> bool:
    if finding.line != 1:
        return False
    s = finding.column - 1
    e = finding.end_column - 1 if finding.end_line == 1 else len(text)
    return s < end and start < e


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sources", type=Path, nargs="+")
    parser.add_argument("--split", choices=("dev", "held", "both", "all"), default="both")
    parser.add_argument("--misses", type=int, default=0, help="print misses (dev half only)")
    parser.add_argument("--alarms", type=int, default=0, help="print false alarms (dev half)")
    parser.add_argument("--no-harper", action="store_true")
    parser.add_argument("--list", action="store_true", help="print the set as TSV and stop")
    parser.add_argument(
        "--exclude",
        type=Path,
        action="append",
        default=[],
        metavar="SET",
        help="leave out the sentences of this saved set (repeatable)",
    )
    parser.add_argument(
        "--max-commits",
        type=int,
        metavar="N",
        help="read at most the newest N commits of a history that touch a confusable",
    )
    parser.add_argument(
        "--save",
        type=Path,
        help="also write the set here (JSON lines, a local cache; not data to commit)",
    )
    args = parser.parse_args()
    if args.max_commits is not None and args.max_commits < 1:
        parser.error("--max-commits: give a number of commits, 1 or more")
    slips = build(args.sources, args.max_commits, args.exclude)
    if args.save:
        args.save.write_text("".join(json.dumps(s) + "\n" for s in slips), "utf-8")
    if args.list:
        for text, start, _end, wrong, right, _fixed, source in slips:
            print(f"{half(text)}\t{source}\t{wrong}\t{right}\t{start}\t{text}")
        return

    from linter.runner import Engine
    from linter.settings import Settings

    engine = Engine(Settings(select=["GRAM"]))
    harper = None
    if not args.no_harper:
        import harper as harper_mod

        harper = harper_mod.Linter(harper_mod.Dialect.AMERICAN)  # its default lints
    halves = ("dev", "held", "all") if args.split == "both" else (args.split,)
    for which in halves:
        kept = [s for s in slips if which == "all" or half(s[0]) == which]
        show = args.misses if which == "dev" else 0
        score(kept, which, engine, harper, show)
        if args.alarms and which == "dev":
            for _t, _s, _e, _w, _r, fixed, source in kept:
                for f in engine.lint_text(fixed, "s.md")[:1]:
                    print(f"FA {f.rule} {f.severity} col {f.column} | {fixed[:150]} [{source}]")


if __name__ == "__main__":
    main()
