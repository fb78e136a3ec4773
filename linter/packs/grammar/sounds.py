"""Does a word begin with a vowel sound or a consonant sound? For "a" and "an".

Spelling decides most words; the lists below hold the exceptions ("an hour", "a union",
"a one-off", "a European", "an 8", "an 11"). A word the rules cannot place (most words in
"un-" and "u" + consonant + vowel, acronyms, single letters) gets ``None``: the rule then
says nothing, which is the point of a precise rule.
"""

from __future__ import annotations

SILENT_H = ("hour", "honest", "honor", "honour", "heir")
YOU_PREFIXES = (
    "unique", "unit", "union", "unif", "univers", "unicorn", "unilateral", "unison", "unicameral",
    "unanim", "usa", "use", "usu", "usur", "uten", "util", "utop", "urin", "uran", "ukr",
    "ugand", "urugu", "utah", "ukul", "ufo", "uterus", "urea", "uri", "unicode", "unix", "unity",
    "unisex", "url",
)  # fmt: skip
W_SOUND = ("one", "once", "oui")
ONSETS = frozenset(
    "bl br ch cl cr dr dw fl fr gh gl gn gr kl kn kr ph pl pr ps rh sc sh sk sl sm sn sp sq "
    "st sv sw th tr ts tw vl wh wr zh".split()
)
VOWELS = "aeiou"


def starts_with_vowel_sound(word: str) -> bool | None:
    """True for a vowel sound, False for a consonant sound, None when unsure."""
    if not word or (len(word) < 2 and not word.isdigit()):
        return None
    if word[0].isdigit():
        if word[0] == "8":
            return True  # an 8, an 80, an 800
        groups = word.split(".")[0].split(",")
        if len(groups) == 1 and len(word) == 4 and word[:2] in ("11", "18"):
            return None  # "an 1869 edition" (eighteen sixty-nine), "a 1869-page book"
        # an 11, an 18, an 11,000 (eleven thousand); a 110, a 1,800
        return groups[0] in ("11", "18") and all(len(g) == 3 for g in groups[1:])
    if word.isupper() or any(c.isupper() for c in word[1:]):
        return None  # acronyms and CamelCase names: letter names or words, cannot tell
    low = word.lower()
    if not low[0].isalpha() or not low.isascii():
        return None
    if not any(c in "aeiouy" for c in low) or any(c.isdigit() for c in low):
        return None  # read as letters or a code: "an ssh key", "an npm module", "a sha1"
    if low[0] not in VOWELS and low[1] not in VOWELS + "y" and low[:2] not in ONSETS:
        return None  # no English word starts so: an abbreviation ("an mbox", "an lcov")
    first = low[0]
    if first in "xy":
        return None if first == "x" else False
    if first == "h":
        return True if low.startswith(SILENT_H) else (None if low.startswith("herb") else False)
    if first not in VOWELS:
        return False
    if low.startswith((*W_SOUND, "eu", "ewe")):
        return low.startswith(("onerous", "oneiric"))  # "one", "once", "euro": w or y sound
    if first == "u":
        if low.startswith(YOU_PREFIXES):
            return False
        if len(low) > 2 and low[1] not in VOWELS and low[2] not in VOWELS + "y":
            return True  # under, ugly, ultimate, urban, upper
        if low.startswith(("un", "up")) and len(low) > 4:
            return True  # unable, unexpected, unidentified, uninsured, upon, update
        return None
    return True
