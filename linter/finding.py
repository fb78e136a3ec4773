"""The finding: one slip at one place, the unit every reporter and CI tool consumes."""

from __future__ import annotations

from linter.record import Frozen

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class Finding(Frozen):
    """A slip with its exact place; offsets index the decoded text (BOM removed).

    Frozen; ``start``, ``end`` and ``in_quote`` take no part in equality (as fields with
    ``compare=False`` did when this was a dataclass)."""

    __slots__ = (
        "column",
        "end",
        "end_column",
        "end_line",
        "fix",
        "in_quote",
        "line",
        "message",
        "path",
        "rule",
        "severity",
        "start",
        "suggestions",
    )
    _fields = (
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "rule",
        "severity",
        "message",
        "suggestions",
        "fix",
        "start",
        "end",
        "in_quote",
    )
    _compared = _fields[:10]

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...]
    fix: str | None
    start: int
    end: int
    in_quote: bool

    def __init__(
        self,
        path: str,
        line: int,
        column: int,
        end_line: int,
        end_column: int,
        rule: str,
        severity: str,
        message: str,
        suggestions: tuple[str, ...] = (),
        fix: str | None = None,
        start: int = 0,
        end: int = 0,
        in_quote: bool = False,
    ) -> None:
        put = object.__setattr__
        put(self, "path", path)
        put(self, "line", line)
        put(self, "column", column)
        put(self, "end_line", end_line)
        put(self, "end_column", end_column)
        put(self, "rule", rule)
        put(self, "severity", severity)
        put(self, "message", message)
        put(self, "suggestions", suggestions)
        put(self, "fix", fix)
        put(self, "start", start)
        put(self, "end", end)
        put(self, "in_quote", in_quote)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule)

    def to_json(self) -> dict:
        """The contract shape (docs/architecture.md, "Contracts"); ``fix`` only when safe."""
        data = {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
        if self.fix is not None:
            data["fix"] = self.fix
        return data
