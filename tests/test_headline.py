"""A plain draft's first line is a headline only when it reads like one."""

from linter import lint_text
from linter.formats import build_document


def test_a_short_first_line_is_the_headline():
    doc = build_document("a.txt", "Senate passes the U.S. budget bill\nThe Senate voted.\n")
    assert doc.headline == (0, 34)


def test_a_first_line_of_run_on_sentences_is_body():
    text = "The players put there bags on the bus. Investors where told to wait. It's\nover.\n"
    assert build_document("a.txt", text).headline is None
    found = [(f.rule, f.line, f.column) for f in lint_text(text, path="a.txt")]
    assert ("GRAM001", 1, 17) in found and ("GRAM001", 1, 50) in found
