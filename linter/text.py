"""The text machinery under the linguistic layer: what a word token is (``WORD_RE``), where
sentences, paragraphs and quotations are (``sentences``, ``paragraphs``, ``quotations``),
and addresses and figures. ``Document`` applies these once per document; the packs read them
through ``linter.language`` (``tokens``, ``sentences``), whose views are tested against them,
so there is one definition of a word and one sentence splitter.

Every function takes the masked prose (markup already blanked) so spans index the source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator

from linter.lazyre import lazy

WORD_RE = re.compile(r"\w+(?:['’]\w+)*")
# the same words as a splitting pattern: its split alternates gaps and words, and gives
# both without a match object per word. Possessive (``++``, ``*+``): nothing follows the
# word in the pattern, so the greedy first try is always the match, and the engine need not
# keep backtracking points for each character (a third faster on prose)
WORD_SPLIT_RE = re.compile(r"(\w++(?:['’]\w++)*+)")
URL_RE = lazy(
    r"\b(?:(?:https?|ftp)://|www\.)[^\s<>()\"“”]*[^\s<>()\"“”.,;:!?'’]"
    r"|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b"
    r"|\b(?:[\w-]+\.)+(?:com|org|net|gov|edu|io|co|uk|de|fr|ly|tv|info|news)\b(?:/[^\s<>()\"“”]*[\w/])?"
)
# every web or e-mail address holds one of these; an address never spans whitespace
URL_TRIGGER_RE = re.compile(
    r"://|www\.|@|\.(?:com|org|net|gov|edu|io|co|uk|de|fr|ly|tv|info|news)\b"
)
SPACE_RE = re.compile(r"\s")


def url_spans(text: str) -> list[tuple[int, int]]:
    """Web and e-mail addresses: ``URL_RE`` run only over the whitespace-free runs that hold
    a trigger, which gives the same matches as running it over the whole text at a fraction
    of the cost (most words of a draft are no address)."""
    spans: list[tuple[int, int]] = []
    done = 0  # end of the last run searched
    for trigger in URL_TRIGGER_RE.finditer(text):
        at = trigger.start()
        if at < done:
            continue
        start = at
        while start > done and not text[start - 1].isspace():
            start -= 1
        space = SPACE_RE.search(text, trigger.end())
        done = space.start() if space else len(text)
        spans.extend(m.span() for m in URL_RE.finditer(text, start, done))
    return spans


# the text encoded as UTF-8 made one byte a character: continuation bytes are dropped, and
# every byte left becomes a space except the digits, which become "0"
_DIGIT_BYTES = bytes(48 if 48 <= b <= 57 else 32 for b in range(256))
_CONTINUATION_BYTES = bytes(range(0x80, 0xC0))
_ASCII_BYTES = bytes(range(128))
_ANY_DIGIT_RE = re.compile(r"\d")


def digit_run_starts(prose: str) -> list[int] | None:
    """Offsets where the maximal runs of ASCII digits start, or None when the text holds a
    non-ASCII digit (which ``\\d`` matches too): rules whose matches start at a figure try
    their pattern only there. Digits are found with ``bytes.find`` on the text encoded as
    UTF-8 without its continuation bytes (one byte a character), where a regex class would
    test every character."""
    runs: list[int] = []
    data = prose.encode("utf-8", "surrogatepass")
    if len(data) != len(prose):  # some character is not ASCII: is one of them a digit?
        others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
        if _ANY_DIGIT_RE.search(others):
            return None
    marks = data.translate(_DIGIT_BYTES, _CONTINUATION_BYTES)
    find = marks.find
    i = find(b"0")
    while i >= 0:
        runs.append(i)
        j = find(b" ", i)  # the end of the run
        if j < 0:
            break
        i = find(b"0", j)
    return runs


BLANK_LINE_RE = re.compile(r"\n[ \t\r]*\n\s*")

ABBREVIATIONS = frozenset(
    """mr mrs ms dr st jr sr gov sen rep gen lt col capt sgt prof inc corp co ltd no vs etc
    jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rev hon atty supt messrs
    fig vol pp approx dept est univ""".split()
)
# closing marks that may follow a sentence's terminal punctuation
SENTENCE_CLOSERS = "\"”’')]"
SENTENCE_END_RE = re.compile(rf"[.!?]+[{re.escape(SENTENCE_CLOSERS)}]*(?=\s+[\"“‘'(\[]*[A-Z0-9])")


def paragraphs(prose: str) -> list[tuple[int, int]]:
    """Blocks of text separated by blank lines."""
    spans, start = [], 0
    for m in BLANK_LINE_RE.finditer(prose):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(prose) and prose[start:].strip():
        spans.append((start, len(prose)))
    return spans


def ends_sentence(prose: str, at: int) -> bool:
    """Whether terminal punctuation at ``at`` (a match of ``SENTENCE_END_RE``) ends a
    sentence: a full stop after an abbreviation, an initial or "U.S." does not. Shared by the
    rules that find one word's sentence without splitting the whole document."""
    if prose[at] != ".":
        return True
    start = at
    while start > 0 and (prose[start - 1].isalnum() or prose[start - 1] == "."):
        start -= 1
    word = prose[start:at]
    if word.lower() in ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return False
    return not ("." in word and len(word) <= 4)  # U.S., a.m.


def sentence_cut_before(prose: str, i: int) -> int | None:
    """Where ``sentences`` cuts after the terminal punctuation that ends just before ``i``
    (closing marks skipped), or None when no sentence ends there."""
    j = i
    while j > 0 and prose[j - 1] in SENTENCE_CLOSERS:
        j -= 1
    r = j
    while r > 0 and prose[r - 1] in ".!?":
        r -= 1
    if r == j:
        return None
    m = SENTENCE_END_RE.match(prose, r)
    if m is None or not ends_sentence(prose, r):
        return None
    return m.end()


def char_positions(prose: str, chars: str) -> list[int]:
    """Sorted offsets of the given characters: one ``str.find`` run per character, which
    skips through the text in C where a regex character class tests every position."""
    return find_all(prose, chars)


def find_all(text: str, needles: Iterable[str]) -> list[int]:
    """Sorted offsets, each once, where any of ``needles`` (characters or words) occurs in
    ``text``: one ``str.find`` run per needle, in C."""
    found: list[int] = []
    find = text.find
    for needle in needles:
        i = find(needle)
        while i >= 0:
            found.append(i)
            i = find(needle, i + 1)
    return sorted(set(found))


def _mark_runs(prose: str) -> list[int]:
    """Where each run of terminal punctuation starts, in order: the only places a match of
    ``SENTENCE_END_RE`` can start (one tried inside a run fails as the run's start does)."""
    return [at for at in char_positions(prose, ".!?") if not at or prose[at - 1] not in ".!?"]


def sentence_starts_at(prose: str, at: int, head_end: int | None = None) -> bool:
    """Whether a span of ``sentences(prose, (head_end,))`` starts at ``at`` (no whitespace),
    asked of that one place: only whitespace lies before it, or the whitespace before it
    holds a blank line or the headline's end, or follows a sentence end that ``sentences``
    cuts at."""
    i = at
    while i > 0 and prose[i - 1].isspace():
        i -= 1
    if i == 0 or (head_end is not None and i <= head_end <= at):
        return True
    if i == at:
        return False
    if BLANK_LINE_RE.search(prose, i, at):
        return True
    return sentence_cut_before(prose, i) == i


def figure_matches(
    pattern: re.Pattern[str], prose: str, starts: list[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(prose)`` for a pattern whose every match starts where a run of
    digits starts: tried at ``starts`` (``digit_run_starts``) alone, passing over the runs a
    match took, as the scan would; None (a non-ASCII digit somewhere) means the scan."""
    if starts is None:
        yield from pattern.finditer(prose)
        return
    done = 0
    match = pattern.match
    for at in starts:
        if at >= done:
            m = match(prose, at)
            if m is not None:
                done = m.end()
                yield m


def sentences(prose: str, breaks: list[int] | tuple[int, ...] = ()) -> list[tuple[int, int]]:
    """Sentence spans: split at terminal punctuation before a capital, at blank lines and at
    the given extra break offsets (the end of a headline), skipping common abbreviations."""
    cuts = set(breaks)
    for at in _mark_runs(prose):
        m = SENTENCE_END_RE.match(prose, at)
        if m is not None and ends_sentence(prose, at):
            cuts.add(m.end())
    ordered = sorted(cuts)
    spans: list[tuple[int, int]] = []
    for para_start, para_end in paragraphs(prose):
        start = para_start
        # the cuts inside this paragraph (looking at every cut for every paragraph was
        # quadratic on a long file of short paragraphs)
        inside = ordered[bisect_right(ordered, para_start) : bisect_left(ordered, para_end)]
        for cut in inside:
            spans.append((start, cut))
            start = cut
        spans.append((start, para_end))
    result = []
    for start, end in spans:
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        if end > start:
            result.append((start, end))
    return result


OPENERS = {"“": "”", "‘": "’", '"': '"', "«": "»", "„": "“"}


# the only characters that can open or close a quotation, or end a run-on one
QUOTE_EVENT_RE = re.compile(r"""[“‘"«„”’»'\n]""")


# what can open a quotation (the straight single mark only before a letter, see below)
OPENING_RE = re.compile(r"""[“‘"«„']""")


def quotations(prose: str) -> list[tuple[int, int]]:
    """Spans of quoted text, marks included. A quotation never crosses a blank line; one left
    open runs to the end of its paragraph, as news copy does when a quote runs on. Only the
    marks that can change the state are visited: outside a quotation the next opening mark,
    inside one its closing mark (and, for a double quotation, the next line break)."""
    spans: list[tuple[int, int]] = []
    find = prose.find
    for para_start, para_end in paragraphs(prose):
        i = para_start
        while True:
            m = OPENING_RE.search(prose, i, para_end)
            if m is None:
                break
            i = m.start()
            ch = prose[i]
            if ch == "'":
                opened = _opens_straight_single(prose, i, para_end)
                closer = "'"
            else:
                opened = _opens(prose, i, para_end)
                closer = OPENERS[ch]
            if not opened:
                i += 1
                continue
            open_at, j = i, i + 1
            while True:  # inside the quotation: its closer, or a line break that reopens it
                close = find(closer, j, para_end)
                brk = find("\n", j, close if close >= 0 else para_end) if closer in '”"' else -1
                while brk >= 0 and not (brk + 1 < para_end and prose[brk + 1] in '“"'):
                    brk = find("\n", brk + 1, close if close >= 0 else para_end)
                if brk >= 0:  # a run-on quote reopens on the next line
                    spans.append((open_at, brk))
                    i = brk + 1
                    break
                if close < 0:
                    spans.append((open_at, para_end))
                    i = para_end
                    break
                if _closes(prose, close, para_end, closer):
                    spans.append((open_at, close + 1))
                    i = close + 1
                    break
                j = close + 1
    return spans


def _opens(prose: str, i: int, end: int) -> bool:
    nxt = prose[i + 1] if i + 1 < end else " "
    if prose[i] == '"':
        return not nxt.isspace()
    if prose[i] == "‘":
        return nxt.isalnum() or nxt in '“"'
    return True


def _opens_straight_single(prose: str, i: int, end: int) -> bool:
    prev = prose[i - 1] if i > 0 else " "
    nxt = prose[i + 1] if i + 1 < end else " "
    return (prev.isspace() or prev in '(“"') and nxt.isalpha()


def _closes(prose: str, i: int, end: int, ch: str) -> bool:
    if ch in "’'":  # an apostrophe is followed by a letter: Musk’s, don’t
        nxt = prose[i + 1] if i + 1 < end else " "
        return not nxt.isalpha()
    return True
