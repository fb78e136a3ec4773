"""GRAM015: a relative clause's verb that does not agree with the noun the clause describes
("companies that has", "people who lives", "a chef that try").

GRAM009 reads "who/that/which" + verb only where the noun before opens its clause or is a
verb's object; this rule takes the rest (a noun after an adverb or a conjunction, a verb
after an adverb: "there is also people that is", "when companies that has already"), and
leaves the noun of a prepositional phrase alone unless the noun the phrase hangs on has the
same number ("one of the people who is" and "the price of goods that is" could be read
either way).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.language import candidates
from linter.memo import BoundedMemo
from linter.rule import Example, Match, Rule

CUES = frozenset({"who", "that", "which"})
# Adverbs that may stand between the relative pronoun and its verb ("that often is").
ADVERBS = frozenset(
    "also often always never still usually only just really already even sometimes".split()
)
SINGULAR_FORMS = {
    "is": "are", "was": "were", "has": "have", "does": "do", "doesn't": "don't",
    "isn't": "aren't", "wasn't": "weren't", "hasn't": "haven't",
}  # fmt: skip
PLURAL_FORMS = {v: k for k, v in SINGULAR_FORMS.items()}
# Verbs after which "that" opens a reported clause whose subject may be "that" itself
# ("told reporters that is not true"): the noun before is the verb's object, not the
# antecedent.
TELLING = frozenset(
    """tell tells told telling remind reminds reminded warn warns warned assure assures
    assured inform informs informed show shows showed shown convince convinced persuade
    persuaded promise promised notify notified teach taught advise advised""".split()
)
# Heads that agree by meaning, whatever their form ("the kind of people who", "the years
# that"): the verb may follow either reading.
MEANING_HEADS = frozenset(
    """lot lots number majority minority rest half part portion total percent percentage
    kind kinds type types sort sorts variety range series couple group pair set handful
    years months weeks days hours minutes decades centuries dollars euros pounds miles
    feet tons points""".split()
)
NOUN_TAGS = frozenset({"NN", "NNS"})
OUTER_TAGS = frozenset("NN NNS NNP NNPS PRP CD DT".split())


class RelativeAgreement(Rule):
    """What it does: flags the verb of a relative clause that does not agree with the noun
    the clause describes: "people that is" -> "are", "companies that has already" ->
    "have", "a chef that try" -> "tries", "students who often forgets" -> "forget". The
    noun, the relative pronoun and the verb (past one adverb) are read from the linguistic
    layer's tags: "that" must be tagged a relative pronoun, the noun a common noun.

    A warning: the clause may describe another noun than the one before it. Left alone: the
    noun of a prepositional phrase whose own head has the other number ("one of the people
    who is", "the price of goods that is"), nouns that agree by meaning ("the kind of
    people who", "the years that"), collective nouns, names, "which" after a comma (it may
    stand for the whole clause), "that" after "told reporters" and the like, and "were"
    after a singular (the subjunctive). Inside a quotation the finding is advice (info).
    """

    id = "GRAM015"
    name = "relative-clause-agreement"
    pack = "grammar"
    severity = "warning"
    quote_severity = "info"
    message = "The verb does not agree with '{head}', the noun the clause describes: write '{suggestion}'."
    why = "The verb of a relative clause agrees with the noun that the clause describes."
    source = "AP Stylebook, 'subject-verb agreement'; Chicago Manual of Style 5.138"
    examples: Sequence[Example] = (
        Example(bad="When companies that has already won the contract begin, prices rise."),
        Example(bad="But there is also people that is convinced by the advertisements."),
        Example(bad="Schools need teachers who really cares about the pupils."),
        Example(
            good="Companies that have won the contract begin work. He is one of the people "
            "who is known here. Prices rose, which is bad. The price of goods that is "
            "quoted here is high. He told reporters that is not true."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(CUES)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.cue_index import index

        ix = index(doc, CUES)
        lows, n = ix.lows, ix.n
        for k in ix.positions(CUES):
            # cheap tests first, on words alone: a noun with a number before the pronoun
            # and a verb of the other number after it (past one adverb)
            # (the verb first: the words after "that" repeat, the nouns before it do not)
            if not k or k + 1 >= n:
                continue
            v = k + 1
            if lows[v] in ADVERBS and v + 1 < n:
                v += 1
            verb = ix.low(v)
            if lows[k - 1].endswith("s") and not (verb.endswith("s") or verb in SINGULAR_FORMS):
                continue  # a noun in -s is never singular, and a singular verb ends so
            number = verb_number(verb)
            if number is None or (number == "sg" and lows[k] == "which"):
                continue  # "the citizens which is what was needed": the whole clause
            antecedent = noun_number(lows[k - 1])
            if antecedent is None or number == antecedent:
                continue
            if any(ix.breaks_after(m) for m in range(k - 1, v)):
                continue
            found = self._confirm(doc, ix, v, antecedent, number)
            if found is not None:
                yield found

    def _confirm(self, doc, ix, v: int, antecedent: str, number: str) -> Match | None:
        """The finding when the tags bear the words out, else None."""
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.context import sentence_of, tags_of

        start, end, text = ix.words[v]
        toks, j = sentence_of(doc, start)
        if j < 2:
            return None
        # the tokens alone first (the sentence's tags are the costly part)
        rel = j - 1 if toks[j - 1].low in CUES else j - 2
        head = rel - 1
        if head < 0 or toks[rel].low not in CUES or not _joined(toks, rel + 1, j):
            return None
        if not toks[head].is_word or not toks[head].text.islower():
            return None
        pronoun, gap = toks[rel].low, toks[rel].gap.strip()
        if gap and (pronoun != "who" or gap != ","):
            return None  # ", which is": the whole clause may be meant
        if not toks[j].text.islower():
            return None  # "the report that Count Rostov"
        tags = tags_of(doc, start)
        if tags[head] not in NOUN_TAGS or tags[rel] != ("WP" if pronoun == "who" else "WDT"):
            return None
        low, tag = toks[j].low, tags[j].split("+")[0]
        auxiliary = low in SINGULAR_FORMS or low in PLURAL_FORMS
        if not auxiliary and j + 1 < len(toks) and _verb_next(toks, tags, j + 1):
            return None  # "which love bestows": a noun
        if antecedent == "pl" and candidates(toks[head].low).get("VBZ", 0.0) >= 0.3:
            return None  # "as a man laughs who looks": the "noun" is a verb
        if number == "sg" and tag != "VBZ" and low not in SINGULAR_FORMS:
            return None
        if number == "pl" and tag != "VBP" and low not in PLURAL_FORMS:
            return None
        if antecedent == "sg" and (low in ("were", "weren't") or _also_past(low)):
            return None  # "if a man who were": the subjunctive; "the tire that fit"
        if toks[head].low in MEANING_HEADS or not _clear_antecedent(toks, tags, head, antecedent):
            return None
        if rel == j - 1 and _gram009_reads(doc, toks, tags, head, low):
            return None  # "need a person who are": GRAM009 reports it
        new = _agreeing(low, antecedent)
        if not new:
            return None
        new = match_case(text, new)
        message = self.format_message(suggestion=new).replace("{head}", toks[head].text)
        return Match(start, end, message, (new,))


def _gram009_reads(doc, toks, tags, head: int, verb: str) -> bool:
    """Whether GRAM009 judges this verb: it follows the pronoun directly, GRAM009's lexicon
    gives it and the noun a number, and the noun's phrase opens the sentence or follows a verb or a
    comma."""
    from linter.packs.grammar.number import _np_start, verb_positions
    from linter.packs.grammar.number import noun_number as strict

    if not verb_positions(doc)[1].get(verb) or strict(toks[head].low) is None:
        return False
    m = _np_start(toks, tags, head) - 1
    return m < 0 or tags[m].startswith("VB") or toks[m].low in (",", ";", ":")


def _verb_next(toks, tags, m: int) -> bool:
    """Whether token ``m`` is a finite verb (by its tag or its form), so that the word
    before it is the clause's subject rather than its verb ("which love bestows")."""
    if tags[m].split("+")[0] in ("VBZ", "VBD", "VBP", "MD"):
        return True
    cands = candidates(toks[m].low)
    return cands.get("VBZ", 0.0) + cands.get("VBD", 0.0) >= 0.3


def _also_past(verb: str) -> bool:
    """Whether a plain verb form is also a past tense or a participle ("fit", "cast",
    "lay", "run"): then "the tire that fit" may be right."""
    from linter.language import forms

    cands = candidates(verb)
    return (
        cands.get("VBD", 0.0) >= 0.05
        or cands.get("VBN", 0.0) >= 0.2
        or forms.irregular_past_only(verb) is not None
    )


def _joined(toks, a: int, b: int) -> bool:
    """Whether tokens ``a`` to ``b`` follow each other with nothing but spaces between."""
    return all(toks[m].is_word and not toks[m].gap.strip() for m in range(a, b + 1))


def _clear_antecedent(toks, tags, head: int, antecedent: str) -> bool:
    """Whether the noun at ``head`` is the only noun the clause can describe: its phrase
    opens a clause or follows a verb or an adverb, or is a preposition's object hanging on
    a noun of the same number; never part of a coordination ("husband and wife who"), the
    object of a verb like "told" (then "that" may open a reported clause), or an amount."""
    from linter.packs.grammar.number import _np_start

    start = _np_start(toks, tags, head)
    if any(tags[m] == "CD" for m in range(start, head)):
        return False  # "three years that": an amount
    if any(toks[m].low in ("one", "each", "every", "any") for m in range(start, head)):
        return False  # "each member who": GRAM011 and GRAM009 judge the noun
    before = start - 1
    if before < 0 or not toks[before].is_word:
        return before < 0 or toks[before].low in CLAUSE_PUNCTUATION
    low, tag = toks[before].low, tags[before]
    if low in TELLING or tag == "CC":
        return False
    if tag.startswith("VB") or tag in ("RB", "EX", "WRB", "MD") or low in SUBORDINATORS:
        return True
    if tag not in ("IN", "TO"):
        return False  # "against US targets that": a word the phrase cannot start after
    outer = before - 1  # "the price of goods that": the clause may describe "price"
    if outer < 0 or not toks[outer].is_word:
        return False
    if tags[outer].startswith("VB"):
        # "ask for students who": the phrase hangs on a verb; "images rising in his mind
        # which": on a participle, whose noun the clause may describe
        return tags[outer] not in ("VBG", "VBN")
    if tags[outer] not in NOUN_TAGS or toks[outer].low in MEANING_HEADS:
        return False
    if noun_number(toks[outer].low) != antecedent:
        return False
    outer_start = _np_start(toks, tags, outer) - 1
    return outer_start < 0 or (tags[outer_start] != "CC" and toks[outer_start].low != ",")


CLAUSE_PUNCTUATION = frozenset(',;:("“—')
SUBORDINATORS = frozenset("that because if when while although though since unless".split())


def noun_number(word: str) -> str | None:
    """A noun's number by the lexicon alone: GRAM009's plural test, and for the singular
    any word that is mostly a common noun (the tags confirm it); remembered for the run."""
    found = _NOUN_NUMBER.get(word, "")
    if found == "":
        found = _NOUN_NUMBER.remember(word, _noun_number(word))
    return found


def _noun_number(word: str) -> str | None:
    from linter.packs.grammar.number import COLLECTIVE, SINGULAR_IN_S
    from linter.packs.grammar.number import noun_number as strict

    found = strict(word)
    if found or word in COLLECTIVE or word in SINGULAR_IN_S or word.endswith("s"):
        return found
    return "sg" if word.isalpha() and candidates(word).get("NN", 0.0) >= 0.5 else None


def _agreeing(verb: str, subject: str) -> str | None:
    """The form of ``verb`` (tagged a verb) that agrees with a subject of that number."""
    from linter.language import forms

    if subject == "pl":
        if verb in SINGULAR_FORMS:
            return SINGULAR_FORMS[verb]
        base = forms.base(verb)
        cands = candidates(base) if base else {}
        return base if cands.get("VB", 0.0) + cands.get("VBP", 0.0) >= 0.1 else None
    if verb in PLURAL_FORMS:
        return PLURAL_FORMS[verb]
    if verb in ("be", "do", "have"):
        return None
    third = forms.third_person(verb)
    return third if candidates(third).get("VBZ", 0.0) > 0.0 else None


def verb_number(word: str) -> str | None:
    """ "sg" for a verb form that needs a singular subject, "pl" for a plural one, by the
    lexicon alone (the tags decide later); remembered for the run."""
    found = _VERB_NUMBER.get(word, "")
    if found == "":
        found = _VERB_NUMBER.remember(word, _verb_number(word))
    return found


def _verb_number(word: str) -> str | None:
    if word in SINGULAR_FORMS:
        return "sg"
    if word in PLURAL_FORMS:
        return "pl"
    if not word.isalpha() or len(word) < 3:
        return None
    cands = candidates(word)
    if word.endswith("s") and cands.get("VBZ", 0.0) >= 0.2:
        return "sg"
    if cands.get("VB", 0.0) + cands.get("VBP", 0.0) >= 0.3:
        return "pl"
    return None


_NOUN_NUMBER: BoundedMemo[str, str | None] = BoundedMemo(20_000)
_VERB_NUMBER: BoundedMemo[str, str | None] = BoundedMemo(20_000)

RULES = [RelativeAgreement]
