"""Helpers shared by the style pack's code rules (no rules here).

``blocks`` cuts a document into the units in which quotation marks and parentheses must
balance. A blank line ends a paragraph everywhere; in plain text a line that ends a sentence
also ends one, because wire copy and pasted web text put one paragraph on each line.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.settings import Settings

GUIDES = ("ap", "british")
STYLE_KEYS = ("guide",)  # the keys of [tool.copydesk.style]
# group 1: the line end after a sentence's last mark (matching the mark first lets the search
# skip ahead; a look-behind would be tried at every position)
_LINE_END = re.compile(r"[.!?:”\"’')\]]([ \t]*\n)")


def blocks(doc: Document) -> list[tuple[int, int]]:
    """Paragraph spans over ``doc.prose``, split further at line ends that end a sentence."""
    out: list[tuple[int, int]] = []
    for start, end in doc.paragraphs:
        pos = start
        for m in _LINE_END.finditer(doc.prose, start, end):
            out.append((pos, m.start(1)))
            pos = m.end(1)
        out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


def next_block_opens_quote(doc: Document, end: int) -> bool:
    """True when the text after ``end`` starts with an opening quotation mark: the news
    convention for a quotation that runs on into the next paragraph."""
    rest = doc.prose[end : end + 200].lstrip()
    return rest[:1] in ("“", '"', "‘")


def check_guide(settings: Settings) -> None:
    """A one-line configuration error for an unknown ``[tool.copydesk.style] guide``."""
    from linter.errors import ConfigError

    where = str(settings.config_path) if settings.config_path else None
    for key in settings.table("style"):
        if key not in STYLE_KEYS:
            raise ConfigError(
                f"key 'style.{key}' is unknown (known: {', '.join(STYLE_KEYS)})", where
            )
    guide = settings.style_guide
    if guide not in GUIDES:
        raise ConfigError(
            f"key 'style.guide' must be one of {', '.join(GUIDES)}, not {guide!r}",
            where,
        )
