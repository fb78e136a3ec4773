"""GRAM003: "a" before a vowel sound, "an" before a consonant sound."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from linter.rule import Example, Match, Rule

# Sentences in Spanish use "a" as a preposition ("a usted", "a un"): skip them.
NOT_AFTER_ARTICLE = frozenset("and or is are was were at to in of on as by with but nor".split())
SPANISH = frozenset("de la el los las que y en por para con del es una un su al lo se".split())


class IndefiniteArticle(Rule):
    """What it does: flags "a" before a word that starts with a vowel sound ("a hour",
    "a apple", "a 8% rise") and "an" before a consonant sound ("an union", "an European",
    "an one-time payment"), with the fix.

    Words the sound rules cannot place (acronyms, single letters, many "un-" words) are left
    alone, and sentences in Spanish (where "a" is a preposition) are skipped.
    """

    id = "GRAM003"
    name = "a-or-an"
    pack = "grammar"
    severity = "error"
    message = "Write '{suggestion}' before '{word}'."
    why = "'An' goes before a vowel sound, 'a' before a consonant sound."
    source = "AP Stylebook, 'a, an'"
    examples: Sequence[Example] = (
        Example(bad="It was a honest mistake.", fixed="It was an honest mistake."),
        Example(bad="He joined an union in 1990.", fixed="He joined a union in 1990."),
        Example(bad="Prices rose by a 8% margin.", fixed="Prices rose by an 8% margin."),
        Example(
            good="An hour later, a European union leader and an unidentified man made a one-off "
            "visit to an FBI office and a university."
        ),
    )

    def prepare(self, settings) -> None:
        from linter.packs.grammar.cue_index import watch

        watch(ARTICLES)

    def check(self, doc) -> Iterator[Match]:
        from linter.packs.grammar.common import match_case
        from linter.packs.grammar.cue_index import index

        ix = index(doc, ARTICLES)
        words, prose, last = ix.words, ix.prose, ix.n - 1
        texts, lows = ix.texts, ix.lows
        for k in ix.positions(ARTICLES):
            # the cheap tests first: most articles fit their word, and a finding needs a
            # single space before the next word of the sentence (the words' columns are
            # read directly: a ``Words`` item is a tuple made in Python)
            if k == last:
                continue
            nxt_text = texts[k + 1]
            vowel = _vowel_sound(nxt_text)
            if vowel is None or vowel == (lows[k] == "an"):
                continue
            start, end, text = words[k]
            nxt_start, nxt_end, _ = words[k + 1]
            if nxt_start != end + 1 or prose[end] != " " or ix.breaks_after(k):
                continue
            if prose[nxt_end : nxt_end + 1] in (".", ")") or ix.low(k + 1) in NOT_AFTER_ARTICLE:
                continue  # "a. b." lists, "(a)" labels; "branch a or branch b"
            if plural_after_article(ix.low(k + 1)):
                continue  # "A officials said": GRAM009 says to drop the article
            if text == "A" and not ix.breaks_after(k - 1) and nxt_text.islower():
                continue  # "the A address": a label; a headline's "A" precedes a capital
            first, stop = ix.sentence(k)
            if sum(ix.low(j) in SPANISH for j in range(first, stop + 1)) >= 3:
                continue
            new = match_case(text, "an" if vowel else "a")
            message = self.format_message(suggestion=new).replace("{word}", nxt_text)
            yield Match(start, end, message, (new,), new)


ARTICLES = frozenset({"a", "an"})


def plural_after_article(word: str) -> bool:
    """A plural noun that no article may precede ("officials"), not "series" or "news"."""
    from linter.packs.grammar.number import article_plural

    return article_plural(word)


_VOWEL: dict[str, bool | None] = {}  # word -> its first sound, for the run
_VOWEL_LIMIT = 20_000  # words remembered; past it the memo starts afresh


def _vowel_sound(word: str) -> bool | None:
    found = _VOWEL.get(word, ...)
    if found is ...:
        from linter.packs.grammar.sounds import starts_with_vowel_sound

        if len(_VOWEL) >= _VOWEL_LIMIT:
            _VOWEL.clear()
        found = _VOWEL[word] = starts_with_vowel_sound(word)
    return found


RULES = [IndefiniteArticle]
