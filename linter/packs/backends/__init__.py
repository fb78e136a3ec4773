"""Optional grammar backends (Harper, LanguageTool): each sends a document's masked prose
to an external checker and maps its matches back onto copydesk findings.

Nothing here is imported until a backend rule is selected and prepared.
"""

# Modules defining the pack's code rules (each lists its rule classes in ``RULES``).
RULE_MODULES: tuple[str, ...] = ("rules",)
