"""The finding: one slip at one place, the unit every reporter and CI tool consumes."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """A slip with its exact place; offsets index the decoded text (BOM removed)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    suggestions: tuple[str, ...] = ()
    fix: str | None = None
    start: int = field(default=0, compare=False)
    end: int = field(default=0, compare=False)
    in_quote: bool = field(default=False, compare=False)

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
