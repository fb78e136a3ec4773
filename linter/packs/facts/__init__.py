"""The facts pack: names, titles, dates and numbers checked against the document and the
knowledge pack (``rules/facts/knowledge/``).

The rule modules listed below are imported when the rules are loaded; the knowledge pack and
the name analysis are loaded lazily by the rules' ``prepare``/``check``.
"""

# Modules defining the pack's code rules (each lists its rule classes in ``RULES``).
RULE_MODULES: tuple[str, ...] = (
    "garbled_names",
    "stale_titles",
    "dates",
    "renamed",
    "numbers",
    "office_labels",
)
