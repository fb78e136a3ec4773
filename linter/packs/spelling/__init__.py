"""The spelling pack's machinery: word lists, tokens worth checking, suggestions, vocabularies.

The rules are the modules in ``RULE_MODULES``; everything else here is loaded lazily
from their ``prepare`` so that importing the rules costs nothing.
"""

# Modules defining the pack's code rules (each lists its rule classes in ``RULES``).
RULE_MODULES: tuple[str, ...] = (
    "known_misspellings",
    "unknown_words",
    "dialect",
    "rejected_words",
    "real_words",
)
