"""One document as the spelling rules see it: where its candidate words stand, and what their
surroundings say, worked out only for them.

Why: the rules judge words, and a word's verdict rarely depends on where it stands. The
context knows, per distinct form, whether a rule could ever report it (``SpellingContext.
flags``); a draft's distinct forms come from the engine's word list in C, and only the few
candidates are looked for in the text, in one pass with the real-word rule's suspects when
that rule runs. Sentences, quotations, names and the language of a passage are computed here
lazily, for those words alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from itertools import compress, count, filterfalse
from typing import TYPE_CHECKING, NamedTuple

from linter.memo import BoundedMemo, PerDocument
from linter.packs.spelling.tokens import (
    FOREIGN_FUNCTION_WORDS,
    TITLES,
    TOKEN_FROM_RE,
    TOKEN_RE,
    Positions,
    compound_part,
    ends_token,
    headline,
    is_letter,
    sentence_around,
    skipped,
    start_of_token_ending,
    starts_token,
)

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.packs.spelling.context import SpellingContext
    from linter.packs.spelling.vocabulary import Vocabulary

FOREIGN_RATIO = 0.3


class Token(NamedTuple):
    """A candidate word where it stands; ``text`` has curly apostrophes made straight."""

    start: int
    end: int
    text: str
    flags: int  # which rules may report it (``context.REJECT`` ...)


class Draft:
    def __init__(self, doc: Document, ctx: SpellingContext, vocab: Vocabulary) -> None:
        self.doc = doc
        self.prose = doc.prose
        self.ctx = ctx
        self.vocab = vocab
        self.words = doc.word_set
        found = ctx.candidates(self.words, vocab)
        self._searched = found  # forms already looked for (``_suspicious_starts`` reuses them)
        self.head = headline(doc)
        # a capitalised form that only the unknown-word rules judge is a name of the draft
        # once a token of it stands mid-sentence (``unpositioned``): no rule reports any
        # of its tokens, so they are dropped as they are found
        from linter.packs.spelling.context import UNKNOWN

        names = {t for t, f in found.items() if f == UNKNOWN and not t.islower()}
        # the real-word rule's suspects are looked for in the same pass, when it runs
        self._real: list[Token] | None = None
        suspected = ctx.suspect_forms(self.words) if ctx.real_words else None
        if suspected:
            forms = dict.fromkeys(suspected, 0)
            forms.update(found)  # every candidate's flags are set: its tokens carry them
            both = _find(self.prose, forms, names, self._mid_sentence, doc)
            self.tokens: list[Token] = [tok for tok in both if tok.flags]
            self._real = [tok for tok in both if tok.text in suspected]
        else:
            self.tokens = _find(self.prose, found, names, self._mid_sentence, doc)
            if suspected is not None:
                self._real = []
        self.by_text: dict[str, list[Token]] = {}
        for tok in self.tokens:
            self.by_text.setdefault(tok.text, []).append(tok)
        self._starts = Positions(doc)
        self._foreign: dict[tuple[int, int], bool] = {}
        self._names: dict[str, bool] = {}
        self._unpositioned: dict[str, bool] = {}
        self._suspects: list[int] | None = None
        self._sentence_starts: list[int] = []  # sentences found (``_sentence``), by start
        self._sentence_spans: list[tuple[int, int]] = []

    def real_word_tokens(self) -> list[Token]:
        """The tokens of the real-word rule's suspects (``SpellingContext.suspect_forms``),
        found with the candidates in one pass when the rule runs (``real_words``)."""
        found = self._real
        if found is None:
            forms = dict.fromkeys(self.ctx.suspect_forms(self.words), 0)
            found = self._real = _find(self.prose, forms, doc=self.doc) if forms else []
        return found

    def _mid_sentence(self, at: int) -> bool:
        """A token after one space and a word or comma (``_find`` tests that much) stands
        mid-sentence unless the headline ends or holds it: ``positional`` says False."""
        head = self.doc.headline
        if head and at - 1 <= head[1] <= at:
            return False
        return not self.in_headline(at)

    # ---- where a token stands ----------------------------------------------------------
    def skip(self, tok: Token) -> bool:
        return skipped(self.prose, tok.start, tok.end)

    def compound(self, tok: Token) -> bool:
        return compound_part(self.prose, tok.start, tok.end)

    def in_headline(self, start: int) -> bool:
        head = self.head
        return bool(head and head[0] <= start < head[1])

    def positional(self, start: int) -> bool:
        """First word of a sentence, a quotation or a headline: its capital says nothing."""
        if self.in_headline(start):
            return True
        return start in self._starts

    def name_part(self, tok: Token) -> bool:
        """A lower-case syllable hyphened to a capitalised one: a romanised given name
        ("Kwok-hung", "Ji-hoon", "Tai-man"), written so in Hong Kong and Korean copy."""
        prose, s = self.prose, tok.start
        if s < 3 or prose[s - 1] != "-" or not SYLLABLE_RE.fullmatch(tok.text):
            return False
        head = start_of_token_ending(prose, s - 1)
        return head < s - 1 and prose[head].isupper() and prose[head + 1 : s - 1].islower()

    def epithet(self, tok: Token) -> bool:
        """The second, lower-case half of a species name after its genus ("Formica fusca",
        "Beauveria bassiana"): a Latin ending right after a capitalised word that is no
        common English word."""
        prose, s = self.prose, tok.start
        if s < 3 or prose[s - 1] != " " or not LATIN_ENDING_RE.search(tok.text):
            return False
        head = start_of_token_ending(prose, s - 1)
        genus = prose[head : s - 1]
        return (
            len(genus) >= 3
            and genus[0].isupper()
            and genus[1:].isalpha()
            and genus[1:].islower()
            and self.ctx.lexicon.zipf(genus.lower()) < 4.0
        )

    # ---- passages in another language ---------------------------------------------------
    def foreign(self, tok: Token) -> bool:
        """Inside a sentence or quotation mostly not in English. Either sign takes two
        words of the passage that are foreign or unknown to English: only the passages
        that hold two such words are judged, and most drafts have none."""
        suspects = self._suspects
        if suspects is None:
            suspects = self._suspects = self._suspicious_starts()
        if len(suspects) < 2:
            return False
        doc = self.doc
        span = self._sentence(tok.start, tok.end)
        if span is None:  # the headline ends inside the token: ask the split
            sentences = doc.sentences
            i = bisect_right(sentences, (tok.end - 1, float("inf"))) - 1
            while i >= 0 and sentences[i][1] > tok.start:
                if self._suspected(*sentences[i]):
                    return True
                i -= 1
        elif self._suspected(*span):
            return True
        quotes = doc.quotes
        if not quotes.starts:
            return False
        i = bisect_right(quotes.starts, tok.end - 1) - 1
        while i >= 0 and quotes.ends[i] > tok.start:
            if self._suspected(quotes.starts[i], quotes.ends[i]):
                return True
            i -= 1
        return False

    def _sentence(self, start: int, end: int) -> tuple[int, int] | None:
        """``sentence_around``, remembered: the words of a foreign passage share their
        sentence, and a token inside a sentence found before is in that sentence (the
        spans are those of ``doc.sentences``, which do not overlap)."""
        starts, spans = self._sentence_starts, self._sentence_spans
        i = bisect_right(starts, start) - 1
        if i >= 0 and spans[i][1] >= end:
            return spans[i]
        span = sentence_around(self.doc, start, end)
        if span is not None and span[0] <= start and end <= span[1]:
            i = bisect_left(starts, span[0])
            starts.insert(i, span[0])
            spans.insert(i, span)
        return span

    def _suspected(self, start: int, end: int) -> bool:
        """Two suspect words in the passage, and it is foreign."""
        suspects = self._suspects or []
        count = bisect_left(suspects, end) - bisect_left(suspects, start)
        return count >= 2 and self._span_foreign(start, end)

    def _suspicious_starts(self) -> list[int]:
        """Where the judged lower-case tokens of the draft stand that are foreign
        function words or unknown to English."""
        prose = self.prose
        forms = self.ctx.suspicious(self.words)
        searched, by_text = self._searched, self.by_text
        # most lower-case candidates are suspects too: their tokens are known already
        found = [tok for form in forms if form in searched for tok in by_text.get(form, ())]
        found += _find(
            prose, dict.fromkeys((f for f in forms if f not in searched), 0), doc=self.doc
        )
        starts = [tok.start for tok in found if not skipped(prose, tok.start, tok.end)]
        starts.sort()
        return starts

    def _span_foreign(self, start: int, end: int) -> bool:
        """A Spanish paragraph of a press release, a French quotation. Two signs, either
        enough: two or more function words of another language that English lacks ("los",
        "une", "und"), or of words with accents ("será", "enseñado"); or at least two, and 30%, of the lower-case words unknown to English
        and not one slip from a common English word (a typo is one slip from its word;
        "comunidad" is not)."""
        key = (start, end)
        known = self._foreign.get(key)
        if known is None:
            known = self._foreign[key] = self._judge_span(start, end)
        return known

    def _judge_span(self, start: int, end: int) -> bool:
        prose = self.prose
        words = []
        for m in TOKEN_FROM_RE.finditer(prose, start):
            s = m.start()
            if s >= end:
                break
            text = m.group()  # apostrophes are uncased: straightening them changes no case
            if text.islower() and not skipped(prose, s, m.end()):
                words.append(text.replace("’", "'"))
        if len(words) < 2:
            return False
        # function words of another language, or words with its accents ("será")
        if sum(1 for w in words if w in FOREIGN_FUNCTION_WORDS or not w.isascii()) >= 2:
            return True
        ctx = self.ctx
        unknown = [w for w in words if not ctx.english(w)]
        if len(unknown) < 2 or len(unknown) < FOREIGN_RATIO * len(words):
            return False
        foreign = sum(1 for w in unknown if not ctx.near_english(w))
        return foreign >= 2 and foreign >= FOREIGN_RATIO * len(words)

    # ---- names ---------------------------------------------------------------------------
    def is_name(self, text: str) -> bool:
        """Whether the draft uses ``text`` as a name: next to another capitalised word
        outside the headline ("Cresent Hardy", "Mr. Enver", "J. Tennant"), except a common
        word capitalised for opening the sentence ("The Brazillian team")."""
        known = self._names.get(text)
        if known is None:
            known = self._names[text] = any(self._paired(tok) for tok in self.by_text.get(text, ()))
        return known

    def unpositioned(self, text: str) -> bool:
        """Some token of ``text`` stands where its capital is no sentence's or quotation's
        opening: then the draft uses it as a name. Once per form; the first such token
        (usually the first token) settles it."""
        known = self._unpositioned.get(text)
        if known is None:
            positional = self.positional
            known = self._unpositioned[text] = any(
                not positional(tok.start) for tok in self.by_text.get(text, ())
            )
        return known

    def _paired(self, tok: Token) -> bool:
        prose, s, e = self.prose, tok.start, tok.end
        n = len(prose)
        # the token before: "Cresent Hardy" or "Mr. Enver"
        if s >= 2 and prose[s - 1] == " ":
            if is_letter(prose[s - 2]):
                a_end = s - 1
                if self._pair(start_of_token_ending(prose, a_end), a_end, s, False):
                    return True
            elif s >= 3 and prose[s - 2] == "." and is_letter(prose[s - 3]):
                a_end = s - 2
                if self._pair(start_of_token_ending(prose, a_end), a_end, s, True):
                    return True
        # the token after
        if e + 1 < n and prose[e] == " " and is_letter(prose[e + 1]):
            return self._pair(s, e, e + 1, False)
        if e + 2 < n and prose[e : e + 2] == ". " and is_letter(prose[e + 2]):
            return self._pair(s, e, e + 2, True)
        return False

    def _pair(self, a_start: int, a_end: int, b_start: int, dotted: bool) -> bool:
        if self.in_headline(a_start) or self.in_headline(b_start):
            return False
        prose = self.prose
        if not (prose[a_start].isupper() and prose[b_start].isupper()):
            return False
        a_text = prose[a_start:a_end].replace("’", "'")
        if dotted and a_text.lower() not in TITLES and len(a_text) > 1:
            return False
        return not (self.positional(a_start) and self.ctx.lexicon.zipf(a_text.lower()) >= 5.0)


def _find(
    prose: str,
    found: dict[str, int],
    names: set[str] | frozenset[str] = frozenset(),
    mid_sentence: Callable[[int], bool] | None = None,
    doc: Document | None = None,
) -> list[Token]:
    """Every token of the candidate forms, in order. With the document (whose prose is
    ``prose``), the places are read from its word list (``_by_words``): a token lies inside
    one engine word, so only the engine words that hold a form are visited. Without it, the
    forms' texts up to their first apostrophe are found in one pass over the text (an
    Aho-Corasick automaton; ``str.find`` for a handful), which also finds them inside other
    words ("hi" in "this"), to be checked and dropped here. A form of ``names`` is left out
    altogether once a token of it stands after one space and a word or comma where
    ``mid_sentence`` holds."""
    if doc is not None and doc.prose is prose and max(map(_pieces, found), default=0) <= MAX_PIECES:
        places = _by_words(doc, found)
    else:
        places = _by_text(prose, found)
    n = len(prose)
    tokens: dict[str, list[Token]] = {}
    dropped: set[str] = set()
    for at, text in places:
        if text in dropped:
            continue
        end = at + len(text)
        # ``starts_token`` and ``ends_token`` inlined for the common case: a space or
        # punctuation mark on either side
        before = prose[at - 1] if at else " "
        after = prose[end] if end < n else " "
        if not (
            (before in _SPACE_PUNCT or starts_token(prose, at))
            and (after in _SPACE_PUNCT or ends_token(prose, end))
        ):
            continue
        if (
            text in names
            and before == " "
            and at >= 2
            and (prose[at - 2].isalnum() or prose[at - 2] == ",")
            and mid_sentence is not None
            and mid_sentence(at)
        ):
            dropped.add(text)
            tokens.pop(text, None)
            continue
        tokens.setdefault(text, []).append(Token(at, end, text, found[text]))
    result = [tok for toks in tokens.values() for tok in toks]
    result.sort()
    return result


def _by_text(prose: str, found: dict[str, int]) -> Iterator[tuple[int, str]]:
    """(offset, form) wherever the text there, apostrophes made straight, is the form."""
    heads: dict[str, list[str]] = {}
    for text in found:
        head = text if "'" not in text else text[: text.index("'")]
        if head:
            heads.setdefault(head, []).append(text)
    n = len(prose)
    for at, head in _occurrences(prose, heads):
        for text in heads[head]:
            end = at + len(text)
            if end > n:
                continue
            if text is head or prose[at:end].replace("’", "'") == text:
                yield at, text


MAX_PIECES = 12  # a form of more apostrophe-joined pieces is looked for in the text


def _pieces(form: str) -> int:
    return form.count("'") + 1


def _by_words(doc: Document, found: dict[str, int]) -> Iterator[tuple[int, str]]:
    """(offset, form) for every place where a form could be a token: a token (letters,
    apostrophes between them) starts after a non-letter and ends before one, so it lies
    inside one engine word (``\\w+(?:['’]\\w+)*``) from the start of a run of letters to
    the end of one (``_token_spans``). Most engine words are letters alone, their one span
    the word itself; those holding a form are picked out of the word list in C. The caller
    checks the characters on either side, as for ``_by_text``'s places."""
    words = doc.words
    present = doc.word_set
    hosts: dict[str, tuple[tuple[int, str], ...]] = {}
    for word in found.keys() & present:
        if word.isalpha():
            hosts[word] = ((0, word),)
    for word in _compound_words(doc):
        spans = tuple(span for span in _token_spans(word) if span[1] in found)
        if spans:
            hosts[word] = spans
    if not hosts:
        return
    starts, texts = words.starts, words.texts
    for j in compress(count(), map(hosts.__contains__, texts)):
        at = starts[j]
        for offset, form in hosts[texts[j]]:
            yield at + offset, form


_COMPOUND_WORDS: PerDocument[list[str]] = PerDocument(
    "spelling: engine words not all letters",
    # iterated in C; numbers ("2019", a sixth of them on fresh prose) hold no letter, so no
    # token: asking ``_token_spans`` of each would only fill its memo
    lambda doc: list(filterfalse(str.isdigit, filterfalse(str.isalpha, doc.word_set))),
)


def _compound_words(doc: Document) -> list[str]:
    """The draft's distinct engine words that are not letters alone ("don't", "1990s"), but
    for numbers."""
    return _COMPOUND_WORDS.of(doc)


_SPANS: BoundedMemo[str, tuple[tuple[int, str], ...]] = BoundedMemo(20_000)


def _token_spans(word: str) -> tuple[tuple[int, str], ...]:
    """(offset, text with straight apostrophes) of every stretch of an engine word that
    runs from the start of a run of letters to the end of one, with only apostrophes
    between the runs: where a token may stand ("rock", "rock'n", "n'roll" ... in
    "rock'n'roll"). Up to ``MAX_PIECES`` runs a stretch."""
    found = _SPANS.get(word)
    if found is None:
        spans = []
        plain = word.replace("’", "'")
        for m in TOKEN_RE.finditer(plain):
            token, base = m.group(), m.start()
            starts, ends, pos = [], [], 0
            for piece in token.split("'"):
                starts.append(pos)
                pos += len(piece)
                ends.append(pos)
                pos += 1
            for i, s in enumerate(starts):
                for e in ends[i : i + MAX_PIECES]:
                    spans.append((base + s, token[s:e]))
        found = _SPANS.remember(word, tuple(spans))
    return found


FEW_FORMS = 6  # up to this many, one ``str.find`` loop each is cheaper than an automaton


def _occurrences(prose: str, heads: dict[str, list[str]]) -> Iterator[tuple[int, str]]:
    """(offset, head) for every occurrence of each head in the text, overlaps included."""
    if len(heads) <= FEW_FORMS:
        find = prose.find
        for head in heads:
            at = find(head)
            while at >= 0:
                yield at, head
                at = find(head, at + 1)
        return
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for head in heads:
        automaton.add_word(head, head)
    automaton.make_automaton()
    for last, head in automaton.iter(prose):
        yield last - len(head) + 1, head


# one syllable of Cantonese, Mandarin (pinyin, Wade-Giles) or Korean romanisation
SYLLABLE_RE = re.compile(
    r"(?:[bcdfghjklmnpqrstvwxyz]{0,2}h?)(?:[aeiouy]{1,3})(?:ng|n|m|k|p|t|h|r|l)?", re.ASCII
)
# endings of Latin species names ("fusca", "bassiana", "sapiens", "coli", "aureus")
LATIN_ENDING_RE = re.compile(r"(?:a|ae|us|um|is|ii|ens|ensis|oides)$")

# characters that are no letter nor apostrophe: a token next to one starts or ends there
_SPACE_PUNCT = frozenset(' \n\t.,;:!?"“”()[]-—–')


def word_tokens(word: str) -> set[str] | tuple[str]:
    """The token forms inside one of the engine's words (apostrophes made straight)."""
    if word.isalpha() and word.isascii():
        return (word,)  # most words are one token as they stand
    return {t.replace("’", "'") for t in TOKEN_RE.findall(word)}
