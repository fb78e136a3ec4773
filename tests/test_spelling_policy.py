"""The spelling policy of issue 13: a lower-case word no lexicon knows is an error, once per
document with its count; names, handles, romanised given names and words English makes by
rule stay quiet; and the doubled-word rule spares "to to" before a verb and repeated names."""

from __future__ import annotations

import pytest
from conftest import positions

POLICY = """\
Council weighs budget

The behism plan was late, and the behism vote later; a third behism came at noon.
Mr. Chan Kwok-hung and Kim Ji-hoon met @kevinbacon of #Ioniq6 at https://example.com/xq.
The Formica fusca colony grew, Sarvis notex, and officials cited the podcasterz.
"""


@pytest.fixture
def policy_draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_text(POLICY, "utf-8")
    return path


def test_a_non_word_is_an_error_once_per_document_with_its_count(policy_draft, run_json):
    _, report, _ = run_json("--select", "SPELL", str(policy_draft))
    found = [(f["rule"], f["line"], f["column"], f["severity"]) for f in report["findings"]]
    assert found == [
        ("SPELL004", 3, 5, "error"),  # behism, three times: reported at the first
        ("SPELL001", 5, 39, "error"),  # notex -> notes: no species name after "Sarvis"
        ("SPELL004", 5, 70, "error"),  # podcasterz
    ]
    behism = report["findings"][0]
    assert behism["message"].endswith("(3 times in this document)")
    assert behism.get("fix") is None


def test_names_handles_and_romanised_given_names_are_quiet(policy_draft, run_json):
    _, report, _ = run_json("--select", "SPELL", str(policy_draft))
    flagged = {f["line"] for f in report["findings"]}
    assert 4 not in flagged  # Kwok-hung, Ji-hoon, @kevinbacon, #Ioniq6, the address


def test_words_made_by_rule_and_modern_words_are_known(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text(
        "The livestreamed cyberattacks on telehealth podcasters were geolocated at the cafe.\n"
        "Upskilling, rewilding and relicensing of servicemembers got greenlit; an asylee "
        "spoke.\n",
        "utf-8",
    )
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert report["findings"] == []


def test_a_listed_word_no_corpus_has_seen_next_to_a_common_word_is_a_slip(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text("The ship was lanched on Friday, and the crew was securer.\n", "utf-8")
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert positions(report["findings"]) == [("SPELL001", 1, 14)]
    assert "launched" in report["findings"][0]["suggestions"]


def test_doubled_word_spares_to_to_before_a_verb_and_repeated_names(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text(
        "It is the company I'm applying to to be efficient. She drove to to the office.\n"
        "Duran Duran played, Sirhan Sirhan was named, and the the end came.\n"
        "It is time for users to to move on.\n",
        "utf-8",
    )
    _, report, _ = run_json("--select", "CORE001", str(path))
    assert positions(report["findings"]) == [
        ("CORE001", 1, 62),  # to to the office
        ("CORE001", 2, 50),  # the the end
        ("CORE001", 3, 22),  # users to to move: no verb strands the first "to"
    ]


def test_finding_forms_in_one_pass_matches_one_find_per_form(monkeypatch):
    """``_find`` looks for many forms with an automaton, for a few with ``str.find``: both
    give the same tokens."""
    from linter.packs.spelling import draft as draft_module

    prose = POLICY * 3 + "Can't cant can’t behism's behisms xbehism behism-like.\n"
    forms = {"behism": 8, "can't": 1, "cant": 1, "behism's": 8, "notex": 8, "fusca": 8}
    forms |= {f"zz{i}": 8 for i in range(10)}
    many = draft_module._find(prose, forms)
    monkeypatch.setattr(draft_module, "FEW_FORMS", 1000)
    few = draft_module._find(prose, forms)
    assert many == few
    assert [t.text for t in many].count("behism") == 10


def test_real_word_and_fragment_slips_by_their_neighbours(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text(
        "Then he sid the council would act. The car went at hi speed.\n"
        "She said hi to the council, and Sid left. The sed command edits the stream.\n"
        "He saw the ad on Monday.\n",
        "utf-8",
    )
    _, report, _ = run_json("--select", "SPELL006", str(path))
    assert positions(report["findings"]) == [("SPELL006", 1, 9), ("SPELL006", 1, 52)]
    assert report["findings"][0]["suggestions"][0] == "said"
    assert report["findings"][1]["fix"] == "high"


def test_the_real_word_rule_asks_for_quotations_only_when_a_correction_fits(tmp_path):
    """Quoted words stand as spoken, but finding a draft's quotations is asked last: a
    draft whose suspect words fit no correction is never split into quotations, and one
    that has a fit still spares it inside a quotation."""
    from linter.formats import build_document
    from linter.packs.spelling.real_words import RealWordTypo
    from linter.settings import Settings

    rule = RealWordTypo()
    rule.prepare(Settings(root=tmp_path))
    quiet = build_document(
        "a.txt", "She said hi to the council. The sed command ran.\n", None, None
    )
    assert list(rule.check(quiet)) == []
    assert "quotes" not in quiet.__dict__
    text = 'Then he sid the council would act. "Then he sid the council would act."\n'
    doc = build_document("b.txt", text, None, None)
    assert [m.start for m in rule.check(doc)] == [text.index("sid")]
    assert "quotes" in doc.__dict__


def test_common_words_one_slip_away_by_index_match_the_edit_strings():
    from linter.packs.spelling.real_words import Common, _common
    from linter.packs.spelling.suggest import edit_strings

    words = sorted(_common().words)
    fresh = Common(words)
    fresh.INDEX_AFTER = 0  # the delete index at once
    probes = [w[:-1] for w in words[::7]] + [w + "s" for w in words[::11]]
    probes += [w[1] + w[0] + w[2:] for w in words[::13] if len(w) > 2]
    probes += "sid sed teh hte wiht thier lanched becuase".split()
    for word in probes:
        expected = fresh.words.intersection(edit_strings(word)) - {word}
        assert fresh.one_slip(word) == expected, word


def test_a_very_long_string_is_judged_cheaply(tmp_path, run_json):
    import time

    path = tmp_path / "a.txt"
    path.write_text(
        "The council said the " + "abcdefghij" * 30 + " plan was approved on Friday.\n"
        "The board said the " + "qwertyuiop" * 5 + " report came out on Monday.\n"
    )
    start = time.perf_counter()
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert time.perf_counter() - start < 2.0
    assert [(f["rule"], f["suggestions"]) for f in report["findings"]] == [
        ("SPELL004", []),
        ("SPELL004", []),
    ]


def test_a_slip_of_said_right_after_a_quotation(tmp_path, run_json):
    path = tmp_path / "a.txt"
    path.write_text(
        '"It was fine," sed Ambassador Mohib. "Yes," Sid Smith said. "No," said Ed.\n',
        "utf-8",
    )
    _, report, _ = run_json("--select", "SPELL", str(path))
    assert positions(report["findings"]) == [("SPELL006", 1, 16)]
    assert report["findings"][0]["suggestions"][0] == "said"


@pytest.mark.parametrize(
    "word, made",
    [
        ("relicensing", True),  # re- + licensing
        ("nongroup", True),  # non- + group
        ("commercialish", True),  # commercial + -ish
        ("servicemembers", True),  # two common words
        ("asylee", True),  # asylum -> asylee
        ("untill", False),  # un- + till, but one slip from "until"
        ("thankyou", False),  # "you" is too short a piece
        ("aboutthe", False),  # a function word: a missing space
        ("useing", False),  # "use" + "-ing" keeps no silent e
    ],
)
def test_words_made_by_rule(word, made):
    from linter.language.lexicon import lexicon
    from linter.packs.spelling.derive import Deriver

    assert Deriver(lexicon("en-US")).derived(word) is made


def test_finding_forms_by_the_word_list_matches_the_text_search():
    """``_find`` with the document reads places from its word list; without it, searches
    the text: both give the same tokens, inside compounds, contractions, numbers and
    handles too, and drop the same name forms."""
    from linter.formats import build_document
    from linter.packs.spelling import draft as draft_module

    prose = (
        "Hi this hi-fi hi5 _hi hi_ 'hi' hi's hi’s o'hi rock'n'roll rock’n’roll n'roll "
        "Can't cant can’t CAN'T behism's behisms xbehism behism-like @behism #behism.\n"
        "He said hi. Hi Sid, said Sid. ²hi hi² Ⅻhi naïve naïveté café’s l’été d'être.\n" + POLICY
    )
    doc = build_document("a.txt", prose, None, None)
    forms = {w: 8 for w in ("hi", "Hi", "behism", "cant", "can't", "behism's", "rock")}
    forms |= {"n'roll": 1, "rock'n": 1, "rock'n'roll": 2, "roll": 4, "n": 1, "Sid": 8}
    forms |= {"naïve": 8, "naïveté": 8, "café's": 8, "l'été": 8, "d'être": 8, "être": 8}
    forms |= {"hi's": 8, "o'hi": 8, "CAN'T": 1, "zz": 8}
    by_text = draft_module._find(doc.prose, forms)
    by_words = draft_module._find(doc.prose, forms, doc=doc)
    assert by_words == by_text
    assert {t.text for t in by_text} >= {"hi", "rock'n'roll", "can't", "café's", "d'être"}
    names = {"Sid", "Hi"}
    mid = lambda at: True  # noqa: E731
    assert draft_module._find(doc.prose, forms, names, mid, doc) == draft_module._find(
        doc.prose, forms, names, mid
    )


def test_the_suspects_table_is_built_from_the_committed_word_lists():
    from linter.language.lexicon import DIALECTS, data_dir
    from linter.packs.spelling.suspects import SUFFIX, fingerprint

    for dialect in DIALECTS:
        first = (data_dir() / f"{dialect}{SUFFIX}").read_text("ascii").split("\n", 1)[0]
        assert first == f"# lists {fingerprint(data_dir(), dialect)}", (
            "rebuild: python -m linter.packs.spelling.suspects"
        )


def test_the_suspects_table_says_what_the_definition_says():
    from linter.language.lexicon import DIALECTS, data_dir
    from linter.packs.spelling.real_words import suspects_of
    from linter.packs.spelling.suspects import Suspects, domain

    for dialect in DIALECTS:
        text = (data_dir() / f"{dialect}.suspects").read_text("ascii")
        in_place, split = Suspects(text), Suspects(text)
        split.SPLIT_AFTER = 0  # its rows split into a dict at the first question
        words = domain(dialect)
        sample = frozenset({"sid", "the", "hi", "Sid", "aaa", "zzzzz", "a", "", "cant"})
        assert split.among(sample) == in_place.among(sample) >= {"sid", "hi"}
        assert split.rows is not None and in_place.rows is None
        assert set(split.rows) <= set(words)
        probes = [*split.rows, *words[::40], "sid", "sed", "hi", "teh", "zzzq", "Sid", "#"]
        for word in probes:
            expected = suspects_of(word, dialect)
            assert split.get(word) == in_place.get(word) == expected, (dialect, word)
        assert in_place.among(frozenset(probes)) == {w for w in probes if suspects_of(w, dialect)}


def test_word_pairs_found_in_place_as_in_the_whole_table():
    from linter.language.lexicon import data_dir
    from linter.packs.spelling.real_words import Pairs

    text = (data_dir() / "pairs.txt").read_text("ascii")
    table = {}
    for line in text.splitlines():
        key, _, band = line.rpartition(" ")
        table[key] = int(band)
    pairs = Pairs(text)
    for key, band in table.items():
        assert pairs.get(key) == band, key
    for key in ["at hig", "at highs", "zzz zzz", "a a a", "a aa", "youth in a", "zoom outs"]:
        assert pairs.get(key) == table.get(key, 0), key
