"""SPELL001 and SPELL004: words no dictionary knows, with ranked corrections."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from linter.packs.spelling.rule import SpellingRule
from linter.rule import Example, Match

if TYPE_CHECKING:  # pragma: no cover
    from linter.document import Document


class UnknownWord(SpellingRule):
    """What it does:
    Flags a lower-case word that is in no English dictionary (SCOWL's en-US or en-GB lists
    and a vocabulary of modern words) when a common word is one slip away: a letter dropped,
    doubled, swapped or replaced ("annivresary", "hastag"); or, for words of seven letters
    or more, when a very common word is two slips away and no other word comes close.
    Corrections are ranked by edit distance, then by how common the word is; ``--fix``
    applies one only when it is ten times more common than any other candidate.

    Capitalised words, handles, hashtags, web addresses, numbers with units, CamelCase brands
    and passages in another language are not judged, because names are not typos.
    """

    id = "SPELL001"
    name = "unknown-word"
    pack = "spelling"
    severity = "error"
    message = "'{match}' is not a word: write '{suggestion}'."
    why = "A word no dictionary knows, one slip away from a common word, is a typo."
    source = "SCOWL word lists (en-US, en-GB, size 70); word frequencies from wordfreq"
    examples: ClassVar[list[Example]] = [
        Example(
            bad="The storm hit on the annivresary of the flood.",
            fixed="The storm hit on the anniversary of the flood.",
        ),
        Example(bad="The hastag spread fast."),
        Example(good="The anniversary is on Friday, councillors said."),
        Example(good="IONIQ6 and InfoWars trended; see @kevinbacon and #IONIQ6 at 9am."),
        Example(good="“Los funcionarios pueden ayudar a la comunidad,” dijo."),
    ]
    confident = True

    def check(self, doc: Document) -> Iterator[Match]:
        from linter.packs.spelling.context import match_case

        for item in self.ctx.unknown(doc):
            verdict = item.verdict
            if verdict.confident != self.confident:
                continue
            written = doc.text[item.token.start : item.token.end]
            words = tuple(match_case(w, written) for w in verdict.words)
            yield Match(
                item.token.start,
                item.token.end,
                self.describe(written, words),
                suggestions=words,
                fix=words[0] if verdict.safe_fix else None,
            )

    def describe(self, written: str, words: tuple[str, ...]) -> str:
        from linter.packs.spelling.context import quoted

        if len(words) == 1:
            return f"'{written}' is not a word: write '{words[0]}'."
        return f"'{written}' is not a word: write {quoted(words)}."


class UnrecognisedWord(UnknownWord):
    """What it does:
    Notes a lower-case word that is in no dictionary and has no common word one slip away
    ("intercountry", "podcasters"): perhaps a rare or new word, perhaps a typo. Advice only.

    The writer can add the word to the project's accept list
    (``[tool.copydesk.vocabulary] accept``).
    """

    id = "SPELL004"
    name = "unrecognised-word"
    severity = "info"
    message = "'{match}' is not in the dictionary: check it, or add it to the accept list."
    why = "A word no dictionary knows deserves a second look before print."
    examples: ClassVar[list[Example]] = [
        Example(bad="Dozens of podcasterz attended."),
        Example(good="Dozens of podcasts were recorded."),
    ]
    confident = False

    def describe(self, written: str, words: tuple[str, ...]) -> str:
        from linter.packs.spelling.context import quoted

        text = f"'{written}' is not in the dictionary: check it, or add it to the accept list"
        return text + (f" (perhaps {quoted(words)})." if words else ".")


RULES = [UnknownWord, UnrecognisedWord]
