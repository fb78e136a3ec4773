"""What a front end hands to the document builder."""

from __future__ import annotations

from linter.record import Record


class Parsed(Record):
    """Spans to mask, code spans, the headline and front matter of one draft."""

    def __init__(
        self,
        masked: list[tuple[int, int]] | None = None,
        code: list[tuple[int, int]] | None = None,
        headline: tuple[int, int] | None = None,
        metadata: dict | None = None,
    ) -> None:
        self.masked: list[tuple[int, int]] = [] if masked is None else masked
        self.code: list[tuple[int, int]] = [] if code is None else code
        self.headline = headline
        self.metadata: dict = {} if metadata is None else metadata
