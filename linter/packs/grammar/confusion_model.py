"""Confusable words: which word of a set ("its"/"it's", "then"/"than") the context wants.

Two layers decide. Context rules over the neighbouring words and their word classes settle
the clear cases ("their is" -> "there is", "more then" -> "more than"); they are written to
be certain. Where no rule decides, word-pair statistics (``Bigrams``) compare the sentence
as written with the sentence using a rival word, and only a lopsided difference is reported.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

from linter.language.tagger import KeptRows
from linter.packs.grammar import lexicon as lx
from linter.packs.grammar.tokens import Tok, after, before

# The confusion sets. A contraction is scored through the words it stands for.
FAMILIES: dict[str, tuple[str, ...]] = {
    "its": ("its", "it's"),
    "their": ("their", "there", "they're"),
    "than": ("than", "then"),
    "your": ("your", "you're"),
    "whose": ("whose", "who's"),
    "lose": ("lose", "loose"),
    "affect": ("affect", "effect"),
    "affects": ("affects", "effects"),
    "affected": ("affected", "effected"),
    "principal": ("principal", "principle"),
    "principals": ("principals", "principles"),
    "complement": ("complement", "compliment"),
    "complements": ("complements", "compliments"),
    "complementary": ("complementary", "complimentary"),
    "lead": ("lead", "led"),
    "passed": ("passed", "past"),
    "were": ("were", "where", "we're"),
    "to": ("to", "too", "two"),
    "complemented": ("complemented", "complimented"),
}
FAMILIES.update(
    {
        "advice": ("advice", "advise"),
        "breath": ("breath", "breathe"),
        "device": ("device", "devise"),
        "belief": ("belief", "believe"),
        "proof": ("proof", "prove"),
        "whether": ("whether", "weather"),
        "quite": ("quite", "quiet"),
        "border": ("border", "boarder"),
        "accept": ("accept", "except"),
    }
)  # decided by the slot the word stands in (linter.packs.grammar.slots)
FAMILY_OF = {word: name for name, words in FAMILIES.items() for word in words}
CUES = frozenset(
    FAMILY_OF
)  # the words GRAM001 and GRAM002 look at (linter.packs.grammar.cue_index)
EXPANSIONS = {
    "it's": ("it", "is"),
    "they're": ("they", "are"),
    "you're": ("you", "are"),
    "who's": ("who", "is"),
    "we're": ("we", "are"),
}


class Bigrams:
    """Word-pair counts (from symspellpy's bigram list, see bench/grammar_build_bigrams.py)
    and a bigram language model over a few words around a confusable."""

    def __init__(self, path: Path) -> None:
        # Kept as text and searched in place (``linter.sortedtext``): even splitting its
        # 19,000 lines into a dict would cost ~10 ms of every cold run. Lines, sorted by key
        # after a header line, are "a b<TAB>count" for a pair, "a<TAB>count" for a word.
        text = path.read_text("utf-8")
        if text and not text.endswith("\n"):
            text += "\n"
        self._rows = KeptRows(text, text.find("\n") + 1, len(text), 0, "grammar-bigram-rows", path)
        self.floor = 3_200_000.0  # half the smallest count in the list (6.4 million)

    def _get(self, key: str) -> str | None:
        return self._rows.get(key)

    def pair(self, a: str, b: str) -> float:
        count = self._get(f"{a} {b}")
        return float(count) if count else self.floor

    def unigram(self, word: str) -> float:
        count = self._get(word)
        return float(count) if count else self.floor

    def known(self, a: str, b: str) -> bool:
        return self._get(f"{a} {b}") is not None

    def score(self, prev: str, word: str, nxt: str) -> float:
        """log P(prev word next) up to a constant shared by the rivals of ``word``."""
        seq = list(EXPANSIONS.get(word, (word,)))
        chain = ([prev] if prev else []) + seq + ([nxt] if nxt else [])
        total = 0.0
        for a, b in pairwise(chain):
            total += math.log(self.pair(a, b))
        for w in chain[:-1] if nxt else chain:
            if w in seq:
                total -= math.log(self.unigram(w))
        if not prev:
            total += math.log(self.unigram(seq[0]))
        return total


# ---- context rules: each returns the word to write, or None when it cannot tell -----------
Rule = Callable[[list[Tok], int], "str | None"]
VERB_AFTER_THERE = frozenset(
    "is are was were 's has have had will would seems seem seemed appears appear remains "
    "remain must may might could should exists exist isn't aren't wasn't weren't hasn't "
    "haven't hadn't won't wouldn't can't couldn't shouldn't used".split()
)
ING_AFTER_THEYRE = frozenset("going gonna trying saying".split())


def _its(toks: list[Tok], i: int) -> str | None:
    w, nxt, prev = toks[i].low, after(toks, i), before(toks, i)
    if w == "its" and nxt in lx.NOT_AFTER_POSSESSIVE - {"this", "these", "those", "very"}:
        return "it's"
    if w == "its" and _predicate_after(toks, i):
        return "it's"
    if w == "it's":
        if nxt == "own":
            return "its"
        if prev in lx.PREPOSITIONS - CLAUSE_OPENERS and nxt and nxt not in _FUNCTION_OR_ADVERB:
            return "its"
    return None


# Prepositions that also open a clause ("after it's created"): not evidence for "its".
CLAUSE_OPENERS = frozenset("after before since until till despite like".split())


# After "it's": adverbs and pronouns that never follow the possessive "its" ...
ITS_ADVERBS = frozenset(
    "really totally definitely probably actually nothing anything everything something".split()
)
# ... and adjectives that follow "it's" when a clause or "to" comes next ("its clear that").
ITS_PREDICATES = frozenset(
    """clear unclear important hard difficult easy true possible impossible likely unlikely
    obvious ironic cool fine okay ok worth sad funny crazy weird amazing interesting great
    good bad wrong right necessary essential vital critical time""".split()
)


def _predicate_after(toks: list[Tok], i: int) -> bool:
    """ "its really hard", "its clear that", "its built on": a predicate, so "it's"."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if nxt in ITS_ADVERBS:
        return True
    ends = i + 2 >= len(toks) or toks[i + 2].gap.strip()[:1] in (".", ",", ";", "!", "?")
    if nxt == "time" and before(toks, i) in lx.PREPOSITIONS and nxt2 not in ("to", "that"):
        return False  # "long before its time", "ahead of its time": a preposition's object
    if nxt in ITS_PREDICATES and (nxt2 in ("that", "to", "when", "if", "how") or ends):
        return True
    participle = nxt.endswith("ed") and not nxt.endswith("eed") and len(nxt) > 4
    return participle and nxt2 in ("on", "as", "up", "by", "into", "in")


def _their(toks: list[Tok], i: int) -> str | None:
    w, nxt, nxt2 = toks[i].low, after(toks, i), after(toks, i, 2)
    if w == "their's":
        return "there's"
    if w == "their":
        if nxt in VERB_AFTER_THERE or nxt in lx.SUBJECT_PRONOUNS - {"you", "it"}:
            return "there"
        if (nxt in ING_AFTER_THEYRE and nxt2 in ("to", "")) or nxt == "not":
            return "they're"
    elif w == "there":
        if nxt in ING_AFTER_THEYRE and nxt2 == "to":
            return "they're"
        if nxt == "not" and _only_ing(nxt2):
            return "they're"  # "I know there not coming" ("there not being" stays)
        if nxt == "own":
            return "their"
    elif w == "they're":
        if nxt in ("is", "was", "were", "are"):
            return "there"
        if nxt == "own":
            return "their"
    return None


def _only_ing(word: str) -> bool:
    """A verb's -ing form that is never a noun or an adjective ("coming", not "being")."""
    from linter.packs.grammar.slots import p

    return word != "being" and word.endswith("ing") and p(word, "VBG") >= 0.9


DEGREE_BEFORE_COMPARATIVE = frozenset("much far even slightly significantly lot little".split())


def _than(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if (
        w == "then"
        and prev in lx.COMPARATIVES
        and i + 1 < len(toks)
        and toks[i + 1].gap.strip() in ("", "$", "£", "€", "“", '"')
    ):
        return "than"  # "more then $70 million"
    if w == "then" and nxt == "ever" and prev not in ("since", "and", "but", "even", ""):
        return "than"  # "more important then ever"
    if w == "then" and prev.endswith("er") and before(toks, i, 2) in DEGREE_BEFORE_COMPARATIVE:
        return "than"  # "much smoother then the land"
    if w == "than":
        if prev in ("we", "they", "he", "she", "i") and nxt and nxt not in lx.COMPARATIVES:
            return "then"
        if prev in ("since", "until", "till", "and", "back", "just", "by") and nxt not in ("ever",):
            return "then"
        if i == 0 or toks[i].gap.strip() in (",", ";"):
            if nxt in lx.COMPARATIVES or _comparative_before(toks, i):
                return None  # "easier to fix now, than it will be later"
            return "then"
    return None


def _comparative_before(toks: list[Tok], i: int) -> bool:
    """A comparative earlier in the sentence ("much easier to fix now, than later"): the
    "than" that follows a comma may still complete it."""
    from linter.packs.grammar.slots import p

    return any(
        t.low in lx.COMPARATIVES
        or (t.low.endswith(("er", "ier")) and p(t.low, "JJR", "RBR") >= 0.6)
        for t in toks[:i]
    )


def _your(toks: list[Tok], i: int) -> str | None:
    w, nxt, prev = toks[i].low, after(toks, i), before(toks, i)
    if w == "your":
        if nxt in ("a", "an", "the", "not", "going", "gonna", "being"):
            return "you're"
        if nxt == "welcome" and prev in ("", "and"):
            return "you're"
    elif w == "you're" and nxt == "own":
        return "your"
    return None


def _whose(toks: list[Tok], i: int) -> str | None:
    w, nxt = toks[i].low, after(toks, i)
    if w == "whose" and nxt in ("been", "going", "gonna", "not", "a", "an", "the"):
        return "who's"
    if w == "whose" and nxt.endswith("ing") and after(toks, i, 2) in lx.DETERMINERS:
        return "who's"
    return None


LOOSE_BEFORE = frozenset("let break broke cut set turn turned hang came come comes".split())
LOSE_OBJECTS = frozenset(
    "weight control sight track ground faith strength interest touch money jobs votes sleep "
    "heart hope patience everything nothing".split()
)


def _lose(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "loose":
        if prev in LOOSE_BEFORE or before(toks, i, 2) in LOOSE_BEFORE:
            return None
        if prev in lx.MODALS | {"to", "not", "never", "don't", "didn't", "doesn't"}:
            return "lose"
        if prev in lx.SUBJECT_PRONOUNS and nxt and nxt not in ("and", "or", "but"):
            if prev in lx.OBJECT_PRONOUNS and _verb_before(toks, i - 1):
                return None  # "wear it loose", "cut you loose": the verb's object
            return "lose"
        if nxt in (lx.DETERMINERS - {"a", "an"}) | LOSE_OBJECTS:
            return "lose"
    elif w == "lose":
        if prev in LOOSE_BEFORE - {"came", "come", "comes"} or prev in ("too", "very", "so"):
            return "loose"
        if prev == "the" and before(toks, i, 2) == "on":
            return "loose"
        if prev in ("is", "are", "was", "were", "been") and nxt in ("", "and", "in", "on"):
            return "loose"
    return None


def _verb_before(toks: list[Tok], j: int) -> bool:
    """Word ``j`` (a pronoun that may be an object) follows a verb with no mark between:
    "wear it", so the pronoun is the verb's object, not the subject of what follows."""
    from linter.packs.grammar.slots import VERB, p

    return j >= 1 and not toks[j].gap.strip() and p(toks[j - 1].low, *VERB) >= 0.5


EFFECT_BEFORE = frozenset(
    """the an no any this that side positive negative significant little greater great major
    profound adverse desired immediate chilling ripple domino butterfly opposite same full
    take took takes taking into lasting devastating""".split()
)
AFFECT_BEFORE = lx.MODALS | frozenset(
    """to not does did don't doesn't didn't negatively directly adversely seriously greatly
    significantly severely disproportionately""".split()
)
EFFECT_CHANGE = frozenset("change changes reform reforms real lasting meaningful".split())


def _affect(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    objects = lx.DETERMINERS | lx.OBJECT_PRONOUNS | {"how", "whether", "what"}
    if w == "affects" and nxt == "of":
        return "effects"
    if w in ("affect", "affects") and prev in lx.POSSESSIVES and nxt in ("on", "of"):
        return "effect" if w == "affect" else "effects"  # "its affect on prices"
    if nxt in objects and nxt not in EFFECT_CHANGE and nxt not in ("a", "an"):
        # "effect a breach", "effected an escape": bring about
        if w == "effect" and prev in ("i", "we", "they", "you"):
            return "affect"  # "they effect the outcome" ("they effect change" stays)
        if w == "effects" and prev in ("it", "he", "she", "this", "which"):
            return "affects"  # "it effects the way we work"
    if w in ("affect", "affects") and prev in EFFECT_BEFORE:
        if prev in ("that", "this") and nxt not in ("of", "on"):
            return None  # "that affects us"
        return "effect" if w == "affect" else "effects"
    if w == "effect" and prev in AFFECT_BEFORE and nxt not in EFFECT_CHANGE:
        if nxt in objects or nxt in lx.ORDINAL_OR_NUMBER or nxt[:1].isdigit():
            return "affect"
        if nxt in ("thousands", "millions", "hundreds", "dozens", "many", "most", "all"):
            return "affect"  # "will effect thousands of homes"
    if w == "effected" and nxt == "by" and prev in lx.BE | lx.HAVE | {"adversely", "badly"}:
        return "affected"
    if w == "effected" and prev in ("adversely", "negatively", "directly", "badly", "the"):
        return "affected"
    return None


PRINCIPAL_NOUNS = frozenset(
    """reason reasons cause causes author authors investigator investigators source sources
    owner owners deputy dancer shareholder shareholders architect adviser advisor officer
    officers secretary sponsor sponsors focus goal aim concern concerns role player players
    photography residence""".split()
)
PRINCIPLE_BEFORE = frozenset(
    """guiding moral basic fundamental core founding democratic ethical design general
    underlying governing""".split()
)


def _principal(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "principle":
        if prev in ("school", "vice", "assistant", "elementary", "high") or nxt in PRINCIPAL_NOUNS:
            return "principal"
    elif w == "principal":
        if prev in ("in", "on") and nxt not in PRINCIPAL_NOUNS and nxt not in lx.DETERMINERS:
            return "principle"
        if prev in PRINCIPLE_BEFORE or (prev == "of" and before(toks, i, 2) == "matter"):
            return "principle"
    elif w == "principals" and prev in PRINCIPLE_BEFORE:
        return "principles"
    return None


COMPLIMENT_BEFORE = frozenset("backhanded paid pay pays paying high".split())
COMPLIMENTARY_NOUNS = frozenset(
    "tickets ticket drinks breakfast meal meals copies copy shuttle admission passes parking "
    "wifi".split()
)


COMPLIMENT_OF = {
    "complement": "compliment",
    "complements": "compliments",
    "complemented": "complimented",
}
PERSONS = frozenset("me you him her us them everyone everybody".split())


def _complement(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    paid = prev in COMPLIMENT_BEFORE or before(toks, i, 2) in ("paid", "pay", "paying")
    if w in ("complement", "complements") and paid:
        return "compliment" if w == "complement" else "compliments"
    if w == "compliment" and prev == "full" and nxt == "of":
        return "complement"
    if w in ("compliments", "compliment") and prev in ("nicely", "perfectly"):
        return "complements" if w == "compliments" else "complement"
    if w in COMPLIMENT_OF and nxt in PERSONS and after(toks, i, 2) in ("on", "for"):
        return COMPLIMENT_OF[w]  # "complemented him on his speech": praise goes to a person
    if w == "complementary" and nxt in COMPLIMENTARY_NOUNS:
        return "complimentary"
    return None


def _lead(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if toks[i].text.isupper():
        return None  # LED lighting
    if w == "lead":
        if prev in ("has", "have", "had", "having") and nxt in (
            lx.DETERMINERS | lx.OBJECT_PRONOUNS | {"to", "by"}
        ) - {"a", "an", "no"}:
            return "led"
        if prev in lx.BE and nxt == "by" and after(toks, i, 2) != "example":
            return "led"  # "is lead by its creator": the passive participle
    elif (
        w == "led"
        and prev in (lx.MODALS | {"to"}) - {"'ll"}
        and before(toks, i, 2) not in ("due", "thanks", "according")
    ):
        return "lead"
    return None


PAST_NOUNS = frozenset(
    "week weeks year years month months decade decades few two three several weekend century "
    "season seasons days".split()
)
MOTION = frozenset(
    "walked drove ran went go goes going rushed raced sped flew driving walking running".split()
)


def _passed(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "passed":
        if prev in ("the", "this") and nxt in PAST_NOUNS:
            return "past"
        if prev == "the" and before(toks, i, 2) == "in":
            return "past"
        if prev in MOTION and nxt in lx.DETERMINERS:
            return "past"
    elif w == "past":
        if prev in ("has", "have", "had", "having") and nxt not in PAST_NOUNS:
            return "passed"
        if nxt == "away" and prev in lx.SUBJECT_PRONOUNS | {"who", "recently", "peacefully"}:
            return "passed"
    return None


PLACE_NOUNS = frozenset(
    "place places area areas point situation country city town room house home spot "
    "neighborhood site location stage".split()
)
QUANTIFIERS = frozenset("many no several some few more hundreds thousands dozens two three".split())


# "where possible", "where needed": legitimate at the end of a clause.
WHERE_PARTICIPLES = frozenset(
    "needed required necessary possible appropriate applicable warranted indicated".split()
)
AFTER_PARTICIPLE = lx.PREPOSITIONS | frozenset("to down up out off".split())


def _plural(word: str) -> bool:
    """A plural noun by its ending (robots, countries), not "this", "bus" or "analysis"."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _participle_clause(toks: list[Tok], i: int) -> bool:
    """ "where" + a past participle + a preposition: "robots where required to" (were)."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if not nxt.endswith("ed") or (nxt in WHERE_PARTICIPLES and nxt2 != "to"):
        return False
    return nxt2 in AFTER_PARTICIPLE or (not nxt2 and i + 2 < len(toks))


# Verbs whose object is followed by a wh-clause: "show you where", "ask them where".
WH_CLAUSE_VERBS = frozenset(
    """show shows showed showing tell tells told telling ask asks asked asking teach taught
    remind reminded guide guided direct directed""".split()
)


def _were(toks: list[Tok], i: int) -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "where":
        if prev in ("we", "they", "you"):
            # "show you where to go", "tell them where they stand": a wh-clause follows
            clause = nxt == "to" or nxt in lx.DETERMINERS or nxt in lx.SUBJECT_PRONOUNS
            return None if clause or before(toks, i, 2) in WH_CLAUSE_VERBS else "were"
        if prev == "there" and nxt in QUANTIFIERS:
            return "were"
        if prev == "it" and before(toks, i, 2) in ("as", "if"):
            return "were"
        if (_plural(prev) or prev == "and") and _participle_clause(toks, i):
            return "were"
        if (
            prev in ("which", "who")
            and nxt.endswith(("ed", "ing"))
            and nxt not in WHERE_PARTICIPLES
        ):
            return "were"  # "podcasters who where doing", "rates which where set to"
    elif w == "were":
        if nxt in ("is", "does", "did", "do") and prev not in lx.SUBJECT_PRONOUNS:
            return "where"

        if prev in PLACE_NOUNS and nxt in lx.SUBJECT_PRONOUNS - {"you", "it"}:
            return "where"
        if i == 0 and (nxt in ("going", "gonna") or (nxt.endswith("ing") and nxt != "being")):
            return "we're"
    elif w == "we're" and prev in ("they", "you", "there", "which", "who"):
        return "were"
    return None


TOO_NOT_BEFORE = frozenset(
    "the a an be his their our my your its this these those them him us get make take do go".split()
)


def _to(toks: list[Tok], i: int, prose: str = "") -> str | None:
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "two":  # "two many people", "two much": a number never counts a degree word
        hyphen = i + 2 < len(toks) and toks[i + 2].gap == "-"
        return "too" if nxt in ("many", "much") and not hyphen else None
    if w == "too" and nxt in TOO_NOT_BEFORE and prev not in ("me", "us", "you", "it"):
        return "to"
    if (
        w == "to"
        and nxt in lx.DEGREE_WORDS
        and prev in lx.BE | {"far", "way", "much", "seem", "seems", "seemed", "got", "become"}
        and after(toks, i, 2) in ("", "to", "for", "and")
    ):
        return "too"
    return None


_FUNCTION_OR_ADVERB = (
    lx.DETERMINERS
    | lx.NOT_AFTER_POSSESSIVE
    | lx.PREPOSITIONS
    | lx.BE
    | lx.MODALS
    | frozenset("all only now here there about time like hard true clear unclear".split())
)

RULES: dict[str, Callable[[list[Tok], int], str | None]] = {
    "its": _its,
    "their": _their,
    "than": _than,
    "your": _your,
    "whose": _whose,
    "lose": _lose,
    "affect": _affect,
    "affects": _affect,
    "affected": _affect,
    "principal": _principal,
    "principals": _principal,
    "complement": _complement,
    "complements": _complement,
    "complementary": _complement,
    "complemented": _complement,
    "lead": _lead,
    "passed": _passed,
    "were": _were,
    "to": _to,
}


def _code_like(tok: Tok) -> bool:
    """A $variable, @handle or #hashtag: not prose."""
    return tok.gap[-1:] in ("$", "@", "#") if tok.gap else False


def decide_by_rule(toks: list[Tok], i: int) -> str | None:
    """The word the context rules want instead of ``toks[i]``, or None."""
    from linter.packs.grammar.slots import decide

    family = FAMILY_OF.get(toks[i].low)
    if family is None or _code_like(toks[i]):
        return None
    rule = RULES.get(family)
    choice = rule(toks, i) if rule else None
    if not choice:
        choice = decide(toks, i)
        choice = SlotChoice(choice) if choice else None
    return choice if choice and choice != toks[i].low else None


class SlotChoice(str):
    """A choice read from the slot (tag candidates): suggested, never applied by --fix."""


# Families where word-pair statistics may decide; "to"/"too" and "lead"/"led" are left to
# rules (too frequent, or a noun and a verb that pairs cannot tell apart).
STAT_FAMILIES = frozenset(
    "its their than your whose lose affect affects principal complement were to".split()
)
# Never guessed from pairs alone: "were" -> "we're" misreads plain narrative, "where" ->
# "were" and "than" -> "then" misread relative clauses and comparisons ("cases where
# given...", "rather X than use Y"); those are left to the context rules.
NO_STAT_RIVALS = frozenset({"we're", "too"})
NO_STAT_WORDS = frozenset({"where", "than", "its", "two"})
# The words ``decide_by_stats`` may judge ("to" never: its rivals are left to the rules),
# as written (lower case, either apostrophe): GRAM002 skips the rest before making a window.
STAT_WORDS = frozenset(
    form
    for word, family in FAMILY_OF.items()
    if family in STAT_FAMILIES and word not in NO_STAT_WORDS and word != "to"
    for form in (word, word.replace("'", "’"))
)
CONTRACTION_EXTRA = 4.0  # a contraction is scored through stand-in words: ask for more


def decide_by_stats(toks: list[Tok], i: int, bigrams: Bigrams, margin: float) -> str | None:
    """The rival that makes the surrounding word pairs ``margin`` (natural log) more likely
    than the word as written, when the written word's own pairs are unattested."""
    word = toks[i].low
    family = FAMILY_OF.get(word)
    if family not in STAT_FAMILIES or word in NO_STAT_WORDS or _code_like(toks[i]):
        return None  # (no path below decides for NO_STAT_WORDS: asked first, it costs less)
    prev, nxt = before(toks, i), after(toks, i)
    if word == "too" and nxt.isdigit() and prev.isdigit():
        return "to"  # "2006 too 2009"
    if not nxt or not nxt.isalpha():
        return None
    if word == "too":
        return _too(toks, i, bigrams, prev, nxt)
    if word in ("effect", "effects") and nxt in ("a", "an"):
        return None  # "effect a breach", "he effects a coup": the verb "bring about"
    if word == "to" or word in NO_STAT_WORDS:
        return None
    if word == "then" and not (prev.endswith("er") and len(prev) > 4):
        return None  # "then" -> "than" only after a comparative-looking word ("smoother")
    own_seq = EXPANSIONS.get(word, (word,))
    attested = bigrams.known(own_seq[-1], nxt) and (not prev or bigrams.known(prev, own_seq[0]))
    if attested and len(own_seq) == 1:
        return None
    if word == "there" and _locative_there(toks, i, prev, nxt):
        return None
    rival = _decisive_right(word, nxt, bigrams)
    if rival:
        return rival
    if word in POSSESSIVE_OF and nxt in lx.NOT_AFTER_POSSESSIVE:
        return None  # "it's been", "there is": the possessive cannot stand before these
    own = bigrams.score(prev, word, nxt)
    best, best_score = None, own + margin
    for rival in FAMILIES[family]:
        if rival == word or rival in NO_STAT_RIVALS:
            continue
        seq = EXPANSIONS.get(rival, (rival,))
        if not bigrams.known(seq[-1], nxt):
            continue  # a rival must itself be attested before the next word
        if rival in EXPANSIONS and bigrams.known(own_seq[-1], nxt):
            continue  # "its best", "their pending": the written pair is attested
        score = bigrams.score(prev, rival, nxt)
        if rival in EXPANSIONS:
            score -= CONTRACTION_EXTRA
        if score > best_score:
            best, best_score = rival, score
    return best


# A word the possessive often precedes and the other form never does: "there robots",
# "it's goal", "you're results" (the possessive is wanted).
POSSESSIVE_OF = {"there": "their", "it's": "its", "you're": "your"}


POSSESSIVE_MIN = 2  # the possessive pair must be attested at least twice the list's floor


def _decisive_right(word: str, nxt: str, bigrams: Bigrams) -> str | None:
    rival = POSSESSIVE_OF.get(word)
    if rival is None or len(nxt) < 3 or nxt in ITS_PREDICATES or nxt in lx.NOT_AFTER_POSSESSIVE:
        return None
    if word == "you're" and nxt.endswith("s"):
        return None  # "you're friends": a plural noun after "are" is fine
    own_last = EXPANSIONS.get(word, (word,))[-1]
    if bigrams.known(own_last, nxt) or not bigrams.known(rival, nxt):
        return None
    return rival if bigrams.pair(rival, nxt) >= POSSESSIVE_MIN * bigrams.floor else None


# "were too loose", "a bit too": degree words and adjectives follow "too" here.
TOO_DEGREE_BEFORE = lx.BE | frozenset("bit far way much all only just seem seems seemed".split())
ADJECTIVE_ENDINGS = ("ly", "ous", "ful", "ive", "ble", "ic", "al", "ent", "ant", "less", "ish")
TOO_MEANS_TO_AFTER = frozenset(
    """according due next prior pursuant addition compared thanks relative contrary
    owing ranging going went traveled travelled tweeted posted stated leads""".split()
)


TIME_UNITS = frozenset(
    "seconds minutes hours days nights weeks months years decades centuries".split()
)


def _locative_there(toks: list[Tok], i: int, prev: str, nxt: str) -> bool:
    """ "We were there five minutes", "lay there four days": "there" as a place, then how
    long; and after a form of "be" ("were there", "is there left") the place or the
    inverted "there is", never a possessive's slot."""
    from linter.packs.grammar.slots import p

    if prev in lx.BE:
        return True
    if i + 2 < len(toks) and p(nxt, "CD") >= 0.5:
        return toks[i + 2].low in TIME_UNITS
    return False


def _next_gap(toks: list[Tok], j: int) -> str:
    """The gap after token ``j`` ("" at the window's end)."""
    return toks[j + 1].gap if j + 1 < len(toks) else ""


def _too(toks: list[Tok], i: int, bigrams: Bigrams, prev: str, nxt: str) -> str | None:
    """ "too" before a word it never precedes but "to" often does ("too lose", "too Poland")."""
    from linter.packs.grammar.slots import p

    if prev in TOO_MEANS_TO_AFTER:
        return "to"
    if "-" in _next_gap(toks, i + 1) and p(nxt, "VB", "VBP") < 0.1:
        return None  # "too one-sided", "too self-confident"; not "wanted too re-record"
    if p(nxt, "IN") >= 0.5:
        return None  # "vexation too on account of Celia": "too" is "also"
    if prev in lx.OBJECT_PRONOUNS or nxt in lx.DEGREE_WORDS or nxt.endswith(ADJECTIVE_ENDINGS):
        return None  # "me too", "too late", "too carefully", "too dangerous"
    if toks[i + 1].text[:1].isupper():
        return "to" if prev and prev not in ("me", "you", "it", "us") else None  # "too Poland"
    if bigrams.known("too", nxt) or not bigrams.known("to", nxt):
        return None
    # After "is", "were", "a bit" an adjective is expected ("were too loose"): only a word
    # that is overwhelmingly a verb after "to" ("is too begin") counts there.
    need = 30 if prev in TOO_DEGREE_BEFORE else 8
    return "to" if bigrams.pair("to", nxt) >= need * bigrams.floor else None
