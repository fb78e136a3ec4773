"""The facts pack measured on clean news text (../shared/data).

1. Garbled names: names the clean articles mention at least twice get one later mention
   garbled (words swapped, a middle word dropped, a middle word pushed across a full stop, a
   letter wrong); recall is the share of garbles FACT001 reports at the garbled span.
2. False alarms: every FACT finding on the clean text, per 1,000 words.
3. Own cases (``--seeds``): a later mention of a person's surname garbled by a letter
   changed, transposed, dropped or doubled, and an institution's "of" dropped; recall for each
   seed's cases, and any new finding elsewhere in the copies.
4. Titles and weekdays on dated articles: every title FACT002 checks on the article's own
   date must pass; the same articles re-dated past the end of the holder's term must be
   flagged (stale-title recall); every weekday-date pair is checked against the calendar.

    python bench/facts_bench.py            # summary
    python bench/facts_bench.py --show 20  # and the first misses and false alarms
    python bench/facts_bench.py --seeds 7,8  # own surname cases made with other seeds
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import time
from collections import Counter, defaultdict

from common import clean_files, everyday_word, word_count

NAME_RE = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+)+\b")
HEAD_NOUNS_HINT = "school university party committee department council center centre"


# The facts rules on by default (FACT008, renamed entities, is opt-in; a prefix would select it).
DEFAULT_FACTS = [
    "FACT001",
    "FACT002",
    "FACT003",
    "FACT004",
    "FACT005",
    "FACT006",
    "FACT007",
    "FACT009",
]


def strip_front(name: str) -> str | None:
    """A name without leading titles and sentence words ("The", "Professor"); None when
    fewer than two words are left."""
    from linter.packs.facts.docnames import TITLE_WORDS
    from linter.packs.facts.name_mentions import FUNCTION_WORDS

    words = name.split()
    while words and (words[0] in TITLE_WORDS or words[0].lower() in FUNCTION_WORDS):
        words.pop(0)
    return " ".join(words) if len(words) >= 2 else None


def engine(select: list[str], date: dt.date | None = None):
    from linter.runner import Engine
    from linter.settings import Settings

    return Engine(Settings(select=select, date=date))


def garbles(name: str, rng: random.Random) -> list[tuple[str, str, str]]:
    """(kind, garbled text, what replaces the mention) for one name."""
    words = name.split()
    out = []
    swapped = [words[1], words[0], *words[2:]]
    out.append(("swap", " ".join(swapped)))
    if len(words) >= 3:
        i = rng.randrange(1, len(words) - 1)
        out.append(("drop", " ".join(words[:i] + words[i + 1 :])))
        out.append(("push", " ".join(words[:i] + words[i + 1 :]) + ". " + words[i]))
    long_i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[long_i]
    if len(w) >= 5:
        j = rng.randrange(1, len(w) - 2)
        if rng.random() < 0.5:
            new = w[:j] + w[j + 1] + w[j] + w[j + 2 :]  # two letters swapped
        else:
            letter = "e" if w[j] != "e" else "a"
            new = w[:j] + letter + w[j + 1 :]  # one letter wrong
        if new != w:
            out.append(("misspell", " ".join([*words[:long_i], new, *words[long_i + 1 :]])))
    return [(k, g, name) for k, g in out]


def recall(files, show: int) -> None:
    rng = random.Random(5)
    eng = engine(["FACT001"])
    hits, totals, misses = Counter(), Counter(), []
    by_kind_class = defaultdict(Counter)
    extra_alarms = 0
    for path in files:
        text = path.read_text("utf-8")
        counts = Counter(n for n in map(strip_front, NAME_RE.findall(text)) if n)
        base = {(f.line, f.column) for f in eng.lint_text(text, str(path))}
        for name, n in sorted(counts.items()):
            if n < 2:
                continue
            last = text.rfind(name)
            if (
                text[last - 1 : last].isalpha()
                or text[last + len(name) : last + len(name) + 1].isalpha()
            ):
                continue
            cls = "org/place" if name.split()[-1].lower() in HEAD_NOUNS_HINT else "other"
            for kind, garbled, _ in garbles(name, rng):
                variant = text[:last] + garbled + text[last + len(name) :]
                findings = eng.lint_text(variant, str(path))
                totals[kind] += 1
                by_kind_class[kind][cls + " total"] += 1
                ok = any(f.start < last + len(garbled) and f.end > last for f in findings)
                others = [
                    f for f in findings if not (f.start < last + len(garbled) and f.end > last)
                ]
                extra_alarms += len([f for f in others if (f.line, f.column) not in base])
                if ok:
                    hits[kind] += 1
                    by_kind_class[kind][cls + " found"] += 1
                else:
                    misses.append(f"{path.name}: {kind}: {name!r} -> {garbled!r}")
    all_hits, all_total = sum(hits.values()), sum(totals.values())
    print(f"garbled names: {all_hits}/{all_total} found, recall {all_hits / max(all_total, 1):.3f}")
    for kind in ("swap", "drop", "push", "misspell"):
        c = by_kind_class[kind]
        print(
            f"  {kind:<9} {hits[kind]:>4}/{totals[kind]:<4} recall {hits[kind] / max(totals[kind], 1):.3f}"
            f"   (org/place names {c['org/place found']}/{c['org/place total']},"
            f" other names {c['other found']}/{c['other total']})"
        )
    print(f"  new findings elsewhere in the garbled copies: {extra_alarms}")
    for line in misses[:show]:
        print("  miss:", line)


SURNAME_KINDS = ("letter", "transpose", "drop", "double")
PERSON_RE = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{4,})\b")
OF_RE = re.compile(r"\b([A-Z][a-z]+) of ([A-Z][a-z]+)\b")


def letter_garble(word: str, kind: str, rng: random.Random) -> str:
    """``word`` with one slip of ``kind`` after its first letter (a typist's slips)."""
    j = rng.randrange(1, len(word) - 1)
    if kind == "transpose" and word[j] != word[j + 1]:
        return word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    if kind == "drop":
        return word[:j] + word[j + 1 :]
    if kind == "double":
        return word[: j + 1] + word[j] + word[j + 1 :]
    letters = "aeiou" if word[j] in "aeiou" else "bcdfghklmnprstvz"
    return word[:j] + rng.choice([c for c in letters if c != word[j]]) + word[j + 1 :]


def own_cases(files, seed: int) -> list[tuple[str, str, str, int, int, str, str]]:
    """Cases written from the clean articles with ``seed``: a later mention of a person's
    surname ("Perdue" after "David Perdue", given names from the census list) garbled by a
    letter changed, two letters transposed, a letter dropped or doubled; and an institution's
    "of" dropped in a later mention ("Church Scientology"). (kind, file, text, start, end,
    garbled words, right words)."""
    from linter.packs.facts.given_names import given_names

    given = given_names() or set()
    rng = random.Random(seed)
    out = []
    for path in files:
        text = path.read_text("utf-8")
        done: set[str] = set()
        for m in PERSON_RE.finditer(text):
            first, last = m[1], m[2]
            if first.lower() not in given or last in done or last.lower() in given:
                continue
            if everyday_word(last):
                continue  # "Gary Image": not a surname
            later = [x for x in re.finditer(rf"\b{last}\b", text) if x.start() > m.end()]
            if not later:
                continue
            done.add(last)
            target = later[rng.randrange(len(later))]
            kind = rng.choice(SURNAME_KINDS)
            wrong = letter_garble(last, kind, rng)
            if wrong == last:
                continue
            copy = text[: target.start()] + wrong + text[target.end() :]
            out.append(
                (kind, path.name, copy, target.start(), target.start() + len(wrong), wrong, last)
            )
        for m in OF_RE.finditer(text):
            name = m.group()
            later = [x for x in re.finditer(re.escape(name), text) if x.start() > m.end()]
            if not later or m[1].lower() in given or name in done:
                continue
            done.add(name)
            target = later[rng.randrange(len(later))]
            wrong = f"{m[1]} {m[2]}"
            copy = text[: target.start()] + wrong + text[target.end() :]
            out.append(
                (
                    "of-dropped",
                    path.name,
                    copy,
                    target.start(),
                    target.start() + len(wrong),
                    wrong,
                    name,
                )
            )
    return out


def own(files, seeds: list[int], show: int) -> None:
    """Recall on ``own_cases`` for each seed, and new findings elsewhere in the copies."""
    eng = engine(["FACT001"])
    base = {
        p.name: {(f.start, f.end) for f in eng.lint_text(p.read_text("utf-8"), str(p))}
        for p in files
    }
    hits, totals, extra, misses, alarms = Counter(), Counter(), 0, [], []
    for seed in seeds:
        for kind, name, text, start, end, wrong, right in own_cases(files, seed):
            findings = eng.lint_text(text, name)
            totals[kind] += 1
            if any(f.start < end and f.end > start for f in findings):
                hits[kind] += 1
            else:
                misses.append(f"{name}: seed {seed}: {kind}: {wrong!r}")
            shift = len(wrong) - len(right)  # findings after the garble moved by this
            new = [
                f
                for f in findings
                if not (f.start < end and f.end > start)
                and (
                    f.start if f.start < start else f.start - shift,
                    f.end if f.start < start else f.end - shift,
                )
                not in base[name]
            ]
            extra += len(new)
            alarms += [f"{name}: seed {seed}: {f.message[:120]}" for f in new]
    total = sum(totals.values())
    print(
        f"own cases (seeds {','.join(map(str, seeds))}): {sum(hits.values())}/{total} found, "
        f"recall {sum(hits.values()) / max(total, 1):.3f}"
    )
    for kind in (*SURNAME_KINDS, "of-dropped"):
        print(f"  {kind:<10} {hits[kind]:>4}/{totals[kind]:<4}")
    print(f"  new findings elsewhere in the copies: {extra}")
    for line in misses[:show]:
        print("  miss:", line)
    for line in alarms[:show]:
        print("  new finding:", line)


def false_alarms(files, show: int) -> None:
    eng = engine(DEFAULT_FACTS)
    words = word_count(files)
    findings = []
    for path in files:
        findings.extend((path, f) for f in eng.lint_text(path.read_text("utf-8"), str(path)))
    errors = [(p, f) for p, f in findings if f.severity in ("error", "warning")]
    print(
        f"clean text: {len(files)} files, {words:,} words; FACT findings {len(errors)}, "
        f"{1000 * len(errors) / words:.3f} per 1,000 words"
    )
    for p, f in errors[:show]:
        print(f"  {p.name}:{f.line}:{f.column} {f.rule} {f.message[:150]}")


def dated_articles(files):
    """(path, text, document, date) of each article whose date comes from its dateline."""
    from linter.article_date import resolve_with_source
    from linter.formats import build_document

    for path in files:
        text = path.read_text("utf-8")
        doc = build_document(str(path), text)
        day, source = resolve_with_source(doc)
        if source == "dateline":
            yield path, text, doc, day


def titles(files, show: int) -> None:
    eng = engine(["FACT002", "FACT003"])
    rule = next(r for r in eng.rules if r.id == "FACT002")
    dated = checked = stale_total = stale_found = weekday_pairs = 0
    wrong = []
    from linter.packs.facts.dates import WEEKDAY_DATE_RES

    for path, text, doc, day in dated_articles(files):
        dated += 1
        weekday_pairs += sum(len(list(p.finditer(doc.prose))) for p in WEEKDAY_DATE_RES)
        for f in eng.lint_text(text, str(path)):
            wrong.append(f"{path.name}:{f.line}:{f.column} {f.rule} {f.message[:140]}")
        # every title with a known holder: correct on the article's date; stale after the term
        for m in rule.title_re.finditer(doc.prose):
            from linter.packs.facts.stale_titles import NAME_RE as TNAME

            name = TNAME.match(doc.prose, m.end())
            if not name or m.group()[0].islower():
                continue
            holders = rule.knowledge.holders(m.group(), tuple(name.group(1).split()))
            current = [h for _, h in holders if h.holds(day)]
            if not current:
                continue
            checked += 1
            holder = current[0]
            ends = [t.end for t in holder.terms if t.end and t.covers(day)]
            if not ends:
                continue
            later = ends[0] + dt.timedelta(days=400)
            if holder.holds(later):
                continue
            stale_total += 1
            redated = engine(["FACT002"], later).lint_text(text, str(path))
            if any(f.start <= m.start() < f.end for f in redated):
                stale_found += 1
            else:
                wrong.append(
                    f"{path.name}: stale title missed on {later}: {m.group()} {name.group(1)}"
                )
    print(
        f"dated articles (dateline): {dated}; titles of known holders checked: {checked}; "
        f"weekday-date pairs: {weekday_pairs}"
    )
    print(
        f"  findings on the articles' own dates (should be 0): {len([w for w in wrong if 'missed' not in w])}"
    )
    print(
        f"  same titles re-dated 400 days after the term ended: {stale_found}/{stale_total} flagged"
    )
    for line in wrong[:show]:
        print("  ", line)


def weekdays(files, show: int) -> None:
    """Every weekday-date pair of the data, checked as written and with the weekday moved
    on by one day (a slip every pair must reveal)."""
    from linter.packs.facts.dates import WEEKDAY_DATE_RES, WEEKDAYS

    eng = engine(["FACT003"])
    pairs = found = clean = 0
    for path in files:
        text = path.read_text("utf-8")
        clean += len(eng.lint_text(text, str(path)))
        for pattern in WEEKDAY_DATE_RES:
            for m in pattern.finditer(text):
                if not m["year"]:
                    continue
                pairs += 1
                wrong = WEEKDAYS[(WEEKDAYS.index(m["wd"]) + 1) % 7]
                variant = text[: m.start("wd")] + wrong + text[m.end("wd") :]
                hits = eng.lint_text(variant, str(path))
                found += any(f.start == m.start("wd") for f in hits)
    print(
        f"weekday-date pairs with a year: {pairs}; flagged as written: {clean}; "
        f"weekday shifted by one day: {found}/{pairs} flagged"
    )


def future_years(files, show: int) -> None:
    """In dated articles, every past year "in 2009" in a sentence FACT005 would read as past
    (a past-tense verb, no word of plans) moved three years past the article's date."""
    from linter.packs.facts.dates import FUTURE_MARKERS, IN_YEAR_RE, PAST_SUFFIX_RE, PAST_VERBS

    eng = engine(["FACT005"])
    total = found = eligible_skipped = 0
    for path, text, doc, day in dated_articles(files):
        for s, e in doc.sentences:
            sentence = doc.prose[s:e]
            for m in IN_YEAR_RE.finditer(sentence):
                if int(m[1]) > day.year:
                    continue
                words = {w.lower() for w in re.findall(r"[A-Za-z']+", sentence)}
                past = words & PAST_VERBS or PAST_SUFFIX_RE.search(sentence)
                if not past or FUTURE_MARKERS.search(sentence):
                    eligible_skipped += 1
                    continue
                total += 1
                at = s + m.start(1)
                variant = text[:at] + str(day.year + 3) + text[at + 4 :]
                found += any(f.start == at for f in eng.lint_text(variant, str(path)))
    everything = total + eligible_skipped
    print(
        f"past 'in YEAR' moved 3 years past the article's date: {found}/{everything} flagged "
        f"(recall {found / max(everything, 1):.2f}; {eligible_skipped} sit in sentences with "
        "a word of plans or schedules, or without a past-tense verb the rule knows)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0)
    parser.add_argument(
        "--seeds",
        default="1,2,3",
        help="seeds of the own surname and 'of' cases (comma separated; 'none' to skip)",
    )
    args = parser.parse_args()
    files = clean_files()
    t = time.perf_counter()
    if args.seeds != "none":
        own(files, [int(x) for x in args.seeds.split(",")], args.show)
    recall(files, args.show)
    false_alarms(files, args.show)
    titles(files, args.show)
    weekdays(files, args.show)
    future_years(files, args.show)
    print(f"bench time {time.perf_counter() - t:.1f} s")


if __name__ == "__main__":
    main()
