"""GRAM006: a present-tense verb in a clause joined to a past-tense narrative clause."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule

QUANTIFIER_SUBJECTS = frozenset("some others many most few several all both".split())
PRONOUN_SUBJECTS = frozenset("they we he she".split())
ADVERBS = frozenset("even also still just actually reportedly simply then later".split())


def _is_past(word: str, prev: str) -> bool:
    from linter.packs.grammar import lexicon as lx

    if word in lx.IRREGULAR_PAST:
        return True
    return (
        word.endswith("ed")
        and len(word) > 4
        and (
            prev in lx.SUBJECT_PRONOUNS
            or prev.endswith("ly")
            or prev in ("and", "then")
            or (len(prev) > 3 and prev.endswith("s") and not prev.endswith(("ss", "us", "is")))
        )
    )


SUBJECTS = QUANTIFIER_SUBJECTS | PRONOUN_SUBJECTS


def _past_before(ix, k: int) -> str:
    """The first past-tense verb of the clause run that ends before word ``k`` (clauses
    joined by commas; a dash, colon or quote starts afresh), or "" when there is none or a
    present auxiliary ("is", "has") shows the run is not past narrative."""
    from linter.packs.grammar import lexicon as lx

    words, prose = ix.words, ix.prose
    first = k - 1  # back to the sentence's start or the word after a fresh start
    while not ix.breaks_after(first - 1):
        if prose[words[first - 1][1] : words[first][0]].strip() not in ("", ","):
            break
        first -= 1
    past = ""
    prev = "" if ix.breaks_after(first - 1) else ix.low(first - 1)
    for j in range(first, k):
        low = ix.low(j)
        if _is_past(low, prev):
            past = past or words[j][2]
        elif low in lx.PRESENT_AUX:
            return ""
        prev = low
    return past


class TenseSlip(Rule):
    """What it does: flags a present-tense verb in a clause that continues a past-tense
    narrative after a comma: "Hundreds of followers pressed the heart button, some even
    record videos of themselves." The second clause must open with a subject ("some even",
    "they", "she") and its verb must be a plain present form; verbs of saying and thinking
    ("some even say") are left alone, since news reports present views in the present.

    Inside a quotation the finding is advice (info).
    """

    id = "GRAM006"
    name = "tense-slip"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "Tense changes mid-sentence: the clause before is in the past ('{past}'); use the past tense of '{match}'."
    why = "A narrative clause in the past joined to one in the present reads as a slip."
    source = "Chicago Manual of Style 5.132 (sequence of tenses); AP Stylebook, 'tenses'"
    examples: Sequence[Example] = (
        Example(bad="Hundreds of followers pressed the button, some even record videos of it."),
        Example(bad="The fans cheered loudly, they wave flags all night."),
        Example(good="Hundreds of followers pressed the button, some even recorded videos of it."),
        Example(good="Prices rose sharply last year, some even say too fast."),
        Example(good="He said the plan is working, they even expected more."),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(SUBJECTS)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.cue_index import index

        ix = index(doc, SUBJECTS)
        prose, starts, ends = ix.prose, ix.starts, ix.ends
        for k in ix.positions(SUBJECTS):
            # a clause after a comma: the subject's gap is the comma (and spaces) alone
            if not k or prose[ends[k - 1] : starts[k]].strip() != "," or ix.breaks_after(k - 1):
                continue
            run = k + 1
            while run < ix.n and ix.low(run) in ADVERBS:
                run += 1
            toks, i = ix.window(k, 0, run - k + 2)
            verb = self._slip(toks, i)
            if verb is None:
                continue
            past = _past_before(ix, k)
            if past:
                v = toks[verb]
                message = self.format_message(match=v.text).replace("{past}", past)
                yield Match(v.start, v.end, message)

    @staticmethod
    def _slip(toks, i: int) -> int | None:
        """Index of the present-tense verb of the clause starting at ``i``, if any."""
        from linter.packs.grammar import lexicon as lx

        subject = toks[i].low
        if subject not in QUANTIFIER_SUBJECTS | PRONOUN_SUBJECTS:
            return None
        j = i + 1
        adverbs = 0
        while j < len(toks) and toks[j].low in ADVERBS and toks[j].gap == " ":
            j, adverbs = j + 1, adverbs + 1
        if j >= len(toks) or toks[j].gap != " " or (subject in QUANTIFIER_SUBJECTS and not adverbs):
            return None
        verb = toks[j].low
        if (
            not verb.isalpha()
            or not toks[j].text.islower()
            or verb in lx.REPORTING_VERBS
            or verb.endswith(("ed", "ing", "er", "ly", "est"))
            or verb in lx.IRREGULAR_PAST
            or verb in lx.DETERMINERS | lx.PREPOSITIONS | lx.MODALS | lx.BE | lx.HAVE | lx.DO
            or verb in lx.CONJUNCTIONS | lx.COMPARATIVES | lx.OBJECT_PRONOUNS
        ):
            return None
        third = subject in ("he", "she")
        if third != (verb.endswith("s") and not verb.endswith("ss")):
            return None
        if j + 1 >= len(toks) or toks[j + 1].gap.strip():
            return None  # the verb needs an object or complement after it
        return j


RULES = [TenseSlip]
