"""Reading and writing the stores kept in the user's cache folder, with a checksum.

The compiled-pattern stores (``linter.recache``, ``linter.regexcache``) hand their codes to C
engines that do not check every code: a code changed on disk can crash the interpreter. So
a store is written whole (a temporary file, then a rename) with a CRC-32 of its bytes in
front, and a store whose checksum does not match is a miss, as a missing one is. This guards
against a torn or damaged file, not against someone who can already write to the user's own
folders (who could as well change Python's bytecode caches); docs/security.md says so.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

_HEAD = 4  # bytes of the CRC-32, big-endian


def load(path: Path | str) -> Any:
    """The value kept at ``path``, or None when it is missing, damaged or unreadable."""
    with contextlib.suppress(Exception):
        with open(path, "rb") as handle:
            data = handle.read()
        if len(data) > _HEAD and int.from_bytes(data[:_HEAD], "big") == zlib.crc32(
            memoryview(data)[_HEAD:]
        ):
            return marshal.loads(memoryview(data)[_HEAD:])
    return None


def save(path: Path, value: Any) -> bool:
    """Write ``value`` (plain data only) whole; False when it is not plain or the write fails."""
    temp = f"{path}.{os.getpid()}.tmp"
    try:
        blob = marshal.dumps(value)
        os.makedirs(path.parent, exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(zlib.crc32(blob).to_bytes(_HEAD, "big"))
            handle.write(blob)
        os.replace(temp, path)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(temp)
        return False
    return True
