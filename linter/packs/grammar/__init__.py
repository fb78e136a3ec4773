"""Shared helpers of the grammar pack: tokens with their gaps, a small part-of-speech
lexicon, the confusable-word decisions, word-pair statistics and idiom matching.

Everything here is loaded lazily by the rules' ``prepare``/``check``, never at import of
``linter.packs``.
"""

# Modules defining the pack's code rules (each lists its rule classes in ``RULES``).
RULE_MODULES: tuple[str, ...] = (
    "confusables",
    "articles",
    "agreement",
    "idioms",
    "tense",
    "verbs",
    "number",
    "relative",
    "determiners",
)
