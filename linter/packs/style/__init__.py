"""The style pack's code rules (AP or British news style): quotation marks, parentheses,
numbers, times and second references. Its pattern rules are YAML in ``rules/style/``.
"""

# Modules defining the pack's code rules (each lists its rule classes in ``RULES``).
RULE_MODULES: tuple[str, ...] = (
    "mixed_quotes",
    "punct_inside_quotes",
    "punct_outside_quotes",
    "second_reference",
    "sentence_numeral",
    "small_numbers",
    "time_of_day",
    "unbalanced_parens",
    "unbalanced_quotes",
)
