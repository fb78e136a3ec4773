"""GRAM016 and GRAM017: a determiner whose number the noun after an adjective does not
share ("a temporary workers", "every tiny things"; "many different kind of").

GRAM011 reads a determiner and the word right after it; this rule reads past one or two
adjectives, from the tags, to the noun that ends the phrase.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.language import candidates
from linter.memo import BoundedMemo
from linter.rule import Example, Match, Rule

# Determiners that take a singular noun, and those that take a plural count noun. Left
# out: "that" (it also opens a clause: "said that young people"), "another" (a pronoun in
# a list too: "one side X, another moral things"), "both" ("both economic freedom and").
SINGULAR_DETS = frozenset("a an every each".split())
PLURAL_DETS = frozenset("many several various numerous these those".split())
CUES = SINGULAR_DETS | PLURAL_DETS
# Words after "a" that make a plural right ("a few good men", "a great many things", "a
# dozen new cases", "every few years", "a record 20 goals").
COUNT_WORDS = frozenset(
    """few many dozen couple hundred thousand million billion trillion number lot lots
    total record whole further additional extra mere staggering estimated good great
    full""".split()
)
# Adjectives that end a phrase of their own or belong to a fixed one ("each other hard
# names", "all of a sudden pilots", "several such accent", "a third physical things").
NOT_ADJECTIVES = frozenset(
    """other such own same sudden first second third fourth fifth last next few""".split()
)
ADJECTIVE_TAGS = frozenset({"JJ", "JJR", "JJS"})


class DeterminerAcrossAdjective(Rule):
    """What it does: flags a plural noun after "a", "an", "every", "each" or "another" when
    one or two adjectives stand between: "a temporary workers" -> "worker", "every tiny
    things" -> "thing", "another big problems". The adjectives and the noun are read from
    the linguistic layer's tags, and the noun must end its phrase ("a sports car" is a
    compound).

    Left alone: counting words after "a" ("a few good men", "a great many things", "a
    dozen new cases", "a record 20 goals"), numbers, names, possessives ("a merchants'
    guild") and words that only look plural ("a political crisis", "a new series"). An
    error: the slot takes no plural. Inside a quotation the finding is advice (info).
    """

    id = "GRAM016"
    name = "article-across-adjective"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "'{det}' takes a {number} noun: write '{suggestion}'."
    why = "A determiner and its noun agree in number, whatever adjectives stand between."
    source = "AP Stylebook, 'a, an'; Chicago Manual of Style 5.15 (plurals)"
    examples: Sequence[Example] = (
        Example(bad="They hired a temporary workers for the shop."),
        Example(bad="She cares about every tiny things around her."),
        Example(
            good="They hired a few good men and a temporary worker. A great many new cases "
            "came in, and a dozen new cases more. He drove a fast sports car. A new series "
            "began."
        ),
    )
    singular = True

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(CUES)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.cue_index import index

        ix = index(doc, CUES)
        lows, n = ix.lows, ix.n
        singular = self.singular
        for k in ix.positions(SINGULAR_DETS if singular else PLURAL_DETS):
            # words alone first: an adjective next, then (past at most one more) a noun of
            # the other number; before the lexicon, the last letter of the two words that
            # may be that noun (a plural ends in "s", a singular count noun never does)
            if k + 2 >= n:
                continue
            if lows[k + 2].endswith("s") != singular and (
                k + 3 >= n or lows[k + 3].endswith("s") != singular
            ):
                continue
            if not _adjective(lows[k + 1]):
                continue
            m = k + 2
            if _adjective(lows[m]) and m + 1 < n:
                m += 1
            noun = lows[m]
            if not (_plural(noun) if singular else _singular_count(noun)):
                continue
            if any(ix.breaks_after(x) for x in range(k, m)):
                continue
            found = self._confirm(doc, ix, k, m, singular)
            if found is not None:
                yield found

    def _confirm(self, doc, ix, k: int, m: int, singular: bool) -> Match | None:
        """The finding when the tags bear the words out, else None."""
        from linter.language import forms
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.context import sentence_of, tags_of

        start = ix.words[k][0]
        toks, d = sentence_of(doc, start)
        if d < 0:
            return None
        tags = tags_of(doc, start)
        j = d + (m - k)
        if j >= len(toks) or toks[j].start != ix.words[m][0]:
            return None  # punctuation between: not one phrase
        if any(
            tags[x] not in ADJECTIVE_TAGS or toks[x].low in COUNT_WORDS for x in range(d + 1, j)
        ):
            return None
        if any(not toks[x].text.islower() for x in range(d + 1, j + 1)):
            return None  # a name or a title ("a United States senator")
        if toks[j].gap.strip() or any(toks[x].gap.strip() for x in range(d + 1, j)):
            return None
        if tags[j] != ("NNS" if singular else "NN"):
            return None
        if j + 1 < len(toks):
            after = toks[j + 1]
            if not after.gap.strip() and (
                tags[j + 1] in ("NN", "NNS", "NNP", "NNPS", "POS", "CD") or after.low in ("'", "’")
            ):
                return None  # "a sports car", "a merchants' guild": a compound or possessive
            if after.low in ("'", "’", "'s", "’s"):
                return None
            if (
                not after.gap.strip()
                and tags[j + 1] not in ("IN", "TO", "CC", "RB", "WDT", "WP")
                and candidates(after.low).get("NN", 0.0) >= 0.3
            ):
                return None  # "an international affairs pop quiz": a compound
        if not singular and j + 1 < len(toks) and toks[j + 1].low in ("and", "or"):
            return None  # "many inferior army and navy officers": a coordination
        if ix.prose[toks[j].end : toks[j].end + 1] in ("-", "'", "’"):
            return None  # "keel-boats", "a merchants' guild"
        if singular and j + 1 < len(toks) and tags[j + 1] in ("DT", "PRP$", "PRP"):
            return None  # "a plain effects its junction": a verb and its object
        last = candidates(toks[j - 1].low)
        if last.get("NN", 0.0) + last.get("NNP", 0.0) > 0.0:
            base = forms.base(toks[j].low) if singular else None
            cands = candidates(base) if base else {}
            if cands.get("VB", 0.0) + cands.get("VBP", 0.0) > 0.0:
                return None  # "a profound cold broods over": "cold" may be the noun
        if d and toks[d - 1].low in ("the", "a", "an") and not singular:
            return None  # "the many new", "a several"? not a counter here
        noun = toks[j].low
        if singular:
            from linter.packs.grammar.number import singular_of

            new = singular_of(noun)
        else:
            new = forms.plural(noun)
            if candidates(new).get("NNS", 0.0) < 0.5:
                return None
        if not new:
            return None
        start, end, text = toks[j].start, toks[j].end, toks[j].text
        new = match_case(text, new)
        message = (
            self.format_message(suggestion=new)
            .replace("{det}", toks[d].text)
            .replace("{number}", "singular" if singular else "plural")
        )
        return Match(start, end, message, (new,))


def _adjective(word: str) -> bool:
    """Whether ``word`` is mostly an adjective (remembered for the run)."""
    found = _ADJECTIVE.get(word)
    if found is None:
        cands = candidates(word)
        found = _ADJECTIVE.remember(
            word,
            word.isalpha()
            and word not in COUNT_WORDS
            and word not in NOT_ADJECTIVES
            and sum(cands.get(t, 0.0) for t in ADJECTIVE_TAGS) >= 0.5,
        )
    return found


def _plural(word: str) -> bool:
    from linter.packs.grammar.number import article_plural

    found = _PLURAL.get(word)
    if found is None:
        found = _PLURAL.remember(word, article_plural(word))
    return found


def _singular_count(word: str) -> bool:
    """Whether ``word`` is a singular count noun: mostly a noun, not ending in -s, whose
    plural the lexicon knows as a plural ("kind" -> "kinds"; "equipment" has none)."""
    found = _SINGULAR_COUNT.get(word)
    if found is None:
        from linter.language import forms
        from linter.packs.grammar.number import COLLECTIVE

        cands = candidates(word)
        found = (
            word.isalpha()
            and not word.endswith("s")
            and word not in COLLECTIVE
            and word not in UNCOUNTED
            and cands.get("NN", 0.0) >= 0.5
            and candidates(forms.plural(word)).get("NNS", 0.0) >= 0.6
        )
        _SINGULAR_COUNT.remember(word, found)
    return found


# Nouns a counter may take in the singular, by meaning or as a mass ("many a", "several
# hundred"): the lexicon gives them plurals, but they are not slips.
UNCOUNTED = frozenset(
    """staff personnel crew cattle livestock people police youth fish deer sheep aircraft
    hundred thousand million billion dozen percent per cent time gentry clergy folk
    offspring""".split()
)

_ADJECTIVE: BoundedMemo[str, bool] = BoundedMemo(20_000)
_PLURAL: BoundedMemo[str, bool] = BoundedMemo(20_000)
_SINGULAR_COUNT: BoundedMemo[str, bool] = BoundedMemo(20_000)


class CounterAcrossAdjective(DeterminerAcrossAdjective):
    """What it does: flags a singular count noun after "many", "several", "various",
    "numerous", "these", "those" or "both" when one or two adjectives stand between: "many
    different kind of people" -> "kinds", "several new subject" -> "subjects". The
    adjectives and the noun are read from the linguistic layer's tags, and the noun must
    end its phrase.

    A warning: the lexicon cannot always tell a count noun from a mass noun, and nouns
    counted by meaning ("many new staff", "several hundred") are left alone. Inside a
    quotation the finding is advice (info).
    """

    id = "GRAM017"
    name = "counter-across-adjective"
    severity = "warning"
    examples: Sequence[Example] = (
        Example(bad="They met many different kind of people."),
        Example(bad="He taught several new subject this year."),
        Example(
            good="They met many different kinds of people and several new staff. These "
            "old houses stand."
        ),
    )
    singular = False


RULES = [DeterminerAcrossAdjective, CounterAcrossAdjective]
