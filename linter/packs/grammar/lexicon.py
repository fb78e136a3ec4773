"""A small part-of-speech lexicon: the closed word classes the grammar rules reason with.

Closed classes (determiners, pronouns, auxiliaries, prepositions) are short and complete;
the few open-class lists (comparatives, past participles) hold only the words the rules
need, so a rule that consults them errs towards silence.
"""

from __future__ import annotations

DETERMINERS = frozenset(
    "a an the this that these those my your his her its our their some any no every each "
    "another either neither".split()
)
POSSESSIVES = frozenset("my your his her its our their one's".split())
SUBJECT_PRONOUNS = frozenset("i you he she it we they".split())
OBJECT_PRONOUNS = frozenset("me you him her it us them".split())
MODALS = frozenset(
    "will would can could shall should may might must won't wouldn't can't cannot couldn't "
    "shouldn't mustn't 'll".split()
)
BE = frozenset("am is are was were be been being 's 're 'm isn't aren't wasn't weren't".split())
HAVE = frozenset("has have had having hasn't haven't hadn't".split())
DO = frozenset("do does did don't doesn't didn't".split())
PREPOSITIONS = frozenset(
    "of in on at by for with from into onto over under about after before through during "
    "without within against among between across behind beyond toward towards upon via "
    "around near despite below above beneath beside inside outside underneath".split()
)
CONJUNCTIONS = frozenset("and or but nor so yet because although though while if when".split())
# Comparatives that take "than" (never "then" right after them).
COMPARATIVES = frozenset(
    """more less fewer rather other better worse larger bigger smaller higher lower greater
    faster slower older younger longer shorter stronger weaker easier harder cheaper richer
    poorer wider narrower deeper heavier lighter safer riskier louder quieter closer further
    farther earlier greater warmer colder hotter cooler busier happier sadder tougher smarter
    broader nicer worse likelier costlier wealthier healthier bolder clearer simpler
    quicker sooner""".split()
)
# Adjectives and adverbs that follow "too" ("too late", "too many").
DEGREE_WORDS = frozenset(
    """much many late early soon often little few big small high low hard easy young old
    busy tired close expensive strong weak slow fast large long short far good bad hot cold
    dangerous difficult costly risky complicated important""".split()
)
# Words that cannot follow the possessive "its"/"their"/"your"/"whose" but follow a
# contraction ("it's a", "they're not").
NOT_AFTER_POSSESSIVE = frozenset(
    """a an the not been being going gonna this these those what how why because my his her
    our your their also just still very so too really never always""".split()
)
ORDINAL_OR_NUMBER = frozenset(
    "first second third last next one two three four five six seven eight nine ten".split()
)
# Subject-verb agreement: singular pronouns and plural pronouns.
SINGULAR_SUBJECTS = frozenset("he she it this that".split())
PLURAL_SUBJECTS = frozenset("we they these those".split())

# Irregular past tenses common in news narrative (regular ones end in -ed).
IRREGULAR_PAST = frozenset(
    """was were had did said went took made came gave got saw told found thought knew
    became began brought bought built caught chose drew drove fell felt fought flew forgot
    grew heard held hid hit hurt kept laid led left lent lost meant met paid put quit ran
    rose sent set shook shot shut sang sank sat slept sold spent spoke spread stood stole
    struck swore swept swam threw understood woke won wore wrote""".split()
)
PRESENT_AUX = frozenset(
    "is are am has have do does will can shall isn't aren't don't doesn't".split()
)
# Verbs of saying and thinking: a present tense after a past clause is normal in news
# ("Prices rose, some even say too fast").
REPORTING_VERBS = frozenset(
    """say says argue argues believe believes think thinks claim claims fear fears worry
    worries expect expects hope hopes predict predicts suggest suggests warn warns note
    notes insist insists contend contends agree agree disagree feel feels doubt doubts
    estimate estimates know knows see sees mean means guess suppose wonder""".split()
)
# "where possible": participles and adjectives that follow "where" with no subject.
WHERE_PARTICIPLES = frozenset(
    """needed required necessary possible appropriate applicable warranted indicated
    else ever exactly now then there here""".split()
)
