"""Reading a draft from disk: bytes to text, keeping what ``--fix`` must write back."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from linter.errors import InputError
from linter.record import Frozen

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DATA_MAX_BYTES = 16 * 1024 * 1024  # rule, knowledge, vocabulary, baseline, ignore files
KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


class NotRegularFile(OSError):
    """A FIFO, device, socket or folder where a file was expected: never opened for reading,
    since a FIFO blocks forever and a device (``/dev/zero``) never ends."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"not a regular file ({kind})")
        self.kind = kind
        self.strerror = f"not a regular file ({kind})"


class FileTooLarge(OSError):
    """A file over its size limit: refused before it is read."""

    def __init__(self, size: int, limit: int) -> None:
        text = f"{size / 1048576:.1f} MB, over the {limit / 1048576:.0f} MB limit"
        super().__init__(text)
        self.size, self.limit, self.strerror = size, limit, text


def file_kind(mode: int) -> str | None:
    """``None`` for a regular file, else what it is ("a FIFO", "a socket", ...)."""
    if stat.S_ISREG(mode):
        return None
    return next((name for test, name in KINDS if test(mode)), "not a regular file")


def read_limited(path: str | Path, limit: int = DATA_MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or ``OSError`` (including
    ``NotRegularFile`` and ``FileTooLarge``). Every file copydesk reads goes through here: it
    checks the kind before opening (opening a tape device can rewind it), opens without
    blocking (a FIFO swapped in meanwhile), checks again on the open file, and never reads
    past the limit however the file grows or lies about its size."""
    kind = file_kind(os.stat(path).st_mode)
    if kind:
        raise NotRegularFile(kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(fd)
        kind = file_kind(st.st_mode)
        if kind:
            raise NotRegularFile(kind)
        if st.st_size > limit:
            raise FileTooLarge(st.st_size, limit)
        # sized to the file: a read sized to the limit allocates the limit each time
        data = handle.read(st.st_size + 1)
        if len(data) > st.st_size:  # it grew since: read on, still bounded
            data += handle.read(max(0, limit + 1 - len(data)))
        if len(data) > limit:
            raise FileTooLarge(len(data), limit)
    return data


def read_text_limited(path: str | Path, limit: int = DATA_MAX_BYTES) -> str:
    """``read_limited`` decoded as UTF-8 (a BOM dropped); ``UnicodeDecodeError`` otherwise."""
    data = read_limited(path, limit)
    return data.decode("utf-8-sig")


class SourceText(Frozen):
    """Decoded text plus the byte-level facts (encoding, BOM, newline) needed to write it back."""

    __slots__ = ("bom", "encoding", "newline", "text")
    _fields = ("text", "encoding", "bom", "newline")

    text: str
    encoding: str
    bom: bool
    newline: str

    def __init__(
        self, text: str, encoding: str = "utf-8", bom: bool = False, newline: str = "\n"
    ) -> None:
        put = object.__setattr__
        put(self, "text", text)
        put(self, "encoding", encoding)
        put(self, "bom", bom)
        put(self, "newline", newline)


def _newline_of(text: str) -> str:
    crlf = text.count("\r\n")
    return "\r\n" if crlf and crlf == text.count("\n") else "\n"


def _lines_of(text: str) -> SourceText:
    """Text and newline. A file with classic-Mac line endings (CR and no LF at all) is read
    with LF, one for one, so lines, paragraphs and positions are what the writer sees, and
    written back with CR; before, its paragraphs were one line and ``--fix`` joined them."""
    if "\r" in text and "\n" not in text:
        return SourceText(text.replace("\r", "\n"), newline="\r")
    return SourceText(text, newline=_newline_of(text))


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
        lines = _lines_of(text)
        return SourceText(lines.text, encoding, True, lines.newline)
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
    lines = _lines_of(text)
    return SourceText(lines.text, encoding, bom, lines.newline)


def read_source(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText:
    """Read one file; every failure becomes a one-line ``InputError`` naming the path."""
    try:
        data = read_limited(path, max_bytes)
    except NotRegularFile as exc:
        if exc.kind == "a folder":
            raise InputError("is a folder, not a file", path) from None
        raise InputError(f"{exc.strerror}; skipped", path) from None
    except FileTooLarge as exc:
        raise InputError(
            f"file is {exc.size / 1048576:.1f} MB, over the {max_bytes / 1048576:.0f} MB limit "
            "(set max-file-size in the config to raise it); skipped",
            path,
        ) from None
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
    if source.newline == "\r":
        text = text.replace("\n", "\r")
    data = text.encode(source.encoding)
    if not source.bom:
        return data
    return boms.get(source.encoding, codecs.BOM_UTF16_BE) + data
