"""GRAM004: subject-verb agreement with a pronoun subject ("he have", "they was")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.language import candidates, forms
from linter.packs.grammar.lexicon import PREPOSITIONS
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
    "she don't", "it are", "they was", "we has". Only the pronouns he, she, it, we and they
    are subjects the rule trusts, and only the forms of be, have and do are checked.

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
            table = FOR_SINGULAR if ix.lows[k] in SINGULAR else FOR_PLURAL
            if k == last:
                continue
            if ix.low(k + 1) not in table:
                found = self._lexical(ix, k)  # "he enjoy it", "they needs money"
                if found:
                    yield found
                continue  # the verb must be the next word: most pronouns stop here
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

    def _lexical(self, ix: WordIndex, k: int) -> Match | None:
        """A pronoun before a verb that no agreement table lists ("he enjoy it")."""
        return _lexical_match(self, ix, k)


PRONOUNS = SINGULAR | PLURAL
# Before the pronoun: words that make the verb after it a bare infinitive or subjunctive
# ("let him go", "insist that she leave", "did he go") or the pronoun an object.
NOT_SUBJECT_LEXICAL = NOT_SUBJECT_BEFORE | frozenset(
    """that lest unless should would could might whom please seen seeing watching hearing
    helping making letting having felt feel feels notice noticed noticing watches hears
    bid bade""".split()
)
# Pronoun + verb pairs the lexicon misreads: "it rains" is fine; only clear verbs count.


def _lexical_match(rule: Rule, ix: WordIndex, k: int) -> Match | None:
    from linter.packs.grammar.common import match_case

    pronoun, verb = ix.lows[k], ix.low(k + 1)
    words, prose = ix.words, ix.prose
    if prose[words[k][1] : words[k + 1][0]] != " " or not verb.isalpha():
        return None
    prev = ix.low(k - 1) if k and not ix.breaks_after(k - 1) else ""
    # a plural pronoun with a verb in -s is wrong after "if" too; only a singular one
    # meets the subjunctive or a bare infinitive there ("if he go", "let it go")
    blockers = NOT_SUBJECT_LEXICAL if pronoun in SINGULAR else OBJECT_MAKERS | {"let", "make"}
    if prev in blockers or (pronoun == "it" and prev in PREPOSITIONS):
        return None
    nxt = ix.low(k + 2) if k + 2 < ix.n and not ix.breaks_after(k + 1) else ""
    cands = candidates(verb)
    if pronoun in SINGULAR:
        if cands.get("VBP", 0.0) + cands.get("VB", 0.0) < 0.9 or verb in SKIP_VERBS:
            return None  # only a word that is nothing but a plain verb
        new = forms.third_person(verb)
        if candidates(new).get("VBZ", 0.0) < 0.5:
            return None
    else:
        if cands.get("VBZ", 0.0) < 0.5 or not verb.endswith("s"):
            return None
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


# Plain verbs that follow a pronoun in set phrases ("it mean", "he say" in headlines).
SKIP_VERBS = frozenset("be have do let go".split())


RULES = [PronounAgreement]
