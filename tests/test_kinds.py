"""Each YAML rule kind, through the engine, with realistic text and exact positions."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from linter import yamlload
from linter.formats import build_document
from linter.kinds import kind_class
from linter.testing import apply_fixes, lint_with_rule

COMMON = """\
id: TEST{n:03d}
name: test-rule
severity: warning
why: w
source: s
examples:
  - bad: x
  - good: y
"""


def make(n: int, body: str):
    data = yamlload.load(COMMON.format(n=n) + textwrap.dedent(body))
    return kind_class(data["kind"])(data, "test.yaml", "test")


def found(rule, text, fmt="text"):
    return [(f.line, f.column, f.end_column, f.message) for f in lint_with_rule(rule, text, fmt)]


def test_existence_phrases_case_and_line_breaks():
    rule = make(
        1,
        """
        kind: existence
        message: "Cut '{match}'."
        phrases: [needless to say, at the end of the day]
    """,
    )
    text = "Title\n\nNeedless to say, he left. At the end\nof the day, nothing. Needless-to-say.\n"
    assert found(rule, text) == [
        (3, 1, 16, "Cut 'Needless to say'."),
        (3, 27, 11, "Cut 'At the end of the day'."),
    ]


def test_existence_case_sensitive_and_patterns():
    rule = make(
        2,
        """
        kind: existence
        message: "'{match}' found."
        ignorecase: false
        phrases: [Advertisement]
        patterns: ['\\bClick here\\b']
    """,
    )
    text = "Advertisement\n\nThe advertisement ran. Click here. click here.\n"
    assert [(line, col) for line, col, _, _ in found(rule, text)] == [(1, 1), (3, 24)]


def test_substitution_preserves_case_and_fixes():
    rule = make(
        3,
        """
        kind: substitution
        message: "Write '{suggestion}', not '{match}'."
        swap: {anti-semitic: antisemitic, e-mail: email, utilise: [use, employ]}
    """,
    )
    text = "Anti-Semitic posts and ANTI-SEMITIC ones. E-mail us; we utilise it.\n"
    findings = lint_with_rule(rule, text)
    assert [(f.column, f.fix, f.suggestions) for f in findings] == [
        (1, "Antisemitic", ("Antisemitic",)),
        (24, "ANTISEMITIC", ("ANTISEMITIC",)),
        (43, "Email", ("Email",)),
        (57, None, ("use", "employ")),  # two candidates: no automatic fix
    ]
    assert findings[3].message == "Write 'use' or 'employ', not 'utilise'."
    assert (
        apply_fixes(text, findings)
        == "Antisemitic posts and ANTISEMITIC ones. Email us; we utilise it.\n"
    )


def test_pattern_group_and_replacement():
    rule = make(
        4,
        """
        kind: pattern
        message: "Write '{suggestion}'."
        pattern: '(\\d+)(?P<suffix>st|nd|rd|th)\\b(?=,? \\d{4})'
        group: suffix
        replacement: ''
    """,
    )
    rule2 = make(
        5,
        """
        kind: pattern
        message: "Write '{suggestion}'."
        pattern: '\\b(\\d{1,2}) ?(am|AM)\\b'
        replacement: '\\1 a.m.'
    """,
    )
    text = "On July 21st, 2017 at 9am he left.\n"
    findings = lint_with_rule(rule, text)
    assert [(f.column, f.end_column) for f in findings] == [(11, 13)]
    findings2 = lint_with_rule(rule2, text)
    assert [(f.column, f.fix) for f in findings2] == [(23, "9 a.m.")]
    assert apply_fixes(text, findings2) == "On July 21st, 2017 at 9 a.m. he left.\n"


def test_pattern_requires_skips_documents_without_the_literal():
    body = """
        kind: pattern
        message: "Cut '{match}'."
        pattern: '\\b[Pp]aywall(?:ed)?\\b'
        requires: [PAYWALL]
    """
    rule = make(9, body)
    text = "Title\n\nThe paywalled story ran.\nAnother Paywall\nline.\n"
    assert [(line, col) for line, col, _, _ in found(rule, text)] == [(3, 5), (4, 9)]
    # a literal the pattern's matches do not hold: the rule is skipped, as declared
    wrong = make(10, body.replace("[PAYWALL]", "[subscribe]"))
    assert found(wrong, text) == []


def test_pattern_requires_words_are_whole_words_also_inside_apostrophes():
    body = """
        kind: pattern
        message: "Cut '{match}'."
        pattern: 'roll\\b'
        requires_words: [roll]
    """
    rule = make(12, body)
    text = "Title\n\nIt was rock'n'roll.\nNo rolls, no scroll\n"
    assert [(line, col) for line, col, _, _ in found(rule, text)] == [(3, 15), (4, 16)]
    assert found(rule, "Title\n\nNo rolls at all.\n") == []  # skipped: no word "roll"


def test_pattern_within_line_with_requires_words_searches_the_lines_of_those_words():
    """``within_line`` with ``requires_words``: the lines searched are those holding one of
    the words (found in the document's word index, also between apostrophes)."""
    body = """
        kind: pattern
        message: "Cut '{match}'."
        pattern: '\\broll\\b'
        requires_words: [roll]
        within_line: true
    """
    rule = make(13, body)
    text = "Title\n\nIt was rock'n'roll.\nNo rolls here.\nA roll and a roll.\n"
    assert [(line, col) for line, col, _, _ in found(rule, text)] == [(3, 15), (5, 3), (5, 14)]
    assert found(rule, "Title\n\nNo rolls at all.\n") == []


def test_pattern_within_line_skips_literals_folded_from_line_breaks():
    """Folding makes a paragraph break two spaces; a ``within_line`` rule that requires two
    spaces searches only the lines that hold them, and finds the same."""
    body = """
        kind: pattern
        message: "Two spaces."
        pattern: '(  (?<=\\S  ) *)(?=\\S)'
        group: 1
        requires: ["  "]
        within_line: true
    """
    rule = make(14, body)
    text = "Title\n\nOne line.\n\nTwo  spaces here.\nLast line.\n"
    doc = build_document("t.txt", text)
    assert sorted(rule._literal_lines(doc, frozenset({"  "}))) == [text.index("Two")]
    assert [(line, col) for line, col, _, _ in found(rule, text)] == [(5, 4)]


def test_repetition_exceptions_and_rhetoric():
    rule = make(
        6,
        """
        kind: repetition
        message: "'{match}' twice."
        exceptions: [had had]
    """,
    )
    text = "He had had enough of the the ads. No, no, no. Go go go! It is is fine.\n"
    assert [(c, m) for _, c, _, m in found(rule, text)] == [
        (22, "'the' twice."),
        (60, "'is' twice."),
    ]


@pytest.mark.parametrize(
    "text,column",
    [
        ("Title\n\nWe said Don’t don’t go.\n", 9),
        ("Title\n\nIt ran in\tin May.\n", 8),
        ("Title\n\nIt ran in\n  in May.\n", 8),
        ("Title\n\n“The the ad,” he said.\n", 2),
        ("Title\n\nThe café café closed.\n", 5),
        ("Title\n\nSee a''b a''b here.\n", 5),
    ],
)
def test_repetition_across_apostrophes_tabs_lines_and_accents(text, column):
    """The fast search of the folded text must not hide a doubling the rule reports."""
    rule = make(11, "kind: repetition\nmessage: \"'{match}' twice.\"\n")
    assert [(line, col) for line, col, _, _ in found(rule, text)] == [(3, column)]


DOUBLE_PIECES = st.sampled_from(
    ["the", "The", "THE", "that", "a", "b2", "x_y", "café", "rock'n'roll", "roll", "Don’t",
     "don’t", " ", "  ", "\t", "\n", "\n\n", ".", ",", "'", "’", "-", "“", "é", "2"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(DOUBLE_PIECES, max_size=40).map("".join))
def test_repetition_looks_only_where_a_doubling_can_be_and_finds_the_same(text):
    """The rule scans only the stretches around equal consecutive words; that must report
    exactly what a scan of the whole prose reports."""
    from linter.kinds import repetition

    rule = make(12, "kind: repetition\nmessage: \"'{match}' twice.\"\n")
    text = "Title\n\n" + text + "\n"
    local = found(rule, text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            repetition, "_doublings", lambda doc: repetition.DOUBLED_RE.finditer(doc.prose)
        )
        assert found(rule, text) == local


def test_consistency_first_spelling_wins():
    rule = make(
        7,
        """
        kind: consistency
        message: "'{match}' here, '{suggestion}' first (line {first_line}); keep one."
        either: {email: e-mail}
    """,
    )
    text = "Send an e-mail.\n\nThe email said\nmore. E-mail again.\n"
    assert found(rule, text) == [(3, 5, 10, "'email' here, 'e-mail' first (line 1); keep one.")]


def test_scope_and_skip_quotes():
    rule = make(
        8,
        """
        kind: existence
        message: m
        phrases: [shocking]
        scope: [body]
        skip_quotes: true
    """,
    )
    text = "Shocking headline\n\nA shocking result, and “a shocking quote” too.\n"
    assert [(line, col) for line, col, _, _ in found(rule, text)] == [(3, 3)]


def test_quote_severity_and_note():
    rule = make(
        9,
        """
        kind: existence
        message: "'{match}' flagged."
        phrases: [irregardless]
        quote_severity: info
    """,
    )
    findings = lint_with_rule(rule, "Irregardless of that, “irregardless,” she said.\n")
    assert [(f.column, f.severity, f.message) for f in findings] == [
        (1, "warning", "'Irregardless' flagged."),
        (24, "info", "'irregardless' flagged. (in a quotation)"),
    ]


def test_advice_is_never_an_automatic_fix():
    """An info finding (here: inside a quotation) keeps its suggestion but offers no fix."""
    rule = make(
        10,
        """
        kind: substitution
        message: "Write '{suggestion}'."
        swap: {could of: could have}
        quote_severity: info
    """,
    )
    findings = lint_with_rule(rule, "He could of won. “I could of won,” he said.\n")
    assert [(f.column, f.severity, f.suggestions, f.fix) for f in findings] == [
        (4, "warning", ("could have",), "could have"),
        (21, "info", ("could have",), None),
    ]


def test_one_pass_finds_phrases_and_required_literals():
    """The engine's automaton holds the phrases and the pattern rules' literals: a literal is
    found anywhere, a phrase only as whole words, and a key may be both."""
    from linter.phrases import PhraseMatcher

    matcher = PhraseMatcher([("cat", "P1"), ("a dog", "P2")], frozenset({"cat", " - "}))
    hits, present = matcher.scan("concat a dog - cat")
    assert [(s, e, p) for s, e, p in hits] == [(7, 12, ["P2"]), (15, 18, ["P1"])]
    assert present == {"cat", " - "}
    assert matcher.scan("no such thing") == ([], frozenset())


def test_literals_a_pass_did_not_look_for_are_looked_up_on_demand():
    from linter.formats import build_document
    from linter.literals import LiteralIndex

    index = LiteralIndex()
    index.register(("alpha", "omega"))
    doc = build_document("a.txt", "Title\n\nFrom Alpha to Omega.\n")
    index.remember(doc, frozenset({"alpha"}), frozenset())  # a pass that saw no "alpha"
    assert not index.which(doc, frozenset({"alpha"}))  # taken from that pass
    assert index.which(doc, frozenset({"omega"})) == {"omega"}  # not looked for: a pass
    assert index.which(doc, frozenset({"alpha", "beta"})) == {"alpha"}  # for every literal
