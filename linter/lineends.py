"""CR and CRLF line endings: the LF copy of a text that rules read, and the way back.

Rules are written against ``\\n``; a ``\\r`` left in the text ends up inside spans and
messages ("'Leave a Comment '"). The LF copy turns each CRLF into one ``\\n`` and each lone
CR into ``\\n``, so lines and columns are those of the LF text, and offsets map back to the
original by counting the CRs dropped before them.
"""

from __future__ import annotations

from bisect import bisect_left

from linter.finding import Finding


class LineEnds:
    """The LF copy of ``text`` and the map from its offsets to ``text``'s."""

    def __init__(self, text: str) -> None:
        self.lf_text = text.replace("\r\n", "\n").replace("\r", "\n")
        # offsets in the LF copy of every "\n" that stood for a CRLF
        self._crlf: list[int] = []
        dropped = 0
        i = text.find("\r\n")
        while i >= 0:
            self._crlf.append(i - dropped)
            dropped += 1
            i = text.find("\r\n", i + 2)

    def original(self, offset: int) -> int:
        """The offset in the original text of ``offset`` in the LF copy."""
        return offset + bisect_left(self._crlf, offset)

    def to_original(self, finding: Finding) -> Finding:
        return finding.replace(start=self.original(finding.start), end=self.original(finding.end))
