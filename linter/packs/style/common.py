"""Helpers shared by the style pack's code rules (no rules here).

``blocks`` cuts a document into the units in which quotation marks and parentheses must
balance. A blank line ends a paragraph everywhere; in plain text a line that ends a sentence
also ends one, because wire copy and pasted web text put one paragraph on each line.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document
    from linter.settings import Settings

GUIDES = ("ap", "british")
STYLE_KEYS = ("guide",)  # the keys of [tool.copydesk.style]
INF = float("inf")
# group 1: the line end after a sentence's last mark (matching the mark first lets the search
# skip ahead; a look-behind would be tried at every position)
_LINE_END_MARKS = ".!?:”\"’')]"
_LINE_END = re.compile(rf"[{re.escape(_LINE_END_MARKS)}]([ \t]*\n)")


def blocks(doc: Document) -> list[tuple[int, int]]:
    """Paragraph spans over ``doc.prose``, split further at line ends that end a sentence."""
    out: list[tuple[int, int]] = []
    for start, end in doc.paragraphs:
        out.extend(paragraph_blocks(doc.prose, start, end))
    return out


def paragraph_blocks(prose: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty blocks of one paragraph, so that a rule cuts only the paragraphs
    that hold something to check."""
    out: list[tuple[int, int]] = []
    pos = start
    for m in _LINE_END.finditer(prose, start, end):
        out.append((pos, m.start(1)))
        pos = m.end(1)
    out.append((pos, end))
    return [(s, e) for s, e in out if e > s]


def block_around(
    prose: str, at: int, start: int, end: int, floor: int | None = None
) -> tuple[int, int]:
    """The block of ``paragraph_blocks(prose, start, end)`` that holds ``at`` (not
    whitespace), found from the line breaks next to it rather than by cutting the whole
    paragraph (a plain-text draft may be one long paragraph of lines). ``floor``, the end
    of an earlier block of the paragraph, bounds the search back."""
    lo = start
    find, rfind = prose.find, prose.rfind
    low = start if floor is None else max(start, floor)
    n = rfind("\n", low, at)
    while n >= 0:
        if _ends_block(prose, n, start) is not None:
            lo = n + 1
            break
        n = rfind("\n", low, n)
    hi = end
    n = find("\n", at, end)
    while n >= 0:
        cut = _ends_block(prose, n, start)
        if cut is not None:
            hi = cut
            break
        n = find("\n", n + 1, end)
    return lo, hi


def _ends_block(prose: str, n: int, start: int) -> int | None:
    """Where the block ends when the line break at ``n`` ends a sentence (``_LINE_END``:
    a sentence's last mark, then spaces or tabs), else None."""
    j = n
    while j > start and prose[j - 1] in " \t":
        j -= 1
    return j if j > start and prose[j - 1] in _LINE_END_MARKS else None


def paragraph_holding(paragraphs: list[tuple[int, int]], at: int) -> tuple[int, int] | None:
    """The span of ``doc.paragraphs`` that holds ``at``, or None (``at`` lies between
    paragraphs, in whitespace)."""
    p = bisect_right(paragraphs, (at, INF)) - 1
    if p < 0 or paragraphs[p][1] <= at:
        return None
    return paragraphs[p]


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
