"""Whether a draft may hold a congressional title or office label: a word-set lookup and one
small regex, so a run whose drafts hold neither imports nothing more and loads no pack."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linter.memo import PerDocument

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document

FIRST_WORDS = frozenset(
    {"Sen", "Senator", "Rep", "Representative", "Congressman", "Congresswoman", "Del"}
    | {"Delegate", "Speaker"}
)
_DASH = r"[-–]"
LABEL_HINT_RE = re.compile(
    rf"[DRI]{_DASH}[A-Z]|[A-Z]{{2}}{_DASH}(?:\d|AL)|(?:Republican|Democrat|[Ii]ndependent)\s+(?:of|from)\s"
)
# LABEL_HINT_RE's first two branches, written to start at the dash: the regex engine then
# skips in C to the next dash instead of trying every capital (and "i") of the draft
_DASHED_RE = re.compile(rf"{_DASH}(?:(?<=[DRI]{_DASH})[A-Z]|(?<=[A-Z]{{2}}{_DASH})(?:\d|AL))")
# LABEL_HINT_RE's third branch holds one of these
_PARTY_WORDS = ("Republican", "Democrat", "ndependent")


def has_label_hint(text: str) -> bool:
    """``LABEL_HINT_RE`` matches somewhere in ``text``: its dashed branches found from the
    dashes, its party branch searched only where a party word occurs at all."""
    if ("-" in text or "–" in text) and _DASHED_RE.search(text) is not None:
        return True
    return any(w in text for w in _PARTY_WORDS) and LABEL_HINT_RE.search(text) is not None


_HINT: PerDocument[bool] = PerDocument(
    "facts: congressional label hint", lambda doc: has_label_hint(doc.prose)
)


def label_hint(doc: Document) -> bool:
    """``has_label_hint`` of the draft's prose, kept on the document (FACT002 and FACT009
    both ask)."""
    return _HINT.of(doc)


def may_need(doc: Document) -> bool:
    """The draft may hold a congressional title or label (no pack load otherwise)."""
    if not FIRST_WORDS.isdisjoint(doc.word_forms):
        return True
    return label_hint(doc)
