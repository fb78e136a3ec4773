"""GRAM004: subject-verb agreement with a pronoun subject ("he have", "they was")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.language import candidates, forms
from linter.memo import BoundedMemo
from linter.packs.grammar.lexicon import PREPOSITIONS
from linter.packs.grammar.number import IRREGULAR_PLURALS, noun_number
from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.packs.grammar.cue_index import WordIndex

SINGULAR = frozenset("he she it".split())
PLURAL = frozenset("we they".split())
# verb after a singular pronoun -> the agreeing form
FOR_SINGULAR = {
    "have": "has",
    "haven't": "hasn't",
    "do": "does",
    "don't": "doesn't",
    "are": "is",
    "aren't": "isn't",
}
FOR_PLURAL = {
    "was": "were",
    "wasn't": "weren't",
    "has": "have",
    "hasn't": "haven't",
    "does": "do",
    "doesn't": "don't",
    "is": "are",
    "isn't": "aren't",
}
# The same forms written without their apostrophe ("he dont", "they doesnt").
FOR_SINGULAR.update({"havent": "hasn't", "dont": "doesn't", "arent": "isn't"})
FOR_PLURAL.update({"wasnt": "weren't", "hasnt": "haven't", "doesnt": "don't", "isnt": "aren't"})
# Forms that are also bare infinitives: "let it have", "did she do", "if he have" (archaic).
BARE_FORMS = frozenset({"have", "haven't", "do", "don't", "havent", "dont"})
# Verbs after which a pronoun is an object ("made it", "saw they"... only "it" in practice).
OBJECT_MAKERS = frozenset(
    "let lets make makes made help helps helped watch see saw hear heard".split()
)
# A pronoun after these is not the subject of the next verb, or the verb is a bare
# infinitive ("let it have", "does he have", "if it do" is archaic but not a slip to fix).
NOT_SUBJECT_BEFORE = frozenset(
    """let lets make makes made help helps helped watch watched see sees saw hear heard
    have has had did does do don't doesn't didn't will would can could shall should may
    might must to if whether wish though as than what whatever how where when why who
    which that below above beneath inside outside behind""".split()
)


class PronounAgreement(Rule):
    """What it does: flags a verb that does not agree with the pronoun before it: "he have",
    "she don't", "it are", "they was", "we has", "I has", "you was", "these is", "this are",
    and the same without the apostrophe ("he dont"). The forms of be, have and do are
    checked from a table; other verbs after he, she, it, we, they, I and you from the
    lexicon ("he enjoy it"). A compound subject ("he and she are") and a pronoun that is an
    object ("thank you is", "one of these is", "the advice I gave you is") or a numeral
    ("World War I was") are left alone.

    The rule stays silent after words that make the pronoun an object or the verb a bare
    infinitive ("let it have", "does he have", "than they do"). Inside a quotation it is advice
    (info): people speak in dialect.
    """

    id = "GRAM004"
    name = "pronoun-verb-agreement"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "The verb does not agree with '{subject}': write '{suggestion}'."
    why = "A singular subject takes a singular verb; a plural subject, a plural verb."
    source = "AP Stylebook, 'subject-verb agreement'; Chicago Manual of Style 5.138"
    examples: Sequence[Example] = (
        Example(bad="She don't know the answer.", fixed="She doesn't know the answer."),
        Example(bad="They was told to leave.", fixed="They were told to leave."),
        Example(
            bad="The company said it have no plans.", fixed="The company said it has no plans."
        ),
        Example(bad="He enjoy it."),
        Example(bad="They needs money, they say."),
        Example(bad="You was right.", fixed="You were right."),
        Example(
            good="Let it have its say; does he have a plan? They were told more than he does, "
            "and what it is, they know. Let him go; she insists that he leave."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(PRONOUNS)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import apostrophe_like, match_case
        from linter.packs.grammar.cue_index import index
        from linter.packs.grammar.tokens import after, before

        ix = index(doc, PRONOUNS)
        last = ix.n - 1
        for k in ix.positions(PRONOUNS):
            pronoun = ix.lows[k]
            singular = pronoun in SINGULAR
            table = TABLES.get(pronoun) or (FOR_SINGULAR if singular else FOR_PLURAL)
            if k == last:
                continue
            nxt = ix.low(k + 1)
            if nxt not in table:
                if pronoun in DEMONSTRATIVES or (
                    pronoun in ("i", "you") and not ix.lows[k + 1].endswith("s")
                ):
                    continue  # "these shows": a noun phrase; after I and you only "goes"
                if not _may_disagree(nxt, singular):
                    continue  # the word alone rules it out (as ``_lexical_match`` would)
                if nxt in MODAL_NEED and k + 2 <= last and ix.low(k + 2) in MODAL_NEED_AFTER:
                    continue  # "It need not be supposed", "he dare not": a modal verb
                found = self._lexical(ix, k, doc)  # "he enjoy it", "they needs money"
                if found and not _other_reading(ix, k, pronoun):
                    yield found
                continue  # the verb must be the next word: most pronouns stop here
            if _other_reading(ix, k, pronoun):
                continue
            toks, i = ix.window(k, 1, 2)
            tok = toks[i]
            verb = after(toks, i)
            prev = before(toks, i)
            if verb not in table or (tok.low == "it" and prev in PREPOSITIONS):
                continue  # "some parts of it are": "it" is an object there
            bare = verb in BARE_FORMS
            if prev in (NOT_SUBJECT_BEFORE if bare else OBJECT_MAKERS):
                continue  # "let it have", "does he have"; "let it be", "made it is" never
            if verb in ("do", "have") and after(toks, i, 2) in ("", "so", "to"):
                continue  # "as it do so"; "it have to" (rare but not ours to guess)
            v = toks[i + 1]
            new = match_case(v.text, apostrophe_like(v.text, table[verb]))
            message = self.format_message(suggestion=new).replace("{subject}", tok.text)
            yield Match(v.start, v.end, message, (new,), new)

    def _lexical(self, ix: WordIndex, k: int, doc=None) -> Match | None:
        """A pronoun before a verb that no agreement table lists ("he enjoy it")."""
        return _lexical_match(self, ix, k, doc)


# "need" and "dare" as modal verbs take no -s: "it need not", "he dare not", "she need only"
MODAL_NEED = frozenset({"need", "dare"})
MODAL_NEED_AFTER = frozenset("not only never hardly scarcely".split())

# Subjects beyond he/she/it/we/they: "I" and "you", and the demonstratives standing alone
# as subjects ("these is", "this are"). "That" is left out: it is also a relative pronoun.
FOR_I = {"is": "am", "are": "am", "has": "have", "hasn't": "haven't", "does": "do",
         "doesn't": "don't", "hasnt": "haven't", "doesnt": "don't"}  # fmt: skip
DEMONSTRATIVES = frozenset("these those this".split())
TABLES = {"i": FOR_I, "you": FOR_PLURAL, "these": FOR_PLURAL, "those": FOR_PLURAL}
OTHER_SUBJECTS = frozenset({"i", "you"}) | DEMONSTRATIVES
SINGULAR = SINGULAR | {"this"}
PLURAL = PLURAL | {"i", "you", "these", "those"}
PRONOUNS = SINGULAR | PLURAL


def _other_reading(ix: WordIndex, k: int, pronoun: str) -> bool:
    """Whether the pronoun at ``k`` is not the next verb's lone subject: "World War I
    was", "thank you is", "one of these is", "he and she are"."""
    if pronoun in OTHER_SUBJECTS and _not_a_subject(ix, k):
        return True
    return pronoun in SINGULAR and _compound(ix, k)


def _not_a_subject(ix: WordIndex, k: int) -> bool:
    """Whether the word before ``k`` makes it something other than the verb's subject: a
    preposition ("of these is", "to you is"), a gerund ("seeing you is"), "thank you", or,
    for "I", a capitalised word ("World War I was", "Phase I is")."""
    if not k or ix.breaks_after(k - 1):
        return False
    prev = ix.low(k - 1)
    if prev in PREPOSITIONS or prev in OBJECT_BEFORE or prev.endswith("ing"):
        return True
    if prev in ("and", "or", "nor", "all", "both"):
        return True  # "you and I are", "this and that are", "to visit all these is"
    if ix.lows[k] == "i":
        return ix.words[k - 1][2][:1].isupper()
    cands = candidates(prev)  # "the advice I gave you is", "he saw these is": an object
    return sum(cands.get(t, 0.0) for t in ("VB", "VBP", "VBD", "VBZ", "VBN")) >= 0.2


def _compound(ix: WordIndex, k: int) -> bool:
    """Whether the pronoun at ``k`` ends a compound subject that opens its clause ("He and
    she are", "that Mary and he are"); "went to the park and he enjoy" joins two clauses."""
    if k < 2 or ix.low(k - 1) != "and" or ix.breaks_after(k - 1) or ix.breaks_after(k - 2):
        return False
    before = ix.low(k - 2)
    if before in ("i", "he", "she", "we", "they"):
        return True  # only a subject takes these forms: "you suspect he and she are"
    if before not in PERSONAL and not ix.words[k - 2][2][:1].isupper():
        return False  # a pronoun or a name
    if k == 2 or ix.breaks_after(k - 3) or ix.low(k - 3) in CLAUSE_START:
        return True
    gap = ix.prose[ix.words[k - 3][1] : ix.words[k - 2][0]].strip()
    return bool(gap) and gap[-1] in ',;:("“—'


CLAUSE_START = frozenset(
    "that because if when while although though since whether unless once until as".split()
)


PERSONAL = frozenset("i you he she it we they me him her us them".split())
OBJECT_BEFORE = frozenset(
    "to like unlike than as except besides plus minus per thank thanks".split()
)

# Before the pronoun: words that make the verb after it a bare infinitive or subjunctive
# ("let him go", "insist that she leave", "did he go") or the pronoun an object.
NOT_SUBJECT_LEXICAL = NOT_SUBJECT_BEFORE | frozenset(
    """that lest unless should would could might whom please seen seeing watching hearing
    helping making letting having felt feel feels notice noticed noticing watches hears
    bid bade""".split()
)
_PLURAL_BLOCKERS = OBJECT_MAKERS | {"let", "make"}
# Pronoun + verb pairs the lexicon misreads: "it rains" is fine; only clear verbs count.


def _lexical_match(rule: Rule, ix: WordIndex, k: int, doc=None) -> Match | None:
    from linter.packs.grammar.common import match_case

    pronoun, verb = ix.lows[k], ix.low(k + 1)
    words, prose = ix.words, ix.prose
    singular = pronoun in SINGULAR
    # the words alone first: a plural pronoun's verb ends in "s", and one space stands between; then the lexicon's (remembered) readings of the verb
    if not verb.isalpha() or not (singular or verb.endswith("s")):
        return None
    gap = ix.ends[k]
    if ix.starts[k + 1] != gap + 1 or prose[gap] != " ":
        return None
    cands = candidates(verb)
    if singular:
        plain = cands.get("VBP", 0.0) + cands.get("VB", 0.0)
        if plain < 0.4 or verb in SKIP_VERBS:
            return None  # only a word that is mostly a plain verb
    elif cands.get("VBZ", 0.0) < 0.5:
        return None
    prev = ix.low(k - 1) if k and not ix.breaks_after(k - 1) else ""
    # a plural pronoun with a verb in -s is wrong after "if" too; only a singular one
    # meets the subjunctive or a bare infinitive there ("if he go", "let it go")
    blockers = NOT_SUBJECT_LEXICAL if singular else _PLURAL_BLOCKERS
    if prev in blockers or (pronoun == "it" and prev in PREPOSITIONS):
        return None
    nxt = ix.low(k + 2) if k + 2 < ix.n and not ix.breaks_after(k + 1) else ""
    if singular:
        if plain < 0.9 and (doc is None or prev in NOT_BEFORE_AMBIGUOUS):
            return None  # "hasn't she come", "was he overcome": a participle
        new = forms.third_person(verb)
        if candidates(new).get("VBZ", 0.0) < 0.5:
            return None
        if plain < 0.9 and ((not nxt and k + 2 < ix.n) or _past_too(verb)):
            return None
        if plain < 0.9 and not _tagged_plain(doc, words[k + 1][0]):
            return None  # "it sound like": a noun too, so the tagger must read a verb there
    else:  # a verb in -s, mostly VBZ (tested above)
        base = forms.base(verb)
        if not base or candidates(base).get("VB", 0.0) + candidates(base).get("VBP", 0.0) < 0.5:
            return None
        new = base
    if not nxt and k + 2 < ix.n:
        return None  # a comma or a dash after the verb: too little to judge
    start, end, text = words[k + 1]
    new = match_case(text, new)
    message = rule.format_message(suggestion=new).replace("{subject}", words[k][2])
    return Match(start, end, message, (new,))  # read from the lexicon: suggested, not fixed


def _may_disagree(verb: str, singular: bool) -> bool:
    """The tests of ``_lexical_match`` on the verb alone (remembered for the run): after a
    singular pronoun a word that is mostly a plain verb, after a plural one a verb in -s
    that is mostly VBZ."""
    memo = _MAY_DISAGREE_SG if singular else _MAY_DISAGREE_PL
    found = memo.get(verb)
    if found is None:
        if not verb.isalpha() or not (singular or verb.endswith("s")):
            found = False
        elif singular:
            cands = candidates(verb)
            plain = cands.get("VBP", 0.0) + cands.get("VB", 0.0)
            found = plain >= 0.4 and verb not in SKIP_VERBS
        else:
            found = candidates(verb).get("VBZ", 0.0) >= 0.5
        memo.remember(verb, found)
    return found


_MAY_DISAGREE_SG: BoundedMemo[str, bool] = BoundedMemo(20_000)
_MAY_DISAGREE_PL: BoundedMemo[str, bool] = BoundedMemo(20_000)


NEGATED_AUXILIARIES = frozenset(
    """hasn't haven't hadn't isn't wasn't doesn't didn't don't won't wouldn't can't couldn't
    shouldn't mustn't""".split()
)


BE_FORMS = frozenset("is was are were am be been being isn't wasn't aren't weren't".split())


NOT_BEFORE_AMBIGUOUS = NEGATED_AUXILIARIES | BE_FORMS


def _past_too(verb: str) -> bool:
    """Whether a plain verb form is also its own past tense ("he put", "it cost", "he cast",
    "she lay"): then the pronoun may be right (remembered for the run)."""
    found = _PAST_TOO.get(verb)
    if found is None:
        found = _PAST_TOO.remember(
            verb,
            forms.past(verb) == verb
            or candidates(verb).get("VBD", 0.0) >= 0.05
            or forms.irregular_past_only(verb) is not None,
        )
    return found


_PAST_TOO: BoundedMemo[str, bool] = BoundedMemo(20_000)


def _tagged_plain(doc, start: int) -> bool:
    """Whether the tagger reads the word at ``start`` as a plain present verb."""
    from linter.packs.grammar.context import sentence_of, tags_of

    j = sentence_of(doc, start)[1]
    return j >= 0 and tags_of(doc, start)[j] in ("VB", "VBP")


# Plain verbs that follow a pronoun in set phrases ("it mean", "he say" in headlines).
SKIP_VERBS = frozenset("be have do let go".split())


class PhraseAgreement(Rule):
    """What it does: flags a verb that does not agree with the head noun of its subject when
    a short prepositional phrase stands between them: "The results of the study shows" ->
    "show", "The price of the tickets are" -> "is". The subject's noun phrase is read from
    the linguistic layer's tags, must open its clause, and may carry up to three phrases
    ("of the survey", "in the region"); the verb agrees with the first noun, never the
    last. A head that sets the number before "of" is read too: "one of", "each of",
    "every one of" and "the number of" take a singular verb ("One of the players are" ->
    "is"), "a number of" a plural one; not after "and" ("Jones and one of the players are").

    A warning, not an error: nouns of quantity and time agree by meaning ("a lot of people
    are", "years of neglect has"), and are left alone, as are collective nouns, gerund
    subjects ("finding jobs in the city is hard"), and capitalised names and titles. Inside
    a quotation the finding is advice (info).
    """

    id = "GRAM014"
    name = "agreement-across-phrase"
    pack = "grammar"
    severity = "warning"
    quote_severity = "info"
    message = (
        "The verb does not agree with '{head}', the head of its subject: write '{suggestion}'."
    )
    why = "The verb agrees with the subject's head noun, not with the noun of a phrase after it."
    source = "AP Stylebook, 'subject-verb agreement'; Chicago Manual of Style 5.138"
    examples: Sequence[Example] = (
        Example(bad="The results of the study shows a rise."),
        Example(bad="The price of the tickets are too high."),
        Example(bad="Reports from the region says the road is closed."),
        Example(bad="One of the players are tired."),
        Example(
            good="The results of the study show a rise. A lot of people in the city are "
            "angry. Years of neglect has taken its toll. Finding jobs in the city is hard. "
            "The size of the houses is striking."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(COUNTED_HEADS)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.context import sentence_of, tags_of
        from linter.packs.grammar.number import verb_positions

        lows, words = doc.lower_words, doc.words
        positions, numbers = verb_positions(doc)
        preps = PP_PREPOSITIONS
        near = _counted_reach(doc)
        # cheap tests first, on words alone: a preposition in the eight words before the
        # verb (``_phrase_before`` finds no head without one), right after a word that may
        # be a noun of the other number (the subject's head) by its last letter
        # (``_other_number``); or "one of" (``_counted``) in reach
        disjoint = preps.isdisjoint
        for k in positions:
            if k < 3:
                continue
            low = lows[k]
            number = numbers[low]
            if number is None:  # pragma: no cover - verb_positions holds numbered verbs only
                continue
            lo = k - 8 if k > 8 else 1
            if disjoint(lows[lo:k]):
                if k not in near:
                    continue
                at_prep = []
            else:
                at_prep = [p for p in range(lo, k) if lows[p] in preps]
                if k not in near and not _may_follow_head(lows, at_prep, number):
                    continue
            obj = lows[k - 1]
            if not _object_like(obj):
                continue
            if k in near:  # "one of the players are", "the number of ... are"
                counted = self._counted(doc, k, number)
                if counted is not None:
                    yield counted
                    continue
            if noun_number(obj) not in (None, number):
                continue  # only a verb that agrees with the noun before it ("of the tickets are")
            head = _phrase_before(lows, k, number, at_prep)
            if head is None or not _may_open_clause(doc, lows, head):
                continue
            toks, j = sentence_of(doc, words[k][0])
            if j < 3 or not toks[j].text.islower() or not toks[j - 1].is_word:
                continue  # punctuation before the verb: ``_head_across`` finds no phrase
            tags = tags_of(doc, words[k][0])
            head = _head_across(toks, tags, j, number)
            if head is None:
                continue
            from linter.packs.grammar.number import _agreeing

            subject = "pl" if number == "sg" else "sg"
            new = _agreeing(low, subject)
            if not new:
                continue
            start, end, text = words[k]
            new = match_case(text, new)
            message = self.format_message(suggestion=new).replace("{head}", toks[head].text)
            yield Match(start, end, message, (new,))

    def _counted(self, doc, k: int, number: str) -> Match | None:
        """ "One of the players are", "each of the candidates have", "the number of cases
        are" (-> singular) and "a number of people is" (-> plural): the verb agrees with
        the word before "of", which opens the clause."""
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.context import sentence_of, tags_of
        from linter.packs.grammar.number import PLURAL_BE, SINGULAR_BE, _agreeing, noun_number

        lows, words = doc.lower_words, doc.words
        p = k - 2
        while lows[p] != "of":
            p -= 1
        if p < 1:
            return None
        head, want = lows[p - 1], None
        before = lows[p - 2] if p > 1 else ""
        if number == "pl" and (head in ("one", "each") or (head == "number" and before == "the")):
            want = "sg"
        elif number == "sg" and head == "number" and before == "a":
            want = "pl"
        if want is None or noun_number(lows[k - 1]) != "pl":
            return None
        toks, j = sentence_of(doc, words[k][0])
        of = j - (k - p)
        if of < 1 or toks[of].low != "of":
            return None  # punctuation between: not one phrase
        tags = tags_of(doc, words[k][0])
        if any(not toks[m].is_word or tags[m] not in OBJECT_NP_TAGS for m in range(of + 1, j)):
            return None
        if tags[j - 1] != "NNS" or toks[j - 1].text[:1].isupper():
            return None
        low, tag = toks[j].low, tags[j].split("+")[0]
        if number == "pl" and tag != "VBP" and low not in PLURAL_BE:
            return None
        if number == "sg" and tag != "VBZ" and low not in SINGULAR_BE:
            return None
        first = of - 1
        if of > 1 and (head == "number" or toks[of - 2].low in ("every", "any")):
            first = of - 2
        if head == "number" and (of < 2 or toks[first].low not in ("the", "a")):
            return None
        if first and toks[first].text[:1].isupper() and toks[first - 1].is_word:
            return None  # "Stage One of", a title
        after_comma = (
            first > 1 and toks[first - 1].low in ("and", "but") and toks[first - 2].low == ","
        )
        if first and not after_comma and not _opens_counted(toks[first - 1]):
            return None  # "and one of the players are": a compound subject
        new = _agreeing(low, want)
        if not new:
            return None
        start, end, text = words[k]
        new = match_case(text, new)
        message = self.format_message(suggestion=new).replace("{head}", toks[of - 1].text)
        return Match(start, end, message, (new,))


COUNTED_HEADS = frozenset({"one", "each", "number"})


def _counted_reach(doc) -> frozenset[int] | set[int]:
    """The word positions a verb agreeing with "one of", "each of" or "the number of"
    could hold: two to ten words after the head (found with the shared cue index)."""
    from linter.packs.grammar.cue_index import index

    ix = index(doc, COUNTED_HEADS)
    lows = ix.lows
    near: set[int] = set()
    for h in ix.positions(COUNTED_HEADS):
        if h + 1 < ix.n and lows[h + 1] == "of":
            near.update(range(h + 3, h + 11))
    return near


def _opens_counted(before) -> bool:
    """Whether the token before "one of", "each of", "the number of" lets it open a clause."""
    if not before.is_word:
        return before.low in (",", ";", ":", "(", '"', "“", "—")
    return before.low in COUNTED_OPENERS


COUNTED_OPENERS = frozenset(
    """but because if when while although though since that as so where whether unless
    once until""".split()
)


def _phrase_before(lows: list[str], k: int, number: str, at_prep: list[int]) -> int | None:
    """Words alone: the leftmost noun of the other number that stands right before a
    preposition, when only noun-phrase words and prepositions (at most eight) lie between
    it and the verb at ``k``. ``at_prep``: the prepositions' positions in that reach, in
    order; only those after a noun of the other number count, so the walk over the words
    between (the lexicon's ``_object_like``) stops at the leftmost of them."""

    heads = [p for p in at_prep if _other_number(lows[p - 1], number)]
    if not heads:
        return None
    found = None
    stop = heads[0]
    for p in range(k - 1, stop - 1, -1):
        low = lows[p]
        if low in PP_PREPOSITIONS:
            if p in heads:
                found = p - 1
        elif low not in NP_WORDS and not _object_like(low):
            break
    return found


def _may_follow_head(lows: list[str], at_prep: list[int], number: str) -> bool:
    """Whether a preposition at ``at_prep`` follows a word that may be a head noun of the
    number other than the verb's, by its last letter alone (``_other_number``)."""
    if number == "sg":
        for p in at_prep:
            before = lows[p - 1]
            if before.endswith("s") or before in IRREGULAR_PLURALS:
                return True
        return False
    return not all(lows[p - 1].endswith("s") for p in at_prep)


def _other_number(word: str, number: str) -> bool:
    """Whether ``word``, before a preposition, may be a head noun of the number other than
    the verb's. A plural ("pl") noun ends in "s" or is irregular, and ``maybe_plural`` wants
    an "s" too (tests/test_grammar_shortcuts.py), so after a singular verb the last letter
    rules most words out before the lexicon is asked; a singular ("sg") one never ends in
    "s", which rules out the rest after a plural verb."""
    if number == "sg":
        if not word.endswith("s") and word not in IRREGULAR_PLURALS:
            return False
    elif word.endswith("s"):
        return False
    return noun_number(word) not in (None, number) or (number == "sg" and maybe_plural(word))


def _may_open_clause(doc, lows: list[str], head: int) -> bool:
    """Words and gaps alone: whether the noun phrase ending at ``head`` (at most four words
    back over determiners, adjectives and nouns) can open its clause: the text starts
    there, or punctuation, a conjunction, a subordinator or "most of" comes before it."""
    words, prose = doc.words, doc.prose
    m = head
    for _ in range(5):
        gap = prose[words[m - 1][1] : words[m][0]] if m else ""
        if not m or gap.strip() or "\n" in gap:
            return True  # the start, or punctuation (a comma, a sentence end) before it
        prev = lows[m - 1]
        if prev in CLAUSE_WORDS:
            return True
        if prev not in NP_WORDS and not _modifier_like(prev):
            return False
        m -= 1
    return False


def _modifier_like(word: str) -> bool:
    cands = candidates(word)
    return sum(cands.get(t, 0.0) for t in ("JJ", "JJR", "JJS", "NN", "NNP", "CD", "VBG")) >= 0.3


CLAUSE_WORDS = frozenset(
    """and or nor but because if when while although though since whether unless once until
    that which who of""".split()
)


def _object_like(word: str) -> bool:
    """Whether ``word`` can end a preposition's object (a noun, a name, a number, "them"),
    by the lexicon alone (remembered for the run)."""
    found = _OBJECT_LIKE.get(word)
    if found is None:
        cands = candidates(word)
        found = (
            word in OBJECT_PRONOUNS
            or word.isdigit()
            or word.endswith(("'s", "’s"))  # "of today's man"
            or (sum(cands.get(t, 0.0) for t in ("NN", "NNS", "NNP", "NNPS", "CD")) >= 0.3)
        )
        _OBJECT_LIKE.remember(word, found)
    return found


_OBJECT_LIKE: BoundedMemo[str, bool] = BoundedMemo(20_000)
# Prepositions whose phrase can stand between a subject and its verb. Words that also open
# a clause ("after", "before", "since", "like", "than", "as") are left out.
PP_PREPOSITIONS = frozenset(
    """of in on at for from with near about among under over behind inside within without
    across around against between into through toward towards throughout beside outside
    along amid beyond despite regarding concerning""".split()
)
PP_OBJECT_TAGS = frozenset("NN NNS NNP NNPS PRP CD".split())
# Heads that agree by meaning ("a lot of people are", "years of neglect has").
QUANTITY_HEADS = frozenset(
    """lot lots number majority minority plurality rest half third quarter percent
    percentage proportion fraction share part portion bulk remainder variety range series
    couple group kind kinds type types sort sorts total handful host pair plenty amount
    amounts array list set collection mix bunch dozen dozens score hundreds thousands
    millions billions tens scores tons loads heaps years months weeks days hours minutes
    decades centuries dollars euros pounds miles yards feet inches meters metres acres
    gallons litres liters kilometers kilometres thirds quarters halves fifths tenths
    none one any all some each either neither everyone everybody anyone anybody someone
    somebody nobody nothing something everything anything average sum balance generation
    population profession crowd body class""".split()
)
DEFINITE = frozenset("the this that its his her their our my your".split())


def _head_across(toks, tags, j: int, number: str) -> int | None:
    """The index of the subject's head noun when a prepositional phrase (or up to three)
    stands between it and the verb at ``j`` and its number is not the verb's, else None."""
    from linter.packs.grammar.number import (
        PLURAL_BE,
        SINGULAR_BE,
        _noun_number,
        _np_start,
        _opens_clause,
    )

    low = toks[j].low
    tag = tags[j].split("+")[0]
    if number == "sg" and tag != "VBZ" and low not in SINGULAR_BE:
        return None
    if number == "pl" and tag != "VBP" and low not in PLURAL_BE:
        return None
    m = j
    found: list[tuple[int, str]] = []  # (the word before each preposition, the preposition)
    while len(found) < 3:
        obj = m - 1
        if obj < 1 or not toks[obj].is_word or tags[obj] not in PP_OBJECT_TAGS:
            break
        prep = _object_start(toks, tags, obj) - 1
        if prep < 1 or toks[prep].low not in PP_PREPOSITIONS or tags[prep] != "IN":
            break
        found.append((prep - 1, toks[prep].low))
        m = prep
    # the subject's head: the leftmost noun; "most of", "some of", "one of" pass to the
    # noun after them
    chosen = next(
        (n for n, (w, _) in enumerate(reversed(found)) if toks[w].is_word and tags[w] in NOUNS),
        None,
    )
    if chosen is None or any(
        toks[w].low not in PASS_THROUGH for w, _ in list(reversed(found))[:chosen]
    ):
        return None  # "one of the orders was", "each of them is": not our noun
    head, first_prep = list(reversed(found))[chosen]
    if head and toks[head].text[:1].isupper():
        return None  # a name or a title
    if toks[head].low in QUANTITY_HEADS:
        return None
    subject = _noun_number(toks[head].low)
    np_start = _np_start(toks, tags, head)
    if subject is None and low in SINGULAR_BE and _determined_plural(toks, tags, head, np_start):
        subject = "pl"  # "the objects in the painting is": a verb form too, but not here
    if subject is None or subject == number:
        return None
    if subject == "sg" and low in ("were", "weren't"):
        return None  # "if the man in the car were": the subjunctive
    if any(tags[x] == "VBG" for x in range(np_start, head)):
        return None  # "finding jobs in the city is": a gerund subject
    if subject == "sg" and first_prep == "of" and toks[np_start].low not in DEFINITE:
        return None  # "a range of issues were": agreement by meaning
    if not _opens_clause(toks, tags, head, subject):
        return None
    before, two_before = (
        (toks[np_start - 1].low, toks[np_start - 2]) if np_start > 1 else ("", None)
    )
    if before in ("that", "which", "who") and tags[np_start - 2] in NOUNS | {"NNP", "NNPS"}:
        return None  # "buildings that wall in three sides": a relative clause's verb
    if before in ("and", "or", "nor", "but") and two_before and two_before.low != ",":
        # "when the ideas and the concepts of the war is": both nouns open the clause;
        # "between Gibraltar and the hills behind it was" is a preposition's object
        left = np_start - 2
        if before != "and" or tags[left] not in NOUNS or not _opens_clause(toks, tags, left, "pl"):
            return None
    return head


def _determined_plural(toks, tags, head: int, np_start: int) -> bool:
    """Whether the word at ``head``, which the lexicon leaves open ("objects" is also a
    verb), is a plural noun here: tagged so, with a determiner before it in its phrase."""
    return (
        tags[head] == "NNS"
        and np_start < head
        and tags[np_start] in ("DT", "PRP$")
        and toks[np_start].low not in ("a", "an", "another", "every", "each", "this", "that")
        and maybe_plural(toks[head].low)
    )


def maybe_plural(word: str) -> bool:
    """Whether ``word`` can be a plural noun, though the lexicon may read it mostly as a
    verb ("objects", "results"): an -s word with a plural reading, or whose singular is a
    noun; the tags decide (remembered for the run)."""
    found = _MAYBE_PLURAL.get(word)
    if found is None:
        from linter.packs.grammar.number import SINGULAR_IN_S

        found = (
            len(word) > 3
            and word.endswith("s")
            and not word.endswith(("ss", "us", "is", "'s", "’s"))
            and word not in SINGULAR_IN_S
            and word.isalpha()
            and (
                candidates(word).get("NNS", 0.0) >= 0.1
                or candidates(word[:-1]).get("NN", 0.0) >= 0.3
            )
        )
        _MAYBE_PLURAL.remember(word, found)
    return found


_MAYBE_PLURAL: BoundedMemo[str, bool] = BoundedMemo(20_000)


def _object_start(toks, tags, obj: int) -> int:
    """Where the preposition's object ending at ``obj`` starts ("the Bay Ridge store"); a
    determiner opens it, so "the elms their leaves" is never read as one phrase."""
    if tags[obj] == "PRP":
        return obj if toks[obj].low in OBJECT_PRONOUNS else -1
    m = obj - 1
    while m >= 0 and (
        (toks[m].is_word and tags[m].split("+")[0] in OBJECT_NP_TAGS) or toks[m].low in ("'s", "'")
    ):
        if tags[m] in ("DT", "PDT", "PRP$"):
            return m
        m -= 1
    return m + 1


OBJECT_PRONOUNS = frozenset("them us him her me it you".split())
NP_WORDS = frozenset(
    """the a an this that these those his her its their our my your some any each every
    no all both many several few more most other new old 's '""".split()
)
NOUNS = frozenset({"NN", "NNS"})
# Words before "of" whose number passes to the noun after it ("most of the players are");
# "one of", "each of" and "none of" set their own number and end the search.
PASS_THROUGH = frozenset("most some all many several few both".split())


OBJECT_NP_TAGS = frozenset("DT PDT PRP$ CD JJ JJR JJS NN NNS NNP NNPS POS".split())


RULES = [PronounAgreement, PhraseAgreement]
