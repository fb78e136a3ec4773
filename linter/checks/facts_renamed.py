"""FACT008 (opt-in): a name used after it was changed."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from linter.rule import Example, Match, Rule

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.settings import Settings

EXPLAINED_RE = re.compile(
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

    Why:
    A story should call a person, company or place by its current name, and say the old one
    where readers need it. House styles differ (AP still writes Turkey, not Türkiye), so the
    rule is opt-in: select FACT008.

    Example:
    In an article dated 2024-03-01, "Swaziland's king" is flagged: write "Eswatini".
    """

    id = "FACT008"
    name = "renamed-entity"
    pack = "facts"
    severity = "warning"
    enabled = False
    message = "This name was changed before the article's date."
    why = "Call a person, company or place by its current name; say the old one where needed."
    source = "The facts knowledge pack (renamings.yaml), with the date of each change"
    examples: ClassVar[list[Example]] = [
        Example(bad="Swaziland's king spoke on Monday.", date="2024-03-01"),
        Example(good="Swaziland's king spoke on Monday.", date="2015-03-01"),
        Example(good="Eswatini, formerly Swaziland, voted.", date="2024-03-01"),
    ]

    def prepare(self, settings: Settings) -> None:
        from linter.knowledge import load

        self.renamings = load(settings).renamings
        self.patterns = [
            (
                re.compile(rf"(?<![\w.-]){re.escape(r.old)}(?![\w-]| [A-Z])"),
                re.compile(rf"(?<!\w){re.escape(r.new)}(?!\w)"),
                r,
            )
            for r in self.renamings
        ]
        # One scan finds which old names occur at all: a regex of them all, longest first,
        # and for each old name the others an occurrence of it may hide (one that starts
        # inside it, or at the same place and is shorter).
        olds = sorted({r.old for r in self.renamings if r.old}, key=len, reverse=True)
        self.any_old = re.compile("|".join(map(re.escape, olds))) if olds else None
        self.hides = {o: _hidden(o, olds) for o in olds}

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.knowledge.docnames import sentence_at

        day = doc.date
        prose = doc.prose
        present: set[str] = {r.old for r in self.renamings if not r.old}
        if self.any_old is not None:
            for old in set(self.any_old.findall(prose)):
                present |= self.hides[old]
        for pattern, new, ren in self.patterns:
            if day < ren.date or ren.old not in present or new.search(prose):
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


def _hidden(old: str, olds: list[str]) -> set[str]:
    """``old`` and every other old name that an occurrence of ``old`` found by the joint
    regex may hide, directly or through a chain of such names."""
    found = {old}
    todo = [old]
    while todo:
        a = todo.pop()
        for b in olds:
            if b not in found and any(
                a[k:].startswith(b) or b.startswith(a[k:]) for k in range(len(a))
            ):
                found.add(b)
                todo.append(b)
    return found


RULES = [RenamedEntity]
