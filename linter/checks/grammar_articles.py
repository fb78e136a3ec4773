"""GRAM003: "a" before a vowel sound, "an" before a consonant sound."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from linter.rule import Example, Match, Rule

# Sentences in Spanish use "a" as a preposition ("a usted", "a un"): skip them.
NOT_AFTER_ARTICLE = frozenset("and or is are was were at to in of on as by with but nor".split())
SPANISH = frozenset("de la el los las que y en por para con del es una un su al lo se".split())


class IndefiniteArticle(Rule):
    """What it does: flags "a" before a word that starts with a vowel sound ("a hour",
    "a apple", "a 8% rise") and "an" before a consonant sound ("an union", "an European",
    "an one-time payment"), with the fix.

    Why: the article follows the sound, not the letter; a wrong one is a visible slip.
    Words the sound rules cannot place (acronyms, single letters, many "un-" words) are left
    alone, and sentences in Spanish (where "a" is a preposition) are skipped.

    Example: "It was a honest mistake by an union official." -> "an honest", "a union".
    """

    id = "GRAM003"
    name = "a-or-an"
    pack = "grammar"
    severity = "error"
    message = "Write '{suggestion}' before '{word}'."
    why = "'An' goes before a vowel sound, 'a' before a consonant sound."
    source = "AP Stylebook, 'a, an'"
    examples: ClassVar[list[Example]] = [
        Example(bad="It was a honest mistake.", fixed="It was an honest mistake."),
        Example(bad="He joined an union in 1990.", fixed="He joined a union in 1990."),
        Example(bad="Prices rose by a 8% margin.", fixed="Prices rose by an 8% margin."),
        Example(
            good="An hour later, a European union leader and an unidentified man made a one-off "
            "visit to an FBI office and a university."
        ),
    ]

    def check(self, doc) -> Iterator[Match]:
        from linter.grammar.common import match_case
        from linter.grammar.sounds import starts_with_vowel_sound
        from linter.grammar.tokens import after, sentence_tokens

        for toks in sentence_tokens(doc):
            if sum(t.low in SPANISH for t in toks) >= 3:
                continue
            for i, tok in enumerate(toks):
                if tok.low not in ("a", "an"):
                    continue
                if tok.text == "A" and i and i + 1 < len(toks) and toks[i + 1].text.islower():
                    continue  # "the A address": a label; a headline's "A" precedes a capital
                if after(toks, i) in NOT_AFTER_ARTICLE:
                    continue  # "branch a or branch b"
                nxt = after(toks, i)
                if not nxt:
                    continue
                if toks[i + 1].gap != " " or doc.prose[toks[i + 1].end : toks[i + 1].end + 1] in (
                    ".",
                    ")",
                ):
                    continue  # "a. b." lists, "(a)" labels
                vowel = starts_with_vowel_sound(toks[i + 1].text)
                if vowel is None or vowel == (tok.low == "an"):
                    continue
                new = match_case(tok.text, "an" if vowel else "a")
                message = self.format_message(suggestion=new).replace("{word}", toks[i + 1].text)
                yield Match(tok.start, tok.end, message, (new,), new)


RULES = [IndefiniteArticle]
