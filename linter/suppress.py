"""Inline suppression comments, read from the source text:

``<!-- copydesk-disable RULE -->`` ... ``<!-- copydesk-enable -->`` and
``<!-- copydesk-disable-next-line RULE -->``. Ids match by prefix; no id means every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from linter.lazyre import lazy

COMMENT_RE = lazy(
    r"<!--\s*copydesk-(disable-next-line|disable-line|disable|enable)\b([^>]*?)\s*-->"
)
ALL = "*"


class Suppressions:
    """Which rule ids are silenced on which lines."""

    def __init__(self) -> None:
        self.ranges: list[tuple[str, int, int]] = []  # (prefix, first line, last line)

    @classmethod
    def from_text(cls, text: str, line_of: Callable[[int], int]) -> Suppressions:
        found = cls()
        if "copydesk-" not in text:
            return found
        open_blocks: dict[str, int] = {}
        last_line = text.count("\n") + 1
        for m in COMMENT_RE.finditer(text):
            verb = m.group(1)
            ids = [i for i in re.split(r"[\s,]+", m.group(2)) if i] or [ALL]
            line = line_of(m.start())
            end_line = line_of(m.end())
            if verb == "disable-next-line":
                found.ranges.extend((i, end_line + 1, end_line + 1) for i in ids)
            elif verb == "disable-line":
                found.ranges.extend((i, line, line) for i in ids)
            elif verb == "disable":
                for i in ids:
                    open_blocks.setdefault(i, line)
            else:  # enable
                targets = list(open_blocks) if ids == [ALL] else ids
                for i in targets:
                    if i in open_blocks:
                        found.ranges.append((i, open_blocks.pop(i), line))
        for i, start in open_blocks.items():
            found.ranges.append((i, start, last_line))
        return found

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def silenced(self, rule_id: str, line: int) -> bool:
        return any(
            first <= line <= last and (prefix == ALL or rule_id.startswith(prefix))
            for prefix, first, last in self.ranges
        )
