"""The house style pack on realistic drafts: exact (rule, line, column) per guide, the
quotation exemption, page-furniture precision and per-file configuration."""

from __future__ import annotations

from pathlib import Path

from conftest import positions

from linter.runner import lint_text
from linter.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures" / "style"
STYLE = ["STYLE", "FURN"]


def found(text: str, guide: str = "ap", select=STYLE, path: str = "draft.txt"):
    settings = Settings(tables={"style": {"guide": guide}})
    return [
        (f.rule, f.line, f.column) for f in lint_text(text, path, settings=settings, select=select)
    ]


def test_ap_draft_findings_exact():
    text = (FIXTURES / "draft-ap.txt").read_text("utf-8")
    assert found(text) == [
        ("STYLE005", 3, 36),  # straight quotes in a curly-quoted story
        ("STYLE005", 3, 46),
        ("STYLE001", 3, 46),  # "fair deal", -> "fair deal,"
        ("STYLE026", 3, 74),  # 9:00 PM -> 9 p.m.
        ("STYLE024", 3, 85),  # September 12th -> Sept. 12
        ("STYLE025", 3, 85),
        ("STYLE040", 5, 1),  # Needless to say
        ("STYLE041", 5, 22),  # end result
        ("STYLE010", 5, 63),  # spaced hyphen as a dash
        ("STYLE020", 5, 79),  # 3 hours -> three hours
        ("STYLE010", 5, 87),
        ("STYLE021", 7, 1),  # 4 members ... at the start of a sentence
        ("STYLE004", 7, 31),  # (which never came.
        ("STYLE032", 7, 50),  # Mr. Ortiz
        ("STYLE015", 7, 82),  # e-mail
        ("STYLE031", 11, 5),  # the President of the council
        ("STYLE001", 11, 54),  # “fair deal”. -> “fair deal.”
        ("STYLE042", 11, 57),  # Sadly (info)
        ("FURN001", 13, 1),  # Advertisement
        ("FURN001", 17, 1),  # Leave a Comment
    ]


def test_quotations_are_exempt_from_style_rules():
    # line 9 of the draft holds "At the end of the day" inside a quotation: not flagged
    text = (FIXTURES / "draft-ap.txt").read_text("utf-8")
    assert not [hit for hit in found(text) if hit[1] == 9]
    quoted = "Budget vote\n\n“Needless to say, the end result was a disaster - for us,” she said."
    assert found(quoted) == []


def test_british_guide_switches_the_punctuation_rules():
    text = (
        "Budget vote\n\n"
        "She called it a “fair deal,” then left - the vote was close. It rose 5 percent.\n\n"
        "He called it a “fair deal”, and said: “We are done.”"
    )
    assert found(text, "british") == [
        ("STYLE002", 3, 27),  # fragment: the comma goes outside in British style
        ("STYLE011", 3, 40),  # spaced hyphen: British dash is a spaced en dash
        ("STYLE023", 3, 72),  # percent -> per cent
    ]
    assert found(text, "ap") == [("STYLE010", 3, 40), ("STYLE001", 5, 26)]


def test_guide_specific_rules_only_under_their_guide():
    assert found("Budget\n\nThe fee rose 5 per cent.", "british") == []
    assert found("Budget\n\nThe fee rose 5 per cent.", "ap") == [("STYLE022", 3, 16)]
    assert found("Budget\n\nIt ran at 9am.", "british") == []
    assert found("Budget\n\nIt ran at 9am.", "ap") == [("STYLE026", 3, 11)]


def test_page_furniture_only_as_a_line_of_its_own():
    inline = (
        "Budget\n\nReaders can read more about the plan, share this article, or leave a "
        "comment. The advertisement budget fell.\n"
    )
    assert found(inline, select=["FURN"]) == []
    alone = "Budget\n\nThe plan passed.\n\nRead more:\n\nShare this article\n\nPhoto: Jane Doe/Getty Images\n"
    assert found(alone, select=["FURN"]) == [
        ("FURN001", 5, 1),
        ("FURN001", 7, 1),
        ("FURN003", 9, 1),
    ]


def test_byline_under_headline_is_fine_but_not_in_the_body():
    top = "Budget passes\nBy Jane Doe\n\nThe plan passed on Monday."
    assert found(top, select=["FURN004"]) == []
    body = top + "\n\nBy John Smith, Associated Press\n\nIt takes effect in June."
    assert found(body, select=["FURN004"]) == [("FURN004", 6, 1)]


def test_run_on_quotation_across_paragraphs_is_balanced():
    text = (
        "Budget\n\n“We will keep going. We have the votes.\n\n"
        "“And we will win,” she said.\n\nHe said “we lost.\n\nThe vote was close."
    )
    assert found(text, select=["STYLE003"]) == [("STYLE003", 7, 9)]


def test_small_numbers_keep_the_guides_exceptions():
    clean = (
        "Budget\n\nThe 5-year-old, 4 years old, won $5 and 3 million votes at 9 a.m. in "
        "Room 4; 6 feet tall, 2 percent, Route 9 and an iPhone 6 with 3 cameras nearby 12."
    )
    assert found(clean, select=["STYLE020"]) == []
    assert found("Budget\n\nThe council has 7 members and meets often.", select=["STYLE020"]) == [
        ("STYLE020", 3, 17)
    ]


def test_opinion_folder_turns_editorialising_off_with_per_file_ignores():
    text = "Budget\n\nSadly, the council cut the parks budget."
    settings = Settings(per_file_ignores={"*opinion/*": ["STYLE042"]})
    news = lint_text(text, "news/budget.txt", settings=settings, select=STYLE)
    opinion = lint_text(text, "opinion/budget.txt", settings=settings, select=STYLE)
    assert [(f.rule, f.severity) for f in news] == [("STYLE042", "info")]
    assert opinion == []


def test_unknown_guide_is_a_one_line_config_error(run_cli, tmp_path):
    (tmp_path / ".copydesk.toml").write_text('[style]\nguide = "chicago"\n', "utf-8")
    (tmp_path / "a.txt").write_text("Budget\n\nThe plan passed.\n", "utf-8")
    code, _out, err = run_cli("check", "a.txt")
    assert code == 2
    assert err.strip().count("\n") == 0
    assert "style.guide" in err and "chicago" in err and "Traceback" not in err


def test_british_guide_from_config_file(run_json, tmp_path):
    (tmp_path / ".copydesk.toml").write_text('[style]\nguide = "british"\n', "utf-8")
    (tmp_path / "a.txt").write_text("Budget\n\nIt rose 5 percent - a record.\n", "utf-8")
    code, report, _ = run_json("--select", "STYLE", "a.txt")
    assert code == 1
    assert positions(report["findings"]) == [("STYLE023", 3, 11), ("STYLE011", 3, 19)]


def test_rules_and_explain_document_the_pack(run_cli):
    code, out, _ = run_cli("rules")
    assert code == 0
    assert "STYLE001" in out and "FURN001" in out
    assert "STYLE012   off" in out and "opt-in: --select STYLE012" in out  # listed, and off
    code, out, _ = run_cli("rules", "--on")
    assert "STYLE001" in out and "STYLE012" not in out
    code, out, _ = run_cli("explain", "STYLE001")
    assert code == 0
    assert "What it does" in out and "AP Stylebook" in out and "bad:" in out
    code, out, _ = run_cli("explain", "FURN001")
    assert "Leave a Comment" in out and "Source:" in out


def test_every_style_rule_cites_a_source_and_a_guide_section():
    from linter.registry import all_rules

    rules = [r for r in all_rules(Settings()) if r.id.startswith(("STYLE", "FURN"))]
    assert len(rules) >= 25
    for rule in rules:
        assert any(
            name in rule.source
            for name in (
                "AP",
                "Guardian",
                "Times",
                "Chicago",
                "Garner",
                "Orwell",
                "Hart",
                "BBC",
                "Economist",
            )
        ), rule.id


def test_first_name_on_second_reference():
    text = (
        "Council vote\n\nJane Ortiz chairs the council. The vote was 7-2.\n\n"
        "“We won,” Jane said on Monday. Jane told reporters she was pleased."
    )
    assert found(text, select=["STYLE034"]) == [("STYLE034", 5, 11), ("STYLE034", 5, 32)]
    family = (
        "Ad review\n\nKevin Bacon and his daughter Sosie Bacon star in the ad. "
        "Sosie said she liked it.\n"
    )
    assert found(family, select=["STYLE034"]) == []
    assert found(text, "british", select=["STYLE034"]) == []


# ---- the fast paths of the code rules give what a scan of the whole draft gives ----------
# Each rule below finds its candidates locally (str.find, digit runs, the line breaks or
# sentence ends next to a candidate); these references are the plain scans they replace.

PIECES = (
    "3", "12", "1,000", "2019", "5%", "٣", " ", "  ", "\t", "\n", "\n\n", "\n \n", ". ", "! ",
    "? ", ".", ":", ",", "“", "”", '"', "'", "‘", "’", "(", ")", "[", "]", "Mr. ", "U.S. ",
    "A. ", "a", "word", "Jane", "Ortiz", "Jane Ortiz", "The", " said", " says", " told",
    "9am", "9:00 PM", " a.m.", ":)", "a)", "é", "—",
)  # fmt: skip


def _drafts(seed: int, count: int, pieces=PIECES):
    """Random drafts built from the pieces, each with a headline ending at a random offset."""
    import random

    from linter.document import Document

    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        head = rng.choice([None, (0, rng.randint(0, len(text)))])
        yield Document(path="draft.txt", text=text, prose=text, headline=head)


def _ascii_only(pieces=PIECES):
    return tuple(p for p in pieces if "٣" not in p)


def test_digit_starts_are_the_runs_a_regex_finds():
    import re

    for doc in _drafts(1, 3000, (*PIECES, "\ud800", "😀", "²")):
        runs = doc.digit_starts
        if any(c.isdecimal() and not c.isascii() for c in doc.prose):
            assert runs is None
        else:
            assert runs == [m.start() for m in re.finditer(r"\d+", doc.prose)]


def test_block_around_is_the_block_of_blocks():
    from linter.packs.style.common import block_around, blocks

    for doc in _drafts(2, 3000):
        cut = blocks(doc)
        for para_start, para_end in doc.paragraphs:
            for at in range(para_start, para_end):
                if doc.prose[at].isspace():
                    continue
                (want,) = [(s, e) for s, e in cut if s <= at < e]
                assert block_around(doc.prose, at, para_start, para_end) == want
                # an earlier block's end bounds the search back
                for _start, floor in [(s, e) for s, e in cut if para_start <= s and e <= at]:
                    assert block_around(doc.prose, at, para_start, para_end, floor) == want


def _rule(rule_id: str):
    from linter.registry import all_rules

    return next(r for r in all_rules(Settings()) if r.id == rule_id)


def _matches(rule, doc):
    return [(m.start, m.end, m.message, m.suggestions, m.fix) for m in rule.check(doc)]


def test_sentence_initial_numeral_agrees_with_a_split_into_sentences():
    from linter.packs.style.sentence_numeral import LEADING_RE, WORDS, YEAR_RE

    def reference(doc):
        out = []
        for start, end in doc.sentences:
            m = LEADING_RE.match(doc.prose, start, end)
            if not m or YEAR_RE.fullmatch(m.group(1)):
                continue
            number = m.group(1)
            if number.isdigit() and 1 <= int(number) <= 9:
                word = WORDS[int(number) - 1]
                out.append((*m.span(1), None, (word,), word))
            else:
                out.append((*m.span(1), None, (), None))
        return out

    rule = _rule("STYLE021")
    for pieces in (PIECES, _ascii_only()):
        for doc in _drafts(3, 4000, pieces):
            assert _matches(rule, doc) == reference(doc), repr(doc.prose)


def test_second_reference_finds_the_attributions_a_scan_finds():
    from linter.packs.style.second_reference import SPEECH_RE, _speech

    for doc in _drafts(4, 3000):
        want = [m.span() for m in SPEECH_RE.finditer(doc.prose)]
        assert [m.span() for m in _speech(doc.prose, doc.word_forms)] == want


def test_unbalanced_marks_agree_with_a_scan_of_every_character():
    import re

    from linter.packs.style import unbalanced_parens as parens
    from linter.packs.style import unbalanced_quotes as quotes
    from linter.packs.style.common import blocks, next_block_opens_quote

    def brackets(doc):
        prose, out = doc.prose, []
        for start, end in blocks(doc):
            stack = []
            for m in re.finditer(r"[()\[\]]", prose[:end]):
                i, ch = m.start(), m.group()
                if i < start:
                    continue
                if ch in parens.PAIRS:
                    stack.append(i)
                elif stack and prose[stack[-1]] == parens.CLOSING[ch]:
                    stack.pop()
                else:
                    head = prose[max(start, i - 6) : i]
                    if ch == ")" and (
                        parens.ENUMERATOR.search(head) or parens.EMOTICON.search(head)
                    ):
                        continue
                    if not stack:
                        out.append((i, "This closing parenthesis has no opening one."))
            out += [(i, "This opening parenthesis is never closed.") for i in stack]
        return out

    def marks(doc):
        prose, out = doc.prose, []
        for start, end in doc.paragraphs:
            open_at = {"curly": None, "straight": None}
            for i in range(start, end):
                ch = prose[i]
                if ch == "\n":
                    if next_block_opens_quote(doc, i):
                        open_at = {"curly": None, "straight": None}
                    continue
                if ch not in '“”"':
                    continue
                family = "straight" if ch == '"' else "curly"
                if ch == '"' and i > start and prose[i - 1].isdigit() and not open_at[family]:
                    continue
                if ch == "“" or (ch == '"' and quotes._opens(prose, i, open_at[family])):
                    if open_at[family] is not None and not quotes._reopens(prose, i):
                        out.append((open_at[family], quotes.NEVER_CLOSED))
                    open_at[family] = i
                elif open_at[family] is None:
                    if not (ch == "”" and i > start and prose[i - 1].isdigit()):
                        out.append((i, quotes.NEVER_OPENED))
                else:
                    open_at[family] = None
            if not next_block_opens_quote(doc, end):
                out += [(i, quotes.NEVER_CLOSED) for i in open_at.values() if i is not None]
        return out

    for doc in _drafts(5, 3000):
        assert [(m[0], m[2]) for m in _matches(_rule("STYLE004"), doc)] == brackets(doc)
        assert [(m[0], m[2]) for m in _matches(_rule("STYLE003"), doc)] == marks(doc)
    # curly pairs across line breaks: the shortcut for balanced paragraphs
    for doc in _drafts(7, 3000, ("“a”", "“", "”", "\n", " ", "x", "\n\n", ". ", "\n‘", "1")):
        assert [(m[0], m[2]) for m in _matches(_rule("STYLE003"), doc)] == marks(doc)


def test_figure_rules_agree_with_their_scan():
    pieces = (
        *PIECES, "7 members", " 3 people", "$5 ", "3.5 ", "10:30 p.m.", "9 AM", "12pm",
        "13 am", "0 pm", "1:00 p. m", "4 years old", "x7 ", "8-",
    )  # fmt: skip
    for rule_id in ("STYLE020", "STYLE026"):
        rule = _rule(rule_id)
        docs = list(_drafts(6, 3000, pieces))
        fast = [_matches(rule, doc) for doc in docs]
        assert sum(map(len, fast)) > 20
        slow = list(_drafts(6, 3000, pieces))
        for doc in slow:
            doc.__dict__["digit_starts"] = None  # as with a non-ASCII digit: the full scan
        assert [_matches(rule, doc) for doc in slow] == fast
