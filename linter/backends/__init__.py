"""Optional grammar backends (Harper, LanguageTool): each sends a document's masked prose
to an external checker and maps its matches back onto copydesk findings.

Nothing here is imported until a backend rule is selected and prepared.
"""
