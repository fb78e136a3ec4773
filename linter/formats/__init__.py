"""Front ends: turn a file's text into a Document, choosing the format by extension."""

from __future__ import annotations

import datetime as dt
import os

from linter.document import Document, mask
from linter.spans import SpanSet
from linter.text import URL_RE

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def format_for(path: str) -> str:
    return "markdown" if os.path.splitext(path)[1].lower() in MARKDOWN_EXTENSIONS else "text"


def first_line_span(text: str, masked: SpanSet) -> tuple[int, int] | None:
    """The first line holding any unmasked text: a plain draft's headline."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if any(
            not c.isspace() and not masked.containing(pos + i) for i, c in enumerate(text[pos:end])
        ):
            return pos, end
        pos = end + 1
    return None


def build_document(
    path: str, text: str, fmt: str | None = None, date_override: dt.date | None = None
) -> Document:
    """Parse ``text`` once into a Document with markup, URLs and e-mail addresses masked."""
    fmt = fmt or format_for(path)
    if fmt == "markdown":
        from linter.formats import markdown

        parsed = markdown.parse(text, path)
    else:
        from linter.formats import plaintext

        parsed = plaintext.parse(text, path)
    urls = [m.span() for m in URL_RE.finditer(text)]
    masked = SpanSet([*parsed.masked, *urls])
    headline = parsed.headline
    if headline is None:
        headline = first_line_span(text, masked)
    return Document(
        path=path,
        text=text,
        prose=mask(text, masked),
        format=fmt,
        masked=masked,
        code=SpanSet(parsed.code),
        headline=headline,
        metadata=parsed.metadata,
        date_override=date_override,
    )
