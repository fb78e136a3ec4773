"""The linguistic layer: tokens, sentences, part-of-speech candidates and tags, word forms.

Words are ``Document.words`` and sentences ``Document.sentences`` (``linter.text`` defines
both); ``tokens`` and ``sentences`` hold the views every pack reads (sentence tokens, letter
tokens, one place's sentence), ``analysis`` the tagged sentences.

from linter.language import analysis, candidates, can_be, forms
layer = analysis(doc)                 # once per document (linter.memo.PerDocument)
i = layer.sentence_at(offset); layer.tokens(i); layer.tags(i)
candidates("bags") -> {"NNS": 0.75, "VBZ": 0.25}
"""

from linter.language import forms
from linter.language.analysis import LANGUAGE, Analysis, analysis, can_be, candidates
from linter.language.tokens import Token, lower

__all__ = ["LANGUAGE", "Analysis", "Token", "analysis", "can_be", "candidates", "forms", "lower"]
