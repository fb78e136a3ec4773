"""Number agreement: a plural subject with a singular verb ("The figures shows"), "there
is" before a plural (GRAM009); an article before a plural noun, a number before a singular
one (GRAM011); a decade with an apostrophe (GRAM012); "less" before a plural count noun
(GRAM013)."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterator, Sequence
from itertools import compress, count
from typing import cast

from linter.language import candidates, forms
from linter.language.tokens import PUNCT
from linter.language.verb_number import numbered as lexical_numbers
from linter.language.verb_number import verb_number as lexical_verb_number
from linter.memo import BoundedMemo
from linter.rule import Example, Match, Rule

# Plural-looking words that are singular or uncountable ("the news shows", "a series").
SINGULAR_IN_S = frozenset(
    """news series species means physics politics economics mathematics statistics ethics
    athletics gymnastics measles diabetes lens bus gas plus yes thus this has was is its
    always perhaps across unless whereas headquarters crossroads barracks corps gallows""".split()
)
IRREGULAR_PLURALS = frozenset("people children men women feet teeth mice geese".split())
PLURAL_COUNTS = frozenset(
    """many several few numerous both two three four five six seven eight nine ten eleven
    twelve twenty thirty forty fifty hundreds thousands millions dozens""".split()
)


def plural_noun(word: str) -> bool:
    """A plural noun by its readings, not a word that only looks plural."""
    if word in IRREGULAR_PLURALS:
        return True
    if word in SINGULAR_IN_S or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return plural_reading(word) >= 0.6


def article_plural(word: str) -> bool:
    """ "officials" after "a": a plural noun no singular reading can rescue ("a people"
    is a nation)."""
    if word in IRREGULAR_PLURALS:
        return False
    if not plural_noun(word):
        return False
    return plural_reading(word) >= 0.9 and word[:-1] not in SINGULAR_IN_S


def plural_reading(word: str) -> float:
    """How surely ``word`` is a plural noun: the lexicon's NNS share, or 1.0 when the word
    is the regular plural of a word the lexicon knows only as a noun ("animals" of
    "animal"), which mends readings the small tagger lexicon got wrong or never saw."""
    cands = candidates(word)
    found = cands.get("NNS", 0.0) + cands.get("NNPS", 0.0)
    if found >= 0.9 or cands.get("VBZ", 0.0) >= 0.1:
        return found
    memo = _PLURAL_OF_NOUN.get(word)
    if memo is None:
        memo = _PLURAL_OF_NOUN.remember(word, _plural_of_noun(word))
    return 1.0 if memo else found


def singular_of(word: str) -> str | None:
    """The singular of a regular plural noun when the lexicon knows it as a noun."""
    stem = forms.base(word)
    if not stem or stem == word or stem not in _known():
        return None
    return stem if candidates(stem).get("NN", 0.0) >= 0.5 else None


def _plural_of_noun(word: str) -> bool:
    """Whether ``word`` is the regular plural of a word the lexicon reads only as a noun
    (no verb or adjective reading: "animal", not "mean" or "good")."""
    if not word.endswith("s") or word.endswith(("ss", "us", "is")) or word in SINGULAR_IN_S:
        return False
    stem = singular_of(word)
    if stem is None:
        return False
    cands = candidates(stem)
    other = sum(cands.get(t, 0.0) for t in ("VB", "VBP", "VBD", "VBN", "VBZ", "VBG", "JJ", "RB"))
    return other < 0.05


_PLURAL_OF_NOUN: BoundedMemo[str, bool] = BoundedMemo(20_000)


class NumberAgreement(Rule):
    """What it does: flags a verb that does not agree with the head noun of its subject
    ("The figures shows a rise" -> "show", "My wife want to" -> "wants", "a person who are"
    -> "is", "The children was") and "there is"/"there was" before a plural ("There is many
    reasons", "there is also many", "there is different opinions" -> "are").
    The subject's noun phrase is read from the linguistic layer's tags and must open its
    clause, so the noun of a prepositional phrase ("the size of the cars is") is never taken
    for it; coordinated subjects ("Mohamed and his father are"), the subjunctive ("if he
    were", "recommended that the project invest"), collective nouns ("the team are") and
    words that only look plural ("news", "series", "politics") are left alone.
    """

    id = "GRAM009"
    name = "number-agreement"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "The verb does not agree with its plural subject: write '{suggestion}'."
    why = "A plural subject takes a plural verb."
    source = "AP Stylebook, 'subject-verb agreement'; Chicago Manual of Style 5.138"
    examples: Sequence[Example] = (
        Example(bad="The figures shows a rise."),
        Example(
            bad="There is many reasons to doubt it.", fixed="There are many reasons to doubt it."
        ),
        Example(bad="There was three people inside.", fixed="There were three people inside."),
        Example(bad="If the teacher teach them, they learn."),
        Example(bad="My wife want to see the sites."),
        Example(
            good="The figures show a rise. The news shows a fall. There is a lot of reasons "
            "and there was one. The TV shows are popular."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(CUES)

    def check(self, doc) -> Iterator[Match]:
        seen: set[int] = set()
        for match in (
            *self._there(doc),
            *self._head(doc),
        ):
            if match.start not in seen:
                seen.add(match.start)
                yield match

    def _there(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.cue_index import index

        ix = index(doc, CUES)
        lows, words = ix.lows, ix.words
        for k in ix.positions(THERE):
            if k + 2 >= ix.n or lows[k + 1] not in ("is", "was") or ix.breaks_after(k):
                continue
            m = k + 2  # the word after "is", past an adverb ("there is also many")
            if lows[m] in THERE_ADVERBS and m + 1 < ix.n and not ix.breaks_after(m):
                m += 1
            if m + 1 < ix.n and _adjective(lows[m]) and article_plural(lows[m + 1]):
                m += 1  # "there is different opinions": an adjective, then the plural
            nxt = lows[m]
            if ix.breaks_after(k + 1) or not _spaces(ix, k, m):
                continue
            plural = nxt in PLURAL_COUNTS or (nxt.isdigit() and nxt not in ("0", "1"))
            if not plural and article_plural(nxt):  # "there is editors"
                plural = m + 1 >= ix.n or ix.breaks_after(m) or not _nounish(lows[m + 1])
            if nxt.isdigit() and m + 1 < ix.n and lows[m + 1] in MEASURES:
                continue  # "there was 5 million dollars", "10 percent"
            if not plural:
                continue
            if m + 1 < ix.n and lows[m + 1] in ("of", "percent", "%"):
                continue  # "there is many of", "there was two percent"
            start, end, text = words[k + 1]
            new = match_case(text, "are" if lows[k + 1] == "is" else "were")
            yield Match(start, end, self.format_message(suggestion=new), (new,), new)

    def _head(self, doc) -> Iterator[Match]:
        """A verb right after the head noun of the clause's subject: "the heart disease
        patients shows", "my wife want to", "endangered animals is", "a person who are".
        The subject's noun phrase must open the clause (after a comma, a conjunction, a
        subordinator, a relative pronoun or "most of"), so the noun of a prepositional
        phrase ("the size of the cars is") is never taken for the subject."""
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.context import sentence_of, tags_of
        from linter.packs.grammar.cue_index import index

        lows, words = doc.lower_words, doc.words
        verbs, nouns = _VERB_NUMBER, _NOUN_NUMBER
        if len(nouns) > 100_000:
            nouns.clear()
        positions, verbs = verb_positions(doc)
        ix = index(doc, CUES)
        prose, starts, ends, head_end = ix.prose, ix.starts, ix.ends, ix.headline_end
        for k in positions:
            # cheap tests first, on words alone (remembered for the run): a verb with a
            # number, and a noun of the other number (or who/that/which) right before it
            if not k:
                continue
            low = lows[k]
            number = verbs[low]
            prev = lows[k - 1]
            if prev in ("who", "that", "which"):
                prev = lows[k - 2] if k > 1 else ""
            # a noun is "pl" only if it ends in "s" or is an irregular plural, "sg" only if
            # it does not end in "s": most words are ruled out by their last letter
            if number == "sg":
                if not prev.endswith("s") and prev not in IRREGULAR_PLURALS:
                    continue
            elif prev.endswith("s"):
                continue
            other = nouns.get(prev, _UNSEEN)
            if other is _UNSEEN:
                other = nouns[prev] = _noun_number(prev)
            if other is None or other == number:
                continue
            if not _may_agree_wrongly(ix, k, number, prose, starts, ends, head_end):
                continue  # the words and gaps alone rule it out: no sentence built
            toks, j = sentence_of(doc, words[k][0])
            if j < 1 or not toks[j - 1].is_word:
                continue
            head = j - 1
            antecedent = toks[head].low in ("who", "that", "which")
            if antecedent:
                head -= 1  # "a person who are": the verb agrees with "person"
                if head < 0 or not toks[head].is_word:
                    continue
            subject = _noun_number(toks[head].low)
            if subject is None or subject == number:
                continue
            if subject == "sg" and lows[k] in ("were", "weren't"):
                continue  # "if he were": the subjunctive
            # the tests on words alone before the tagger is asked (all must pass)
            if head and toks[head].text[:1].isupper():
                continue  # a name or a title ("Hedge Funds are")
            if subject == "pl" and toks[head].low in MEASURE_NOUNS:
                continue  # "Two years is a long time": a measure agrees by meaning
            new = _agreeing(lows[k], subject)
            if not new:
                continue
            if not antecedent and not _may_open_clause(toks, head):
                continue  # the words alone show ``_opens_clause`` false: no tags needed
            tags = tags_of(doc, words[k][0])
            plain = low in NO_APOSTROPHE  # "havent": a verb, whatever the tagger guessed
            if tags[head] not in ("NN", "NNS", "NNP") or (
                tags[j].split("+")[0] not in VERB_TAGS and not plain
            ):
                continue
            if subject == "pl" and (
                tags[head] not in ("NNS", "NN")
                or (
                    low in SINGULAR_BE
                    and toks[head].text[:1].isupper()
                    and _np_start(toks, tags, head) == head
                )
            ):
                continue  # "Raffles was": a bare capitalised plural may be a name
            if low in SINGULAR_BE and any(
                tags[x] == "CD" for x in range(_np_start(toks, tags, head), head)
            ):
                continue  # "Fifty francs was not enough": an amount
            if (
                number == "sg"
                and not tags[j].startswith("VBZ")
                and not plain
                and low not in SINGULAR_BE
            ):
                continue  # "the TV shows": read as a noun here
            if antecedent and not _object_of_verb(toks, tags, head):
                continue  # "a girl in jeans who looks": the noun before may not be it
            if not antecedent and not _opens_clause(toks, tags, head, subject):
                continue
            np_start = _np_start(toks, tags, head)
            if any(tags[x] == "VBG" for x in range(np_start, head)):
                continue  # "Reading books is fun": a gerund's object, not the subject
            if subject == "pl" and toks[np_start].low in ONE_NOUN:
                continue  # "another reasons is": GRAM011 asks for the singular noun
            start, end, text = words[k]
            new = match_case(text, new)
            message = self.format_message(suggestion=new)
            if subject == "sg":
                message = message.replace("plural subject", "singular subject")
            yield Match(start, end, message, (new,))  # read from tags: suggested, not fixed


THERE = frozenset({"there"})
# Plural measures that take a singular verb by meaning ("ten dollars is", "two years was").
MEASURE_NOUNS = frozenset(
    """years months weeks days hours minutes seconds decades centuries dollars euros pounds
    miles yards feet inches meters metres kilometers kilometres acres gallons litres liters
    tons points""".split()
)
ONE_NOUN = frozenset("a an one every each another".split())
THERE_ADVERBS = frozenset("also still only now always often never just already even".split())
SINGULAR_BE = {"is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't",
               "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't"}  # fmt: skip
PLURAL_BE = {v: k for k, v in SINGULAR_BE.items()}
VERB_TAGS = frozenset("VBZ VBP VB VBD MD".split())
# Nouns that take a plural verb in British use or by meaning ("the team are", "the police
# want"): never judged as singular subjects.
COLLECTIVE = frozenset(
    """team government staff police family public committee board council crew audience
    jury company majority minority couple band group party club class management media
    data number rest total percent""".split()
)
NP_TAGS = frozenset("DT PDT PRP$ CD JJ JJR JJS NN NNS VBN VBG POS".split())
CLAUSE_OPENERS = frozenset(
    """because if when while although though since whether unless once until that""".split()
)
MANDATIVE = frozenset(
    """recommend recommends recommended insist insists insisted demand demands demanded
    require requires required ask asks asked urge urges urged propose proposes proposed
    suggest suggests suggested request requests requested order ordered essential vital
    important necessary""".split()
)
QUANTIFIERS_OF = frozenset("most many some all none each one both several few".split())


_UNSEEN = object()
_VERB_NUMBER: dict[str, str | None] = {}  # word -> "sg", "pl" or None, for the run
_NUMBERED: set[str] = set()  # the words of ``_VERB_NUMBER`` with a number
_NOUN_NUMBER: dict[str, str | None] = {}


# Contractions written without their apostrophe (a common slip in fast or learner copy);
# "cant" and "wont" are words of their own and are left out.
NO_APOSTROPHE = {
    "isnt": "isn't", "arent": "aren't", "wasnt": "wasn't", "werent": "weren't",
    "hasnt": "hasn't", "havent": "haven't", "doesnt": "doesn't", "dont": "don't",
}  # fmt: skip


def _may_agree_wrongly(
    ix, k: int, number: str | None, prose: str, starts, ends, head_end: int
) -> bool:
    """Necessary conditions of a ``_head`` finding at the verb ``k``, read from the words
    and gaps alone: the word before is the token right before the verb in its sentence (no
    punctuation between, no sentence cut), and unless it is "who", "that" or "which", it is
    a noun of the other number that the verb can be made to agree with."""
    e, s = ends[k - 1], starts[k]
    one_space = s - e == 1 and prose[e] == " " and not e <= head_end <= s
    if not one_space and (not PUNCT.isdisjoint(prose[e:s]) or ix.breaks_after(k - 1)):
        return False  # a mark or a sentence start between: the token before is no word
    prev = ix.low(k - 1)
    if prev in ("who", "that", "which"):
        return True
    subject = noun_number(prev)
    if subject is None or subject == number:
        return False
    if subject == "sg" and ix.lows[k] in ("were", "weren't"):
        return False
    if subject == "pl" and prev in MEASURE_NOUNS:
        return False
    return bool(_agreeing(ix.lows[k], subject))


def verb_positions(doc) -> tuple[array[int], dict[str, str | None]]:
    """Where the document's words with a verb number stand, and each word's verb number
    ("sg", "pl" or None, remembered for the run); computed once per document for GRAM009
    and GRAM014, and kept compact (4 bytes a position, not a pointer and an int object)."""
    from linter.packs.grammar.cue_index import index

    ix = index(doc, CUES)
    found = cast("array[int] | None", ix.shared.get("verb_positions"))
    if found is None:
        lows, verbs, numbered = doc.lower_words, _VERB_NUMBER, _NUMBERED
        if len(verbs) > 100_000:
            verbs.clear()
            numbered.clear()
        present = set(lows)
        new = present.difference(verbs)
        if new:
            # every distinct word at once: the few forms of be, have and do and the
            # contractions one by one, the rest from the lexicon's table in bulk
            special = {w: _verb_number(w) for w in new.intersection(_SPECIAL_VERBS)}
            plain = [w for w in new.difference(special) if len(w) >= 3 and w.isalpha()]
            lexical = lexical_numbers(plain)  # the words with a number only
            verbs.update(dict.fromkeys(new))
            verbs.update(special)
            verbs.update(lexical)
            numbered.update(lexical)
            numbered.update(w for w, n in special.items() if n)
        # the per-word pass over the draft asks a set of the few numbered words present
        here = present.intersection(numbered)
        found = array("i", compress(count(), map(here.__contains__, lows)))
        ix.shared["verb_positions"] = found
    return found, _VERB_NUMBER


_SPECIAL_VERBS = frozenset(NO_APOSTROPHE) | frozenset(SINGULAR_BE) | frozenset(PLURAL_BE)


def noun_number(word: str) -> str | None:
    """A noun's number ("sg", "pl" or None), remembered for the run."""
    if word in _NOUN_NUMBER:
        return _NOUN_NUMBER[word]
    if len(_NOUN_NUMBER) > 100_000:
        _NOUN_NUMBER.clear()
    found = _NOUN_NUMBER[word] = _noun_number(word)
    return found


def _verb_number(word: str) -> str | None:
    """ "sg" for a verb form that needs a singular subject, "pl" for a plural one."""
    word = NO_APOSTROPHE.get(word, word)
    if word in SINGULAR_BE:
        return "sg"
    if word in PLURAL_BE:
        return "pl"
    if not word.isalpha() or len(word) < 3:
        return None
    # a VBZ share of 0.4 and a final "s" give "sg" ("shows" is also a noun: the tagger's
    # reading decides, ``_head``), VB + VBP of 0.8 "pl": read from a precomputed table,
    # since this is asked of every distinct word of the draft
    return lexical_verb_number(word)


def _noun_number(word: str) -> str | None:
    if word in COLLECTIVE or word in SINGULAR_IN_S or word in NO_APOSTROPHE:
        return None
    if plural_noun(word) and plural_reading(word) >= 0.7:
        return "pl"
    cands = candidates(word)
    # the lexicon is case-blind: "professor" is also a title ("Professor Smith"); the
    # caller leaves capitalised words alone
    if cands.get("NN", 0.0) + cands.get("NNP", 0.0) >= 0.85 and not word.endswith("s"):
        return "sg" if cands.get("NN", 0.0) >= 0.3 else None
    return None


def _agreeing(verb: str, subject: str) -> str | None:
    verb = NO_APOSTROPHE.get(verb, verb)
    if subject == "pl":
        if verb in SINGULAR_BE:
            return SINGULAR_BE[verb]
        base = forms.base(verb)
        return (
            base
            if base and candidates(base).get("VBP", 0.0) + candidates(base).get("VB", 0.0) >= 0.2
            else None
        )
    if verb in PLURAL_BE:
        return PLURAL_BE[verb]
    if verb in ("be", "do", "have"):
        return None
    third = forms.third_person(verb)
    return third if candidates(third).get("VBZ", 0.0) >= 0.5 else None


def _np_start(toks, tags, head: int) -> int:
    """Where the noun phrase ending at ``head`` starts ("3,000" is one number)."""
    m = head - 1
    while m >= 0:
        tok = toks[m]
        if (tok.is_word and tags[m] in NP_TAGS) or (
            tok.low == "," and m > 0 and toks[m - 1].low.isdigit() and toks[m + 1].low.isdigit()
        ):
            m -= 1
        else:
            break
    return m + 1


def _opens_clause(toks, tags, head: int, subject: str) -> bool:
    """Whether the noun phrase ending at ``head`` opens its clause: a plural subject may
    follow "and" ("..., and the figures shows"); a singular one may not, since "X and Y"
    is plural."""
    m = _np_start(toks, tags, head) - 1
    while m >= 0 and tags[m] == "RB" and toks[m].low in LEADING_ADVERBS:
        m -= 1  # "because often the advertisement don't"
    if m < 0:
        return True
    before = toks[m]
    if not before.is_word:
        return before.low in (",", ";", ":", "(", '"')
    if before.low == "and" and _joins_objects(toks, tags, m):
        return False  # "the noise of wheels, hoofs, and bells was": a phrase's objects
    if before.low in ("and", "or", "nor", "but"):
        # "..., and the figures shows", "his thoughts and ideas is" (plural either way);
        # "struck steel or paddings was" joins two objects
        return subject == "pl" and (before.low == "and" or m == 0 or toks[m - 1].low in (",", ";"))
    if before.low == "that" and m > 0 and toks[m - 1].low in MANDATIVE:
        return False  # "recommended that this project invest": the subjunctive
    if before.low in CLAUSE_OPENERS:
        return True
    if before.low != "of" or m < 1 or toks[m - 1].low not in QUANTIFIERS_OF:
        return False
    # "one of these towers is", "each of the players has": the verb agrees with "one"
    return subject == "sg" or toks[m - 1].low not in ("one", "each", "none")


# what the token before the subject's phrase (``_opens_clause``'s "before") must be for
# the phrase to open its clause: punctuation (a token that is no word), or a word
OPENING_MARKS = frozenset(',;:("')
OPENING_WORDS = frozenset({"and", "or", "nor", "but", "of"}) | CLAUSE_OPENERS


def _may_open_clause(toks, head: int) -> bool:
    """A necessary condition of ``_opens_clause(toks, tags, head, subject)`` for any
    ``subject``, read from the words and the tags each may take (not the tagger's choice).
    That walk goes back over the noun phrase (words tagged ``NP_TAGS``, a comma between
    digits) and leading adverbs tagged RB, and is true only when it reaches the start or
    stops at an opening mark or word. Walking back, a token that could be none of these
    (skipped or opening) is where the walk stops at the latest, and every token it could
    stop at before that opens nothing: then it is false, and the sentence need not be
    tagged. Most subjects GRAM009 reads far enough to ask are ruled out so."""
    from linter.language.tagger import model

    emissions = model().emissions
    for m in range(head - 1, -1, -1):
        tok = toks[m]
        word = tok.is_word
        if tok.low in (OPENING_WORDS if word else OPENING_MARKS):
            return True  # the walk may stop here and be true (a comma between digits too)
        if not word:
            return False  # punctuation that opens nothing: the walk stops here
        readings = emissions(tok.low, m > 0 and tok.text[:1].isupper())
        if any(t in NP_TAGS for t, _ in readings):
            continue
        if tok.low in LEADING_ADVERBS and any(t == "RB" for t, _ in readings):
            continue
        return False  # a word the walk cannot pass, and no opener
    return True  # the walk may reach the sentence's start


def _joins_objects(toks, tags, conj: int) -> bool:
    """Whether the "and" at ``conj`` joins the objects of a preposition: a preposition
    comes before it (within six tokens) with no verb between."""
    for m in range(conj - 1, max(-1, conj - 7), -1):
        tag = tags[m].split("+")[0]
        if tag.startswith("VB") or tag == "MD":
            return False
        if tag == "IN" and toks[m].low not in ("that", "because", "if", "while", "when"):
            return True
    return False


def _object_of_verb(toks, tags, head: int) -> bool:
    """ "need a person who are", ", a chef that try": the noun before "who" is a verb's
    object or opens its clause, not the end of a prepositional phrase ("a girl in jeans
    who")."""
    m = _np_start(toks, tags, head) - 1
    if m < 0 or tags[m].startswith("VB"):
        return True
    return toks[m].low in (",", ";", ":") and _np_start(toks, tags, head) < head + 1


LEADING_ADVERBS = frozenset(
    "often usually sometimes always never also still now then even only just really".split()
)


CUES = THERE
MEASURES = frozenset("million billion trillion percent dollars pounds euros".split())


def _spaces(ix, a: int, b: int) -> bool:
    """Only spaces between words ``a`` and ``b``."""
    prose, starts, ends = ix.prose, ix.starts, ix.ends
    if b == a + 1:  # most calls: one gap, most often one space
        e, s = ends[a], starts[b]
        return (s - e == 1 and prose[e] == " ") or not prose[e:s].strip()
    return all(not prose[ends[m] : starts[m + 1]].strip() for m in range(a, b))


NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred".split()
)
UNITS = frozenset(
    """year month week day hour minute second decade century mile kilometer kilometre meter
    metre inch pound dollar point time""".split()
)
AFTER_UNIT_PLURAL = frozenset("ago later earlier before after since".split())


class ArticleOrNumber(Rule):
    """What it does: flags "a" or "an" before a plural noun ("A officials said": drop the
    article, never "An officials"); "every", "each", "another", "one" or "this" before a
    plural ("every details", "more than one cars", "this problems"); and a number above one
    before a singular ("Three year ago" -> "years", "3 reason", "several reason"). A unit
    only counts before "ago", "later", "earlier" and the like, or at a clause's end: "a
    three year plan" is a compound and is left alone, as are years, money and labels
    ("page 5") in digits, and pronouns before a verb ("each costs", "this forces me").
    """

    id = "GRAM011"
    name = "article-or-number"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "{what}"
    why = "An article takes a singular noun; a number above one takes a plural."
    source = "AP Stylebook, 'a, an'; Chicago Manual of Style 5.15 (plurals)"
    examples: Sequence[Example] = (
        Example(bad="A officials said the plan would work."),
        Example(bad="Three year ago the plant closed.", fixed="Three years ago the plant closed."),
        Example(bad="There are several reason.", fixed="There are several reasons."),
        Example(bad="He checked every details.", fixed="He checked every detail."),
        Example(bad="There are 3 reason for it."),
        Example(
            good="Officials said a three year plan began two years ago. A series ended. "
            "Several research teams and two percent of these people agreed."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(ARTICLE_CUES)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.cue_index import index

        ix = index(doc, ARTICLE_CUES)
        lows, words, prose = ix.lows, ix.words, ix.prose
        for k in compress(count(), map(str.isdigit, lows)):
            found = self._digits(ix, k)  # "3 reason", "waited 5 year"
            if found:
                yield found
        starts, ends, head_end = ix.starts, ix.ends, ix.headline_end
        for k in ix.positions(ARTICLE_CUES):
            if k + 1 >= ix.n:
                continue
            e, s = ends[k], starts[k + 1]
            # one space, not the headline's end: the same sentence, only spaces between
            if not (s - e == 1 and prose[e] == " " and not e <= head_end <= s) and (
                ix.breaks_after(k) or not _spaces(ix, k, k + 1)
            ):
                continue
            nxt = lows[k + 1]
            if lows[k] in ("a", "an"):
                if not article_plural(nxt) or (words[k + 1][2][:1].isupper() and k):
                    continue
                if prose[words[k + 1][1] : words[k + 1][1] + 1] in ("'", "’"):
                    continue  # "a merchants' guild": a plural possessive
                if k + 2 < ix.n and _spaces(ix, k + 1, k + 2) and _nounish(lows[k + 2]):
                    continue  # "a sports car", "a savings account": a compound
                start, end, text = words[k]
                noun = words[k + 1][2]
                what = f"'{text}' cannot go before the plural '{noun}': drop the article."
                new = match_case(text, noun) if k == 0 or text[:1].isupper() else noun
                yield Match(start, words[k + 1][1], what, (new,))
                continue
            if lows[k] == "others" and plural_noun(nxt) and plural_reading(nxt) >= 0.9:
                start, end, text = words[k]
                new = match_case(text, "other")
                yield Match(start, end, f"Before a noun write '{new}'.", (new,), new)
                continue  # "many others animals"
            if lows[k] == "this":
                if not nxt.endswith("s"):
                    continue
                found = self._this_plural(ix, k)
                if found:
                    yield found
                continue
            if lows[k] in SINGULAR_COUNTERS:
                if not nxt.endswith("s"):
                    continue
                found = self._singular_after(ix, k)
                if found:
                    yield found
                continue
            if lows[k] == "one":
                found = self._one_of(ix, k) or (
                    self._singular_after(ix, k) if nxt.endswith("s") else None
                )
                if found:
                    yield found
                continue
            if nxt not in UNITS:
                found = self._counted(ix, k, forms)
                if found:
                    yield found
                continue
            after = lows[k + 2] if k + 2 < ix.n and _spaces(ix, k + 1, k + 2) else ""
            end_of_clause = k + 2 >= ix.n or prose[words[k + 1][1] : words[k + 1][1] + 1] in ".,;"
            if after not in AFTER_UNIT_PLURAL and not (end_of_clause and not after):
                continue
            start, end, text = words[k + 1]
            new = match_case(text, forms.plural(nxt))
            what = f"A number above one takes the plural: write '{new}'."
            yield Match(start, end, what, (new,), new)

    def _this_plural(self, ix, k: int) -> Match | None:
        """ "this problems": "this" before a plural noun; either word may be the slip, so
        both readings are offered ("these problems", "this problem") and none applied."""
        from linter.packs.grammar.common import match_case

        lows, words, prose = ix.lows, ix.words, ix.prose
        noun = lows[k + 1]
        if not article_plural(noun) or words[k + 1][2][:1].isupper():
            return None
        if candidates(noun).get("VBZ", 0.0) > 0.0:
            return None  # "this costs": a pronoun and its verb
        if prose[words[k + 1][1] : words[k + 1][1] + 1] in ("'", "’"):
            return None  # "this players' union"
        if k + 2 < ix.n and _spaces(ix, k + 1, k + 2) and _nounish(lows[k + 2]):
            return None  # "this sports car": a compound
        single = singular_of(noun)
        if single is None:
            return None
        if _also_a_verb(single):
            return None  # "this forces me", "this accounts for": also a verb after a pronoun
        if k + 2 < ix.n and lows[k + 2] in DETERMINERS_AFTER | PREPOSITION_AFTER:
            return None  # "this amounts to", "this interests you": a pronoun and its verb
        this, text = words[k][2], words[k + 1][2]
        both = (f"{match_case(this, 'these')} {text}", f"{this} {match_case(text, single)}")
        what = f"'{this}' cannot go before the plural '{text}': write '{both[0]}' or '{both[1]}'."
        return Match(words[k][0], words[k + 1][1], what, both)

    def _singular_after(self, ix, k: int) -> Match | None:
        """ "every details", "another reasons", "each students", "more than one cars":
        these determiners take a singular noun. "Each" is also a pronoun ("each costs $5"), so after it only a word
        with no verb reading counts; a noun after the plural makes it a compound ("every
        sports fan") and is left alone."""
        from linter.packs.grammar.common import match_case

        lows, words, prose = ix.lows, ix.words, ix.prose
        noun = lows[k + 1]
        if not article_plural(noun) or words[k + 1][2][:1].isupper():
            return None
        if lows[k] != "every" and (
            candidates(noun).get("VBZ", 0.0) > 0.0 or _also_a_verb(singular_of(noun))
        ):
            return None  # "each costs", "no one cares", "one dreams of": a pronoun and its verb
        if lows[k] in ("each", "another") and (
            k + 2 >= ix.n or ix.breaks_after(k + 1) or not _spaces(ix, k + 1, k + 2)
        ):
            return None  # "one fades, another forms.": a pronoun and its verb
        if (
            lows[k] == "one"
            and k
            and (lows[k - 1] in ONE_AS_PRONOUN or prose[words[k][0] - 1] in "-‐–")
        ):
            return None  # "the one friends trust", "when one groups": a pronoun; "twenty-one"
        if k + 2 < ix.n and _spaces(ix, k + 1, k + 2) and lows[k + 2] in DETERMINERS_AFTER:
            return None  # "one groups a few dates": the plural-looking word is a verb
        if prose[words[k + 1][1] : words[k + 1][1] + 1] in ("'", "’"):
            return None  # "every members' meeting": a plural possessive
        if k + 2 < ix.n and _spaces(ix, k + 1, k + 2) and _nounish(lows[k + 2]):
            after = candidates(lows[k + 2])
            if after.get("VBZ", 0.0) + after.get("VBP", 0.0) < 0.2:
                return None  # "every sports fan"; "every details matters" has its verb
        single = singular_of(noun)
        if single is None:
            return None
        start, end, text = words[k + 1]
        new = match_case(text, single)
        what = f"'{words[k][2]}' takes a singular noun: write '{new}'."
        return Match(start, end, what, (new,), new)

    def _digits(self, ix, k: int) -> Match | None:
        """ "There are 3 reason", "he waited 5 year": a number in digits above one before
        a singular count noun. Years, decimals, money, labels ("page 5", "Route 66", "top
        10 list") and compounds ("a 5 year plan", "20 car pileup") are left alone."""
        lows, words, prose = ix.lows, ix.words, ix.prose
        low = lows[k]
        if len(low) > 3 or not low.isascii() or not 2 <= int(low) <= 999 or k + 1 >= ix.n:
            return None  # "²" is a digit to str.isdigit, and int() of it fails
        if ix.breaks_after(k) or not _spaces(ix, k, k + 1) or words[k + 1][2][:1].isupper():
            return None
        if lows[k + 1] in COLLECTIVE or lows[k + 1] in COUNTED_AS_MANY:
            return None  # "330 crew", "50 staff", "200 head of cattle"
        start = words[k][0]
        if prose[start - 1 : start] in ("$", "£", "€", "#", ".", ",", ":", "/", "-", "'", "’"):
            return None
        if k and not ix.breaks_after(k - 1):
            prev = candidates(lows[k - 1])
            named = words[k - 1][2][:1].isupper()
            if named or sum(prev.get(t, 0.0) for t in ("NN", "NNS", "NNP", "JJ", "JJS")) >= 0.5:
                return None  # "page 5", "Route 66", "the top 10 list"
        return self._counted(ix, k, forms)

    def _one_of(self, ix, k: int) -> Match | None:
        """ "one of the reason": "one of" picks from a plural."""
        from linter.packs.grammar.common import match_case

        lows, words = ix.lows, ix.words
        if k + 3 >= ix.n or lows[k + 1] != "of" or lows[k + 2] not in ONE_OF_DETERMINERS:
            return None
        m = k + 3
        while (
            m < ix.n - 1
            and candidates(lows[m]).get("JJ", 0) + candidates(lows[m]).get("JJS", 0) >= 0.8
        ):
            m += 1  # "one of the best player"
        if not _spaces(ix, k, m) or (
            m + 1 < ix.n and _spaces(ix, m, m + 1) and _nounish(lows[m + 1])
        ):
            return None  # "one of the union leaders": the noun comes later
        noun = lows[m]
        if candidates(noun).get("NN", 0.0) < 0.85 or noun in NOT_COUNTED:
            return None
        plural = forms.plural(noun)
        if candidates(plural).get("NNS", 0.0) < 0.5 or plural not in _known():
            return None
        start, end, text = words[m]
        new = match_case(text, plural)
        return Match(start, end, f"'one of' takes a plural: write '{new}'.", (new,), new)

    def _counted(self, ix, k: int, forms) -> Match | None:
        """ "several reason", "many company", "these subject": a counter that needs a
        plural before a singular count noun, when no noun follows (not "these subject
        areas") and the lexicon knows the plural."""
        from linter.packs.grammar.common import match_case

        lows, words = ix.lows, ix.words
        if (lows[k] not in COUNTERS and not lows[k].isdigit()) or (
            k and lows[k - 1] in ("a", "the", "one", "of")
        ):
            return None
        noun = lows[k + 1]
        if candidates(noun).get("NN", 0.0) < 0.85 or noun in NOT_COUNTED:
            return None
        if ix.prose[words[k + 1][1] : words[k + 1][1] + 1] in ("-", "‐"):
            return None  # "two poet-orators": a compound
        if k + 2 < ix.n and _spaces(ix, k + 1, k + 2):
            if lows[k + 2] in ("and", "or", "nor"):
                return None  # "both population and economics"
            nxt = candidates(lows[k + 2])
            if (
                nxt.get("NN", 0.0) + nxt.get("NNS", 0.0) + nxt.get("JJ", 0.0) + nxt.get("CD", 0.0)
                >= 0.2
            ):
                return None
        plural = forms.plural(noun)
        if candidates(plural).get("NNS", 0.0) < 0.5 or plural not in _known():
            return None
        start, end, text = words[k + 1]
        new = match_case(text, plural)
        return Match(start, end, f"'{words[k][2]}' needs a plural: write '{new}'.", (new,), new)


def _known():
    from linter.language.tagger import model

    return model().words


COUNTERS = frozenset("several many these those various numerous both few".split()) | NUMBER_WORDS
# Nouns that stay singular after a number ("two percent", "three dozen") or that are mass
# nouns with no countable plural in news use.
NOT_COUNTED = frozenset(
    """percent hundred thousand million billion trillion dozen score times time lot foot
    number sort kind type membership""".split()
)
# Nouns counted in the singular after a number ("330 crew", "40 personnel").
COUNTED_AS_MANY = frozenset("crew staff personnel head cattle livestock clergy faculty".split())
ONE_OF_DETERMINERS = frozenset("the these those his her their our my your its".split())
ONE_AS_PRONOUN = frozenset(
    """the this that which any every no each another some when if as whenever unless
    until while because""".split()
)
DETERMINERS_AFTER = frozenset("a an the this these those his her their its my our your".split())
# Determiners that take a singular count noun ("every detail", "another reason").
SINGULAR_COUNTERS = frozenset("every each another".split())
ARTICLE_CUES = frozenset({"a", "an", "others", "one", "this"}) | COUNTERS | SINGULAR_COUNTERS


def _also_a_verb(word: str | None) -> bool:
    """Whether a singular noun is also a verb, so that its "plural" may be a verb in -s."""
    if not word:
        return False
    cands = candidates(word)
    return cands.get("VB", 0.0) + cands.get("VBP", 0.0) >= 0.05


PREPOSITION_AFTER = frozenset("to of for with in on at from by about you me him us them it".split())


def _adjective(word: str) -> bool:
    """A word read mostly as an adjective ("different", "serious", "more")."""
    cands = candidates(word)
    return cands.get("JJ", 0.0) + cands.get("JJR", 0.0) >= 0.8 and word not in PLURAL_COUNTS


def _nounish(word: str) -> bool:
    cands = candidates(word)
    return cands.get("NN", 0.0) + cands.get("NNS", 0.0) >= 0.5


DECADE_RE = re.compile(r"\b(1[0-9]|20)?([0-9]0)['’]s\b")
APOSTROPHE_S_RE = re.compile(r"0['’]s\b")  # a literal to find first: the scan is fast


class DecadeApostrophe(Rule):
    """What it does: flags a decade written with an apostrophe before the "s" ("the
    1990's", "the 80's") and gives the form without it ("1990s", "'80s").
    """

    id = "GRAM012"
    name = "decade-apostrophe"
    pack = "grammar"
    severity = "warning"
    message = "Write '{suggestion}': a decade takes no apostrophe."
    why = "A decade is a plural, not a possessive."
    source = "AP Stylebook, 'years'; Chicago Manual of Style 9.34"
    examples: Sequence[Example] = (
        Example(bad="It was released in the 1990's.", fixed="It was released in the 1990s."),
        Example(good="It was released in the 1990s, in the '80s and in 1999."),
    )

    def check(self, doc) -> Iterator[Match]:
        prose = doc.prose
        if "0'" not in prose and "0’" not in prose:
            return
        for hit in APOSTROPHE_S_RE.finditer(prose):
            m = DECADE_RE.match(prose, max(0, hit.start() - 3))
            if m is None or m.end() != hit.end():
                m = DECADE_RE.match(prose, max(0, hit.start() - 1))
                if m is None or m.end() != hit.end():
                    continue
            century, decade = m.group(1), m.group(2)
            if not century and prose[m.start() - 1 : m.start()] not in ("'", "’"):
                continue  # "80's" alone could be a score; "'80's" is the decade
            new = (century or "") + decade + "s"
            yield Match(m.start(), m.end(), self.format_message(suggestion=new), (new,), new)


class FewerLess(Rule):
    """What it does: suggests "fewer" before a plural count noun ("less people" -> "fewer
    people"); "less" stays before amounts ("less money", "less than 10 miles").
    """

    id = "GRAM013"
    name = "fewer-less"
    pack = "grammar"
    severity = "warning"
    quote_severity = "info"
    message = "Use 'fewer' with a plural count noun: write '{suggestion}'."
    why = "'Fewer' is for things counted one by one, 'less' for amounts."
    source = "AP Stylebook, 'fewer, less'"
    examples: Sequence[Example] = (
        Example(bad="Less people came this year.", fixed="Fewer people came this year."),
        Example(good="Fewer people came; they spent less money, less than 10 dollars."),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(LESS)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.cue_index import index

        ix = index(doc, LESS)
        lows, words = ix.lows, ix.words
        for k in ix.positions(LESS):
            if k + 1 >= ix.n or ix.breaks_after(k) or not _spaces(ix, k, k + 1):
                continue
            nxt = lows[k + 1]
            if nxt in AMOUNTS or not plural_noun(nxt) or (k and lows[k - 1] in ("no", "much")):
                continue
            start, end, text = words[k]
            new = match_case(text, "fewer")
            yield Match(start, end, self.format_message(suggestion=new), (new,), new)


LESS = frozenset({"less"})
# Plurals measured as amounts ("less dollars" is still "less money" to most editors).
AMOUNTS = frozenset(
    "dollars pounds euros years months weeks days hours minutes seconds miles percent "
    "funds calories degrees points".split()
)


RULES = [NumberAgreement, ArticleOrNumber, DecadeApostrophe, FewerLess]
