"""What the spelling rules share in one run (dictionary, vocabulary, codespell's list) and
per document (the words judged, once, whichever of the rules asks first)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from linter.spelling.tokens import Token, base, name_words, tokens

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.settings import Settings
    from linter.spelling.lexicon import KnownMisspellings, Lexicon
    from linter.spelling.suggest import Verdict
    from linter.spelling.vocabulary import Vocabulary

# pieces of hyphenated compounds that are no words alone: "co-founder", "e-mail"
PREFIXES = frozenset(
    "co de e ex re pre non anti multi mid post pro semi sub inter intra self bi tri "
    "counter cyber eco geo hydro macro micro mini neo para pseudo quasi socio ultra un".split()
)
MIN_LENGTH = 3
# British and American spellings of one word (SCOWL lists only the common ones)
DIALECT_SWAP_PATTERNS = (
    (r"is(ation|e|ed|es|ing|er|ers)$", r"iz\1"),
    (r"iz(ation|e|ed|es|ing|er|ers)$", r"is\1"),
    (r"ys(e|ed|es|ing)$", r"yz\1"),
    (r"yz(e|ed|es|ing)$", r"ys\1"),
    (r"our(s|ed|ing|ite|ites|able)?$", r"or\1"),
    (r"(?<=[^aeiou])or(s|ed|ing|ite|ites|able)?$", r"our\1"),
    (r"tre(s)?$", r"ter\1"),
    (r"ter(s)?$", r"tre\1"),
    (r"[iy][sz]ations?$", "ize"),  # "iodisation": the lists have "iodize"
    (r"[iy][sz]ations?$", "ise"),
    (r"([lp])\1(ed|ing|er|ers|or|ors)$", r"\1\2"),  # travelled, worshippers
    (r"(?<=[aeiou]l)(ed|ing|er|ers)$", r"l\1"),  # traveled -> travelled
    (r"ae", "e"),
    (r"oe", "e"),
    (r"(?<=[fct])ence$", "ense"),  # defence, licence, pretence
    (r"(?<=[fct])ense$", "ence"),
    (r"ogue$", "og"),
)


@dataclass(frozen=True)
class Unknown:
    token: Token
    word: str
    verdict: Verdict


class SpellingContext:
    def __init__(self, settings: Settings) -> None:
        from linter.spelling.lexicon import NO_MISSPELLINGS, known_misspellings, lexicon
        from linter.spelling.vocabulary import vocabulary

        self.lexicon: Lexicon = lexicon(settings.dialect)
        self.vocabulary: Vocabulary = vocabulary(settings)
        use_codespell = settings.table("spelling").get("codespell", True)
        self.known: KnownMisspellings = known_misspellings() if use_codespell else NO_MISSPELLINGS
        self._unknown: WeakKeyDictionary = WeakKeyDictionary()
        self._names: WeakKeyDictionary = WeakKeyDictionary()

    def tokens(self, doc: Document) -> list[Token]:
        return tokens(doc, self.lexicon)

    def names(self, doc: Document) -> set[str]:
        """Capitalised words the draft uses as names (see ``tokens.name_words``)."""
        if doc not in self._names:
            self._names[doc] = name_words(self.tokens(doc), doc.prose, self.lexicon)
        return self._names[doc]

    def vocabulary_of(self, doc: Document) -> Vocabulary:
        """The project's vocabulary, extended by the draft's front matter
        (``vocabulary: {accept: [...], reject: [...]}``)."""
        from linter.spelling.vocabulary import with_front_matter

        return with_front_matter(self.vocabulary, doc.metadata.get("vocabulary"))

    def is_valid(self, word: str, vocab: Vocabulary | None = None) -> bool:
        """In the dictionary of either dialect, or accepted by the project."""
        lex = self.lexicon
        if word in (vocab or self.vocabulary).accept:
            return True
        stem = base(word)
        return lex.known_word(stem) or lex.other_dialect(stem) or lex.other_dialect(stem.lower())

    def unknown(self, doc: Document) -> list[Unknown]:
        """Lower-case words that no list knows and codespell does not list either, each with
        its ranked corrections."""
        if doc not in self._unknown:
            self._unknown[doc] = list(self._find_unknown(doc))
        return self._unknown[doc]

    def _find_unknown(self, doc: Document):
        from linter.spelling.suggest import judge

        verdicts: dict[str, Verdict] = {}
        vocab = self.vocabulary_of(doc)
        toks = self.tokens(doc)
        capitalised = None
        for tok in toks:
            if tok.skip or tok.foreign or not tok.text.isascii():
                continue
            opening = False
            if not tok.is_lower:
                if not (tok.is_title and tok.positional_capital and not tok.in_headline):
                    continue
                if tok.compound_part or len(tok.text) < 5 or doc.in_quote(tok.start, tok.end):
                    continue  # "Digi-destined", a quoted nickname: too often a name
                if capitalised is None:  # capitalised words used mid-sentence: names
                    capitalised = self.names(doc) | {
                        t.text for t in toks if t.is_title and not t.positional_capital
                    }
                if tok.text in capitalised or base(tok.text) in self.lexicon:
                    continue
                opening = True
            word = base(tok.text).lower() if opening else base(tok.text)
            if len(word) < MIN_LENGTH or self.is_valid(word, vocab):
                continue
            if tok.compound_part and word in PREFIXES:
                continue
            if self.known.lookup(word) or word in vocab.reject:
                continue  # the known-misspelling and rejected-word rules report these
            if word.title() in self.lexicon:
                continue  # a name in lower case ("anti-christ"): capitalisation, not spelling
            if self.dialect_variant(word):
                continue  # "iodisation" where the lists have "iodization"
            if word not in verdicts:
                verdicts[word] = judge(word, self.lexicon)
                if verdicts[word].confident and self._plausible(word):
                    verdicts[word] = replace(verdicts[word], confident=False, safe_fix=False)
            if opening and not verdicts[word].safe_fix:
                continue  # a capitalised word opening a sentence and no clear fix: a name
            yield Unknown(tok, word, verdicts[word])

    def dialect_variant(self, word: str) -> str | None:
        """The known spelling of another dialect's form of ``word`` ("iodisation" ->
        "iodization", "colour" -> "color"), if the lists hold one."""
        lex = self.lexicon
        for pattern, repl in _dialect_swaps():
            variant = pattern.sub(repl, word)
            if variant != word and (variant in lex or lex.other_dialect(variant)):
                return variant
        return None

    def _plausible(self, word: str) -> bool:
        """An abbreviation with an apostrophe ("gov't") may be a real word: say so, do not
        call it wrong."""
        if "'" in word.strip("'"):
            return not word.endswith(("n't", "'ll", "'re", "'ve", "'d", "'m"))
        return False


@lru_cache(maxsize=1)
def _dialect_swaps() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(a), b) for a, b in DIALECT_SWAP_PATTERNS]


_CONTEXTS: dict[str, SpellingContext] = {}


def context(settings: Settings) -> SpellingContext:
    """One context per distinct settings, shared by all spelling rules of a run."""
    key = settings.fingerprint()
    if key not in _CONTEXTS:
        _CONTEXTS[key] = SpellingContext(settings)
    return _CONTEXTS[key]


def quoted(words: tuple[str, ...]) -> str:
    """'a', 'b' or 'c'"""
    items = [f"'{w}'" for w in words]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def match_case(word: str, like: str) -> str:
    """A correction in the capitalisation of the word it replaces."""
    if like.isupper() and len(like) > 1:
        return word.upper()
    if like[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
