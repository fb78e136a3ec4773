"""What the spelling rules share in one run (dictionary, vocabulary, codespell's list, and a
verdict per word form) and per document (its candidate words, judged once, whichever of the
rules asks first)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress
from typing import TYPE_CHECKING

from linter.memo import PerDocument
from linter.packs.spelling.draft import Draft, Token, word_tokens
from linter.packs.spelling.suggest import Verdict, judge, neighbours
from linter.packs.spelling.tokens import FOREIGN_FUNCTION_WORDS, base, is_title
from linter.record import Frozen

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.language.lexicon import KnownMisspellings, Lexicon
    from linter.packs.spelling.derive import Deriver
    from linter.packs.spelling.verdicts import VerdictStore
    from linter.packs.spelling.vocabulary import Vocabulary
    from linter.settings import Settings

# pieces of hyphenated compounds that are no words alone: "co-founder", "e-mail"
PREFIXES = frozenset(
    "co de e ex re pre non anti multi mid post pro semi sub inter intra self bi tri "
    "counter cyber eco geo hydro macro micro mini neo para pseudo quasi socio ultra un".split()
)
MIN_LENGTH = 3
HASH_AT = 2_000  # new distinct words in a run (four drafts) that make hashing the lexicon pay
MEMO_LIMIT = 100_000  # per-word memo entries kept for a run (see _bound_memos)
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
    (r"ae(?=[a-z]{2})", "e"),  # paediatric, oestrogen; not "acroes" for "acres"
    (r"oe(?=[a-z]{2})", "e"),
    (r"(?<=[fct])ence$", "ense"),  # defence, licence, pretence
    (r"(?<=[fct])ense$", "ence"),
    (r"ogue$", "og"),
)


# which rules may report a word form (``SpellingContext.flags``)
REJECT, KNOWN, DIALECT, UNKNOWN = 1, 2, 4, 8


class Unknown(Frozen):
    __slots__ = ("token", "verdict", "word")
    _fields = ("token", "word", "verdict")

    token: Token
    word: str
    verdict: Verdict

    def __init__(self, token: Token, word: str, verdict: Verdict) -> None:
        put = object.__setattr__
        put(self, "token", token)
        put(self, "word", word)
        put(self, "verdict", verdict)


class SpellingContext:
    """The run's dictionary and vocabulary, and what it has decided about each word form:
    drafts repeat the same words, so each form is judged once per run."""

    def __init__(self, settings: Settings) -> None:
        from linter.language.lexicon import NO_MISSPELLINGS, known_misspellings, lexicon
        from linter.packs.spelling.vocabulary import vocabulary

        self.lexicon: Lexicon = lexicon(settings.dialect)
        self.vocabulary: Vocabulary = vocabulary(settings)
        use_codespell = settings.table("spelling").get("codespell", True)
        self.known: KnownMisspellings = known_misspellings() if use_codespell else NO_MISSPELLINGS
        # the latest document's draft: a Draft holds its document, so a WeakKeyDictionary
        # (whose values keep their keys alive) would keep every document of a run in memory
        self._last_draft: tuple[Document, Draft] | None = None
        # per document and per context (a context is one run's settings)
        self._unknown: PerDocument[list[Unknown]] = PerDocument(
            "spelling: unknown words", lambda doc: list(self._find_unknown(doc))
        )
        self._boring: set[str] = set()  # engine words holding no form any rule may report
        self._forms: dict[str, tuple[tuple[str, int], ...]] = {}  # engine word -> candidates
        self._flags: dict[str, int] = {}
        self._variants: dict[str, str | None] = {}
        self._verdicts: dict[str, Verdict] = {}
        self._english: dict[str, bool] = {}
        self._near: dict[str, bool] = {}
        self._plain_words: set[str] = set()  # engine words holding no suspect form
        self._listed_possessives: set[str] | None = None
        self._suspicious: dict[str, tuple[str, ...]] = {}  # engine word -> the others
        self._deriver: Deriver | None = None
        self._new_words = 0  # new distinct words met in the run while the lexicon is unhashed
        self._store: VerdictStore | bool | None = False  # False: not asked yet
        # whether the real-word rule runs: then a draft finds its suspects' tokens in the
        # same pass as the candidates' (``Draft.real_word_tokens``)
        self.real_words = False

    # ---- per document -------------------------------------------------------------------
    def draft(self, doc: Document) -> Draft:
        """The document's candidate words and their context, computed once per document."""
        last = self._last_draft
        if last is not None and last[0] is doc:
            return last[1]
        self._bound_memos()
        found = Draft(doc, self, self.vocabulary_of(doc))
        self._last_draft = (doc, found)
        return found

    def _bound_memos(self) -> None:
        """The per-word memos grow with an archive's vocabulary (names, typos, numbers):
        past ``MEMO_LIMIT`` entries in all they start afresh. They are caches of what the
        word lists say, so forgetting costs time, never a finding."""
        memos = (
            self._boring,
            self._forms,
            self._flags,
            self._variants,
            self._verdicts,
            self._english,
            self._near,
            self._plain_words,
            self._suspicious,
        )
        if sum(map(len, memos)) > MEMO_LIMIT:
            for memo in memos:
                memo.clear()

    def candidates(self, words: frozenset[str], vocab: Vocabulary) -> dict[str, int]:
        """The token forms that some rule may report, with their flags, among a draft's
        distinct engine words (``doc.words``, which hold every token), sifted in C against
        the words already known to hold nothing reportable."""
        found: dict[str, int] = {}
        boring, known_forms = self._boring, self._forms
        reject = self.vocabulary.reject
        fresh = words - boring
        if not self.lexicon.lower_hashed:
            # a big draft, or many drafts of new words: classify new words in bulk
            self._new_words += len(fresh.difference(known_forms))
            if self._new_words > HASH_AT:
                self.lexicon.lower_words()
        sets = self.lexicon.hashed() if not reject else None
        if sets is not None:
            new = fresh.difference(known_forms)  # first seen (or forgotten): most drafts none
            if new:
                fresh -= self._sift(new, *sets)
        for word in fresh:
            forms = known_forms.get(word)
            if forms is None:
                forms = self._forms_of(word, sets)
                if not forms:
                    boring.add(word)
                    continue
                known_forms[word] = forms
            found.update(forms)
        if vocab is not self.vocabulary and vocab.reject:  # the draft's own reject list
            for word in words:
                for t in word_tokens(word):
                    if t in vocab.reject:
                        found[t] = found.get(t, 0) | REJECT
        return found

    def _sift(
        self, fresh: frozenset[str], ours: set[str], capitals: set[str], others: set[str]
    ) -> frozenset[str]:
        """The new engine words that hold no reportable form, as far as the hashed lists
        tell in bulk (the rest are classified one by one): a listed word that starts in lower case is one
        token (an engine word starts and ends with a letter) that no rule reports, unless a
        possessive, whose base the lists may lack (sifted in C); and so is a capitalised
        word known in lower case ("Receive" opening a sentence: one lookup each), and a
        listed name ("Poland", "NASA") unless its lower case is another dialect's word
        (what ``_classify_letters`` says of them, asked in one comprehension)."""
        boring, plain = self._boring, self._plain_words
        known = fresh & ours
        possessives = self._possessives()
        if possessives:
            known -= possessives
        plain |= known - FOREIGN_FUNCTION_WORDS
        fresh = fresh - known
        rest = list(fresh)  # asked of the lists in C: most are not known in lower case
        lowered = compress(rest, map(ours.__contains__, map(str.lower, rest)))
        titled = {w for w in lowered if w.isalpha() and is_title(w)}
        plain |= titled  # English, and title case: no foreign function word
        fresh -= titled
        named = {
            w
            for w in fresh & capitals
            if w.isalpha() and w.isascii() and (w.lower() not in others or not is_title(w))
        }
        plain |= named  # no lower-case form: no suspect
        aside = known | titled | named
        boring |= aside
        return aside

    def _forms_of(
        self, word: str, sets: tuple[set[str], set[str], set[str]] | None
    ) -> tuple[tuple[str, int], ...]:
        """The reportable token forms of a new engine word, with their flags. With the
        lists hashed and no reject list, ``_sift`` has set the known words aside, and an
        ASCII word of letters alone (most new words) is its one token, classified at once,
        and what ``suspicious`` would say of it is settled on the way."""
        if sets is not None:
            if word.isascii():
                if word.isalpha():
                    ours, _, others = sets
                    if not word.islower():
                        self._plain_words.add(word)  # no lower-case form: no suspect
                    elif word in FOREIGN_FUNCTION_WORDS or not (word in ours or word in others):
                        self._suspicious[word] = (word,)  # foreign or unknown to English
                    else:
                        self._plain_words.add(word)
                    flags = self._classify_letters(word, *sets)
                    return ((word, flags),) if flags else ()
                if word.isdigit():
                    self._plain_words.add(word)
                    return ()  # a number: no letters, no token, no suspect
        else:
            lex = self.lexicon
            if (
                word.isalpha()
                and (word.islower() or is_title(word))
                and word.lower() in lex
                and word not in self.vocabulary.reject
            ):
                self._boring.add(word)  # one token, known in lower case: most words
                if word not in FOREIGN_FUNCTION_WORDS:
                    self._plain_words.add(word)  # and English
                return ()
        return tuple((t, f) for t in word_tokens(word) if (f := self.flags(t)))

    def _possessives(self) -> set[str]:
        if self._listed_possessives is None:
            self._listed_possessives = {
                w for lst in self.lexicon.lists for w in lst.ending_with("'s") if len(w) > 3
            }
        return self._listed_possessives

    def suspect_forms(self, words: frozenset[str]) -> set[str]:
        """The real-word rule's suspects among a draft's engine words (``suspects``)."""
        from linter.packs.spelling.suspects import suspects

        return suspects(self.lexicon.dialect).among(words)

    def vocabulary_of(self, doc: Document) -> Vocabulary:
        """The project's vocabulary, extended by the draft's front matter
        (``vocabulary: {accept: [...], reject: [...]}``)."""
        from linter.packs.spelling.vocabulary import with_front_matter

        return with_front_matter(self.vocabulary, doc.metadata.get("vocabulary"))

    # ---- per word form ------------------------------------------------------------------
    def flags(self, text: str) -> int:
        """Which rules may report the token form ``text`` somewhere, whatever its context
        and the draft's own vocabulary (those can only spare it)."""
        found = self._flags.get(text)
        if found is None:
            found = self._flags[text] = self._classify(text)
        return found

    def _classify(self, text: str) -> int:
        flags = REJECT if text in self.vocabulary.reject else 0
        lower = text.islower()
        if not (lower or is_title(text)):
            return flags  # initialisms, CamelCase brands
        sets = self.lexicon.hashed()
        if sets is not None and text.isalpha() and text.isascii():
            return flags | self._classify_letters(text, *sets)
        return flags | self._classify_any(text, lower)

    def _classify_letters(
        self, text: str, ours: set[str], capitals: set[str], others: set[str]
    ) -> int:
        """``_classify`` for an ASCII word of letters alone (most new forms: names, typos)
        but for the reject list, asked of the hashed lists directly: no ending to strip,
        and each list is asked once. A test compares it with ``_classify_any``."""
        lower = text.islower()
        if not (lower or is_title(text)):
            return 0  # initialisms, CamelCase brands
        word = text.lower()
        listed = text in (ours if lower else capitals)
        if listed and lower:
            return 0
        known = listed if lower else word in ours  # its lower-case form
        other = word in others
        flags = 0
        valid = listed or (known and len(text) > 1) or other or text in others
        if not valid and self.known.lookup(word):
            flags |= KNOWN
        if other and not known:
            ours_spelt = self.dialect_variant(word)
            if ours_spelt and ours_spelt in self.lexicon:
                flags |= DIALECT
        if (
            (lower or (len(text) >= 5 and not listed))
            and len(word) >= MIN_LENGTH
            and not known
            and not other
            and not self.known.lookup(word)
            and word.title() not in capitals
            and not self.dialect_variant(word)
        ):
            flags |= UNKNOWN
        return flags

    def _classify_any(self, text: str, lower: bool) -> int:
        lex = self.lexicon
        flags = 0
        stem = base(text)
        if lower and stem is text and text in lex:
            return flags  # most words: known as written, so known to every rule
        if not self._lex_valid(text) and self.known.lookup(text.lower()):
            flags |= KNOWN
        word = stem.lower()
        if word not in lex and lex.other_dialect(word):
            ours = self.dialect_variant(word)
            if ours and ours in lex:
                flags |= DIALECT
        if text.isascii() and (lower or (len(text) >= 5 and stem not in lex)):
            word = stem if lower else word
            # codespell's list is asked of the whole form: "yearm's" is this rule's
            if self._unknown_word(word, listed_ok=stem is not text):
                flags |= UNKNOWN
        return flags

    def _unknown_word(self, word: str, listed_ok: bool = False) -> bool:
        """No list knows it, codespell does not list it (unless ``listed_ok``), and it is no
        name in lower case nor another dialect's form of a known word."""
        if len(word) < MIN_LENGTH or self._lex_valid(word):
            return False
        if not listed_ok and self.known.lookup(word):
            return False  # the known-misspelling rule reports these
        if word.title() in self.lexicon:
            return False  # a name in lower case ("anti-christ"): capitalisation, not spelling
        return not self.dialect_variant(word)  # "iodisation" where the lists have "iodization"

    def _lex_valid(self, word: str) -> bool:
        """In the dictionary of either dialect (the project's accept list is the draft's
        business: see the rules)."""
        lex = self.lexicon
        stem = base(word)
        return lex.known_word(stem) or lex.other_dialect(stem) or lex.other_dialect(stem.lower())

    def english(self, word: str) -> bool:
        """A lower-case word English knows, as far as telling a foreign passage goes."""
        found = self._english.get(word)
        if found is None:
            lex = self.lexicon
            if not word.isascii():
                found = word in lex
            else:
                stem = base(word)
                found = stem in lex or lex.other_dialect(stem)
            self._english[word] = found
        return found

    def suspicious(self, words: frozenset[str]) -> set[str]:
        """The lower-case token forms among a draft's engine words that are function
        words of another language or unknown to English (see ``Draft._span_foreign``)."""
        found: set[str] = set()
        plain, known = self._plain_words, self._suspicious
        for word in words - plain:
            forms = known.get(word)
            if forms is None:
                forms = tuple(
                    t
                    for t in word_tokens(word)
                    if t.islower() and (t in FOREIGN_FUNCTION_WORDS or not self.english(t))
                )
                if not forms:
                    plain.add(word)
                    continue
                known[word] = forms
            found.update(forms)
        return found

    def near_english(self, word: str) -> bool:
        """One slip from a common English word (a typo is; "comunidad" is not)."""
        found = self._near.get(word)
        if found is None:
            lex = self.lexicon
            found = any(lex.zipf(e) >= 3.0 for e in neighbours(word, lex))
            self._near[word] = found
        return found

    def verdict(self, word: str) -> Verdict:
        """Ranked corrections of an unknown lower-case word, and how sure they are."""
        found = self._verdicts.get(word)
        if found is None:
            kept = self._kept_verdicts()
            found = kept.get(word) if kept is not None else None
            if found is None:
                found = judge(word, self.lexicon)
                if found.confident and self._plausible(word):
                    found = found.replace(confident=False, safe_fix=False)
                if kept is not None:
                    kept.put(word, found)
            self._verdicts[word] = found
        return found

    def _kept_verdicts(self) -> VerdictStore | None:
        """The verdicts kept across runs of the command (``verdicts``), asked once."""
        found = self._store
        if found is False or found is True:
            from linter.packs.spelling.verdicts import store

            found = self._store = store(self.lexicon.dialect)
        return found

    def unknown(self, doc: Document) -> list[Unknown]:
        """Words that no list knows and codespell does not list either, each with its
        ranked corrections."""
        return self._unknown.of(doc)

    def _find_unknown(self, doc: Document):
        draft = self.draft(doc)
        vocab = draft.vocab
        for tok in draft.tokens:
            if not tok.flags & UNKNOWN or draft.skip(tok):
                continue
            text = tok.text
            opening = not text.islower()  # a title-case word, known to be no listed word
            if opening:
                # a name written mid-sentence anywhere in the draft (most title-case
                # candidates) spares every token of it: asked once per form, not per token
                if draft.unpositioned(text) or draft.in_headline(tok.start):
                    continue
                if draft.compound(tok) or draft.is_name(text):
                    continue  # "Digi-destined"; a name used as one elsewhere in the draft
                if doc.in_quote(tok.start, tok.end):
                    continue  # a quoted nickname: too often a name
                word = base(text).lower()
            else:
                word = base(text)
            if word in vocab.accept or word in vocab.reject:
                continue  # the rejected-word rule reports the latter
            if word in PREFIXES and draft.compound(tok):
                continue
            if self._plausible(word) or self.deriver.derived(word):
                continue  # "gov't"; "relicensing", "servicemembers": made by rule
            if len(word) >= 4 and word.upper() in self.lexicon:
                continue  # an initialism in lower case ("html")
            if not opening and draft.name_part(tok):
                continue  # "Kwok-hung", "Chi-wai"
            if draft.foreign(tok):
                continue
            verdict = self.verdict(word)
            if opening and not verdict.safe_fix:
                continue  # a capitalised word opening a sentence and no clear fix: a name
            if not opening and not verdict.confident and draft.epithet(tok):
                continue  # "Formica fusca"; but "Sarvis notex" is "notes" mistyped
            yield Unknown(tok, word, verdict)

    @property
    def deriver(self) -> Deriver:
        found = self._deriver
        if found is None:
            from linter.packs.spelling.derive import Deriver

            found = self._deriver = Deriver(self.lexicon)
        return found

    def dialect_variant(self, word: str) -> str | None:
        """The known spelling of another dialect's form of ``word`` ("iodisation" ->
        "iodization", "colour" -> "color"), if the lists hold one."""
        if word in self._variants:
            return self._variants[word]
        lex = self.lexicon
        found = None
        if _any_dialect_swap().search(word) is None:
            self._variants[word] = None  # most words: no pattern applies, so none changes it
            return None
        for pattern, repl in _dialect_swaps():
            variant = pattern.sub(repl, word)
            if variant != word and (variant in lex or lex.other_dialect(variant)):
                found = variant
                break
        self._variants[word] = found
        return found

    def _plausible(self, word: str) -> bool:
        """An abbreviation with an apostrophe ("gov't") may be a real word: say so, do not
        call it wrong."""
        if "'" in word.strip("'"):
            return not word.endswith(("n't", "'ll", "'re", "'ve", "'d", "'m"))
        return False


@lru_cache(maxsize=1)
def _dialect_swaps() -> list[tuple[re.Pattern, str]]:
    return [(re.compile(a), b) for a, b in DIALECT_SWAP_PATTERNS]


@lru_cache(maxsize=1)
def _any_dialect_swap() -> re.Pattern:
    """Matches where any of ``DIALECT_SWAP_PATTERNS`` does (its one back-reference
    spelled out, since the patterns' groups are renumbered when joined)."""
    sources = [a.replace(r"([lp])\1", "(?:ll|pp)") for a, _ in DIALECT_SWAP_PATTERNS]
    return re.compile("|".join(f"(?:{source})" for source in sources))


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
