"""Whether a draft may hold a congressional title or office label: a word-set lookup and one
small regex, so a run whose drafts hold neither imports nothing more and loads no pack."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

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


def may_need(doc: Document) -> bool:
    """The draft may hold a congressional title or label (no pack load otherwise)."""
    if not FIRST_WORDS.isdisjoint(doc.word_forms):
        return True
    return LABEL_HINT_RE.search(doc.prose) is not None
