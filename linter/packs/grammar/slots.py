"""Confusables decided by the slot they stand in: the part of speech the position needs,
read from the neighbours' tag candidates (``linter.language``), not from word lists.

Each function takes the window of tokens around a confusable and its index and returns the
word to write, or None. They run after the phrase rules of ``confusion_model`` and, like
them, see only the window (two words each side), so their decisions can be remembered by
the window's text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from linter.language import candidates
from linter.memo import BoundedMemo
from linter.packs.grammar import lexicon as lx
from linter.packs.grammar.tokens import Tok, after, before, joined

NOUN = ("NN", "NNS", "NNP", "NNPS")  # the lexicon is case-blind: "pledge" is also a name
VERB = ("VB", "VBP", "VBZ", "VBD", "VBN", "VBG", "MD")
FINITE = ("VBP", "VBZ", "VBD", "MD")


def p(word: str, *tags: str) -> float:
    """P(one of ``tags`` | word) from the lexicon."""
    if not word or not word[0].isalpha():
        return 0.0
    get = candidates(word).get
    total = 0.0  # summed in the tags' order, as ``sum`` would (a loop: no generator)
    for t in tags:
        total += get(t, 0.0)
    return total


def noun_like(word: str) -> bool:
    """A common noun by its readings (bags, ballots, forecast), not an adjective or a verb
    form first (remembered per word: the slot rules ask it of most words after a cue)."""
    found = _NOUN_LIKE.get(word)
    if found is None:
        found = _NOUN_LIKE.remember(
            word, p(word, *NOUN) >= 0.6 and p(word, "VBN", "VBG", "JJ", "RB", "IN") < 0.25
        )
    return found


def plural_noun(word: str) -> bool:
    found = _PLURAL_NOUN.get(word)
    if found is None:
        found = _PLURAL_NOUN.remember(
            word, p(word, "NNS", "NNPS") >= 0.6 and not word.endswith(("ss", "us", "is"))
        )
    return found


# verdicts by word for the run (the lexicon is fixed, so they never go stale)
_NOUN_LIKE: BoundedMemo[str, bool] = BoundedMemo(50_000)
_PLURAL_NOUN: BoundedMemo[str, bool] = BoundedMemo(50_000)


def participle_like(word: str) -> bool:
    found = _PARTICIPLE_LIKE.get(word)
    if found is None:
        found = _PARTICIPLE_LIKE.remember(
            word, p(word, "VBN", "VBD") >= 0.6 and p(word, *NOUN, "JJ") < 0.3
        )
    return found


_PARTICIPLE_LIKE: BoundedMemo[str, bool] = BoundedMemo(50_000)


# Nouns of time and place that follow the adverb "there" ("lived there years", "stayed
# there overnight") and words after which "there" is an adverb ("in there", "get there").
THERE_ADVERBIAL_NEXT = frozenset(
    """years months weeks days hours minutes times today tonight now yesterday tomorrow
    overnight once twice again anymore either too instead recently""".split()
)
THERE_ADVERB_BEFORE = frozenset(
    """in out over up down back from here near around there then is are was were be been
    being get gets got go goes going went gone live lives lived living stay stays stayed
    stand stood sit sat remain remained work worked arrive arrived move moved""".split()
)


def there_for_their(toks: list[Tok], i: int) -> str | None:
    """ "put there bags", "as there enemy": a noun phrase follows, which neither the adverb
    nor the existential "there" (always followed by its verb) can have."""
    nxt, prev, nxt2 = after(toks, i), before(toks, i), after(toks, i, 2)
    if not nxt or not prev or toks[i + 1].text[:1].isupper():
        return None
    if nxt in THERE_ADVERBIAL_NEXT or prev in THERE_ADVERB_BEFORE or nxt in lx.DETERMINERS:
        return None
    if before(toks, i, 2) == "here":
        return None  # "here and there"
    if p(nxt, "VBZ", "VBP", "VBD", "MD", "IN", "RB") >= 0.3:
        return None
    if there_verb(prev, nxt, nxt2):
        return None  # "the shopkeeper there swindles every", "that there lives an": a verb
    if noun_like(nxt) or (p(nxt, "JJ") >= 0.5 and noun_like(nxt2)):
        return "their"
    return None


def there_verb(prev: str, nxt: str, nxt2: str) -> bool:
    """ "there" + a word that may be a verb (-s) + a determiner, after a noun or "that" (not
    after a verb or preposition, whose object "their lives" would be): the verb of a
    clause ("the shopkeeper there swindles every traveller", "that there lives an old
    man"), not a possessive's noun."""
    if nxt2 not in lx.DETERMINERS or p(nxt, "VBZ") < 0.05:
        return False
    return p(prev, *VERB, "IN", "TO") < 0.5 or prev == "that"


WHERE_ADVERBS = frozenset("never very also still always largely mostly quite too so".split())


def where_for_were(toks: list[Tok], i: int) -> str | None:
    """ "Investors where told to wait", "the drives where never returned": "where" opens a
    clause, which needs a subject; a participle or a predicate adjective cannot be one."""
    nxt, prev, nxt2 = after(toks, i), before(toks, i), after(toks, i, 2)
    if not nxt or not prev or nxt in lx.WHERE_PARTICIPLES:
        return None
    subject = plural_noun(prev) or prev in ("they", "we", "these", "those")
    if subject and participle_like(nxt) and not noun_like(nxt2) and nxt2 not in lx.DETERMINERS:
        return "were"
    if nxt in WHERE_ADVERBS and (participle_like(nxt2) or p(nxt2, "JJ", "VBG") >= 0.7):
        nxt3 = after(toks, i, 3)
        if nxt2 not in lx.WHERE_PARTICIPLES and not noun_like(nxt3):
            return "were"  # "where never returned", "where very threatening to"
    nounish = subject or noun_like(prev) or toks[i - 1].text[:1].isupper()
    predicate = p(nxt, "JJ", "VBN") >= 0.4 and p(nxt, "NN", "NNS") < 0.3
    if nounish and predicate and nxt2 in lx.PREPOSITIONS | {"to", "about"}:
        return "were"  # "organisations where critical of", "ants where present on"
    if nounish and nxt == "there" and (not nxt2 or nxt2 in lx.PREPOSITIONS):
        return "were"  # "fan organisations where there in a charitable capacity"
    if nounish and nxt == "not" and nxt2 in ("a", "an", "the", "able", "allowed", "given"):
        return "were"  # "religion and name where not a factor"
    return None


# Verbs that take a clause ("said it's", "found it's hard"): "it's" after them is right.
CLAUSE_VERBS = frozenset(
    """say says said saying think thinks thought know knows knew believe believes believed
    hope hopes hoped feel feels felt guess mean means meant sure fear fears feared ensure
    ensures show shows showed suggest suggests suggested admit admits admitted claim claims
    claimed argue argues argued insist insists insisted realize realized realise realised
    find finds found learn learned learnt hear heard see sees saw seen notice noticed
    understand understood report reports reported announce announced add adds added
    explain explained predict predicted warn warned confirm confirmed deny denied agree
    agreed decide decided expect expected assume assumed doubt doubted wonder wondered
    imagine imagined remember remembered forget forgot prove proved indicate indicated
    reveal revealed note noted tell told guarantee guaranteed bet""".split()
)
CLAUSE_WORDS = frozenset("that what if because so as when where how why whether".split())


def _noun_phrase_after(toks: list[Tok], i: int) -> bool:
    """A noun, or an adjective and a noun, right after word ``i``, not "forecast to"."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if p(nxt, *NOUN) >= 0.4 and p(nxt, "VBG", "JJ", "RB", "IN") <= 0.2:
        if nxt in ("time", "worth", "fine"):
            return False
        # "it's forecast to rise": a verb form may take "to"; "stadium to" cannot
        return nxt2 not in ("to", "that", "for", "by") or p(nxt, *VERB) < 0.05
    if nxt.isdigit() and i + 3 < len(toks) and toks[i + 2].gap == ",":
        joined_next = not toks[i + 3].gap.strip()
        nxt, nxt2 = toks[i + 2].low, toks[i + 3].low if joined_next else ""  # "50,000th article"
    if ORDINAL_RE.fullmatch(nxt) or nxt in ORDINALS:
        return noun_like(nxt2) and nxt2 not in NOT_OWNED | {"nature", "thing"}  # "first game"
    return p(nxt, "JJ") >= 0.3 and p(nxt, "RB", "VBN", "IN") < 0.2 and noun_like(nxt2)


ORDINAL_RE = re.compile(r"\d+(?:st|nd|rd|th)")
ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())


def its_for_its(toks: list[Tok], i: int) -> str | None:
    """ "cut it's forecast", "leaving it's elite group": "it's" in an object slot (after a
    verb that takes no clause, or a preposition), before a noun phrase."""
    prev = before(toks, i)
    if toks[i].gap.strip().endswith("(") and _noun_phrase_after(toks, i):
        return "its"  # "(it's online dictionary)": a bare noun phrase in brackets
    if prev == "than" and _noun_phrase_after(toks, i) and plural_noun(after(toks, i, 2)):
        return "its"  # "a greater range than it's shuttle cousins"
    if prev == "to" and _noun_phrase_after(toks, i) and before(toks, i, 2) not in ("due", "thanks"):
        return "its"  # "added to it's queue": "to" before a clause has no infinitive here
    if not prev or prev in CLAUSE_VERBS or prev in lx.CONJUNCTIONS or prev in CLAUSE_WORDS:
        return None
    object_slot = p(prev, "VB", "VBD", "VBP", "VBZ", "VBN", "VBG") >= 0.5
    if prev in lx.PREPOSITIONS - CLAUSE_OPENERS:
        object_slot = True
    return "its" if object_slot and _noun_phrase_after(toks, i) else None


CLAUSE_OPENERS = frozenset("after before since until till despite like".split())

QUOTES = "'\"‘’“”"
# Words that stand where a noun does but head no noun phrase a possessive could own.
NOT_OWNED = frozenset(
    """time nothing something anything everything everyone everybody someone somebody
    anyone anybody none one all both each more most much enough kind sort lot part""".split()
)


def words_ahead(toks: list[Tok], i: int, n: int) -> list[Tok]:
    """Up to ``n`` tokens after ``i`` with only spaces or quotation marks between ("it's
    'gimmick' was"): a quoted word still fills its slot in the clause."""
    found = []
    for j in range(i + 1, min(i + n + 1, len(toks))):
        gap = toks[j].gap
        if gap.strip(" " + QUOTES) or "\n\n" in gap:
            break
        found.append(toks[j])
    return found


def finite_verb(word: str, plural: bool) -> bool:
    """A verb that needs a subject of its own ("was", "is", "will", "has"; after a plural
    noun also "have", "include"): finite by every reading, and neither a noun, an
    adjective, a preposition nor a participle ("spent", "said", "like")."""
    if p(word, *NOUN, "JJ", "IN", "RB", "VBN", "VBG") >= 0.2:
        return False
    if p(word, "VBZ", "VBD", "MD") >= 0.8:
        return True
    return plural and p(word, "VBP", "VB") >= 0.8 and p(word, "VBZ") < 0.1


def possessive_before_subject(toks: list[Tok], i: int) -> str | None:
    """ "It's gimmick was", "they're parents have", "who's turn is": a contraction, then
    a bare noun, then a finite verb. "It is gimmick was" has two finite verbs and a
    singular noun with no article; only the possessive reads ("its gimmick was"). A noun
    between the two ("it's time prices fell") or an adjective ("it's likely costs rise")
    could open a clause, so the rule wants the noun right before the verb."""
    if _coordinated_subject(toks, i):
        return CONTRACTION_POSSESSIVE.get(toks[i].low)  # "It's durability & look was"
    nxt = words_ahead(toks, i, 3)
    if len(nxt) < 2:
        return None
    noun, verb = nxt[:2]
    if noun.text[:1].isupper() or noun.low in NOT_OWNED or "'" in noun.low:
        return None
    if len(nxt) == 3 and _compound_subject(noun.low, verb.low, nxt[2].low):
        return CONTRACTION_POSSESSIVE.get(toks[i].low)  # "it's subject matter is"
    plural = plural_noun(noun.low)
    nounish = p(noun.low, *NOUN) >= 0.4 and p(noun.low, "JJ", "RB", "IN", "VBN", "VBG") < 0.25
    if not (nounish or plural) or not finite_verb(verb.low, plural):
        return None
    return CONTRACTION_POSSESSIVE.get(toks[i].low)


def _coordinated_subject(toks: list[Tok], i: int) -> bool:
    """ "It's durability & look was perfect", "they're size and weight are": two nouns
    joined by "and", "or" or "&", then a finite verb: a second clause has no verb of its
    own, so the contraction is the possessive."""
    if i + 3 < len(toks) and toks[i + 2].gap.strip() == "&":  # "&" stands in the gap
        first, second, verb = toks[i + 1 : i + 4]
        joined_words = joined(first.gap) and joined(verb.gap)
    elif i + 4 < len(toks) and toks[i + 2].low in ("and", "or"):
        first, _, second, verb = toks[i + 1 : i + 5]
        joined_words = all(joined(t.gap) for t in toks[i + 1 : i + 5])
    else:
        return False
    if not joined_words or first.low in NOT_OWNED:
        return False
    if first.text[:1].isupper() or second.text[:1].isupper():
        return False
    if p(first.low, *NOUN) < 0.6 or p(first.low, *VERB, "JJ", "RB") >= 0.3:
        return False  # the first a noun by every reading; the second may be a verb too
    if p(second.low, *NOUN) < 0.2 or p(second.low, "JJ", "RB", "VBG", "VBN") >= 0.3:
        return False
    return verb.low in ("is", "was", "are", "were", "has", "have")


def _compound_subject(first: str, second: str, verb: str) -> bool:
    """ "it's subject matter is", "they're team leader was": two singular nouns (a
    compound) and a singular finite verb; "it is subject matter is" has two finite verbs.
    A plural ("it's time prices fell") or a word that may be a verb stays."""
    if verb not in ("is", "was", "has") or first in NOT_OWNED or not second.isalpha():
        return False
    for word in (first, second):
        if p(word, "NN") < 0.6 or p(word, "VB", "VBZ", "VBP", "VBD", "VBN", "VBG", "RB") >= 0.3:
            return False
    return True


CONTRACTION_POSSESSIVE = {"it's": "its", "who's": "whose", "they're": "their", "you're": "your"}


def whos_for_whose(toks: list[Tok], i: int) -> str | None:
    """ "Voters who's ballots were lost": a noun follows, so the possessive."""
    nxt = after(toks, i)
    if not nxt or nxt == "who" or toks[i + 1].text[:1].isupper():
        return None
    if plural_noun(nxt) and p(nxt, "VBZ") < 0.5:
        return "whose"
    if p(nxt, *NOUN) >= 0.3 and p(nxt, "VBG", "VBN", "JJ", "RB", "IN", "DT") < 0.2:
        return "whose"
    return None


def your_for_youre(toks: list[Tok], i: int) -> str | None:
    """ "Your invited to the briefing": a participle, not a noun, follows."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if nxt and participle_like(nxt) and not noun_like(nxt2) and nxt2 not in lx.DETERMINERS:
        return "you're"
    return None


def youre_for_your(toks: list[Tok], i: int) -> str | None:
    """ "during you're journey", "you're results": a noun after "you are" cannot be, and a
    preposition needs a noun phrase, not a clause."""
    nxt, prev = after(toks, i), before(toks, i)
    if not nxt or p(nxt, "VBG", "VBN", "RB", "JJ") >= 0.3:
        return None
    if prev in lx.PREPOSITIONS - CLAUSE_OPENERS and p(nxt, *NOUN) >= 0.3:
        return "your"
    if p(nxt, "NN") >= 0.8 and p(nxt, "JJ", "VBG", "VBN", "RB", "IN") < 0.1:
        return "your"
    return None


COMPARATIVE_ADVERBS = frozenset("later earlier further farther sooner longer".split())
NOT_COMPARISON = frozenset("if when once first after before until unless".split())


def then_for_than(toks: list[Tok], i: int) -> str | None:
    """ "higher then expected", "more damage to plants then all other pollutants": a
    comparative earlier in the clause, and no "if" or "when" that would make "then" its
    sequel."""
    prev, nxt = before(toks, i), after(toks, i)
    if not prev or prev in COMPARATIVE_ADVERBS or i + 1 >= len(toks):
        return None
    if toks[i + 1].gap.strip() not in ("", "$", "£", "€"):
        return None
    if p(nxt, "VB", "VBD", "VBZ", "MD") >= 0.3:
        return "than" if _would_rather_before(toks, i) else None  # "rather walk then drive"
    if prev == "and" or (nxt in lx.SUBJECT_PRONOUNS and before(toks, i, 2) not in ("more", "less")):
        return None  # "more came, and then", "more ... then they left"
    for j in range(i - 1, -1, -1):
        low = toks[j].low
        if low in NOT_COMPARISON or toks[j + 1].gap.strip() or low in COMPARATIVE_ADVERBS:
            return None
        if low in ("more", "less", "fewer", "rather") or p(low, "JJR", "RBR") >= 0.6:
            return "than"
    return None


PREFER = frozenset("would 'd i'd we'd they'd you'd he'd she'd had".split())


def _would_rather_before(toks: list[Tok], i: int) -> bool:
    """ "I would rather walk then drive": a preference ("would rather", "I'd rather")
    earlier in the clause wants "than" even before a verb."""
    for j in range(i - 1, 0, -1):
        if toks[j + 1].gap.strip():
            return False
        if toks[j].low == "rather":
            return toks[j - 1].low in PREFER and joined(toks[j].gap)
    return False


NOUN_VERB = {
    "advice": "advise",
    "breath": "breathe",
    "device": "devise",
    "belief": "believe",
    "proof": "prove",
}
VERB_NOUN = {verb: noun for noun, verb in NOUN_VERB.items()}
VERB_BEFORE = lx.MODALS | frozenset(
    "i you he she we they to not never did didn't don't doesn't also will please".split()
)
SUBJECT_ONLY = frozenset("i we they he she".split())  # never an object ("give you advice")
OBJECT_START = lx.DETERMINERS | lx.OBJECT_PRONOUNS | frozenset("that against them".split())


def noun_or_verb(toks: list[Tok], i: int) -> str | None:
    """ "He advice the council" (advise), "a deep breathe" (breath)."""
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w in NOUN_VERB and prev in SUBJECT_ONLY and nxt not in ("is", "was", "and", "or"):
        return NOUN_VERB[w]  # "I advice all people": a subject pronoun wants its verb
    if w in VERB_NOUN and prev in lx.POSSESSIVES - {"her"}:
        return VERB_NOUN[w]  # "my advise to all": a possessive wants a noun
    ends = i + 1 == len(toks) or nxt in ("in", "out", "again", "deeply", "easily", "freely")
    if w in NOUN_VERB and prev == "to" and ends and _infinitive_to(toks, i):
        return NOUN_VERB[w]  # "hard to breath in here", "we need to breath."
    if w in NOUN_VERB:
        subject = prev in VERB_BEFORE and prev != "to"
        ends = not nxt and (w == "breath" or prev == "please")
        if (subject or prev == "to") and (nxt in OBJECT_START or ends):
            return NOUN_VERB[w]
        return None
    if w in VERB_NOUN:
        noun_before = prev in lx.DETERMINERS | lx.POSSESSIVES | {"of", "for", "deep", "legal"}
        if noun_before and (not nxt or nxt in lx.PREPOSITIONS or nxt in ("and", "or")):
            return VERB_NOUN[w]
    return None


# Verbs that take a to-infinitive ("need to breathe"), not a to-phrase ("return to breath").
TAKES_INFINITIVE = frozenset(
    """need needs needed want wants wanted try tries tried trying struggle struggled
    struggling able unable began begin begins started start forgot forget learn learned
    remember remembered""".split()
)


def _infinitive_to(toks: list[Tok], i: int) -> bool:
    """The "to" before word ``i`` marks an infinitive: an adjective or a verb that takes
    one comes before it ("hard to", "struggled to")."""
    prev2 = before(toks, i, 2)
    return prev2 in TAKES_INFINITIVE or (p(prev2, "JJ") >= 0.6 and p(prev2, *NOUN) < 0.1)


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
    if w == "quite" and prev in STILL_VERBS and i + 1 < len(toks):
        return "quiet" if toks[i + 1].gap.strip()[:1] in (".", "!", ";") else None
    if w == "quite" and prev in STILL_VERBS and i + 1 == len(toks):
        return "quiet"  # "the room was quite.": "quite" needs a word to qualify
    return None


# Verbs that take an adjective: "fell quiet", "stay quiet", "was quiet".
STILL_VERBS = lx.BE | frozenset(
    "became become becomes remained remain remains stayed stay stays kept keep keeps fell went".split()
)


BORDER_NEXT = frozenset(
    """crossing crossings wall patrol security agents agent town towns region dispute
    control closure checkpoint checkpoints guards states fence officials""".split()
)


def boarder(toks: list[Tok], i: int) -> str | None:
    """ "the boarder crossing" (border): a frontier, not a lodger."""
    prev, nxt = before(toks, i), after(toks, i)
    if toks[i].low != "boarder":
        return None
    if nxt in BORDER_NEXT or prev in ("across", "southern"):
        return "border"
    if prev == "the" and before(toks, i, 2) in ("along", "near", "cross", "crossed", "crossing"):
        return "border"  # "along the boarder": a line one runs along or crosses
    if prev == "the" and nxt in ("with", "between"):
        return "border"  # "south of the boarder with": a frontier runs with or between
    return None


# Words after which "to" may end a clause: verbs and particles ("the man I spoke to",
# "I'd love to", "what they are up to") take it as a stranded preposition or infinitive.
STRANDING = frozenset(
    """up back next close due according thanks forward used want wants wanted have has had
    need needs ought going able trying try like love loved hope hoped plan plans planned
    listen listened talk talked spoke agree agreed belong belongs refer referred return
    returned go went come came get got""".split()
)
COLOURS = frozenset("red green blue black white yellow orange purple pink brown grey gray".split())


def to_for_too(toks: list[Tok], i: int) -> str | None:
    """ "that would be great to!", "a little to high", "it looks to pretty he said": "to"
    with nothing to govern (the sentence's end after an adjective) or before a bare
    adjective that ends the phrase is "too"."""
    prev, nxt, nxt2 = before(toks, i), after(toks, i), after(toks, i, 2)
    if not prev:
        return None
    if i + 1 == len(toks):  # the sentence ends after "to"
        if prev in STRANDING:
            return None
        adjective = p(prev, "JJ") >= 0.6 and p(prev, "VB", "VBN", "VBD", "NN") < 0.2
        return "too" if adjective or prev in ("me", "us") else None
    if not nxt or nxt in COLOURS or any(t.low == "from" for t in toks[:i]):
        return None
    degree = degree_after_to(toks, i, prev, nxt, nxt2)
    if degree:
        return degree
    adjective = p(nxt, "JJ") >= 0.8 and p(nxt, "VB", "VBP", "NN", "NNS") < 0.1
    loose = p(nxt, "JJ", "RB") >= 0.7 and p(nxt, "VB", "VBP", "NN", "NNS", "IN") < 0.15
    if loose and prev in ("little", "bit", "way", "far"):
        return "too"  # "a little to high"
    phrase_ends = i + 2 == len(toks) or nxt2 in lx.SUBJECT_PRONOUNS or nxt2 in ("to", "for")
    if (
        adjective
        and phrase_ends
        and prev not in STRANDING  # "next to impossible", "close to certain"
        and p(prev, "VB", "VBD", "VBN", "VBG", "VBP", "VBZ") < 0.5
    ):
        return "too"  # "looks to pretty he"
    if loose and phrase_ends and prev in ("looks", "look", "looked", "seems", "seemed"):
        return "too"  # "looks to pretty he said"
    return None


# "amount to much", "come to much", "up to much": verbs that take a quantity after "to".
AMOUNT_TO = frozenset(
    "amount amounts amounted amounting come comes came coming up add adds".split()
)
QUANTITY_PRONOUNS = frozenset("many few little more most enough".split())  # "spoke to many"


def degree_after_to(toks: list[Tok], i: int, prev: str, nxt: str, nxt2: str) -> str | None:
    """ "is to late", "are to many people", "affect them to much.": a degree word that
    can be neither a verb (an infinitive) nor a noun (an object of "to") after "to" that
    ends the phrase, or follows a form of "be" where no infinitive follows."""
    if nxt not in lx.DEGREE_WORDS or p(nxt, "VB", "VBP", "NN", "NNS", "NNP") >= 0.1:
        return None
    if p(nxt2, "VB") >= 0.4:
        return None  # "is to soon begin": a split infinitive
    ends = i + 2 == len(toks) or toks[i + 2].gap.strip()[:1] in (".", ",", ";", ":", "!", "?")
    clause_next = nxt2 in ("to", "for", "and") or nxt2 in lx.SUBJECT_PRONOUNS
    if prev in lx.BE and (ends or clause_next or nxt in ("many", "much")):
        return "too"  # "it is to late.", "there are to many people", "was to bad she"
    if p(nxt2, "JJ", "JJR", "RBR", "RB", "VBZ", "VBD", "VBP", "MD") >= 0.4:
        return None  # "to far deeper indignation": a degree adverb inside the object
    if p(nxt, "RB") >= 0.8 and nxt2 not in ("away", "off", "out"):
        return "too"  # "sink to far into", "all to often the": an adverb is no object
    ranged = prev[:1].isdigit() or p(prev, "JJ", "RB", "CD") >= 0.5  # "fair to good,"
    if ends and not ranged and prev not in AMOUNT_TO and nxt not in QUANTITY_PRONOUNS:
        return "too"  # "not going to affect them to much."
    return None


# Modals that are never nouns ("a stronger will than", "more might than"): "than" cannot
# follow them.
MODALS_NOT_NOUNS = lx.MODALS - {"will", "can", "may", "might", "must", "'ll"}


def than_at_end(toks: list[Tok], i: int) -> str | None:
    """ "is it good or not than.": "than" needs what it compares with; "would than rally":
    a modal wants a verb or an adverb, and "than" is neither."""
    prev = before(toks, i)
    if prev in MODALS_NOT_NOUNS:
        return "then"
    return "then" if i + 1 == len(toks) and prev else None


# Prepositions that never premodify a noun ("their under jaws", "their after-years" do).
NO_NOUN_AFTER = frozenset("as of from with at into onto for than via upon among".split())


def their_at_end(toks: list[Tok], i: int) -> str | None:
    """ "How many are their?": the possessive needs its noun."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if i + 1 == len(toks) and before(toks, i):
        return "there"
    if nxt in ("and", "or", "but") and nxt2 not in lx.POSSESSIVES and nxt2 != "own":
        return "there"  # "are their and who" (not "their and our children")
    if i + 1 < len(toks) and before(toks, i):
        if toks[i + 1].gap.strip()[:1] in (",", ";", ":", ")"):
            return "there"  # "it stays their, and": the possessive needs its noun first
        hyphen = i + 2 < len(toks) and toks[i + 2].gap == "-"  # "their by-laws"
        if nxt in NO_NOUN_AFTER and not hyphen:
            return "there"  # "export a type from their as your own"
    return None


def were_for_where(toks: list[Tok], i: int) -> str | None:
    """ "photos of the lab were uranium is enriched", "at a ratio were the transaction
    keeps paying": a clause with its own subject and verb follows, so the relative
    "where". ("Were the firm to fail" has no finite verb after its noun.)"""
    nxt, nxt2, nxt3 = after(toks, i), after(toks, i, 2), after(toks, i, 3)
    # the word test first: the lexicon's is the costly one, and both must hold
    if nxt2 in ("is", "was", "has", "can", "will") and noun_like(nxt) and not plural_noun(nxt):
        return "where"
    if i == 0 or before(toks, i) in ("there", "if", "as", "what", "who", "which"):
        return None
    opens = nxt in ("the", "a", "an", "this", "each", "every") and noun_like(nxt2)
    if opens and not plural_noun(nxt2) and finite_verb(nxt3, False):
        return "where" if p(nxt3, "VBZ", "VBD") >= 0.5 else None
    return None


def lead_by(toks: list[Tok], i: int) -> str | None:
    """ "The party lead by Hamid": a passive participle, not the noun or present."""
    prev, nxt = before(toks, i), after(toks, i)
    if nxt != "by" or after(toks, i, 2) == "example" or toks[i].text.isupper():
        return None
    if noun_like(prev) and prev not in lx.DETERMINERS:
        return "led"
    return None


# Words before "-lead" where "lead" is the noun or the metal: "co-lead author", "team-lead
# role", "two-lead ECG", "tin-lead solder".
LEAD_NOUN_AFTER = lx.ORDINAL_OR_NUMBER | frozenset(
    """co team tech project single dual multi twelve tin zinc copper silver iron nickel
    antimony bismuth graphite pencil acid""".split()
)


# Words before a subject pronoun that leave its verb bare: "did he lead", "let it lead",
# "insist that she lead".
BARE_VERB_BEFORE = lx.MODALS | frozenset(
    """do does did don't doesn't didn't let lets make makes made help helps helped see saw
    watch watched hear heard that why""".split()
)


def led_after_pronoun(toks: list[Tok], i: int) -> str | None:
    """ "He lead the team to victory": after "he", "she" or "it" the present would be
    "leads", so "lead" with an object is the past "led" (not "did he lead the team")."""
    prev, nxt = before(toks, i), after(toks, i)
    if prev not in ("he", "she", "it") or before(toks, i, 2) in BARE_VERB_BEFORE:
        return None
    if nxt in lx.DETERMINERS or nxt in lx.OBJECT_PRONOUNS - {"it", "you", "her"} or nxt == "to":
        return "led"  # "He lead the team", "it lead to a crash"
    return None


def led_compound(toks: list[Tok], i: int) -> str | None:
    """ "Foundation-lead conferences", "US-lead strikes": a noun, a hyphen and "lead" before
    a noun make an adjective from the participle ("US-led"), as "student-run" does."""
    if toks[i].gap != "-" or i == 0 or toks[i].text.isupper():
        return None
    prev = toks[i - 1]
    if len(prev.low) < 2 or not prev.low.isalpha() or prev.low in LEAD_NOUN_AFTER:
        return None
    if not (prev.text[:1].isupper() or noun_like(prev.low)) or not joined(prev.gap):
        return None
    nxt = after(toks, i)
    return "led" if nxt and (plural_noun(nxt) or noun_like(nxt)) else None


NOT_AGE = frozenset("old older younger ago away behind ahead clear short down up late".split())


def whos_number(toks: list[Tok], i: int) -> str | None:
    """ "the group who's three robots earned": a counted noun, so the possessive (not
    "who's three years old")."""
    nxt, nxt2, nxt3 = after(toks, i), after(toks, i, 2), after(toks, i, 3)
    counted = nxt.isdigit() or nxt in lx.ORDINAL_OR_NUMBER
    if counted and plural_noun(nxt2) and nxt3 not in NOT_AGE and nxt2 not in ("years", "points"):
        return "whose"
    return None


def whos_adjective(toks: list[Tok], i: int) -> str | None:
    """ "a company who's main goal": an adjective and a noun, so the possessive."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if p(nxt, "JJ") >= 0.7 and p(nxt, "VBN", "VBG", "RB") < 0.1 and noun_like(nxt2):
        return "whose"
    return None


# Pronouns that stand for everyone or everything but one: "everyone accept him" (except).
ALL_BUT = frozenset(
    "everyone everybody everything nobody nothing anyone anybody anything none".split()
)
ACCEPT_BEFORE = SUBJECT_ONLY | lx.MODALS | frozenset("to please not don't didn't".split())


def accept(toks: list[Tok], i: int) -> str | None:
    """ "I except your offer", "will except the terms" (accept): a subject or an auxiliary
    wants the verb, and the verb "except" (leave out) is rare beside them. "Everyone accept
    him", "fine, accept for the food" (except): "everyone" would take "accepts", and a
    clause that starts with "accept for the" has no subject."""
    w, prev, nxt = toks[i].low, before(toks, i), after(toks, i)
    if w == "except" and prev in ACCEPT_BEFORE and prev != "to":
        if nxt in lx.DETERMINERS or nxt in lx.OBJECT_PRONOUNS or nxt in ("responsibility", "it"):
            return "accept"
    elif w == "accept":
        objects = lx.DETERMINERS | lx.OBJECT_PRONOUNS | lx.PREPOSITIONS
        if prev in ALL_BUT and (nxt in objects or nxt[:1].isupper()):
            return "except"
        if toks[i].gap.strip() in (",", ";", "(", "—", "–") and nxt == "for":
            return "except" if after(toks, i, 2) in lx.DETERMINERS else None
    return None


# Adjectives that also stand for a noun after a possessive ("its own", "did their best",
# "gave it its due", "breathed its last"): no evidence of a predicate.
NOMINAL_ADJECTIVES = frozenset(
    """own best worst utmost due worth last fill share all whole most least fair part
    only first next latest finest greatest""".split()
)
CONTRACTION_OF = {"its": "it's", "your": "you're", "their": "they're", "whose": "who's"}


def possessive_predicate(toks: list[Tok], i: int) -> str | None:
    """ "its probably true.", "Its very well written;", "your responsible for it", "its
    designed to": a possessive must head a noun phrase, so adverbs, adjectives or
    participles that run to the clause's end or to a preposition, with no noun, mean the
    contraction ("it's"). Inside a noun phrase ("its newly built offices", "its roughly 100
    staff", "their rich and powerful friends", "its ultimately saving him") a noun, a
    number, a gerund or a conjunction comes first."""
    nxt = after(toks, i)
    if not nxt or toks[i + 1].text[:1].isupper():
        return None
    if nxt in NOMINAL_ADJECTIVES:
        return _nominal_then_clause(toks, i)
    if toks[i].low == "its" and nxt in NO_NOUN_PHRASE and not _hyphen_after(toks, i + 1):
        return "it's"  # "its me", "its there", "its where we met": no noun to own
    if p(nxt, *NOUN) > 0.4:
        return None  # the common case, a noun: every reading below wants less of one
    if _preposition_next(toks, i, nxt) or _progressive_next(toks, i, nxt):
        return CONTRACTION_OF[toks[i].low]
    adverb = p(nxt, "RB") >= 0.85 and p(nxt, "JJ", *NOUN, "VBN", "VBG", "DT", "IN") < 0.1
    adjective = p(nxt, "JJ") >= 0.8 and p(nxt, *NOUN, "VB", "VBG", "RB", "JJS", "CD") < 0.05
    if adjective:  # "their dead", "feeds its young": an adjective may stand for a noun
        return _adjective_complement(toks, i)
    if p(nxt, "JJ", "UH") >= 0.6 and p(nxt, *NOUN, "RB", "VBG", "VBN") <= 0.1:
        return _adjective_clause(toks, i)  # "if its okay.", "Its fine, he said."
    participle = participle_like(nxt) and p(nxt, "VBN") >= 0.5 and p(nxt, *NOUN, "JJ") < 0.05
    if not (adverb or participle):
        return None
    for j in range(i + 2, len(toks)):
        gap, low = toks[j].gap.strip(), toks[j].low
        if gap[:1] in (".", ";", ":", "!", "?", ")"):
            return CONTRACTION_OF[toks[i].low]  # the phrase ends: a predicate
        if gap or toks[j].text[:1].isupper() or low in NOMINAL_ADJECTIVES or not low.isalpha():
            return None
        if low in ("to", "that") or (p(low, "IN") >= 0.8 and p(low, *NOUN, "JJ", "RB") < 0.1):
            return CONTRACTION_OF[toks[i].low]  # "its probably true that", "your free to"
        if p(low, *NOUN, "VBG", "CD", "CC") >= 0.3 or p(low, "RB", "JJ", "VBN") < 0.6:
            return None
    if len(toks) - 1 - i < POSSESSIVE_AHEAD:
        return CONTRACTION_OF[toks[i].low]  # the sentence ends before the window would
    return None  # the window ends inside the phrase: cannot tell


POSSESSIVE_AHEAD = 5  # words read after a possessive (confusables.WIDE_AHEAD)


def _adjective_complement(toks: list[Tok], i: int) -> str | None:
    """ "its important to note", "your free to go", "its clear that": an adjective with a
    complement ("to" and a verb, or "that") is a predicate; "their dead in vaults",
    "their wounded to hospitals" are nouns. Where a clause starts ("Its possible the vote
    will", "whether its true or not", "if your ready."), an adjective followed by a
    clause of its own, by "or not" or by the clause's end is a predicate too; after a verb
    ("buried their dead.", "feeds its young the") it may stand for a noun."""
    nxt2, nxt3 = after(toks, i, 2), after(toks, i, 3)
    if nxt2 == "that" or (nxt2 == "to" and p(nxt3, "VB") >= 0.6 and p(nxt3, *NOUN) < 0.2):
        return CONTRACTION_OF[toks[i].low]
    return _adjective_clause(toks, i)


def _adjective_clause(toks: list[Tok], i: int) -> str | None:
    """Where a clause starts, an adjective (possessive + ``toks[i + 1]``) followed by a
    clause of its own, by "or not" or by the clause's end is a predicate."""
    nxt, nxt2, nxt3 = after(toks, i), after(toks, i, 2), after(toks, i, 3)
    if not _clause_starts_at(toks, i) or p(nxt, *NOUN) > 0.05:
        return None
    ends = _ends_after(toks, i + 1)
    if ends or nxt2 in CLAUSE_SUBJECTS or (nxt2 == "or" and nxt3 == "not"):
        return CONTRACTION_OF[toks[i].low]
    return None


# Words that open a clause of their own after a predicate ("it's possible the vote ...").
CLAUSE_SUBJECTS = frozenset("the a an this these those he she we they i you".split())
# Words after which a clause starts: its subject comes next.
CLAUSE_STARTERS = CLAUSE_VERBS | frozenset(
    "if whether because that when since so though although while unless".split()
)


def _clause_starts_at(toks: list[Tok], i: int) -> bool:
    """Word ``i`` opens the sentence (the window reaches back two words, so index 0 is the
    sentence's first word) or follows a word that opens a clause ("if", "said")."""
    return i == 0 or before(toks, i) in CLAUSE_STARTERS


def _ends_after(toks: list[Tok], j: int) -> bool:
    """The phrase ends after word ``j``: a full stop, a comma or the like follows, or the
    sentence does (callers look no further than the window reads)."""
    if j + 1 >= len(toks):
        return True
    return toks[j + 1].gap.strip()[:1] in (".", ",", ";", ":", "!", "?", ")")


def _nominal_then_clause(toks: list[Tok], i: int) -> str | None:
    """ "its worth noting", "your worth it", "its only a matter of time", "its all a lie":
    "worth" with a gerund or an object, and "only"/"all" before an article, are a
    predicate; "its worth", "its only child", "gave its all" stay."""
    nxt, nxt2 = after(toks, i), after(toks, i, 2)
    if nxt == "worth":
        gerund = nxt2.endswith("ing") and p(nxt2, "VBG") >= 0.8 and p(nxt2, *NOUN) < 0.2
        if gerund or nxt2 in ("it", "a", "an", "the", "every"):
            return CONTRACTION_OF[toks[i].low]
    elif (nxt == "only" and nxt2 in ("a", "an", "the")) or (nxt == "all" and nxt2 in ("a", "an")):
        return CONTRACTION_OF[toks[i].low]
    return None


def whose_before_preposition(toks: list[Tok], i: int) -> str | None:
    """ "I wonder whose at the door": "whose" owns a noun; before a preposition it is
    "who's"."""
    nxt = after(toks, i)
    return "who's" if nxt and _preposition_next(toks, i, nxt) else None


# Words a possessive never owns: pronouns, "here/there" and the openers of a clause.
NO_NOUN_PHRASE = frozenset("me you him us them we they he she here there where who when".split())


def _hyphen_after(toks: list[Tok], j: int) -> bool:
    return j + 1 < len(toks) and toks[j + 1].gap == "-"


def _progressive_next(toks: list[Tok], i: int, nxt: str) -> bool:
    """ "If its raining, stay home", "because its making the rules": where a clause starts,
    "its" before a word that is only a verb's -ing form, ending the phrase or taking an
    object, is "it's" ("its funding, its spending" are nouns too)."""
    if toks[i].low != "its" or not _clause_starts_at(toks, i):
        return False
    if p(nxt, "VBG") < 0.9 or p(nxt, *NOUN, "JJ") >= 0.05:
        return False
    nxt2 = after(toks, i, 2)
    return _ends_after(toks, i + 1) or nxt2 in lx.DETERMINERS or nxt2 in lx.OBJECT_PRONOUNS


def _preposition_next(toks: list[Tok], i: int, nxt: str) -> bool:
    """ "its up to you", "your in the way", "its over.": a possessive before a word that is
    only a preposition or particle, which then takes an object or ends the phrase. A
    hyphen ("its in-house team"), a number ("its about 100 staff", "its over 500 stores")
    or a noun after it ("its off switch") leaves it alone."""
    if p(nxt, "IN", "RP") < 0.5 or p(nxt, "IN", "RP", "RB") < 0.9 or nxt == "as":
        return False
    if p(nxt, *NOUN, "JJ", "CD", "VB", "VBN", "VBG") >= 0.08:
        return False
    if _ends_after(toks, i + 1):
        return True  # "its over."
    gap, nxt2 = toks[i + 2].gap, after(toks, i, 2)
    if not nxt2 or gap == "-" or nxt2[:1].isdigit():
        return False
    return nxt2 in lx.DETERMINERS or nxt2 in lx.OBJECT_PRONOUNS or nxt2 in ("to", "your")


def principal_slot(toks: list[Tok], i: int) -> str | None:
    """ "the principle method of" (principal: an adjective before a noun); "the principals
    of educating" (principles: a rule of doing, not the heads of it)."""
    w, prev, nxt, nxt2 = toks[i].low, before(toks, i), after(toks, i), after(toks, i, 2)
    if w in ("principal", "principals") and nxt == "of":
        if nxt2.endswith("ing") and p(nxt2, "VBG") >= 0.8:
            return "principle" if w == "principal" else "principles"
        return None
    if w != "principle" or prev not in lx.DETERMINERS | lx.POSSESSIVES:
        return None
    if not nxt or toks[i + 1].text[:1].isupper() or p(nxt, "NN") < 0.8:
        return None  # a singular noun only: "states", "holds" may be verbs
    if p(nxt, "VB", "VBZ", "VBP", "VBD", "JJ") >= 0.1:
        return None
    return "principal" if p(nxt2, "VB", "VBZ", "VBP", "VBD", "MD") < 0.3 else None


def _first(*rules):
    def decide(toks: list[Tok], i: int) -> str | None:
        for rule in rules:
            found = rule(toks, i)
            if found:
                return found
        return None

    return decide


SLOT_RULES: dict[str, Callable[[list[Tok], int], str | None]] = {
    "there": there_for_their,
    "where": where_for_were,
    "were": were_for_where,
    "it's": _first(its_for_its, possessive_before_subject),
    "who's": _first(whos_for_whose, whos_adjective, whos_number, possessive_before_subject),
    "they're": possessive_before_subject,
    "to": to_for_too,
    "than": than_at_end,
    "their": _first(their_at_end, possessive_predicate),
    "lead": _first(lead_by, led_compound, led_after_pronoun),
    "your": _first(your_for_youre, possessive_predicate),
    "you're": _first(youre_for_your, possessive_before_subject),
    "then": then_for_than,
    "weather": weather,
    "whether": weather,
    "quiet": quite,
    "quite": quite,
    "boarder": boarder,
    "accept": accept,
    "except": accept,
    "its": possessive_predicate,
    "principle": principal_slot,
    "principal": principal_slot,
    "principals": principal_slot,
    "whose": whose_before_preposition,
    **{w: noun_or_verb for w in (*NOUN_VERB, *VERB_NOUN)},
}
NEW_FAMILIES: dict[str, tuple[str, ...]] = {
    **{noun: (noun, verb) for noun, verb in NOUN_VERB.items()},
    "whether": ("whether", "weather"),
    "quite": ("quite", "quiet"),
    "border": ("border", "boarder"),
    "accept": ("accept", "except"),
}


def decide(toks: list[Tok], i: int) -> str | None:
    rule = SLOT_RULES.get(toks[i].low)
    return rule(toks, i) if rule else None
