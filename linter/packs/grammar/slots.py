"""Confusables decided by the slot they stand in: the part of speech the position needs,
read from the neighbours' tag candidates (``linter.language``), not from word lists.

Each function takes the window of tokens around a confusable and its index and returns the
word to write, or None. They run after the phrase rules of ``confusion_model`` and, like
them, see only the window (two words each side), so their decisions can be remembered by
the window's text.
"""

from __future__ import annotations

from collections.abc import Callable

from linter.language import candidates
from linter.packs.grammar import lexicon as lx
from linter.packs.grammar.tokens import Tok, after, before

NOUN = ("NN", "NNS")
VERB = ("VB", "VBP", "VBZ", "VBD", "VBN", "VBG", "MD")
FINITE = ("VBP", "VBZ", "VBD", "MD")


def p(word: str, *tags: str) -> float:
    """P(one of ``tags`` | word) from the lexicon."""
    if not word or not word[0].isalpha():
        return 0.0
    cands = candidates(word)
    return sum(cands.get(t, 0.0) for t in tags)


def noun_like(word: str) -> bool:
    """A common noun by its readings (bags, ballots, forecast), not an adjective or a verb
    form first."""
    return p(word, *NOUN) >= 0.6 and p(word, "VBN", "VBG", "JJ", "RB", "IN") < 0.25


def plural_noun(word: str) -> bool:
    return p(word, "NNS") >= 0.6 and not word.endswith(("ss", "us", "is"))


def participle_like(word: str) -> bool:
    return p(word, "VBN", "VBD") >= 0.6 and p(word, *NOUN, "JJ") < 0.3


# Nouns of time and place that follow the adverb "there" ("lived there years", "stayed
# there overnight") and quantifiers that start a noun phrase after "there" ("there many").
THERE_ADVERBIAL_NEXT = frozenset(
    """years months weeks days hours minutes times today tonight now yesterday tomorrow
    overnight once twice again anymore either too instead recently""".split()
)
THERE_ADVERB_BEFORE = frozenset(
    """in out over up down back from here near around there and or but then is are was were
    be been being get gets got go goes going went gone live lives lived living stay stays
    stayed stand stood sit sat remain remained work worked arrive arrived move moved""".split()
)


def there_for_their(toks: list[Tok], i: int) -> str | None:
    """ "put there bags", "for there children": a noun follows where "there" (adverb or
    existential) cannot stand before one."""
    nxt, prev = after(toks, i), before(toks, i)
    if not nxt or not prev or toks[i + 1].text[:1].isupper():
        return None
    if nxt in THERE_ADVERBIAL_NEXT or prev in THERE_ADVERB_BEFORE or nxt in lx.DETERMINERS:
        return None
    if not noun_like(nxt) or p(nxt, "VBZ", "VBP", "VBD", "MD") >= 0.3:
        return None
    before_is_verb = p(prev, *VERB) >= 0.5 or prev in lx.PREPOSITIONS - {"in", "from", "near"}
    return "their" if before_is_verb else None


def where_for_were(toks: list[Tok], i: int) -> str | None:
    """ "Investors where told to wait": a plural subject and a participle around "where"."""
    nxt, prev, nxt2 = after(toks, i), before(toks, i), after(toks, i, 2)
    if not nxt or not prev:
        return None
    subject = plural_noun(prev) or prev in ("they", "we", "these", "those")
    if subject and participle_like(nxt) and not noun_like(nxt2) and nxt2 not in lx.DETERMINERS:
        return "were"
    return None


CLAUSE_VERBS = frozenset(
    """say says said think thinks thought know knows knew believe believes believed hope
    hopes hoped feel feels felt guess mean means meant sure fear fears feared ensure
    ensures show shows showed suggest suggests suggested admit admits admitted claim
    claims claimed argue argues argued insist insists insisted""".split()
)


def its_for_its(toks: list[Tok], i: int) -> str | None:
    """ "cut it's forecast on Monday": "it's" before a noun that is not a predicate."""
    nxt, prev, nxt2 = after(toks, i), before(toks, i), after(toks, i, 2)
    if not nxt or not prev or prev in CLAUSE_VERBS or prev in lx.CONJUNCTIONS:
        return None
    if prev in ("that", "what", "if", "because", "so", "as", "when", "where", "how", "why"):
        return None
    if p(nxt, *NOUN) < 0.4 or p(nxt, "VBN", "VBG", "JJ", "RB", "IN") > 0.2:
        return None
    if nxt in ("time", "worth", "fine"):
        return None
    if nxt2 in ("to", "that", "for", "by"):
        return None  # "it's time to", "it's forecast to rise"
    object_slot = p(prev, "VB", "VBD", "VBP", "VBZ", "VBN") >= 0.5 or prev in lx.PREPOSITIONS
    return "its" if object_slot else None


def whos_for_whose(toks: list[Tok], i: int) -> str | None:
    """ "Voters who's ballots were lost": a noun follows, so the possessive."""
    nxt = after(toks, i)
    if not nxt or nxt == "who" or toks[i + 1].text[:1].isupper():
        return None
    if plural_noun(nxt) and p(nxt, "VBZ") < 0.5:
        return "whose"
    if noun_like(nxt) and p(nxt, "VB", "VBP", "VBZ", "VBD") < 0.1:
        return "whose"
    return None


def your_for_youre(toks: list[Tok], i: int) -> str | None:
    """ "Your invited to the briefing": a participle, not a noun, follows."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if nxt and participle_like(nxt) and not noun_like(nxt2) and nxt2 not in lx.DETERMINERS:
        return "you're"
    return None


def youre_for_your(toks: list[Tok], i: int) -> str | None:
    """ "you're results": a singular noun right after "you are" cannot be."""
    nxt = after(toks, i)
    if nxt and p(nxt, "NN") >= 0.8 and p(nxt, "JJ", "VBG", "VBN", "RB", "IN") < 0.1:
        return "your"
    return None


COMPARATIVE_ADVERBS = frozenset("later earlier further farther sooner longer".split())


def then_for_than(toks: list[Tok], i: int) -> str | None:
    """ "higher then expected", "larger then the rest": a comparative before "then"."""
    prev = before(toks, i)
    if not prev or prev in COMPARATIVE_ADVERBS or i + 1 >= len(toks):
        return None
    if p(prev, "JJR", "RBR") >= 0.6 and toks[i + 1].gap.strip() in ("", "$", "£", "€"):
        return "than"
    return None


NOUN_VERB = {
    "advice": "advise",
    "breath": "breathe",
    "device": "devise",
    "belief": "believe",
    "proof": "prove",
}
VERB_NOUN = {verb: noun for noun, verb in NOUN_VERB.items()}
VERB_BEFORE = lx.MODALS | frozenset(
    "i you he she we they to not never did didn't don't doesn't also will".split()
)
OBJECT_START = lx.DETERMINERS | lx.OBJECT_PRONOUNS | frozenset("that against them".split())


def noun_or_verb(toks: list[Tok], i: int) -> str | None:
    """ "He advice the council" (advise), "a deep breathe" (breath)."""
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w in NOUN_VERB:
        subject = prev in VERB_BEFORE and prev != "to"
        if (subject or prev == "to") and (nxt in OBJECT_START or (not nxt and w == "breath")):
            return NOUN_VERB[w]
        return None
    if w in VERB_NOUN:
        noun_before = prev in lx.DETERMINERS | lx.POSSESSIVES | {"of", "for", "deep", "legal"}
        if noun_before and (not nxt or nxt in lx.PREPOSITIONS or nxt in ("and", "or")):
            return VERB_NOUN[w]
    return None


def weather(toks: list[Tok], i: int) -> str | None:
    """ "know weather it will rain" (whether); "bad whether" (weather)."""
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "weather":
        if prev in lx.DETERMINERS or prev in lx.POSSESSIVES or p(prev, "JJ") >= 0.5:
            return None
        if nxt in lx.SUBJECT_PRONOUNS or nxt == "or" or (nxt == "to" and prev):
            return "whether"
    elif w == "whether" and (prev in ("the", "bad", "good", "cold", "warm", "hot", "wet")):
        return "weather"
    return None


def quite(toks: list[Tok], i: int) -> str | None:
    """ "quiet a few", "quiet good" (quite); "the quite room" (quiet)."""
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "quiet" and (nxt in ("a", "an", "so") or p(nxt, "JJ", "RB") >= 0.7):
        return None if prev in ("the", "a", "very", "so", "too", "and") else "quite"
    if w == "quite" and prev in ("the", "a", "very", "so", "too") and (not nxt or noun_like(nxt)):
        return "quiet"
    return None


BORDER_NEXT = frozenset(
    """crossing crossings wall patrol security agents agent town towns region dispute
    control closure checkpoint checkpoints guards states fence officials""".split()
)


def boarder(toks: list[Tok], i: int) -> str | None:
    """ "the boarder crossing" (border): a frontier, not a lodger."""
    prev, nxt = before(toks, i), after(toks, i)
    if toks[i].low == "boarder" and (nxt in BORDER_NEXT or prev in ("across", "southern")):
        return "border"
    return None


SLOT_RULES: dict[str, Callable[[list[Tok], int], str | None]] = {
    "there": there_for_their,
    "where": where_for_were,
    "it's": its_for_its,
    "who's": whos_for_whose,
    "your": your_for_youre,
    "you're": youre_for_your,
    "then": then_for_than,
    "weather": weather,
    "whether": weather,
    "quiet": quite,
    "quite": quite,
    "boarder": boarder,
    **{w: noun_or_verb for w in (*NOUN_VERB, *VERB_NOUN)},
}
NEW_FAMILIES: dict[str, tuple[str, ...]] = {
    **{noun: (noun, verb) for noun, verb in NOUN_VERB.items()},
    "whether": ("whether", "weather"),
    "quite": ("quite", "quiet"),
    "border": ("border", "boarder"),
}


def decide(toks: list[Tok], i: int) -> str | None:
    rule = SLOT_RULES.get(toks[i].low)
    return rule(toks, i) if rule else None
