"""GRAM008: a noun or preposition standing where the clause needs its verb ("The senator
past the bill"); GRAM010: a verb form the auxiliary before it rules out ("has went",
"will goes")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.language import candidates, forms
from linter.rule import Example, Match, Rule

# word written -> the verb its clause needs, when the word stands in the verb's slot
VERB_SLOT = {"past": "passed", "lead": "led"}
SUBJECT_DETERMINERS = frozenset("the a an this that his her its their our my your".split())
OBJECT_START = frozenset("the a an his her its their our my your this that these those".split())
FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


class VerbSlot(Rule):
    """What it does: flags "past" or "lead" standing where the sentence's only verb must go:
    "The senator past the bill last week" (passed), "The union lead the strike last year"
    (led). The rule needs a subject noun phrase before the word, an object after it, and no
    other finite verb in the sentence, read from the part-of-speech tags of the linguistic
    layer; "the road past the church is closed" has its verb and is left alone.
    """

    id = "GRAM008"
    name = "verb-slot"
    pack = "grammar"
    severity = "error"
    message = "The sentence needs its verb here: write '{suggestion}', not '{match}'."
    why = "A sound-alike noun or preposition in the verb's place leaves the sentence without one."
    source = "Merriam-Webster usage notes, 'past/passed', 'lead/led'"
    examples: Sequence[Example] = (
        Example(
            bad="The senator past the bill last week.",
            fixed="The senator passed the bill last week.",
        ),
        Example(
            bad="The union lead the strike last year.", fixed="The union led the strike last year."
        ),
        Example(good="The road past the church is closed. The union lead negotiator spoke."),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(VERB_SLOT)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.context import sentence_of, tags_of
        from linter.packs.grammar.cue_index import index

        ix = index(doc, CUES)
        for k in ix.positions(CUES):
            start, end, text = ix.words[k]
            toks, j = sentence_of(doc, start)
            if j < 1 or j + 1 >= len(toks) or text.isupper():
                continue
            word = toks[j].low
            nxt = toks[j + 1].low
            if not (nxt in OBJECT_START or (word == "lead" and nxt == "to")):
                continue
            # a subject: determiner + noun right before ("The senator", "The union")
            d = j - 2  # the determiner, maybe with a noun between ("The Twitter attention")
            if d >= 1 and toks[d].is_word and toks[d].low not in SUBJECT_DETERMINERS:
                d -= 1
            if d < 0 or toks[d].low not in SUBJECT_DETERMINERS:
                continue
            tags = tags_of(doc, start)
            if tags[j - 1] not in ("NN", "NNP", "NNS") or d != _clause_start(toks, j):
                continue
            singular = tags[j - 1] in ("NN", "NNP") and word == "lead"
            # read in order and stopped at the first finite verb: the tags after it are
            # never worked out (``tagger.Tags``)
            if not singular and any(tags[m] in FINITE for m in range(j + 1, len(tags))):
                continue  # "The road past the church is closed"
            new = match_case(text, VERB_SLOT[toks[j].low])
            yield Match(start, end, self.format_message(match=text, suggestion=new), (new,), new)


CUES = frozenset(VERB_SLOT)


def _clause_start(toks, j: int) -> int:
    """Where the clause holding token ``j`` starts: after the last comma, colon or
    semicolon before it, or at the sentence start."""
    for m in range(j - 1, -1, -1):
        if toks[m].low in (",", ";", ":", '"', "(", "-"):
            return m + 1
    return 0


PERFECT = frozenset("has have had having hasn't haven't hadn't".split())
MODALS = frozenset(
    "will would can could shall should may might must won't wouldn't can't cannot couldn't "
    "shouldn't mustn't do does did don't doesn't didn't".split()
)
BE = frozenset("is are was were be been being am isn't aren't wasn't weren't".split())
BETWEEN = frozenset(
    "not never already just also still ever recently since even really only".split()
)
# after a passive participle: "is generate by" (generated), "is suppose to" (supposed)
AFTER_PASSIVE = frozenset("by to in for".split())
OBJECTS = frozenset("the a an this that these those them him her us it me my his their our".split())
# Verbs whose participle is their base ("has come", "had put"): never a slip after "have".
SAME_PARTICIPLE = frozenset(
    """come become run put cut set let hit hurt cost shut quit spread fit bet bid burst cast
    broadcast forecast rid split slit thrust upset wed knit shed""".split()
)


class VerbForm(Rule):
    """What it does: flags a verb form that the auxiliary before it rules out: a simple past
    after "has", "have" or "had" ("She has went" -> "gone"), and a past or third-person form
    after a modal ("will goes" -> "go", "could went" -> "go"). Only forms that are nothing
    but a simple past or a third person ("went", "took", "goes") are judged, so "has put"
    and "will set" pass.

    After a form of "be", a bare verb before "by" or "to" is a passive missing its
    participle ("is generate by" -> "generated", "is suppose to" -> "supposed"). After a
    verb that takes a to-infinitive, the verb after "to" must be bare ("have to reduced"
    -> "reduce", "want to goes" -> "go"); "agreed to", "used to" and "going to" are left
    out, since "to" may be a preposition there.
    """

    id = "GRAM010"
    name = "verb-form"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "Wrong verb form after '{aux}': write '{suggestion}'."
    why = "The perfect takes the past participle; a modal takes the bare infinitive."
    source = "Chicago Manual of Style 5.132-5.145 (verb forms)"
    examples: Sequence[Example] = (
        Example(bad="She has went to the meeting.", fixed="She has gone to the meeting."),
        Example(bad="The board will goes ahead.", fixed="The board will go ahead."),
        Example(bad="They had already took the money.", fixed="They had already taken the money."),
        Example(bad="It is suppose to rain."),
        Example(bad="They didn't wanted it.", fixed="They didn't want it."),
        Example(bad="They want to goes home.", fixed="They want to go home."),
        Example(
            good="She has gone; they had put it back; it will set a record; he could say; "
            "it is used by many; they didn't want it; the will of the people."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(AUX)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.cue_index import index

        ix = index(doc, AUX)
        words, lows, n = ix.words, ix.lows, ix.n
        prose, starts, ends = ix.prose, ix.starts, ix.ends
        may_be_wrong = _MAY_BE_WRONG.get
        for k in ix.positions(AUX):
            if lows[k] == "to":
                if not k or lows[k - 1] not in TO_INFINITIVE:
                    continue  # most "to": a preposition, or after a verb not in the list
                found = self._infinitive(ix, k)
                if found:
                    yield found
                continue
            v = k + 1
            while v < n and lows[v] in BETWEEN:
                v += 1
            if v >= n:
                continue
            if v == k + 1:  # ``_joined`` inlined for the common case: one gap
                e, s = ends[k], starts[v]
                if not ((s - e == 1 and prose[e] == " ") or not prose[e:s].strip()):
                    continue
            elif not _joined(ix, k, v):
                continue
            verb = lows[v]
            aux = lows[k].replace("’", "'")
            # the word after the verb matters after "be" and "have" only (a modal's test
            # does not read it)
            nxt = (
                lows[v + 1]
                if (aux in PERFECT or aux in BE) and v + 1 < n and _joined(ix, v, v + 1)
                else ""
            )
            before = lows[k - 1] if k else ""
            if not _may_want_other(aux, verb, nxt, before, ix.texts[k]):
                continue  # the words alone rule a finding out: no lexicon asked
            wrong = may_be_wrong(verb)  # the memo of ``_may_be_wrong`` read in place
            if wrong is False or (wrong is None and not _may_be_wrong(verb)):
                continue  # most words after an auxiliary: a participle, a base, an -ing
            new = _form_after(aux, verb, nxt, before, words[k][2])
            if new is None or new == verb or not forms.is_word(new):
                continue  # "had read": the participle is the word itself; never a non-word
            start, end, text = words[v]
            new = match_case(text, new)
            message = self.format_message(suggestion=new).replace("{aux}", words[k][2])
            # a fixed table settles "has went" and "will goes"; a bare verb after "be" or
            # "have" is read from the lexicon: suggested, not applied by --fix
            certain = aux in MODALS or forms.irregular_past_only(verb) is not None
            yield Match(start, end, message, (new,), new if certain else None)

    def _infinitive(self, ix, k: int) -> Match | None:
        """ "we have to reduced", "they want to goes": after a verb that takes a
        to-infinitive ("have to", "want to", "refused to"), "to" opens an infinitive and
        the verb after it must be bare. Verbs after which "to" may be a preposition
        ("agreed to", "used to", "going to") are not in the list."""
        from linter.packs.grammar.common import match_case

        words, lows, n = ix.words, ix.lows, ix.n
        if not k or lows[k - 1] not in TO_INFINITIVE or not _joined(ix, k - 1, k):
            return None
        v = k + 1
        while v < n and lows[v] in BETWEEN:
            v += 1
        if v >= n or not _joined(ix, k, v):
            return None
        verb = lows[v]
        if not verb.isalpha() or not _may_be_wrong(verb) or words[v][2][:1].isupper():
            return None
        if verb in BE or verb in ("has", "does", "did", "had"):
            return None  # "any that wants to is privileged": "to" ends its own phrase
        cands = candidates(verb)
        if cands.get("VB", 0.0) + cands.get("VBP", 0.0) >= 0.05:
            return None  # "to bore", "to lay", "to fell": also a bare verb
        base = forms.irregular_past_only(verb) or _third_person_base(verb)
        certain = base is not None
        if base is None and cands.get("VBD", 0.0) + cands.get("VBN", 0.0) >= 0.9:
            base = forms.base_of_past(verb, _is_base)  # "have to reduced"
        if base is None or base == verb or not forms.is_word(base):
            return None
        start, end, text = words[v]
        new = match_case(text, base)
        message = self.format_message(suggestion=new).replace("{aux}", words[k][2])
        return Match(start, end, message, (new,), new if certain else None)


# Verbs and adjectives after which "to" can only open an infinitive.
TO_INFINITIVE = frozenset(
    """have has had having need needs needed want wants wanted able unable try tries tried
    trying refuse refuses refused refusing decide decides decided deciding plan plans
    planned hope hopes hoped begin begins began ought supposed seem
    seems seemed appear appears appeared manage manages managed fail fails failed expect
    expects expected continue continues continued""".split()
)
AUX = PERFECT | MODALS | BE | {"to"}
_MAY_BE_WRONG: dict[str, bool] = {}


def _may_be_wrong(verb: str) -> bool:
    """Whether some auxiliary rules ``verb`` out: a simple past, a third person, a
    participle or a bare verb (remembered per word for the run)."""
    found = _MAY_BE_WRONG.get(verb)
    if found is None:
        cands = candidates(verb) if verb.isalpha() else {}
        verbal = sum(cands.get(t, 0.0) for t in ("VB", "VBP", "VBD", "VBN", "VBZ"))
        if len(_MAY_BE_WRONG) > 100_000:
            _MAY_BE_WRONG.clear()
        found = _MAY_BE_WRONG[verb] = verbal >= 0.5
    return found


def _may_want_other(aux: str, verb: str, nxt: str, before: str, aux_text: str) -> bool:
    """False when ``_form_after`` is None by its tests on the words alone (what it asks of
    the lexicon cannot change that), so most auxiliaries need no lexicon at all."""
    if aux in PERFECT:
        return bool(forms.irregular_past_only(verb)) or (nxt in OBJECTS and aux != "having")
    if aux in BE:
        return (nxt in AFTER_PASSIVE or not nxt) and not verb.endswith("ing")
    return not (
        before in ("the", "a", "his", "her", "their", "its")
        or verb in BE
        or verb in ("has", "had", "does", "did")
        or (aux_text[:1].isupper() and aux in ("may", "will", "can"))
    )


def _form_after(aux: str, verb: str, nxt: str, before: str, aux_text: str) -> str | None:
    """The form the auxiliary ``aux`` wants instead of ``verb``, or None when it fits."""
    cands = candidates(verb)
    base_only = cands.get("VB", 0.0) + cands.get("VBP", 0.0) >= 0.75 and verb not in SAME_PARTICIPLE
    if aux in PERFECT:
        base = forms.irregular_past_only(verb)
        if base:
            return forms.participle(base)  # "has went"
        if base_only and nxt in OBJECTS and aux != "having":
            return forms.participle(verb)  # "I have use them"
        return None
    if aux in BE:
        if base_only and (nxt in AFTER_PASSIVE or not nxt) and not verb.endswith("ing"):
            return forms.participle(verb)  # "is generate by", "will be save."
        return None
    if before in ("the", "a", "his", "her", "their", "its"):
        return None  # "the will", "a can"
    if verb in BE or verb in ("has", "had", "does", "did"):
        return None  # "what he did was", "all they need to do is show"
    if aux_text[:1].isupper() and aux in ("may", "will", "can"):
        return None  # "May", "Will" (names)
    base = forms.irregular_past_only(verb) or forms.irregular_base(verb) or _third_person_base(verb)
    if base is None and cands.get("VBD", 0.0) + cands.get("VBN", 0.0) >= 0.9:
        base = forms.base_of_past(verb, _is_base)  # "didn't wanted"
    return base


def _is_base(word: str) -> bool:
    from linter.language.tagger import model

    if word not in model().words:
        return False
    cands = candidates(word)
    return cands.get("VB", 0.0) + cands.get("VBP", 0.0) >= 0.3


def _joined(ix, k: int, v: int) -> bool:
    """Only spaces between the auxiliary and the verb (no comma, no line break)."""
    prose, starts, ends = ix.prose, ix.starts, ix.ends
    if v == k + 1:  # most calls: one gap, most often one space
        e, s = ends[k], starts[v]
        return (s - e == 1 and prose[e] == " ") or not prose[e:s].strip()
    return all(not prose[ends[m] : starts[m + 1]].strip() for m in range(k, v))


def _third_person_base(word: str) -> str | None:
    """ "goes" -> "go", "says" -> "say": a verb form that can only be a third person."""
    cands = candidates(word)
    if cands.get("VBZ", 0.0) < 0.7 or not word.endswith("s"):
        return None
    base = forms.base(word)
    if base and candidates(base).get("VB", 0.0) + candidates(base).get("VBP", 0.0) >= 0.3:
        return base
    return None


RULES = [VerbSlot, VerbForm]
