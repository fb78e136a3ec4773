"""The two ways copydesk remembers work: per document and per process.

Per document: a ``PerDocument`` key declared at module level computes its value once per
``Document`` and keeps it on the document (``key.of(doc)``), typed, and gone with the document.
A key named after a pack ("facts: name mentions", "grammar.cue_index") is that pack's own: the
engine drops it once the pack's last rule has checked the document (``release``), so a big
draft never holds every pack's analyses at once; asked again, it is computed again.
Per process: a ``BoundedMemo`` remembers verdicts on words, names and phrases across documents
and empties itself when full, so a long run (the LSP server, a 10,000-file tree) cannot grow
without bound.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Generic, TypeVar

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

T = TypeVar("T")
K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class PerDocument(Generic[T]):
    """A value derived from a document, computed on first use and kept on it."""

    __slots__ = ("compute", "name", "pack")

    def __init__(self, name: str, compute: Callable[[Document], T]) -> None:
        self.name = name  # for debugging and profiles: which analysis this is
        self.compute = compute
        # the pack whose rules alone ask for it, when the name starts with one ("facts:")
        self.pack = name.partition(":")[0].partition(".")[0].strip()

    def of(self, doc: Document) -> T:
        store = doc.analyses
        try:
            return store[self]
        except KeyError:
            value = store[self] = self.compute(doc)
            return value

    def recompute(self, doc: Document) -> T:
        """Compute the value again and keep it (its inputs outside the document changed)."""
        value = doc.analyses[self] = self.compute(doc)
        return value

    def __repr__(self) -> str:
        return f"PerDocument({self.name!r})"


def release(doc: Document, pack: str) -> None:
    """Drop the document's analyses that belong to ``pack`` (see the module's docstring)."""
    store = doc.analyses
    for key in [k for k in store if k.__class__ is PerDocument and k.pack == pack]:
        del store[key]


class BoundedMemo(dict[K, V]):
    """A dict that empties itself once it holds ``limit`` entries (cheaper than an LRU, and
    the verdicts it holds are cheap to recompute)."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def remember(self, key: K, value: V) -> V:
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value
