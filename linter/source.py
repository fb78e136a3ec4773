"""Reading a draft from disk: bytes to text, keeping what ``--fix`` must write back."""

from __future__ import annotations

import codecs
import os
from dataclasses import dataclass

from linter.errors import InputError

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SourceText:
    """Decoded text plus the byte-level facts (encoding, BOM, newline) needed to write it back."""

    text: str
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"


def _newline_of(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf == text.count("\n") else "\n"


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def decode(data: bytes, path: str) -> SourceText:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is an error."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, bom, body = "utf-8", True, data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16-le" if data.startswith(codecs.BOM_UTF16_LE) else "utf-16-be"
        try:
            text = data[2:].decode(encoding)
        except UnicodeDecodeError:
            raise InputError(
                "not valid UTF-16 text despite its byte-order mark; skipped", path
            ) from None
        return SourceText(text, encoding, True, _newline_of(text))
    else:
        encoding, bom, body = "utf-8", False, data
    if b"\x00" in body[:8192]:
        raise InputError("binary file (it contains NUL bytes); skipped", path)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _position_of(body, exc.start)
        byte = body[exc.start]
        raise InputError(
            f"not UTF-8 text (byte 0x{byte:02x} at line {line}, column {column}); "
            "re-save it as UTF-8; skipped",
            path,
        ) from None
    return SourceText(text, encoding, bom, _newline_of(text))


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file; every failure becomes a one-line ``InputError`` naming the path."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise InputError(
                f"file is {size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit "
                "(set max-file-size in the config to raise it); skipped",
                path,
            )
        with open(path, "rb") as handle:
            # sized to the file: a read sized to the limit allocates the limit each time
            data = handle.read(size + 1)
            if len(data) > size:  # it grew since: read on, still bounded
                data += handle.read(max(0, max_bytes + 1 - len(data)))
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path) from None
    except PermissionError:
        raise InputError("permission denied", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path) from None
    return decode(data, path)


def encode(source: SourceText, text: str) -> bytes:
    """Encode text for writing back with the original encoding and BOM."""
    boms = {"utf-8": codecs.BOM_UTF8, "utf-16-le": codecs.BOM_UTF16_LE}
    data = text.encode(source.encoding)
    if not source.bom:
        return data
    return boms.get(source.encoding, codecs.BOM_UTF16_BE) + data
