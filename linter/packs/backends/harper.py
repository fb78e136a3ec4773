"""Harper (harper-py), offline, limited to the lints that stay precise on news copy.

Harper's default set (over 900 lints) flags names as misspellings and house-style choices
as errors; on the clean news text in ../shared/data its confusable-word lints
(ItsPossessive, TheirToThere, ThereToTheir, PronounVerbAgreement, MassNouns, AnA) raised
more false alarms than true ones. ``KEPT`` lists the lints copydesk turns on; a project may
add or remove Harper lints by name in ``[tool.copydesk.harper]``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from linter.errors import ConfigError
from linter.packs.backends.mapping import check_keys

KEPT = (
    # confusable words, in the forms Harper is sure of
    "ItsContraction PossessiveYour ThenThan ThatThan TheirToTheyre ThereOwn ToLoseTooLoose "
    "ToTooIdioms ToTwoToo TooTo WereWhere ModalOf PrincipleToPrincipalRoleNoun "
    "BackhandedCompliment Payed AllReady AllThough BareInMind BareWithMe "
    # corrupted idioms
    "BatedBreath FreeRein MootPoint CaseInPoint OneAndTheSame PeaceOfMind PiqueInterest "
    "StatuteOfLimitations DampSquib HomeInOn AllIntentsAndPurposes JustDeserts ScapeGoat "
    "OldWivesTale HungerPang BeckAndCall WhetYourAppetite SneakPeekPreview"
).split()
KEYS: dict[str, Any] = {"enabled": bool, "rules": list, "disable": list, "dialect": str}
DIALECTS = ("american", "british", "australian", "canadian", "indian")
STYLE_KINDS = frozenset(
    "Style Readability Formatting Punctuation Capitalization Enhancement Repetition".split()
)


@dataclass
class HarperMatch:
    start: int
    end: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    kind: str


class HarperBackend:
    """One Harper linter per process, configured once (building it takes about a second)."""

    def __init__(self, settings) -> None:
        table = dict(settings.table("harper"))
        check_keys(table, "harper", KEYS)
        default = "british" if settings.dialect == "en-GB" else "american"
        dialect = table.get("dialect", default)
        if dialect not in DIALECTS:
            raise ConfigError(
                f"[tool.copydesk.harper] dialect must be one of {', '.join(DIALECTS)}"
            )
        try:
            import harper
        except ImportError:
            raise ConfigError(
                "Harper (HARPER) is selected but harper-py is not installed: pip install harper-py"
            ) from None
        self._linter = harper.Linter(getattr(harper.Dialect, dialect.upper()))
        known = self._linter.get_default_lint_config()
        wanted = set(KEPT) | set(table.get("rules", []))
        wanted -= set(table.get("disable", []))
        unknown = sorted(w for w in wanted if w not in known)
        if unknown:
            raise ConfigError(f"[tool.copydesk.harper] unknown Harper rule '{unknown[0]}'")
        self._linter.set_lint_config({name: name in wanted for name in known})

    def enable_spelling(self) -> None:
        config = self._linter.get_lint_config()
        config["SpellCheck"] = True
        self._linter.set_lint_config(config)

    def check(self, prose: str) -> list[HarperMatch]:
        out = []
        for rule_id, lints in self._linter.organized_lints(prose, language="plaintext").items():
            for lint in lints:
                replacements = tuple(
                    s.replacement_text for s in lint.suggestions if s.replacement_text
                )[:5]
                span = lint.span
                out.append(
                    HarperMatch(
                        span.start, span.end, lint.message, replacements, rule_id, lint.lint_kind
                    )
                )
        return out
