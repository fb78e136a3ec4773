"""FACT001: a name garbled against an earlier mention or the knowledge pack."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.knowledge import Knowledge
    from linter.knowledge.docnames import Named
    from linter.settings import Settings


class _Seen:
    """The names met so far, indexed for the three ways a later mention garbles one:
    words sorted (a swap), an interior word left out (a drop), one word wildcarded (a
    misspelling). Lookups are dictionary hits, so a long document costs linear time."""

    def __init__(self) -> None:
        self.first: dict[tuple[str, ...], Named] = {}
        self.swaps: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        self.drops: dict[tuple[str, ...], list[tuple[tuple[str, ...], int]]] = {}
        self.wild: dict[tuple, list[tuple[str, ...]]] = {}

    def __contains__(self, key: tuple[str, ...]) -> bool:
        return key in self.first

    def add(self, key: tuple[str, ...], n: Named) -> None:
        if key in self.first:
            return
        self.first[key] = n
        if len(key) < 2:
            return
        self.swaps.setdefault(tuple(sorted(key)), []).append(key)
        for i in range(len(key)):
            self.wild.setdefault((*key[:i], None, *key[i + 1 :]), []).append(key)
        for i in range(1, len(key) - 1):
            self.drops.setdefault((*key[:i], *key[i + 1 :]), []).append((key, i))


class GarbledName(Rule):
    """What it does:
    Finds the names in a draft (capitalised word sequences, with "of", "de", "the" inside,
    initials and possessives) and flags a mention that garbles an earlier mention of the same
    name or a name in the knowledge pack: words in the wrong order ("Party Democratic"), a
    middle word dropped from the name of a place or organisation ("Sandy Elementary School"),
    a word pushed across punctuation ("Sandy Elementary School. Hook"), a letter or two wrong
    ("New Zealend"), or a surname spelled two ways in one story.

    Why:
    A garbled name is a factual error that a spell checker cannot see: every word is a real
    word. Dropping a first name ("Biden" after "Joe Biden") or a person's middle name is
    normal reference and is not flagged; a name the pack or the gazetteer knows is never
    flagged; neither is a spelling the draft uses more often than its rival.

    Example:
    "the shooting at Sandy Elementary School. Hook in 2012" is flagged with the fix
    "Sandy Hook Elementary School" and the evidence (the knowledge entry and its source).
    """

    id = "FACT001"
    name = "garbled-name"
    pack = "facts"
    severity = "error"
    message = "This name looks garbled."
    why = "A garbled name is a factual error every word of which a spell checker accepts."
    source = "AP Stylebook, names; the facts knowledge pack (rules/facts/knowledge/)"
    examples: ClassVar[list[Example]] = [
        Example(
            bad="The shooting at Sandy Elementary School. Hook in 2012 killed 26 people.",
            fixed="The shooting at Sandy Hook Elementary School in 2012 killed 26 people.",
        ),
        Example(
            bad="Nick Fuentes was banned. A day later Fuentez was back.",
        ),
        Example(bad="The Democratic Party met. Later the Party Democratic voted."),
        Example(
            bad="She flew to New Zealend last week.", fixed="She flew to New Zealand last week."
        ),
        Example(good="The shooting at Sandy Hook Elementary School in 2012 shocked the nation."),
        Example(good="Joe Biden spoke first. Biden then left, and Joseph R. Biden Jr. signed."),
    ]

    def prepare(self, settings: Settings) -> None:
        from linter.knowledge import load

        self.knowledge: Knowledge = load(settings)

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.knowledge.docnames import doc_names, lowercase_words

        names = doc_names(doc)
        counts = Counter(n.key for n in names)
        lower = lowercase_words(doc)
        seen = _Seen()
        surnames: dict[str, Named] = {}
        in_full_names = {w for n in names if len(n.key) > 1 for w in n.key}
        self._alone = {n.key[0] for n in names if len(n.key) == 1}
        for n in names:
            key = n.key
            if key not in seen:
                match = None
                if len(key) >= 2:
                    match = self._multi(doc, n, seen, counts) or self._known(doc, n)
                elif not n.mention.sentence_initial:
                    match = self._surname(doc, n, surnames, lower, in_full_names, counts)
                if match:
                    yield match
                seen.add(key, n)
                for i in range(1, len(key) - 1):  # "Philosopher Noam Chomsky" names
                    seen.add(key[i:], n)  # "Noam Chomsky" too
            if len(key) >= 2:  # the last word of a full name is a surname
                surnames.setdefault(key[-1], n)

    # ---- against earlier mentions ---------------------------------------------------
    def _multi(self, doc: Document, n: Named, seen: _Seen, counts: Counter) -> Match | None:

        key = n.key
        if " ".join(key) in self.knowledge.exact:
            return None
        match = self._against_earlier(doc, n, seen, counts)
        if match is not None and self.knowledge.known(key):
            return None  # a real place of that name (checked only now: it costs a load)
        return match

    def _against_earlier(self, doc: Document, n: Named, seen: _Seen, counts: Counter):
        from linter.knowledge.given_names import both_given_names
        from linter.knowledge.names import near_spelling

        key = n.key
        for k1 in seen.swaps.get(tuple(sorted(key)), ()):
            if k1 != key:
                first = seen.first[k1]
                return self._report(
                    doc, n, first.mention.text, "has its words in the wrong order", evidence=first
                )
        for k1, i in seen.drops.get(key, ()):
            first = seen.first[k1]
            # no "of" or initials inside, and not a person's middle name
            if len(first.mention.words) == len(k1) and not self._person_like(first):
                return self._dropped(doc, n, first.mention.text, k1[i], evidence=first)
        for i in range(len(key)):
            for k1 in seen.wild.get((*key[:i], None, *key[i + 1 :]), ()):
                if k1 == key or counts[key] > max(counts[k1], 1):
                    continue
                if i == 0 and both_given_names(k1[0], key[0]):
                    continue  # Mark and Mary Smith: two people of one family
                if near_spelling(k1[i], key[i]) and not self.knowledge.is_single_name(key[i]):
                    first = seen.first[k1]
                    return self._report(
                        doc, n, first.mention.text, "is misspelled", evidence=first, safe=False
                    )
        return None

    def _person_like(self, n: Named) -> bool:
        """A person's name, whose middle names may be dropped: known as a person, or written
        with a personal title ("Sen.", "Mr"), with its last word used alone elsewhere in the
        document, as news copy refers to people by surname ("Perdue said"), or beginning
        with a given name ("Jacob Timothy Cone")."""
        from linter.knowledge.docnames import HEAD_NOUNS
        from linter.knowledge.given_names import given_names

        hit = self.knowledge.lookup(n.key)
        if hit is not None:
            return hit[1] == "person"
        if n.key[-1] in HEAD_NOUNS:
            return False  # "Sandy Recovery Improvement Act", "Perdue Elementary School"
        if n.title or n.key[-1] in self._alone:
            return True
        known = given_names()
        return known is None or n.key[0] in known

    def _surname(self, doc, n, surnames, lower, in_full_names, counts) -> Match | None:
        from linter.knowledge.names import near_spelling

        word = n.key[0]
        written = n.mention.words[0]
        if written.isupper() or any(c.isdigit() for c in written):
            return None
        if word in surnames or word in in_full_names or word in lower or len(word) < 5:
            return None
        for surname, full in surnames.items():
            if (
                near_spelling(surname, word)
                and not self.knowledge.is_single_name(word)
                and counts[(word,)] <= counts[full.key] + counts[(surname,)]
            ):
                right = full.mention.words[-1]
                return self._report(
                    doc,
                    n,
                    right,
                    f"spells the surname in '{full.mention.text}' another way",
                    evidence=full,
                    safe=False,
                    fix_text=right,
                )
        return None

    # ---- against the knowledge pack -------------------------------------------------
    def _known(self, doc: Document, n: Named) -> Match | None:
        near = self.knowledge.near(n.key)
        if near is None:
            return None
        evidence = f"knowledge pack: {near.source}"
        if near.how == "dropped":
            return self._dropped(doc, n, near.name, near.dropped, source=evidence)
        how = "is misspelled" if near.how == "misspelled" else "has its words in the wrong order"
        return self._report(doc, n, near.name, how, source=evidence)

    # ---- reporting ------------------------------------------------------------------
    def _dropped(self, doc, n, right: str, dropped: str, evidence=None, source="") -> Match:
        import re

        after = re.match(r"[.;:!?,]\s+(\w+)", doc.prose[n.end : n.end + 60])
        if after and after.group(1).lower() == dropped:
            end = n.end + after.end(1)
            return self._report(
                doc,
                n,
                right,
                "has a word pushed across the punctuation",
                evidence=evidence,
                source=source,
                end=end,
            )
        return self._report(
            doc,
            n,
            right,
            f"drops '{dropped.title()}' from the middle",
            evidence=evidence,
            source=source,
            safe=False,
        )

    def _report(
        self, doc, n, right, how, evidence=None, source="", safe=True, end=None, fix_text=None
    ) -> Match:
        end = n.end if end is None else end
        written = doc.prose[n.start : end]
        if evidence is not None:
            line = doc.position(evidence.start)[0]
            where = f"the earlier mention '{evidence.mention.text}' (line {line})"
        else:
            where = source
        fix = fix_text or right
        message = f"'{written}' {how}: write '{fix}' (evidence: {where})."
        return Match(n.start, end, message, suggestions=(fix,), fix=fix if safe else None)


RULES = [GarbledName]
