"""Words no list holds but English makes by rule: a prefix on a known word ("relicensing",
"cyberattacks", "nongroup"), a regular ending ("commercialish", "meritocratically"), or two
common words run together ("servicemembers", "livestreamed").

Why by rule and not in the lists: the forms are endless and each is rare, so no list holds
them all, and calling them misspellings is the commonest false alarm of a dictionary check
on news. Why guarded: a typo can split the same way ("untill" = "un" + "till"), so a derived
form one slip from a common word is no word (``Deriver.derived`` leaves it unknown), and the
pieces must be real, common words of some length, never obscure list entries.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linter.packs.spelling.suggest import neighbours

if TYPE_CHECKING:  # pragma: no cover
    from linter.language.lexicon import Lexicon

# prefixes that make new words of any word: "re-license", "cyber-attack", "non-group"
PREFIXES = tuple(
    sorted(
        """anti auto bio co counter cross cyber de dis eco electro euro geo hyper inter intra
        macro mega meta micro mid mini mis multi nano neo neuro non out over para photo post
        pre pro pseudo quasi re self semi socio sub super tele thermo trans ultra un under up
        aero agro hydro crypto""".split(),
        key=len,
        reverse=True,
    )
)
# endings that make new words of a known word, with what the base must be
SUFFIXES = (
    "ishly",
    "ish",
    "ally",
    "ness",
    "less",
    "ship",
    "ships",
    "hood",
    "hoods",
    "like",
    "wise",
    "ers",
    "er",
    "ism",
    "isms",
    "ist",
    "ists",
    "ization",
    "isation",
    "ized",
    "ised",
    "izing",
    "ising",
    "ize",
    "ise",
    "ly",
    "ee",
    "ees",
)
MAX_DERIVED = 40  # letters: longer strings are no words, and are never taken apart
MIN_BASE = 4  # letters of the known word under a prefix or an ending
COMMON_PART = 3.0  # Zipf of each word in a closed compound (once per million words)
FUNCTION_PART = 6.0  # "that", "with": a compound of these is a missing space
NEAR_COMMON = 4.0  # a derived form one slip from a word this common is that word mistyped


class Deriver:
    """Says whether a lower-case word no list holds is made by rule from known words."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._memo: dict[str, bool] = {}

    def derived(self, word: str) -> bool:
        found = self._memo.get(word)
        if found is None:
            found = self._memo[word] = (
                word.isalpha()
                and word.isascii()
                and MIN_BASE + 2 <= len(word) <= MAX_DERIVED
                and self._made(word)
                and not self._near_common(word)
            )
        return found

    def _known(self, word: str) -> bool:
        return word in self.lexicon or self.lexicon.other_dialect(word)

    def _made(self, word: str) -> bool:
        return self._prefixed(word) or self._suffixed(word) or self._compound(word)

    def _prefixed(self, word: str) -> bool:
        for prefix in PREFIXES:
            if word.startswith(prefix):
                rest = word[len(prefix) :]
                if len(rest) >= MIN_BASE and (self._known(rest) or self._suffixed(rest)):
                    return True
        return False

    def _suffixed(self, word: str) -> bool:
        for suffix in SUFFIXES:
            if word.endswith(suffix):
                stem = word[: -len(suffix)]
                if len(stem) >= MIN_BASE and self._stem_known(stem, suffix):
                    return True
        return False

    def _stem_known(self, stem: str, suffix: str) -> bool:
        if self._known(stem):
            return True
        if suffix in ("ee", "ees"):  # the one the act concerns: "asylee" of "asylum", "mentee"
            return any(self.lexicon.zipf(stem + end) >= 3.0 for end in ("um", "or", "ate"))
        if suffix[0] in "aei" and self._known(stem + "e"):
            return True  # "ideologize" + "d" is listed; "rave" -> "ravish" is not asked
        if suffix == "ally" and self._known(stem + "al"):
            return False  # "musically" would be listed with "musical"
        return suffix[0] in "ei" and stem[-1] == stem[-2] and self._known(stem[:-1])

    def _compound(self, word: str) -> bool:
        """Two common words run together, neither a function word ("servicemembers"); a
        regular plural or past of such a compound too ("livestreamed")."""
        for i in range(MIN_BASE, len(word) - MIN_BASE + 1):
            zl = self._part_zipf(word[:i])
            if not COMMON_PART <= zl < FUNCTION_PART:
                continue
            zr = self._part_zipf(word[i:])
            if COMMON_PART <= zr < FUNCTION_PART:
                return True
        return False

    def _part_zipf(self, part: str) -> float:
        """How common a piece of a compound is, as a word or as a name ("petri" in
        "petridishes")."""
        lex = self.lexicon
        if self._known(part):
            return lex.zipf(part)
        title = part.title()
        return lex.zipf(title) if title in lex else 0.0

    def _near_common(self, word: str) -> bool:
        lex = self.lexicon
        return any(lex.zipf(e) >= NEAR_COMMON for e in neighbours(word, lex))
