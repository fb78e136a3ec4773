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

    def replace(self, **changes: Any) -> Any:
        """A copy with ``changes`` (``dataclasses.replace``): ``__init__`` takes each
        attribute by name."""
        return type(self)(**{**vars(self), **changes})


class FrozenInstanceError(AttributeError):
    """An attempt to set or delete an attribute of a ``Frozen`` record."""


class Frozen:
    """A frozen, slotted dataclass's ``repr``, equality, hash, pickling and ``replace``.

    A subclass names its fields in order in ``_fields`` (and in ``__slots__``), the ones
    equality and hashing compare in ``_compared`` (all of them unless it says), and sets them
    in ``__init__`` with ``object.__setattr__``.
    """

    __slots__ = ()
    _fields: tuple[str, ...] = ()
    _compared: tuple[str, ...] | None = None

    def _key(self) -> tuple:
        names = self._fields if self._compared is None else self._compared
        return tuple([getattr(self, name) for name in names])

    def __repr__(self) -> str:
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields)
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple:
        return (type(self), tuple([getattr(self, k) for k in self._fields]))

    def replace(self, **changes: Any) -> Any:
        """A copy with ``changes`` (``dataclasses.replace``)."""
        values = {k: getattr(self, k) for k in self._fields}
        values.update(changes)
        return type(self)(**values)
