"""What a regex engine's Python half hands its C half, captured to be kept between runs.

``re`` and ``regex`` both parse a pattern in Python and pass plain arguments (flags, a list
of int codes, group names) to a C ``compile``. ``linter.recache`` and ``linter.regexcache``
stand a ``Capture`` in for the C module, keep those arguments with ``plain``, and hand them
back to the C module on a later run.
"""

from __future__ import annotations

import threading
from typing import Any


class Capture:
    """Stands for a C module: passes every call through and keeps the arguments of this
    thread's last ``compile`` in ``last.args``."""

    def __init__(self, module: Any) -> None:
        self._module = module
        self.last = threading.local()

    def __getattr__(self, name: str) -> Any:  # once per name: kept on the object after
        found = getattr(self._module, name)
        setattr(self, name, found)
        return found

    def compile(self, *args: Any) -> Any:
        self.last.args = args
        return self._module.compile(*args)

    def take(self) -> tuple | None:
        """The arguments of this thread's last ``compile``, forgotten as they are read."""
        args = getattr(self.last, "args", None)
        self.last.args = None
        return args


def plain(value: Any) -> Any:
    """``value`` with its ints plain: opcodes and flags come as named int constants
    (``RegexFlag``), which marshal does not take."""
    if type(value) is list:
        return [int(v) if isinstance(v, int) else v for v in value]
    if isinstance(value, int) and type(value) is not bool:
        return int(value)
    return value
