"""Front ends: turn a file's text into a Document, choosing the format by extension."""

from __future__ import annotations

import datetime as dt
import os
import re

from linter.document import Document, mask
from linter.spans import SpanSet
from linter.text import url_spans

MARKDOWN_EXTENSIONS = frozenset({".md", ".markdown", ".mdown", ".mkd"})


def format_for(path: str) -> str:
    return "markdown" if os.path.splitext(path)[1].lower() in MARKDOWN_EXTENSIONS else "text"


HEADLINE_MAX_CHARS = 200


def first_line_span(prose: str) -> tuple[int, int] | None:
    """A plain draft's headline: its first line of text, when that line is short and does not
    end like a sentence. A draft that opens with a paragraph (a press release run together on
    one line) has no headline, so body rules still read it."""
    start = len(prose) - len(prose.lstrip())
    if start >= len(prose):
        return None
    end = prose.find("\n", start)
    end = len(prose) if end < 0 else end
    line = prose[start:end].rstrip()
    if len(line) > HEADLINE_MAX_CHARS or line.rstrip("\"'”’)").endswith((".", ",", ":", ";")):
        return None
    if _SENTENCE_INSIDE.search(line):  # "The players put ... bus. Investors where told ..."
        return None
    return start, start + len(line)


# a sentence ending inside the line, after a lower-case word, with another sentence after it:
# such a first line is body text run on, not a headline ("U.S. Senate" is no sentence end)
_SENTENCE_INSIDE = re.compile(r"\b[a-z]{2,}[.!?][\"'”’)]?\s+[\"“‘]?[A-Z]")


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
    urls = url_spans(text)
    masked = SpanSet([*parsed.masked, *urls])
    prose = mask(text, masked)
    headline = parsed.headline or first_line_span(prose)
    return Document(
        path=path,
        text=text,
        prose=prose,
        format=fmt,
        masked=masked,
        code=SpanSet(parsed.code),
        headline=headline,
        metadata=parsed.metadata,
        date_override=date_override,
    )
