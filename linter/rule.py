"""Rules: metadata every rule carries (YAML or code), the match a rule yields, and examples."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

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


class Example(NamedTuple):
    """A rule's own test: ``bad`` must be flagged (and become ``fixed``), ``good`` must not.
    (A named tuple: a frozen dataclass cost ~1 ms of every start to create.)"""

    bad: str | None = None
    good: str | None = None
    fixed: str | None = None
    format: str = "text"
    date: str | None = None


# docstring paragraphs that restate a code rule's ``why`` or ``examples`` attributes
_RESTATED = ("Why:", "Example:", "Examples:")


def cleandoc(doc: str) -> str:
    """``inspect.cleandoc`` (Python 3.11's), without importing ``inspect``: ~11 ms and
    ~40 modules of the first run, which reads every code rule's docstring for the kept
    rule index (``linter.ruleindex``). The first line loses its leading whitespace, the
    others their common indentation; blank lines at either end are dropped."""
    lines = doc.expandtabs().split("\n")
    margin = min(
        (len(line) - len(line.lstrip()) for line in lines[1:] if line.lstrip()), default=None
    )
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        lines[1:] = [line[margin:] for line in lines[1:]]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


class Rule:
    """Base of every rule: the metadata, and every hook the engine calls.

    The engine (``linter.runner.Engine``) selects a rule with ``applies_to``, calls
    ``prepare`` once per run, then for each document ``check``, and ``on_phrase`` for each
    occurrence of a phrase the rule registered with ``phrases``. ``linter.testing`` runs the
    ``examples`` under ``example_settings``. A subclass overrides what it needs; nothing is
    looked up with ``getattr``.

    A code rule sets the metadata as class attributes, each stated once: the reason in
    ``why``, its tests in ``examples``, and in the docstring what it does ("What it does:"
    and any notes on what it leaves alone). YAML kinds (``linter.kinds``) fill the same
    attributes from the rule file.
    """

    id: str = ""
    name: str = ""
    kind: str = "code"  # a YAML rule's kind ("existence", "substitution"...) or "code"
    pack: str = ""
    severity: str = "error"
    message: str = ""  # may hold {placeholders} filled by ``format_message``
    why: str = ""  # the one statement of why the rule exists (docs, explain, JSON)
    source: str = ""  # the style guide or data the rule follows
    # a code rule's examples are a class attribute, a YAML rule's are set per instance
    examples: Sequence[Example] = ()
    scope: frozenset[str] = PROSE_REGIONS  # the regions it reports in
    quote_severity: str | None = None  # severity of a finding inside a quotation
    enabled: bool = True  # False: opt-in, selected only by its id
    guides: frozenset[str] | None = None  # active only under these style guides (None: all)
    origin: str = ""  # the rule file as loaded, or the module of a code rule (messages)
    description: str = ""  # a YAML rule's long documentation
    # folded strings of which every match holds one: the engine reports in its one
    # Aho-Corasick pass which occur (``linter.literals``), so the rule can skip a document
    required_literals: frozenset[str] = frozenset()

    # ---- hooks the engine calls ------------------------------------------------------------
    def applies_to(self, settings: Settings) -> bool:
        """False when the rule belongs to another style guide than the configured one."""
        return self.guides is None or settings.style_guide in self.guides

    def prepare(self, settings: Settings) -> None:
        """Load what the rule needs (dictionaries, knowledge) once per run; only selected
        rules are prepared, so a costly rule costs nothing when it is not selected."""

    def check(self, doc: Document) -> Iterable[Match]:
        """The rule's matches in one document (positions are offsets into ``doc.text``).
        A rule that works only through ``phrases`` keeps this default."""
        return ()

    def phrases(self) -> Iterable[tuple[str, Any]]:
        """Literal phrases (folded, see ``linter.document.fold``) for the engine's shared
        automaton, each with a payload handed back to ``on_phrase``: one pass over a
        document serves every phrase rule."""
        return ()

    def on_phrase(self, doc: Document, start: int, end: int, payload: Any) -> Match | None:
        """A registered phrase occurs at ``start:end``: the match to report, or None."""
        return None

    def example_settings(self) -> Settings | None:
        """The settings this rule's examples run under (``linter.testing``), or None to skip
        them on this machine: a rule backed by an external service that is not available
        here (its own tests then run the examples against a stand-in)."""
        from linter.settings import Settings

        return Settings()

    # ---- derived metadata --------------------------------------------------------------------
    @property
    def skip_quotes(self) -> bool:
        """The rule never reports inside quotations (its scope leaves them out)."""
        return "quote" not in self.scope

    def format_message(self, **values: str) -> str:
        text = self.message
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return text

    @property
    def doc(self) -> str:
        """Long documentation: the YAML ``description``, or the code rule's docstring
        without paragraphs restating ``why`` or ``examples`` (shown from the attributes)."""
        if self.description:
            return self.description
        text = cleandoc(type(self).__doc__ or "")
        kept = [p for p in text.split("\n\n") if not p.lstrip().startswith(_RESTATED)]
        return "\n\n".join(kept)

    @property
    def defined_in(self) -> str:
        """The file that defines the rule: ``rules/<pack>/<file>.yaml`` for a built-in YAML
        rule, ``linter/packs/<pack>/<module>.py`` for a code rule, else a third-party rule's
        file as loaded (or its module)."""
        if self.kind == "code":
            module = type(self).__module__
            return module.replace(".", "/") + ".py" if module.startswith("linter.") else module
        import os

        from linter.registry import builtin_rules_dir

        base = str(builtin_rules_dir()) + os.sep
        try:  # os.path.realpath is what Path.resolve does, without a Path per part
            real = os.path.realpath(self.origin)
        except (ValueError, OSError):
            return self.origin
        if real.startswith(base):
            return "rules/" + real[len(base) :].replace(os.sep, "/")
        return self.origin

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
            "defined_in": self.defined_in,
        }
