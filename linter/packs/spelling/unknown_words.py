"""SPELL001 and SPELL004: words no dictionary knows, with ranked corrections."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

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
    source = "SCOWL word lists (en-US, en-GB, size 80); word frequencies from wordfreq"
    examples: Sequence[Example] = (
        Example(
            bad="The storm hit on the annivresary of the flood.",
            fixed="The storm hit on the anniversary of the flood.",
        ),
        Example(bad="The hastag spread fast."),
        Example(good="The anniversary is on Friday, councillors said."),
        Example(good="IONIQ6 and InfoWars trended; see @kevinbacon and #IONIQ6 at 9am."),
        Example(good="“Los funcionarios pueden ayudar a la comunidad,” dijo."),
    )
    confident = True

    def check(self, doc: Document) -> Iterator[Match]:
        """Once per distinct word, at its first token, with the count of the others: an
        editor fixes a misspelt word everywhere at once."""
        from linter.packs.spelling.context import match_case

        items = self.ctx.unknown(doc)
        counts: dict[str, int] = {}
        for item in items:
            counts[item.word] = counts.get(item.word, 0) + 1
        for item in items:
            verdict = item.verdict
            if verdict.confident != self.confident or item.word not in counts:
                continue
            count = counts.pop(item.word)
            written = doc.text[item.token.start : item.token.end]
            words = tuple(match_case(w, written) for w in verdict.words)
            message = self.describe(written, words)
            if count > 1:
                message += f" ({count} times in this document)"
            yield Match(
                item.token.start,
                item.token.end,
                message,
                suggestions=words,
                fix=words[0] if verdict.safe_fix and count == 1 else None,
            )

    def describe(self, written: str, words: tuple[str, ...]) -> str:
        from linter.packs.spelling.context import quoted

        if len(words) == 1:
            return f"'{written}' is not a word: write '{words[0]}'."
        return f"'{written}' is not a word: write {quoted(words)}."


class UnrecognisedWord(UnknownWord):
    """What it does:
    Flags a lower-case word that no dictionary knows and that is not made by rule from
    known words, when no common word is close enough to name the correction with
    confidence ("podcasterz", "behism"). The closest words, if any, are offered; there is
    no automatic fix. Reported once per distinct word per document, with the count.

    Names (capitalised words), handles, hashtags, web addresses, CamelCase, initialisms,
    species names and passages in another language are not judged; a rare real word the
    team uses goes on the accept list (``[spelling] accept`` or a vocabulary file).
    """

    id = "SPELL004"
    name = "unrecognised-word"
    severity = "error"
    message = "'{match}' is in no dictionary: check the spelling, or add it to the accept list."
    why = (
        "SCOWL's large lists, modern vocabulary from word frequencies and the words English"
        " makes by rule (prefixes, endings, two words run together) cover the words of news"
        " copy: a lower-case word none of them knows is almost always a slip, and a slip must"
        " stop the commit."
    )
    examples: Sequence[Example] = (
        Example(bad="Dozens of podcasterz attended."),
        Example(good="Dozens of podcasters attended the relicensing talks."),
    )
    confident = False

    def describe(self, written: str, words: tuple[str, ...]) -> str:
        from linter.packs.spelling.context import quoted

        text = f"'{written}' is in no dictionary: check the spelling, or add it to the accept list"
        return text + (f" (perhaps {quoted(words)})." if words else ".")


RULES = [UnknownWord, UnrecognisedWord]
