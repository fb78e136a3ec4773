"""SPELL006: a real word (or a name in lower case, or a fragment) standing where a far more
common word one slip away fits both of its neighbours ("he sid the council", "at hi
speed")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from linter.editdistance import osa_distance
from linter.packs.spelling.rule import SpellingRule
from linter.rule import Example, Match

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.settings import Settings

RARE = 3.0  # Zipf under which a listed word may be a slip ("sed")
FRAGMENT_LENGTH = 3  # a short word may be a longer one cut short ("hi" for "high")
FRAGMENT_MAX_ZIPF = 5.0  # but not the commonest short words ("the", "his")
CANDIDATE_ZIPF = 4.5  # the correction is a common word
FRAGMENT_LEAD = 0.5  # a fragment's continuation is three times more common ("ad" stays)
LEAD = 2.0  # and at least a hundred times more common than the rare word
# the end of a quotation and the space after it: the slot of "said" in news copy
ATTRIBUTION_RE = re.compile(r"[,?!][”\"’'] $")
ATTRIBUTION = frozenset("said says added asked told wrote noted explained".split())
PREVIOUS_RE = re.compile(r"(?<![\w'’-])([a-z]+) $")
NEXT_RE = re.compile(r" ([a-z]+)(?![\w'’-])")


class RealWordTypo(SpellingRule):
    """What it does:
    Flags a lower-case word that is rare ("sed"), a name in lower case ("sid") or a short
    fragment ("hi") when a far more common word one slip away, or the fragment's
    continuation, fits both of its neighbours and it does not: each pair with the
    correction is common in Google Books (30 million times or more) and neither pair with
    the word as written is.

    Right after a quotation (',” sed Mohib'), where news copy attributes it, one neighbour
    is enough when the correction is a verb of attribution ("said", "added", "told").
    """

    id = "SPELL006"
    name = "real-word-typo"
    pack = "spelling"
    severity = "error"
    message = "'{match}' does not fit here: write '{suggestion}'."
    why = (
        "A slip that makes another word passes every dictionary. Its neighbours give it away:"
        " 'he said the' is among the commonest pairs of English, 'he sid the' is not. Requiring"
        " both neighbours, and a correction far more common than the word, keeps real rare"
        " words quiet."
    )
    source = "symspellpy's bigram counts (Google Books Ngram, CC BY 3.0); SCOWL; wordfreq"
    examples: Sequence[Example] = (
        Example(bad="Then he sid the council would act."),  # "said" or "did": no fix
        Example(bad="The car went at hi speed.", fixed="The car went at high speed."),
        Example(good="She said hi to the council, and Sid left."),
        Example(good="The sed command edits the stream."),
    )

    def prepare(self, settings: Settings) -> None:
        super().prepare(settings)
        self.ctx.real_words = True  # drafts find the suspects with their candidates

    def check(self, doc: Document) -> Iterator[Match]:
        lex = self.ctx.lexicon
        draft = self.ctx.draft(doc)
        accept = draft.vocab.accept
        # the tokens of the draft's words that may be slips: the table holds every word
        # ``suspects_of`` says anything of, and the draft finds them with its candidates
        tokens = draft.real_word_tokens()
        if not tokens:
            return
        prose = doc.prose
        for tok in tokens:
            if tok.text in accept:
                continue
            before = PREVIOUS_RE.search(prose, max(0, tok.start - 30), tok.start)
            after = NEXT_RE.match(prose, tok.end)
            if before is not None and after is not None:
                fits = _fits(before.group(1), tok.text, after.group(1), lex.dialect)
            elif ATTRIBUTION_RE.search(prose, max(0, tok.start - 4), tok.start):
                # right after a quotation, where news copy attributes it: ',” sed Mohib'
                fits = _attribution(tok.text, lex.dialect)
            else:
                continue
            # quoted words stand as spoken: asked last, as few tokens fit a correction and
            # the draft's quotations need not be found for the others
            if fits and not doc.in_quote(tok.start, tok.end):
                written = doc.text[tok.start : tok.end]
                yield Match(
                    tok.start,
                    tok.end,
                    f"'{written}' does not fit here: write '{fits[0]}'."
                    if len(fits) == 1
                    else f"'{written}' does not fit here: write one of {', '.join(fits)}.",
                    suggestions=fits,
                    fix=fits[0] if len(fits) == 1 else None,
                )


def suspects_of(word: str, dialect: str) -> tuple[str, ...]:
    """The common words a lower-case form may be a slip of, if it may be one: the
    definition, worked out for every listed word at build time (``suspects``), as no other
    word has any. The cheap tests come first: most words are common and long, or have no
    common word one slip away (``common.txt``, a few thousand words)."""
    if not 2 <= len(word) <= 40 or not (word.isalpha() and word.isascii() and word.islower()):
        return ()
    common = _common()
    short = len(word) <= FRAGMENT_LENGTH
    if word in common.words and not short:
        return ()  # most words of a draft
    from linter.language.lexicon import lexicon

    lex = lexicon(dialect)
    if word in lex:
        zipf = lex.zipf(word)
    elif word.title() in lex:
        zipf = 0.0  # a name in lower case: "sid"
    else:
        return ()  # unknown words are SPELL001/SPELL004's
    if zipf < RARE:  # a rare word or a name: one slip from a common word
        floor, found = max(CANDIDATE_ZIPF, zipf + LEAD), common.one_slip(word)
    elif short and zipf <= FRAGMENT_MAX_ZIPF:  # a fragment: "hi" cut from "high"
        floor = max(CANDIDATE_ZIPF, zipf + FRAGMENT_LEAD)
        found = {c for c in common.by_start.get(word, ()) if len(c) <= len(word) + 2}
    else:
        return ()
    return tuple(sorted(c for c in found if lex.zipf(c) >= floor))


@lru_cache(maxsize=2_000)
def _attribution(word: str, dialect: str) -> tuple[str, ...]:
    """The verbs of attribution a rare word (or a name in lower case) right after a
    quotation is a slip of, one or two edits away ("sed" for "said")."""
    from linter.language.lexicon import lexicon

    if not word.isalpha() or not word.islower() or word in ATTRIBUTION:
        return ()
    lex = lexicon(dialect)
    if word in lex:
        if lex.zipf(word) >= RARE:
            return ()
    elif word.title() not in lex:
        return ()  # unknown words are SPELL001/SPELL004's
    near = [(osa_distance(word, v), -lex.zipf(v), v) for v in ATTRIBUTION]
    return tuple(v for d, _, v in sorted(near) if d <= 2)


class Common:
    """The words of ``common.txt``; those of them by their first two or three letters; and
    a symmetric-delete index (each word and each string one letter shorter -> the words),
    so that the common words one slip from any word are found with a dozen lookups, not
    the ~600 strings one edit away."""

    INDEX_AFTER = 30  # words asked about before the delete index pays for itself

    def __init__(self, words: list[str]) -> None:
        self.words = set(words)
        self.long_words = frozenset(w for w in words if len(w) > FRAGMENT_LENGTH)
        self.by_start: dict[str, list[str]] = {}
        for w in words:
            for n in range(2, min(len(w) - 1, FRAGMENT_LENGTH) + 1):
                self.by_start.setdefault(w[:n], []).append(w)
        self._deletes: dict[str, list[str]] | None = None
        self.asked = 0

    def _index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for w in self.words:
            for d in {w, *_deletes(w)}:
                index.setdefault(d, []).append(w)
        self._deletes = index
        return index

    def one_slip(self, word: str) -> set[str]:
        """The common words one deletion, insertion, replacement or swap from ``word``:
        for the first few words asked, the ~600 strings one edit away met with the set;
        then, by the delete index, built once."""
        index = self._deletes
        if index is None:
            self.asked += 1
            if self.asked <= self.INDEX_AFTER:
                from linter.packs.spelling.suggest import edit_strings

                return self.words.intersection(edit_strings(word)) - {word}
            index = self._index()
        found = set(index.get(word, ()))
        for d in _deletes(word):
            found.update(index.get(d, ()))
            if d in self.words:
                found.add(d)
        found.discard(word)
        return {c for c in found if _one_slip(word, c)}


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _one_slip(a: str, b: str) -> bool:
    """Optimal string alignment distance 1 (candidates of the delete index may be two)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i = diff[0] if len(diff) == 2 else -1
        return len(diff) == 2 and diff[1] == i + 1 and a[i] == b[i + 1] and a[i + 1] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


@lru_cache(maxsize=1)
def _common() -> Common:
    from linter.language.lexicon import data_dir

    return Common((data_dir() / "common.txt").read_text("ascii").split())


def _fits(before: str, word: str, after: str, dialect: str) -> tuple[str, ...]:
    """The candidates that make common pairs with both neighbours, best first, when the
    word itself makes neither."""
    from linter.packs.spelling.suspects import suspects

    pairs = _pairs()
    if pairs.get(f"{before} {word}") or pairs.get(f"{word} {after}"):
        return ()
    scored = []
    for c in suspects(dialect).get(word):
        left = pairs.get(f"{before} {c}")
        right = pairs.get(f"{c} {after}") if left else 0
        if left and right:
            scored.append((min(left, right), c))
    scored.sort(reverse=True)
    return tuple(c for _, c in scored[:3])


class Pairs:
    """The common word pairs (``build_data.write_pairs``, sorted lines ``first second
    band``), looked up in the file's text in place: the keys of lines sampled every
    ``STRIDE`` characters (read when first asked) say between which two a pair's line must
    be, and one ``str.find`` in C looks there. Hashing the 60,000 pairs would cost a run
    about 60 ms; a draft asks for a few."""

    STRIDE = 2048

    def __init__(self, text: str) -> None:
        self.text = "\n" + text
        self._keys: list[str] | None = None  # sampled lines, each up to its band
        self._starts: list[int] = []  # where those lines start (after their line break)

    def _sample(self) -> list[str]:
        text, keys, starts = self.text, [], self._starts
        for at in range(1, len(text), self.STRIDE):
            start = text.find("\n", at - 1) + 1
            end = text.rfind(" ", start, text.find("\n", start))
            if start <= 0 or end < 0:
                break
            if not starts or start > starts[-1]:
                keys.append(text[start:end] + " ")
                starts.append(start)
        self._keys = keys
        return keys

    def get(self, key: str) -> int:
        keys = self._keys if self._keys is not None else self._sample()
        starts, text = self._starts, self.text
        # lines sorted whole sort by ``key + " "`` (no key character sorts before a space)
        i = bisect_right(keys, key + " ")
        lo = starts[i - 1] - 1 if i else 0
        hi = starts[i] if i < len(starts) else len(text)
        # "\nat high " starts only the line of "at high": a pair is two words
        at = text.find(f"\n{key} ", lo, hi)
        if at < 0:
            return 0
        start = at + len(key) + 2
        return int(text[start : text.find("\n", start)])


@lru_cache(maxsize=1)
def _pairs() -> Pairs:
    """Loaded when a suspect word first has two lower-case neighbours."""
    from linter.language.lexicon import data_dir

    return Pairs((data_dir() / "pairs.txt").read_text("ascii"))


RULES = [RealWordTypo]
