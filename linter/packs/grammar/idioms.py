"""GRAM005: corrupted idioms and set phrases ("baited breath", "tow the line")."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, overload

from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.packs.grammar.cue_index import WordIndex


class CorruptedIdiom(Rule):
    """What it does: flags an idiom or set phrase written with a word swapped for a
    look-alike or sound-alike ("baited breath", "tow the line", "free reign", "has his dad
    blown away" for a mind blown), misspelled ("for all intents and porpises") or, in long
    phrases, with a word dropped ("for all intents purposes"), and suggests the fixed phrase.
    The phrases and known corruptions are in rules/grammar/data/idioms.txt.

    Only listed corruptions count as swaps, so ordinary sentences that resemble an idiom ("at
    the end of the year") are left alone. Inside a quotation the finding is advice (info): the
    speaker may have said it so.
    """

    id = "GRAM005"
    name = "corrupted-idiom"
    pack = "grammar"
    severity = "error"
    quote_severity = "info"
    message = "Corrupted idiom: write '{suggestion}'."
    why = "An idiom with a swapped, dropped or misspelled word reads as a slip."
    source = "Merriam-Webster, 'eggcorns'; AP Stylebook; Garner's Modern English Usage"
    examples: Sequence[Example] = (
        Example(bad="Fans waited with baited breath.", fixed="Fans waited with bated breath."),
        Example(bad="He refused to tow the line.", fixed="He refused to toe the line."),
        Example(bad="It is, for all intents purposes, over."),
        Example(bad="The ruling was for all intents and purposses final."),
        Example(bad="Bacon has his dad blown away by the car."),
        Example(
            good="Fans waited with bated breath; he refused to toe the line, and for all "
            "intents and purposes the tow truck had its roof blown away."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.common import data_dir
        from linter.packs.grammar.cue_index import watch
        from linter.packs.grammar.idiom_table import NearMisses, load

        idioms, self._corruptions = load(data_dir() / "idioms.txt")
        self._near = NearMisses(idioms)
        gates = {c.gate for c in self._corruptions if c.gate}
        self._gates = frozenset(gates)
        self._gateless = any(not c.gate for c in self._corruptions)
        self._anchors = frozenset(self._near.anchors)
        self._cues = frozenset(gates) | self._anchors
        watch(self._cues)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.cue_index import index
        from linter.packs.grammar.idiom_table import fill

        ix = index(doc, self._cues)
        folded = doc.folded
        taken: list[tuple[int, int]] = []
        # the gates present, in C (a gate has no apostrophe: ``ix.has`` is a set lookup)
        present = self._gates.intersection(ix.present)
        corruptions = self._corruptions if present or self._gateless else ()
        for corruption in corruptions:
            if corruption.gate and corruption.gate not in present:
                continue
            for m in corruption.pattern.finditer(folded):
                fix = match_case(doc.prose[m.start()], fill(corruption.fix, m))
                taken.append((m.start(), m.end()))
                single = "\n" not in doc.prose[m.start() : m.end()]
                message = self.format_message(suggestion=fix)
                yield Match(m.start(), m.end(), message, (fix,), fix if single else None)
        words = doc.words
        anchors = ix.positions(self._anchors)
        # the lower-case words as they are, unless a curly apostrophe needs straightening
        lows = _Lows(ix) if "’" in doc.prose else ix.lows
        for a, b, idiom in self._near.find(lows, anchors):
            start, end = words[a][0], words[b - 1][1]
            if any(s < end and start < e for s, e in taken) or "\n\n" in doc.prose[start:end]:
                continue
            fix = match_case(doc.prose[start], idiom.text)
            yield Match(start, end, self.format_message(suggestion=fix), (fix,))


class _Lows(Sequence[str]):
    """The document's words in lower case with straight apostrophes, made on demand: the
    near-miss search reads only the few words around an anchor."""

    def __init__(self, ix: WordIndex) -> None:
        self._ix = ix

    def __len__(self) -> int:
        return self._ix.n

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> list[str]: ...

    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self._ix.low(x) for x in range(*i.indices(self._ix.n))]
        return self._ix.low(i)


RULES = [CorruptedIdiom]
