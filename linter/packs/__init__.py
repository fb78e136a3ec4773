"""The rule packs' code: one folder per pack (``spelling``, ``grammar``, ``facts``, ``style``,
``backends``) holding its code rules and their support code. Each pack's ``__init__`` names its
rule modules in ``RULE_MODULES``; YAML rules and data stay in ``rules/<pack>/``.
"""

PACKS: tuple[str, ...] = ("backends", "facts", "grammar", "spelling", "style")
