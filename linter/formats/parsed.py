"""What a front end hands to the document builder."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Parsed:
    masked: list[tuple[int, int]] = field(default_factory=list)
    code: list[tuple[int, int]] = field(default_factory=list)
    headline: tuple[int, int] | None = None
    metadata: dict = field(default_factory=dict)
