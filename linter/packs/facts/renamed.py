"""FACT008 (opt-in): a name used after it was changed."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from linter.lazyre import lazy
from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.settings import Settings

EXPLAINED_RE = lazy(
    r"\b(?:formerly|previously|once|renamed|rebranded|now called|now known|known as|"
    r"then called|then known|old name|new name|changed its name|changed his name|"
    r"changed her name)\b",
    re.IGNORECASE,
)


class RenamedEntity(Rule):
    """What it does:
    Points out an old name used after the renaming recorded in the knowledge pack
    (``renamings``): "Twitter" after July 2023, "Facebook Inc." after October 2021, "Kanye
    West" after October 2021, "Swaziland" after April 2018. Not when the document also uses
    the new name, nor when the sentence explains the change ("X, formerly Twitter"), nor
    inside a longer name ("Bombay High Court").

    House styles differ (AP still writes Turkey, not Türkiye), so the rule is opt-in: select
    FACT008.
    """

    id = "FACT008"
    name = "renamed-entity"
    pack = "facts"
    severity = "warning"
    enabled = False
    message = "This name was changed before the article's date."
    why = "Call a person, company or place by its current name; say the old one where needed."
    source = "The facts knowledge pack (renamings.yaml), with the date of each change"
    examples: Sequence[Example] = (
        Example(bad="Swaziland's king spoke on Monday.", date="2024-03-01"),
        Example(good="Swaziland's king spoke on Monday.", date="2015-03-01"),
        Example(good="Eswatini, formerly Swaziland, voted.", date="2024-03-01"),
    )

    def prepare(self, settings: Settings) -> None:
        from linter.packs.facts.knowledge import load

        self.renamings = load(settings).renamings
        self.patterns = [
            (
                re.compile(rf"(?<![\w.-]){re.escape(r.old)}(?![\w-]| [A-Z])"),
                re.compile(rf"(?<!\w){re.escape(r.new)}(?!\w)"),
                r,
            )
            for r in self.renamings
        ]
        # A match of an old name's pattern starts at a word start and its first run of word
        # characters is a whole run of the prose, which ``doc.word_forms`` holds: a set lookup
        # tells whether the name can occur at all (None: an old name that starts with no
        # word character is always looked for).
        self.first_words = [_first_word(r.old) for r in self.renamings]
        self.any_first = frozenset(filter(None, self.first_words))
        self.always = None in self.first_words

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.packs.facts.docnames import sentence_at

        forms = doc.word_forms
        if not self.always and self.any_first.isdisjoint(forms):
            return  # the article's date is resolved only where an old name occurs
        live = [
            item
            for item, first in zip(self.patterns, self.first_words, strict=True)
            if first is None or first in forms
        ]
        day = doc.date
        prose = doc.prose
        for pattern, new, ren in live:
            if day < ren.date or new.search(prose):
                continue
            for m in pattern.finditer(prose):
                if m.start() > 0 and prose[m.start() - 1] in "#@":
                    continue
                i, s, e = sentence_at(doc, m.start())
                if i >= 0 and EXPLAINED_RE.search(prose[s:e]):
                    continue
                yield Match(
                    m.start(),
                    m.end(),
                    f"'{ren.old}' has been '{ren.new}' since {ren.date.isoformat()}: write "
                    f"'{ren.new}' (or '{ren.new}, formerly {ren.old}'). Source: {ren.source}",
                    suggestions=(ren.new,),
                )


def _first_word(old: str) -> str | None:
    """The first run of word characters of ``old``, or None when it starts with none."""
    m = _WORD_RE.match(old)
    return m.group() if m else None


_WORD_RE = re.compile(r"\w+")


RULES = [RenamedEntity]
