"""The spelling pack on realistic copy: each finding as (rule, line, column), names left alone,
vocabularies, dialects, fixes and bad configuration."""

from __future__ import annotations

import pytest
from conftest import positions

DRAFT = """\
Mayor annouces new budget

Friday, March 3, 2023

The mayor said the budget was miniscule and that the city would recieve more next year.
Officials in Herat and Congressman Cresent Hardy welcomed it; @kevinbacon posted #IONIQ6 and
https://example.com/recieve-the-budget, mail budget@recieve.org for details.
The InfoWars host, the IONIQ6 and 5km of road were mentioned on the 20th anniversery.
“Los funcionarios pueden ayudar a la comunidad,” dijo la alcaldesa.
It was a goverment decision, the mayor said, and “it was definately fair”.
Teh council met at the centre. The Brazillian delegation doesn’t agree.
"""


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, "utf-8")
    return path


def test_known_misspellings_and_names(draft, run_json):
    code, report, _ = run_json("--select", "SPELL", str(draft))
    assert code == 1
    assert positions(report["findings"]) == [
        ("SPELL002", 1, 7),  # annouces, in the headline
        ("SPELL002", 5, 31),  # miniscule
        ("SPELL002", 5, 65),  # recieve (not the ones in the URL and the e-mail address)
        ("SPELL002", 8, 74),  # anniversery (not IONIQ6, InfoWars, 5km, 20th)
        ("SPELL002", 10, 10),  # goverment
        ("SPELL002", 10, 58),  # definately, inside a quotation
        ("SPELL002", 11, 1),  # Teh, capitalised only for opening the sentence
        ("SPELL005", 11, 24),  # centre: British spelling in en-US copy (info)
        ("SPELL002", 11, 36),  # Brazillian: its correction is a proper word
    ]
    first = report["findings"][1]
    assert first["message"] == "'miniscule' is misspelled: write 'minuscule'."
    assert first["severity"] == "error" and first["suggestions"] == ["minuscule"]
    assert (first["end_line"], first["end_column"]) == (5, 40)
    teh = report["findings"][6]
    assert teh["suggestions"] == ["The"]
    quoted = report["findings"][5]
    assert quoted["message"].endswith("(in a quotation)")


def test_fix_applies_single_corrections(draft, run_cli):
    run_cli("check", "--fix", "--select", "SPELL002", str(draft))
    text = draft.read_text("utf-8")
    assert "minuscule and that the city would receive more" in text
    assert "The council met" in text and "The Brazilian delegation" in text
    assert "https://example.com/recieve-the-budget" in text  # URLs untouched
    assert "Herat" in text and "Cresent Hardy" in text


UNKNOWN = """\
She chose the hastag and posted it on the annivresary of the flood.
Dozens of podcasterz attended the goverrnment briefing.
The studymate and the nongroup plan, said Ms. Xochitl Ngata, were fine.
"""


def test_unknown_words_are_errors_and_words_made_by_rule_are_quiet(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text(UNKNOWN, "utf-8")
    _, report, _ = run_json("--select", "SPELL", str(path))
    found = [(f["rule"], f["line"], f["column"], f["severity"]) for f in report["findings"]]
    assert found == [
        ("SPELL001", 1, 15, "error"),  # hastag -> hashtag
        ("SPELL001", 1, 43, "error"),  # annivresary -> anniversary
        ("SPELL004", 2, 11, "error"),  # podcasterz: no common word one slip away, still wrong
        ("SPELL001", 2, 35, "error"),  # goverrnment -> government
        # studymate (two common words run together), nongroup (non- + group): made by rule
    ]
    hastag = report["findings"][0]
    assert hastag["message"] == "'hastag' is not a word: write 'hashtag'."
    assert hastag["suggestions"] == ["hashtag"] and hastag["fix"] == "hashtag"
    podcasterz = report["findings"][2]
    assert podcasterz.get("fix") is None


def test_several_candidates_give_no_fix(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text("The seach went on.\n", "utf-8")  # search, each, reach, teach, beach
    _, report, _ = run_json("--select", "SPELL", str(path))
    [finding] = report["findings"]
    assert finding["rule"] == "SPELL002" and len(finding["suggestions"]) > 1
    assert finding.get("fix") is None


def test_codespell_list_can_be_switched_off(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text("The effect was miniscule, and teh rest recieved.\n", "utf-8")
    (tmp_path / ".copydesk.toml").write_text("[spelling]\ncodespell = false\n")
    _, report, _ = run_json("--select", "SPELL", str(path))
    # without codespell's list the dictionary check still catches all three, as SPELL001
    assert positions(report["findings"]) == [
        ("SPELL001", 1, 16),
        ("SPELL001", 1, 31),
        ("SPELL001", 1, 40),
    ]
    assert report["findings"][1]["message"] == "'teh' is not a word: write 'the'."


def test_vocabulary_accept_and_reject_are_case_aware(tmp_path, run_json):
    (tmp_path / "accept.txt").write_text("# house words\nhastag\nIoniqq\n", "utf-8")
    (tmp_path / "reject.txt").write_text("alright\nWorldwide\n", "utf-8")
    (tmp_path / ".copydesk.toml").write_text(
        '[vocabulary]\naccept = ["accept.txt"]\nreject = ["reject.txt"]\n'
    )
    path = tmp_path / "a.txt"
    path.write_text(
        "The hastag and the Hastag were alright, Alright.\n"
        "The hastags spread worldwide and Worldwide.\n"
        "The ioniqq is not the Ioniqq.\n",
        "utf-8",
    )
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert positions(report["findings"]) == [
        ("SPELL003", 1, 32),  # alright: a lower-case entry rejects any capitalisation
        ("SPELL003", 1, 41),  # Alright
        ("SPELL001", 2, 5),  # hastags: accepting "hastag" never hides a longer word
        ("SPELL003", 2, 34),  # Worldwide: an entry with a capital matches only as written
        ("SPELL004", 3, 5),  # ioniqq: "Ioniqq" accepts only that spelling
    ]


def test_front_matter_vocabulary(tmp_path, run_json):
    path = tmp_path / "a.md"
    path.write_text(
        "---\nvocabulary:\n  accept: [hastag]\n  reject: [alright]\n---\nThe hastag was alright.\n",
        "utf-8",
    )
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert positions(report["findings"]) == [("SPELL003", 6, 16)]


def test_dialect_en_gb(tmp_path, run_json):
    (tmp_path / ".copydesk.toml").write_text('dialect = "en-GB"\n')
    path = tmp_path / "a.txt"
    path.write_text("The color of the centre, the colour of the center.\n", "utf-8")
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert [(f["rule"], f["column"], f["suggestions"]) for f in report["findings"]] == [
        ("SPELL005", 5, ["colour"]),
        ("SPELL005", 44, ["centre"]),
    ]


def test_positions_with_crlf_and_curly_apostrophes(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_bytes("Musk’s “friend” didn’t recieve it.\r\nIt’s miniscule.\r\n".encode())
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert positions(report["findings"]) == [("SPELL002", 1, 24), ("SPELL002", 2, 6)]


@pytest.mark.parametrize(
    "config, expected",
    [
        ("[spelling]\nwords = 1\n", "key 'spelling.words' is unknown"),
        ("[spelling]\naccept = 'x'\n", "key 'spelling.accept' must be a list of words"),
        ("[spelling]\ncodespell = 'no'\n", "key 'spelling.codespell' must be true or false"),
        ('[vocabulary]\naccept = ["missing.txt"]\n', "vocabulary file not found"),
    ],
)
def test_bad_spelling_config_is_one_line_exit_2(tmp_path, run_cli, config, expected):
    (tmp_path / ".copydesk.toml").write_text(config)
    (tmp_path / "a.txt").write_text("Fine text.\n")
    code, _, err = run_cli("check", "--select", "SPELL", "a.txt")
    assert code == 2
    assert expected in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_sentence_opening_typos_but_not_names(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text(
        "Budget news\n\n"
        "Annivresary plans were set. Dean Kamen spoke. Kamen agreed. Xochitl said so.\n"
        "Goverrnment officials met. Leyland said it was fine.\n",
        "utf-8",
    )
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert [(f["rule"], f["line"], f["column"], f["suggestions"]) for f in report["findings"]] == [
        ("SPELL001", 3, 1, ["Anniversary"]),
        ("SPELL001", 4, 1, ["Government"]),
    ]


POSITIONAL = """\
Budget talks resume

Friday, March 3. Mr. Hardy spoke at 9 a.m. Officials agreed; Kamen did not — Leyland left.
“Alright,” said Xochitl. ‘Quoted’ words: Enver and Herat. (Brackets) end here. U.S. Navy
ships sailed. What next? “Nobody knows.” Then Dean Kamen said: “Go.” "Straight" talk.
- Listed item
  * Nested Item
12. Numbered Item
3) Other Item
Line end
Next line

New paragraph...   Spaced out! “And” more.) Yes. e.g. This. J. Tennant came. No. 5 won.
"""


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_positional_capitals_match_the_sentence_split(fmt):
    """``Positions`` answers for one word at a time what ``positional_starts`` works out
    from the whole draft's sentences and quotations."""
    from linter.formats import build_document
    from linter.packs.spelling.tokens import TOKEN_RE, Positions, positional_starts

    doc = build_document(f"a.{fmt}", POSITIONAL, None, None)
    full, one = positional_starts(doc), Positions(doc)
    starts = [m.start() for m in TOKEN_RE.finditer(doc.prose)]
    assert [s for s in starts if s in full] == [s for s in starts if s in one]
    assert len([s for s in starts if s in full]) > 20


@pytest.mark.parametrize("name", ["musk-hyundai-ad.md", "musk-hyundai-ad.txt"])
def test_positional_capitals_match_the_sentence_split_on_the_seeds(name):
    """The same on whole articles (headline, datelines, quotations, names mid-sentence)."""
    from pathlib import Path

    from linter.formats import build_document
    from linter.packs.spelling.tokens import TOKEN_RE, Positions, positional_starts

    path = Path(__file__).parent.parent / "seeds" / name
    doc = build_document(str(path), path.read_text("utf-8"), None, None)
    full, one = positional_starts(doc), Positions(doc)
    starts = [m.start() for m in TOKEN_RE.finditer(doc.prose)]
    assert [s for s in starts if s in full] == [s for s in starts if s in one]
    assert len([s for s in starts if s in full]) > 20


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_sentence_of_a_word_matches_the_sentence_split(fmt):
    """``sentence_around`` finds, from the sentence ends next to a word, the span of
    ``doc.sentences`` that holds it."""
    from linter.formats import build_document
    from linter.packs.spelling.tokens import TOKEN_RE, sentence_around

    doc = build_document(f"a.{fmt}", POSITIONAL, None, None)
    for m in TOKEN_RE.finditer(doc.prose):
        s, e = m.span()
        held = [span for span in doc.sentences if span[0] < e and span[1] > s]
        assert [sentence_around(doc, s, e)] == held, doc.prose[s:e]


def test_per_word_memos_are_bounded_and_forgetting_loses_nothing(monkeypatch):
    """An archive's vocabulary must not grow the memos without end; starting afresh only
    costs time."""
    from linter.packs.spelling import context as spelling_context
    from linter.runner import Engine
    from linter.settings import Settings

    drafts = [
        "Storm hits coast\n\nThe annivresary of the flood, Zorblax said, was miniscule.\n",
        "Council vote\n\nThe hastag spread fast; the councillors met on Friday.\n",
    ] * 2
    engine = Engine(Settings(select=["SPELL"]))
    unbounded = [[(f.rule, f.line, f.column) for f in engine.lint_text(t)] for t in drafts]
    monkeypatch.setattr(spelling_context, "MEMO_LIMIT", 5)
    bounded = [[(f.rule, f.line, f.column) for f in engine.lint_text(t)] for t in drafts]
    assert bounded == unbounded
    assert ("SPELL001", 3, 5) in unbounded[0]
    ctx = spelling_context.context(engine.settings)
    assert "hastag" in ctx._verdicts  # the last draft's words are remembered ...
    assert "annivresary" not in ctx._verdicts  # ... the earlier draft's were forgotten


def test_dialect_swap_prefilter_misses_no_pattern():
    """``dialect_variant`` tries the swap patterns only where their joined form matches:
    wherever it does not, no pattern would change the word."""
    from linter.language.lexicon import lexicon
    from linter.packs.spelling.context import _any_dialect_swap, _dialect_swaps

    lex = lexicon("en-US")
    words = [w for lst in lex.lists for n in (4, 6, 8, 10) for w in lst.words(n)[::7]]
    words += "colour travelled worshipper iodisation catalogue defence paediatric".split()
    joined = _any_dialect_swap()
    for word in words:
        changes = any(p.sub(r, word) != word for p, r in _dialect_swaps())
        assert changes == (joined.search(word) is not None), word


def test_codespell_lookup_finds_every_listed_word():
    """``KnownMisspellings`` looks a word up near the sampled keys that bracket it: every
    key in lower case is found with its corrections, anything else is not listed."""
    from linter.language.lexicon import _corrections, known_misspellings

    known = known_misspellings()
    for line in known.text.splitlines():
        key, sep, data = line.partition("->")
        if not sep:
            continue
        expected = _corrections(data) if key == key.lower() else None
        assert known.lookup(key) == expected, key
        if key == key.lower():
            for other in (key + "q", "q" + key, key[:-1] + "'"):
                assert known.lookup(other) is None or other in known.text, other


def test_codespell_lookup_at_the_edges_of_the_list():
    from linter.language.lexicon import KnownMisspellings

    known = KnownMisspellings("abc->abd\nteh->the\nzzz->buzz, fizz,\n")
    assert known.lookup("abc") == ("abd",)
    assert known.lookup("zzz") == ("buzz", "fizz")
    assert known.lookup("teh") == ("the",)
    assert known.lookup("Teh") is None and known.lookup("te") is None
    assert KnownMisspellings("").lookup("teh") is None


def test_word_index_is_the_same_before_and_after_splitting():
    from linter.language.lexicon import WordList, lexicon

    for lst in lexicon("en-US").lists:
        words = [w for n in lst.groups for w in lst.words(n)[::5]]
        probes = words + [w + "z" for w in words[::9]] + [w[:-1] for w in words[::9]]
        fresh = WordList(lst.path)  # nothing split yet: bisects the text in place
        assert [fresh.index(w) for w in probes] == [lst.index(w) for w in probes]


def test_edits1_is_every_string_one_slip_away():
    from linter.packs.spelling.suggest import LETTERS, edits1

    for word in ("annivresary", "hastag", "a", "ab", "gov't", ""):
        splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
        expected = {
            *(a + b[1:] for a, b in splits if b),
            *(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1),
            *(a + c + b[1:] for a, b in splits if b for c in LETTERS),
            *(a + c + b for a, b in splits for c in LETTERS),
        }
        assert edits1(word) == expected, word


def _fresh_context(hashed: bool):
    from linter.language.lexicon import Lexicon
    from linter.packs.spelling.context import SpellingContext
    from linter.settings import Settings

    ctx = SpellingContext(Settings())
    ctx.lexicon = Lexicon("en-US")  # not shared: hashed or not as asked
    if hashed:
        ctx.lexicon.lower_words()
    return ctx


def test_classify_with_the_hashed_lists_matches_the_general_path():
    """New ASCII words of letters are classified against the hashed lists at once; the
    general path (stems, each list asked in turn) must agree on every kind of word."""
    from linter.packs.spelling.tokens import is_title

    slow, fast = _fresh_context(False), _fresh_context(True)
    lex = fast.lexicon
    words = [w for lst in lex.lists for n in range(1, 13) for w in lst.words(n)[::61]]
    words += [w for n in range(1, 13) for w in lex.other.words(n)[::7]]
    words += [w[:-1] + "q" for w in words[::3]] + [w[1:] + w[0] for w in words[::5]]
    words += [w.title() for w in words[::2]] + [w.upper() for w in words[::17]]
    words += "colour Colour iodisation Iodisation Teh teh recieve Recieve Herat Zorq".split()
    words = [w for w in dict.fromkeys(words) if w.isalpha() and w.isascii()]
    assert len(words) > 4000
    for word in words:
        lower = word.islower()
        general = slow._classify_any(word, lower) if lower or is_title(word) else 0
        assert fast._classify_letters(word, *lex.hashed()) == general, word
        assert fast._classify(word) == slow._classify(word), word


def test_candidates_with_the_hashed_lists_match_the_general_path():
    from pathlib import Path

    from linter.formats import build_document

    root = Path(__file__).resolve().parent.parent
    paths = [*sorted((root / "seeds").glob("*.*")), *sorted((root / "tests").rglob("*.md"))]
    texts = [p.read_text("utf-8") for p in paths if p.suffix in (".md", ".txt")]
    texts.append(DRAFT + "It cost 500 dollars in 2023 (GUM_news_1 and year's 3rd IDD).\n")
    slow, fast = _fresh_context(False), _fresh_context(True)
    assert len(texts) > 3
    for text in texts * 2:  # the second time from the memos
        words = build_document("draft.md", text).word_set
        expected = slow.candidates(words, slow.vocabulary)
        assert fast.candidates(words, fast.vocabulary) == expected
        assert fast._boring == slow._boring
        assert fast.suspicious(words) == slow.suspicious(words)
        assert fast._plain_words == slow._plain_words
