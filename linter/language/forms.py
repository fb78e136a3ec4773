"""Word forms: a verb's base, past, past participle and third person; a noun's plural.

Irregular verbs come from ``data/irregular.tsv``; regular forms follow the spelling rules
(try -> tried). Doubling is not predictable from spelling (stop -> stopped, visit ->
visited), so a doubled form is chosen only where the spelling lexicon knows it and not the
plain one, and the rules offer only forms the lexicon knows (``is_word``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _irregular() -> tuple[dict[str, tuple[str, str]], dict[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    base_of: dict[str, str] = {}
    path = Path(__file__).parent / "data" / "irregular.tsv"
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            base, past, part = line.split("\t")
            table[base] = (past, part)
            base_of.setdefault(past, base)
            base_of.setdefault(part, base)
    return table, base_of


def participle(base: str) -> str:
    """The past participle of a verb given in its base form (go -> gone, walk -> walked)."""
    found = _irregular()[0].get(base)
    return found[1] if found else _regular_past(base)


def past(base: str) -> str:
    found = _irregular()[0].get(base)
    return found[0] if found else _regular_past(base)


def irregular_past_only(word: str) -> str | None:
    """The base of a simple past that is not also a participle ("went" -> go; not "told")."""
    table, base_of = _irregular()
    base = base_of.get(word)
    if base and table[base][0] == word and table[base][1] != word and word not in BOTH_FORMS:
        return base
    return None


# Simple pasts that are also participles in standard use ("has got", "had proved").
BOTH_FORMS = frozenset({"got", "proved"})


def irregular_base(word: str) -> str | None:
    """The base of an irregular past or participle that differs from it ("fought" ->
    fight, "told" -> tell), else None."""
    base = _irregular()[1].get(word)
    return base if base and base != word else None


def is_participle(word: str) -> bool:
    table, base_of = _irregular()
    base = base_of.get(word)
    return bool(base and table[base][1] == word) or word.endswith("ed")


def base(word: str) -> str | None:
    """The base of an inflected verb form (went -> go, shows -> show) when spelling or the
    irregular table settles it, else None."""
    base_of = _irregular()[1]
    if word in base_of:
        return base_of[word]
    if word in ("has", "does", "is", "was"):
        return {"has": "have", "does": "do", "is": "be", "was": "be"}[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return None


def _regular_past(base: str) -> str:
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    plain = base + "ed"
    if (
        len(base) > 2
        and base[-1] not in "aeiouwxy"
        and base[-2] in "aeiou"
        and base[-3] not in "aeiou"
    ):
        doubled = base + base[-1] + "ed"
        # one syllable doubles ("stop" -> "stopped", not the word "planed"); a longer
        # verb doubles where only the doubled form is a word ("admit" -> "admitted")
        one_syllable = len(_VOWEL_RUNS.findall(base)) == 1
        if (one_syllable or not is_word(plain)) and is_word(doubled):
            return doubled
    return plain


_VOWEL_RUNS = re.compile("[aeiouy]+")


def is_word(word: str) -> bool:
    """Whether the spelling lexicon knows ``word`` in either dialect ("traveled",
    "travelled"): a rule never suggests a form no dictionary has ("fited")."""
    from linter.language.lexicon import lexicon

    us = lexicon("en-US")
    return word in us or us.other_dialect(word)


def plural(noun: str) -> str:
    """The regular plural of a noun (year -> years, city -> cities, box -> boxes)."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def base_of_past(word: str, known) -> str | None:
    """The base of a regular past form ("wanted" -> want, "used" -> use, "tried" -> try,
    "stopped" -> stop) that ``known(base)`` accepts, else None. Where both stems are
    words ("hoped": hope, hop) the silent-e stem wins after a single vowel and consonant."""
    if not word.endswith("ed") or len(word) < 4:
        return None
    plain, silent_e = word[:-2], word[:-1]
    if word.endswith("ied"):
        return word[:-3] + "y" if known(word[:-3] + "y") else None
    if len(plain) > 2 and plain[-1] == plain[-2] and known(plain[:-1]):
        return plain[:-1]  # "stopped" -> stop
    cvc = len(plain) >= 2 and plain[-1] not in "aeiouwxy" and plain[-2] in "aeiou"
    cvc = cvc and (len(plain) < 3 or plain[-3] not in "aeiou")
    order = (silent_e, plain) if cvc else (plain, silent_e)
    for stem in order:
        if known(stem):
            return stem
    return None


def third_person(base: str) -> str:
    """The third person singular of a verb ("go" -> goes, "try" -> tries, "say" -> says)."""
    if base == "have":
        return "has"
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return base + "es"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"
