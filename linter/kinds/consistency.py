"""consistency: two spellings of one word in one document ("email" and "e-mail")."""

from __future__ import annotations

import re
from typing import Any

from linter.kinds.base import YamlRule, preserve_case
from linter.lazyre import lazy
from linter.phrases import fold_phrase
from linter.rule import Match


class ConsistencyRule(YamlRule):
    """``either`` maps one spelling to its rival; the one used first in a document wins."""

    REQUIRED = ("either",)

    def compile(self, data: Any) -> None:
        either = data.get("either")
        if not isinstance(either, dict) or not either:
            self.fail("either", "must be a mapping of spelling: rival spelling")
        self._pairs = []
        for a, b in either.items():
            if not isinstance(b, str):
                self.fail("either", f"the rival of '{a}' must be text")
            fa, fb = fold_phrase(str(a)), fold_phrase(b)
            # compiled when both spellings occur in a draft (the escaped words always compile)
            pattern = lazy(r"(?<![\w'-])(" + re.escape(fa) + "|" + re.escape(fb) + r")(?![\w'-])")
            self._pairs.append((fa, fb, pattern))

    def check(self, doc):
        folded = doc.folded
        for a, b, pattern in self._pairs:
            if a not in folded or b not in folded:
                continue  # one spelling alone cannot be inconsistent
            hits = list(pattern.finditer(folded))
            if not hits:
                continue
            first = hits[0].group(1)
            first_line = doc.position(hits[0].start())[0]
            for m in hits[1:]:
                if m.group(1) == first:
                    continue
                found = doc.prose[m.start() : m.end()]
                choice = preserve_case(found, doc.prose[hits[0].start() : hits[0].end()].lower())
                yield Match(
                    m.start(),
                    m.end(),
                    self.format_message(match=found, suggestion=choice, first_line=str(first_line)),
                    (choice,),
                    choice,
                )


RULE_CLASS = ConsistencyRule
