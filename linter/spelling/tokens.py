"""The words of a draft that a spelling rule may judge, each with what its context says.

Why a tokenizer of its own: the engine's word pattern keeps digits and underscores and splits
at hyphens without saying so; spelling needs to know that "th" followed "20", that "kevinbacon"
followed "@", that "co" is the first half of "co-founder" and that a sentence is in Spanish.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.spelling.lexicon import Lexicon

TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
OPENING = "“‘\"'([«„"
GLUE = "@#_/\\=&%+*"  # a word touching these is a handle, tag, path or code
FOREIGN_RATIO = 0.3
SIC_RE = re.compile(r"\s*[\[(]sic[\])]", re.I)
LONG_HEADLINE = 200  # a "headline" this long is a one-line file, not a headline


class Token(NamedTuple):
    start: int
    end: int
    text: str  # as written, curly apostrophes made straight
    positional_capital: bool  # first word of a sentence, a quotation or a headline
    in_headline: bool  # a real headline (short), where every word may be capitalised
    skip: bool  # a handle, hashtag, code-like or number-bound piece: never judged
    foreign: bool  # inside a sentence or quotation mostly not in English
    compound_part: bool  # a piece of a hyphenated compound ("co" in "co-founder")

    @property
    def is_lower(self) -> bool:
        return self.text.islower()

    @property
    def is_title(self) -> bool:
        return self.text[:1].isupper() and (len(self.text) == 1 or self.text[1:].islower())


def base(word: str) -> str:
    """The word without a possessive or contraction ending that the lists do not carry."""
    for ending in ("'s", "s'"):
        if word.endswith(ending) and len(word) > 3:
            return word[:-1] if ending == "s'" else word[:-2]
    return word


_CACHE: WeakKeyDictionary = WeakKeyDictionary()


def tokens(doc: Document, lexicon: Lexicon) -> list[Token]:
    """The tokens of ``doc``, computed once per document and dialect."""
    per_doc = _CACHE.setdefault(doc, {})
    if lexicon.dialect not in per_doc:
        per_doc[lexicon.dialect] = _tokens(doc, lexicon)
    return per_doc[lexicon.dialect]


def _tokens(doc: Document, lexicon: Lexicon) -> list[Token]:
    prose = doc.prose
    n = len(prose)
    starts = _positional_starts(doc)
    raw = []
    for m in TOKEN_RE.finditer(prose):
        s, e = m.start(), m.end()
        before = prose[s - 1] if s else " "
        after = prose[e] if e < n else " "
        after2 = prose[e + 1] if e + 1 < n else " "
        skip = (
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
        compound = before == "-" or (after == "-" and after2.isalpha())
        text = m.group().replace("’", "'")
        raw.append((s, e, text, skip, compound))
    foreign = _foreign_spans(doc, raw, lexicon)
    head = doc.headline
    if head and head[1] - head[0] > LONG_HEADLINE:
        head = None
    result = []
    for s, e, text, skip, compound in raw:
        in_head = bool(head and head[0] <= s < head[1])
        result.append(
            Token(
                start=s,
                end=e,
                text=text,
                positional_capital=in_head or s in starts,
                in_headline=in_head,
                skip=skip,
                foreign=foreign.overlaps(s, e) if len(foreign) else False,
                compound_part=compound,
            )
        )
    return result


def _positional_starts(doc: Document) -> set[int]:
    """Offsets where a capital letter says nothing about a name: the first word of each
    sentence, of each quotation, and after a colon or a dash that opens a clause."""
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
    for m in re.finditer(r"[:;—–]\s+[“\"‘']?(?=\w)", prose):
        starts.add(m.end())
    for m in re.finditer(r"^\s*(?:[-*•]|\d+[.)])?\s*", prose, re.M):  # list items, new lines
        starts.add(m.end())
    return starts


def _foreign_spans(doc: Document, raw: list, lexicon: Lexicon):
    """Sentences and quotations that are not in English: a Spanish paragraph of a press
    release, a French quotation. Two signs, either enough: two or more function words of
    another language that English lacks ("los", "une", "und"); or at least two, and 30%, of
    the lower-case words unknown to English and not one slip from a common English word
    (a typo is one slip from its word; "comunidad" is not)."""
    from bisect import bisect_left

    from linter.spans import SpanSet

    starts = [r[0] for r in raw]
    spans = []
    for s, e in [*doc.sentences, *doc.quotes]:
        lo, hi = bisect_left(starts, s), bisect_left(starts, e)
        words = [r[2] for r in raw[lo:hi] if not r[3] and r[2].islower()]
        if len(words) < 2:
            continue
        if sum(1 for w in words if w in FOREIGN_FUNCTION_WORDS) >= 2:
            spans.append((s, e))
            continue
        unknown = [w for w in words if not _english(w, lexicon)]
        if len(unknown) < 2 or len(unknown) < FOREIGN_RATIO * len(words):
            continue
        foreign = sum(1 for w in unknown if not _near_english(w, lexicon))
        if foreign >= 2 and foreign >= FOREIGN_RATIO * len(words):
            spans.append((s, e))
    return SpanSet(spans)


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


def _near_english(word: str, lexicon: Lexicon) -> bool:
    from linter.spelling.suggest import edits1

    return any(lexicon.zipf(e) >= 3.0 for e in edits1(word) if e in lexicon)


def _english(word: str, lexicon: Lexicon) -> bool:
    if not word.isascii():
        return word in lexicon
    word = base(word)
    return word in lexicon or lexicon.other_dialect(word)


TITLES = frozenset("mr mrs ms dr st sen rep gov gen col lt sgt capt prof rev".split())


def name_words(toks: list[Token], prose: str, lexicon: Lexicon) -> set[str]:
    """Capitalised words that the draft uses as names: next to another capitalised word
    outside the headline ("Cresent Hardy", "Mr. Enver", "J. Tennant"), except a common word
    capitalised for opening the sentence ("The Brazillian team")."""
    names: set[str] = set()
    for a, b in pairwise(toks):
        if a.in_headline or b.in_headline:
            continue
        if not (a.text[:1].isupper() and b.text[:1].isupper()):
            continue
        gap = prose[a.end : b.start]
        if gap == ". ":
            if a.text.lower() not in TITLES and len(a.text) > 1:
                continue
        elif gap != " ":
            continue
        if a.positional_capital and lexicon.zipf(a.text.lower()) >= 5.0:
            continue  # "The" opening a sentence is not half a name
        names.update((a.text, b.text))
    return names
