"""Plain data classes for the start-up path, without ``@dataclass``.

``@dataclass`` writes each class's ``__init__``, ``__repr__`` and ``__eq__`` as source and
compiles them when the module is imported: ~1 ms a class, paid by every run before a word is
linted. A class on the path every run takes (the engine's results, the report) writes its
``__init__`` by hand and takes the rest from ``Record``.
"""

from __future__ import annotations

from typing import Any


class Record:
    """A dataclass's ``repr`` and equality over the instance's attributes, in the order
    ``__init__`` set them."""

    __slots__ = ()

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return vars(self) == vars(other)

    __hash__: Any = None  # mutable and compared by value, as a dataclass with eq
