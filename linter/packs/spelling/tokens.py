"""What a word's surroundings say, asked only about the few words a spelling rule may report.

The unit spelling judges is the layer's letter token (``linter.language.tokens``): the
letters of a word token, split at digits and underscores, so that "th" of "20th" is judged
knowing it followed "20". Whether a token is a handle ("@kevinbacon"), half of a compound
("co" of "co-founder") or in a Spanish sentence is read here from the characters around it.

Why only on demand: a draft has about 170,000 tokens per megabyte and almost all are ordinary
words no rule reports. The rules find the few candidate words by their distinct forms (see
``draft``); the context of a token is worked out from the characters around it, here, for
those words alone, with the layer's local sentence tests (``linter.language.sentences``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from linter.language import sentences as layer

# the layer's letter tokens and their edges, as the pack's modules import them
from linter.language.tokens import (  # noqa: F401
    LETTER_FROM_RE,
    LETTER_RE,
    ends_token,
    is_letter,
    start_of_token_ending,
    starts_token,
)

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

TOKEN_RE = LETTER_RE  # the layer's letter tokens
TOKEN_FROM_RE = LETTER_FROM_RE  # the same, found from any offset
OPENING = layer.OPENERS
GLUE = "@#_/\\=&%+*"  # a word touching these is a handle, tag, path or code
SIC_RE = re.compile(r"\s*[\[(]sic[\])]", re.I)
LONG_HEADLINE = 200  # a "headline" this long is a one-line file, not a headline


def is_title(text: str) -> bool:
    return text[:1].isupper() and (len(text) == 1 or text[1:].islower())


def base(word: str) -> str:
    """The word without a possessive or contraction ending that the lists do not carry."""
    for ending in ("'s", "s'"):
        if word.endswith(ending) and len(word) > 3:
            return word[:-1] if ending == "s'" else word[:-2]
    return word


def skipped(prose: str, s: int, e: int) -> bool:
    """A handle, hashtag, code-like or number-bound piece: never judged."""
    n = len(prose)
    before = prose[s - 1] if s else " "
    after = prose[e] if e < n else " "
    after2 = prose[e + 1] if e + 1 < n else " "
    return (
        before in GLUE
        or after in GLUE
        or before.isdigit()
        or after.isdigit()
        or (before == "." and s > 1 and prose[s - 2].isalnum())  # example.com pieces
        or (after == "." and after2.isalpha())
        or (before in ",;" and s > 1 and prose[s - 2].isalnum())  # a,b,c: data, not prose
        or (after in ",;" and after2.isalnum())
        or SIC_RE.match(prose, e) is not None  # quoted as written: "Theres [sic]"
    )


def compound_part(prose: str, s: int, e: int) -> bool:
    """A piece of a hyphenated compound ("co" in "co-founder")."""
    n = len(prose)
    before = prose[s - 1] if s else " "
    after = prose[e] if e < n else " "
    after2 = prose[e + 1] if e + 1 < n else " "
    return before == "-" or (after == "-" and after2.isalpha())


def headline(doc: Document) -> tuple[int, int] | None:
    """A real headline (short), where every word may be capitalised."""
    head = doc.headline
    if head and head[1] - head[0] > LONG_HEADLINE:
        return None
    return head


COLON_RE = re.compile(r"[:;—–]\s+[“\"‘']?(?=\w)")
LINE_RE = re.compile(r"^\s*(?:[-*•]|\d+[.)])?\s*", re.M)  # list items, new lines
QUOTE_MARKS = "“\"‘'"


def positional_starts(doc: Document) -> set[int]:
    """Offsets where a capital letter says nothing about a name: the first word of each
    sentence, of each quotation, and after a colon or a dash that opens a clause (the
    definition; ``Positions`` answers the same for one token at a time)."""
    prose = doc.prose
    starts = set()
    for s, _ in doc.sentences:
        while s < len(prose) and (prose[s] in OPENING or prose[s].isspace()):
            s += 1
        starts.add(s)
    for s, _ in doc.quotes:
        s += 1
        while s < len(prose) and prose[s] in OPENING:
            s += 1
        starts.add(s)
    for m in COLON_RE.finditer(prose):
        starts.add(m.end())
    for m in LINE_RE.finditer(prose):
        starts.add(m.end())
    return starts


class Positions:
    """``positional_starts(doc)`` asked about a few token starts: each answered from the
    characters before it, without splitting the draft into sentences; the quotations are
    asked only after an opening mark, the document-wide scan of list markers only right
    after a marker that opens its line."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.prose = doc.prose
        self._lines: set[int] | None = None

    def __contains__(self, at: int) -> bool:
        """Whether ``at``, where a token starts, is in ``positional_starts(doc)``."""
        prose = self.prose
        if at >= 2 and prose[at - 1] == " " and (prose[at - 2].isalnum() or prose[at - 2] == ","):
            # mid-sentence, as most names stand: one space after a word or a comma opens
            # nothing (no colon, line, sentence end or quotation mark) but the headline's end
            head = self.doc.headline
            return head is not None and at - 1 <= head[1] <= at
        return (
            self._after_colon(at)
            or self._opens_line(at)
            or self._opens_sentence(at)
            or self._opens_quote(at)
        )

    def _opens_sentence(self, at: int) -> bool:
        """Whether a sentence of ``doc.sentences`` starts here, once openers and spaces
        are skipped (the layer's local test, ``word_opens_sentence``)."""
        head = self.doc.headline
        return layer.word_opens_sentence(self.prose, at, head[1] if head else None)

    def _opens_quote(self, at: int) -> bool:
        if at == 0 or self.prose[at - 1] not in OPENING:
            return False  # a quotation's first word follows its mark, and maybe more openers
        quotes = self.doc.quotes
        i = bisect_right(quotes.starts, at - 1) - 1
        return i >= 0 and _skip_openers(self.prose, quotes.starts[i] + 1) == at

    def _after_colon(self, at: int) -> bool:
        prose = self.prose
        i = at - 1 if at >= 1 and prose[at - 1] in QUOTE_MARKS else at
        if i < 1 or not prose[i - 1].isspace():
            return False
        while i > 0 and prose[i - 1].isspace():
            i -= 1
        return i >= 1 and prose[i - 1] in ":;—–"

    def _opens_line(self, at: int) -> bool:
        prose = self.prose
        i = at
        while i > 0 and prose[i - 1].isspace():
            if prose[i - 1] == "\n":
                return True  # a line starts in the blank run before the token
            i -= 1
        if i == 0:
            return True
        # otherwise only a list marker ("-", "*", "•", "12." or "3)") that opens its line
        # can come before: the rare case is left to LINE_RE itself
        mark = i - 1
        if prose[mark] in ".)" and mark > 0 and prose[mark - 1].isdecimal():
            while mark > 0 and prose[mark - 1].isdecimal():
                mark -= 1
        elif prose[mark] not in "-*•":
            return False
        while mark > 0 and prose[mark - 1].isspace() and prose[mark - 1] != "\n":
            mark -= 1
        if mark > 0 and prose[mark - 1] != "\n":
            return False
        if self._lines is None:
            self._lines = {m.end() for m in LINE_RE.finditer(prose)}
        return at in self._lines


def sentence_around(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The span of ``doc.sentences`` that holds the token at ``start:end``, found from the
    sentence ends next to it (``linter.language.sentences.sentence_around``) rather than by
    splitting the whole draft; None when the headline ends inside the token."""
    return layer.sentence_around(doc.prose, doc.paragraphs, start, end, doc.headline)


def _skip_openers(prose: str, at: int) -> int:
    n = len(prose)
    while at < n and prose[at] in OPENING:
        at += 1
    return at


# frequent words of Spanish, French, Portuguese, Italian, German and Latin that are no
# English words (so "a", "die", "son", "con" are not here)
FOREIGN_FUNCTION_WORDS = frozenset(
    """los las del que para por una uno unos unas como pero sus este esta estos estas
    nuestro nuestra nuestros hacer puede pueden tiene sobre entre muy donde cuando desde
    les des une dans pour avec sont qui cette ces nous vous ils elles leur mais aussi
    très est sur pas plus être avoir fait comme
    uma não com pelo pela dos das aos são também
    della delle degli sono questo questa anche gli nel nella
    und ist nicht mit ein eine einen dem den von auf für ich sie wir auch sich werden
    quod sunt est cum non enim sed""".split()
) - {"est", "cum", "non", "sed", "sie", "den", "dem", "ein", "pas", "sur"}

TITLES = frozenset("mr mrs ms dr st sen rep gov gen col lt sgt capt prof rev".split())
