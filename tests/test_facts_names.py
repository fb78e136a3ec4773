"""FACT001 garbled names: fixture text with the expected (rule, line, column)."""

from __future__ import annotations

import pytest

from linter.runner import lint_text


def found(text: str, rule: str = "FACT001") -> list[tuple[str, int, int]]:
    return [(f.rule, f.line, f.column) for f in lint_text(text, "draft.txt", select=[rule])]


HEAD = "Headline for the draft\n\n"


def test_word_pushed_across_full_stop_against_knowledge():
    text = HEAD + "He lied about the shooting at Sandy Elementary School. Hook in 2012.\n"
    findings = lint_text(text, "draft.txt", select=["FACT001"])
    assert [(f.rule, f.line, f.column) for f in findings] == [("FACT001", 3, 31)]
    f = findings[0]
    assert text[f.start : f.end] == "Sandy Elementary School. Hook"
    assert f.fix == "Sandy Hook Elementary School"
    assert "Sandy Hook Elementary School" in f.message and "knowledge" in f.message


def test_middle_word_dropped_against_earlier_mention():
    text = HEAD + "Pupils of Oak Ridge Valley School sang.\nLater, Oak Valley School closed.\n"
    assert found(text) == [("FACT001", 4, 8)]


def test_dropping_first_name_or_middle_name_is_normal():
    text = (
        HEAD
        + "Joe Biden spoke. Biden left. George Walker Bush waved, and George Bush smiled.\n"
        + "Sandy Hook Elementary School reopened; Hook Elementary School and Elementary School "
        + "staff cheered.\n"
    )
    assert found(text) == []


def test_words_swapped():
    text = HEAD + "The Democratic Party met on Monday.\nThe Party Democratic voted.\n"
    assert found(text) == [("FACT001", 4, 5)]


def test_letter_wrong_against_gazetteer_and_earlier_mention():
    text = (
        HEAD
        + "She flew to New Zealend last week.\n"
        + "Marta Kowalczyk arrived, and later Marta Kowalzcyk spoke.\n"
    )
    assert found(text) == [("FACT001", 3, 13), ("FACT001", 4, 36)]


def test_surname_spelled_two_ways():
    text = HEAD + "Nick Fuentes was banned.\nA day later Fuentez was back, and Fuentes spoke.\n"
    findings = lint_text(text, "draft.txt", select=["FACT001"])
    assert [(f.rule, f.line, f.column) for f in findings] == [("FACT001", 4, 13)]
    assert "Fuentes" in findings[0].message and "line 3" in findings[0].message


def test_known_names_hashtags_and_dialect_spellings_are_not_flagged():
    text = (
        HEAD
        + "The World Health Organisation and the World Health Organization agree.\n"
        + "Austria and Australia signed; #IONIQ6 trended after Hyundai Ioniq 6 ads.\n"
        + "Bank of America and the Bank of England met in New Zealand.\n"
    )
    assert found(text) == []


def test_inside_quotation_is_still_checked_and_named():
    text = HEAD + 'She said: "We went to New Zealend in May."\n'
    findings = lint_text(text, "draft.txt", select=["FACT001"])
    assert len(findings) == 1 and findings[0].message.endswith("(in a quotation)")


def test_names_do_not_run_across_lines_or_into_of_the():
    text = (
        HEAD
        + "Philosopher Noam Chomsky\n"
        + "Noam Chosmky is a professor. Matthew Ingram of The Globe and Mail wrote it.\n"
        + "Later Ingram Matthew of Reuters replied.\n"
    )
    assert found(text) == [("FACT001", 4, 1), ("FACT001", 5, 7)]


def test_org_middle_word_drop_but_not_a_persons_middle_name():
    text = HEAD + (
        "The Blue Collar Caucus met. Members of the Blue Caucus voted.\n"
        "Mary Ann Perdue spoke. Mary Perdue left, and Perdue smiled.\n"
    )
    assert found(text) == [("FACT001", 3, 44)]


def test_family_members_are_not_misspellings():
    text = HEAD + "Mark Smith and his wife, Mary Smith, spoke. Andrea Lopez met Andrew Lopez.\n"
    assert found(text) == []
    text = HEAD + "Maximilian Weber spoke; Maximillian Weber left.\n"
    assert found(text) == [("FACT001", 3, 25)]


# ---- the shortcuts of the speed work, against the definitions they stand for -----------
_SPLICES = [
    ". ",
    ".\n",
    "\n\n",
    '." ',
    "? ",
    " Mr. ",
    " U.S. ",
    " J. ",
    ".\u00a0",
    " The ",
    " of the ",
]
_NAMES = [
    "Foo",
    "The Hague",
    "Smith",
    "Bar Baz",
    "Oddly",
    "New York",
    "Joe Biden",
    "Sen. John Smith",
]


def _drafts(n: int = 300):
    import random

    rnd = random.Random(4)
    base = (
        "Headline Here\n\nPresident Joe Biden met Sen. John Smith in New York. Oddly, the "
        "Bank of America said so. U.S. Rep. Jane Doe of the House Committee spoke.\n\n"
        "\u201cThe Hague is far,\u201d said Dr. A. B. Jones. Members of the Blue Caucus left."
    )
    for _ in range(n):
        t = base
        for _ in range(rnd.randint(1, 8)):
            j = rnd.randrange(len(t) + 1)
            t = t[:j] + rnd.choice(_SPLICES) + rnd.choice(_NAMES) + t[j:]
        yield t


def test_sentence_starts_found_locally_match_the_sentence_split():
    from bisect import bisect_left, bisect_right

    from linter.formats import build_document
    from linter.packs.facts.docnames import doc_runs, sentence_starts
    from linter.packs.facts.starts import SentenceStarts

    for text in _drafts():
        doc = build_document("draft.txt", text)
        offsets, texts, _, _ = doc_runs(doc)
        local = SentenceStarts(doc)
        before_split = local.flags(offsets)  # asked place by place
        assert "sentences" not in doc.__dict__
        starts = sentence_starts(doc)
        ordered = sorted(starts)
        assert before_split == [o in starts for o in offsets]
        assert local.flags(offsets) == before_split  # read from the split, once made
        for s, t in zip(offsets, texts, strict=True):
            if ". " in t or ".\u00a0" in t:
                lo, hi = bisect_right(ordered, s), bisect_left(ordered, s + len(t))
                assert local.inside(s, t) == tuple(i - s for i in ordered[lo:hi])


def test_run_keys_hold_every_key_doc_names_finds():
    from linter.formats import build_document
    from linter.packs.facts.docnames import (
        MULTI,
        SINGLE,
        UNKNOWN,
        doc_keys,
        doc_runs,
        headline_splits_run,
        run_keys,
    )

    for text in _drafts():
        doc = build_document("draft.txt", text)
        found = run_keys(list(set(doc_runs(doc).texts)))
        if any(f[UNKNOWN] for f in found) or headline_splits_run(doc):
            continue
        every = set().union(*(set(f[MULTI]) | set(f[SINGLE]) for f in found))
        assert set(doc_keys(doc)) <= every


def test_runs_after_a_capital_inside_a_token_are_the_restarting_scans():
    """``run_texts`` takes the split's runs and searches again only after a capital inside
    a token ("non-Muslim", "3.Bar,Baz"): what it gives is what ``_scan``, restarting after
    each such token, finds over the whole text."""
    import random

    from linter.packs.facts import name_mentions as names

    rnd = random.Random(3)
    bits = [
        "non-",
        "Muslim",
        " ",
        "x",
        "3.",
        "Bar",
        ",",
        "Baz",
        "d'",
        "Ettorre",
        ".",
        "U.S.",
        "-",
        "’",
        "'",
        "of ",
        "the ",
        "A",
        "mini-",
        "MMPI",
        "\n",
        "St.",
        "_",
        "Jean-",
    ]
    for _ in range(5000):
        prose = "".join(rnd.choice(bits) for _ in range(rnd.randint(1, 16)))
        start = min(rnd.choice([0, 0, 1, 3]), len(prose))
        res = names._run_res(names._extra_capitals(prose[start:]))
        spans: list[tuple[int, int]] = []
        names._scan(prose, start, len(prose), res.found, res.at, spans)
        found = names.run_texts(prose, start)
        assert list(found.offsets) == [s for s, _ in spans], prose
        assert found.texts == [prose[s:e] for s, e in spans], prose


def _keys_by_every_reading(text: str) -> set[tuple[str, ...]]:
    """Every key of a run, read as ``_analyse`` reads it under each sentence start at it or
    after a full stop inside it (the plain definition ``_keys_of_run`` shortcuts)."""
    from itertools import combinations

    from linter.packs.facts import docnames
    from linter.packs.facts.name_mentions import FUNCTION_WORDS, TOKEN_RE, is_initial, run_mentions
    from linter.packs.facts.starts import DOT_SPACE_RE

    cuts = [m.end() for m in DOT_SPACE_RE.finditer(text)]
    token = TOKEN_RE.match(text)
    word = token.group() if token else ""
    if word.endswith(".") and not is_initial(word):
        word = word[:-1]
    # a sentence start at the run reads it again only when a function word there is dropped
    initials = (False,) if token and word.lower() not in FUNCTION_WORDS else (False, True)
    found = set()
    for initial in initials:
        for r in range(len(cuts) + 1):
            for inside in combinations(cuts, r):
                for m in run_mentions(text, initial, inside):
                    plain = docnames._names_of(m)
                    found.update(t[0] for t in plain)
                    if len(initials) == 1 and m.start == 0:
                        m = m._replace(sentence_initial=True)
                    found.update(t[0] for t in docnames._alone(m, plain))
    return found


@pytest.mark.slow
def test_keys_of_run_are_the_keys_of_every_reading():
    import random

    from linter.packs.facts import docnames

    rnd = random.Random(4)
    bits = (
        "The A Of of the de Mr. President J. U.S. Smith Smith's Jones. In Hundreds New York "
        "Bank America St. Co. And van Der O'Neil Ann-Marie X. Dr King Acts City Minister "
        "Sen. 2020 Inc. Élan Łódź A's The. Bob. Bob’s and über Ab. After Of. of. Members"
    ).split()
    for _ in range(20000):
        gaps = rnd.choice([" ", " \u00a0"])  # a space, or a space or a no-break space
        text = "".join(rnd.choice(bits) + rnd.choice(gaps) for _ in range(rnd.randint(1, 7)))
        text = text[:-1]
        if not text[0].isupper():
            continue
        keys = docnames._keys_of_run(text)
        if keys[docnames.UNKNOWN]:
            continue
        every = set(keys[docnames.MULTI]) | set(keys[docnames.SINGLE])
        assert every == _keys_by_every_reading(text), text


def test_plain_runs_read_as_the_token_scan_reads_them():
    """A run of plain words (``_PLAIN_RUN``) is read without the token regex: the same
    mentions as the token scan (forced by a sentence start past the run's end)."""
    import random

    from linter.packs.facts import docnames
    from linter.packs.facts import name_mentions as names

    rnd = random.Random(6)
    bits = "The A Of of the de and An Smith Smith's A's Bob’s Jones. Ab. I Is In After Members"
    bits = [*bits.split(), "New", "York", "Bank", "America", "van", "Der", "al", "y", "Y"]
    seen = 0
    for _ in range(20000):
        text = " ".join(rnd.choice(bits) for _ in range(rnd.randint(1, 6)))
        if names._PLAIN_RUN(text) is None:
            continue
        seen += 1
        for initial in (False, True):
            plain = names.run_mentions(text, initial, ())
            assert plain == names.run_mentions(text, initial, (len(text) + 1,)), text
            assert docnames._plain_words(text, initial) == [m.words for m in plain], text
    assert seen > 5000


def test_near_any_answers_as_near_spelling_on_every_word():
    """``nearwords.near_any`` (only the groups of one initial and a near length) says
    what asking ``near_spelling`` of every word of the set says, on fixture text and on
    garbles of its words (a letter changed, two for long words, inflections, capitals)."""
    import random
    import re
    from pathlib import Path

    from linter.packs.facts import nearwords
    from linter.packs.facts.name_mentions import near_spelling

    text = (Path(__file__).parent / "fixtures" / "style" / "draft-ap.txt").read_text("utf-8")
    words = sorted({w for w in re.findall(r"[A-Za-z]+", text) if len(w) >= 4})
    rnd = random.Random(5)
    garbles = []
    for w in words:
        v = list(w)
        for _ in range(rnd.randint(1, 3 if len(w) >= 8 else 2)):
            v[rnd.randrange(1, len(v))] = rnd.choice("aeinrst")
        garbles += ["".join(v), w + "s", w + "ian", w.upper(), w[:-1], w + "ed"]
    surnames = words[::3]
    by_bucket = nearwords.buckets(surnames)

    def plain(word: str) -> bool:
        return any(near_spelling(s, word) for s in surnames)

    probes = words + garbles
    answers = [nearwords.near_any(by_bucket, w) for w in probes]
    assert answers == [plain(w) for w in probes]
    assert 20 < sum(answers) < len(probes) - 20  # both answers are met many times
