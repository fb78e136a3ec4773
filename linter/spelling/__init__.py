"""The spelling pack's machinery: word lists, tokens worth checking, suggestions, vocabularies.

The rules themselves live in ``linter/checks/spelling_*.py``; everything here is loaded lazily
from their ``prepare`` so that importing the rules costs nothing.
"""
