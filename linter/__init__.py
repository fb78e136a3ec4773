"""copydesk: an editorial style-and-accuracy linter for news drafts.

The public API is loaded lazily so that ``copydesk --version`` imports almost nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Finding", "__version__", "lint_paths", "lint_text"]

if TYPE_CHECKING:  # pragma: no cover
    from linter.finding import Finding
    from linter.runner import lint_paths, lint_text


def __getattr__(name: str) -> Any:
    if name in ("lint_text", "lint_paths"):
        from linter import runner

        return getattr(runner, name)
    if name == "Finding":
        from linter.finding import Finding

        return Finding
    raise AttributeError(f"module 'linter' has no attribute {name!r}")
