"""Rules: metadata every rule carries (YAML or code), the match a rule yields, and examples."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.settings import Settings

PROSE_REGIONS = frozenset({"headline", "body", "quote"})


class Match(NamedTuple):
    """What a rule reports; the engine turns it into a positioned Finding."""

    start: int
    end: int
    message: str | None = None  # None: the rule's own message
    suggestions: tuple[str, ...] = ()
    fix: str | None = None  # a replacement safe to apply automatically


@dataclass(frozen=True)
class Example:
    """A rule's own test: ``bad`` must be flagged (and become ``fixed``), ``good`` must not."""

    bad: str | None = None
    good: str | None = None
    fixed: str | None = None
    format: str = "text"
    date: str | None = None


class Rule:
    """Base of every rule. Subclasses set the metadata and implement ``check``.

    Code rules set the metadata as class attributes and document themselves in the docstring
    with the sections "What it does", "Why" and "Example"; YAML kinds fill it from the file.
    """

    id: str = ""
    name: str = ""
    kind: str = "code"
    pack: str = ""
    severity: str = "error"
    message: str = ""
    why: str = ""
    source: str = ""
    examples: ClassVar[list[Example]] = []
    scope: frozenset[str] = PROSE_REGIONS
    quote_severity: str | None = None
    enabled: bool = True
    guides: frozenset[str] | None = None  # active only under these style guides (None: all)
    origin: str = ""  # the rule file, or the module of a code rule
    description: str = ""
    # folded strings of which every match holds one: the engine reports in its one
    # Aho-Corasick pass which occur (``linter.literals``), so the rule can skip a document
    required_literals: frozenset[str] = frozenset()

    def applies_to(self, settings: Settings) -> bool:
        """False when the rule belongs to another style guide than the configured one."""
        return self.guides is None or settings.style_guide in self.guides

    def prepare(self, settings: Settings) -> None:
        """Load what the rule needs (dictionaries, knowledge) once per run; only selected
        rules are prepared, so a costly rule costs nothing when it is not selected."""

    def check(self, doc: Document) -> Iterable[Match]:  # pragma: no cover - abstract
        raise NotImplementedError

    def format_message(self, **values: str) -> str:
        text = self.message
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text

    @property
    def doc(self) -> str:
        """Long documentation: the YAML ``description`` or the code rule's docstring."""
        import inspect

        if self.description:
            return self.description
        return inspect.cleandoc(type(self).__doc__ or "")

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "pack": self.pack,
            "severity": self.severity,
            "message": self.message,
            "why": self.why,
            "source": self.source,
            "enabled": self.enabled,
            "guides": sorted(self.guides) if self.guides else None,
            "scope": sorted(self.scope),
            "origin": self.origin,
        }
