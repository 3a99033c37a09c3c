"""Read a draft's bytes into text, refusing what is not a regular file or not text."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from copylint.documents.model import Format
from copylint.errors import CopylintError

FORMATS_BY_EXTENSION = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".mdown": Format.MARKDOWN,
    ".markdn": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".shtml": Format.HTML,
}

_BINARY_SNIFF_BYTES = 8192
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_UNMARKED_ENCODINGS = (
    ("utf-32-le", "UTF-32 (little-endian)"),
    ("utf-32-be", "UTF-32 (big-endian)"),
    ("utf-16-le", "UTF-16 (little-endian)"),
    ("utf-16-be", "UTF-16 (big-endian)"),
)
_FILE_KINDS = (
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


@dataclass(frozen=True, slots=True)
class Encoding:
    """How a draft's bytes hold its text: a codec, and the byte order mark they began with."""

    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        """Return ``text`` as bytes the way the draft was written."""
        return self.bom + text.encode(self.codec)


def format_of_name(name: str, formats: Mapping[str, Format]) -> Format | None:
    """Return the format of the file called ``name`` (or at that path) among
    ``formats`` (by extension: ``.md``), if it has one of them."""
    return formats.get(os.path.splitext(name)[1].lower())


def format_for_extension(extension: str) -> Format | None:
    """Return the format files ending in ``extension`` are parsed as, if copylint knows it."""
    normalized = extension.lower() if extension.startswith(".") else f".{extension.lower()}"
    return FORMATS_BY_EXTENSION.get(normalized)


def not_a_regular_file(mode: int) -> str | None:
    """Say what a file of ``mode`` is when it is neither a regular file nor a folder."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((kind for test, kind in _FILE_KINDS if test(mode)), "not a regular file")


def describe_os_error(path: Path | str, error: OSError) -> str:
    """Say in a few words why ``path`` cannot be opened."""
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links"
    if error.errno == errno.ENOENT:
        if os.path.islink(path):
            return f"a broken symbolic link (to '{os.readlink(path)}')"
        return "no such file or folder"
    return error.strerror or str(error)


def refuse_if_larger(display_path: str | Path, size: int, limit: int | None) -> None:
    """Raise a one-line error if a draft of ``size`` bytes is over ``limit``."""
    if limit is not None and size > limit:
        raise CopylintError(
            f"{display_path}: {_size(size)}, over the {_size(limit)} limit "
            "(max_file_size in the config); not linted"
        )


def _size(count: int) -> str:
    """Write a number of bytes the way a person reads it: 13.2 kB, 20 MB."""
    for unit, name in ((1e9, "GB"), (1e6, "MB"), (1e3, "kB")):
        if count >= unit:
            return f"{count / unit:.3g} {name}"
    return f"{count} B"


def read_bytes(path: str, limit: int | None = None) -> bytes:
    """Read the regular file at ``path``; anything else is a one-line error naming it,
    and so is a file larger than ``limit`` bytes.

    The file is opened without blocking and checked once open, so that a named pipe
    or a device (met while walking a folder, or swapped in since) is never waited on.
    """
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise CopylintError(f"{path}: cannot read: {describe_os_error(path, error)}") from None
    with os.fdopen(handle, "rb") as stream:
        mode = os.fstat(handle).st_mode
        if stat.S_ISDIR(mode):
            raise CopylintError(f"{path}: is a folder")
        kind = not_a_regular_file(mode)
        if kind is not None:
            raise CopylintError(f"{path}: {kind}, not linted")
        refuse_if_larger(path, os.fstat(handle).st_size, limit)
        try:
            return stream.read()
        except OSError as error:
            raise CopylintError(f"{path}: cannot read: {describe_os_error(path, error)}") from None


def decode(display_path: str, data: bytes) -> tuple[str, Encoding]:
    """Return the text of ``data`` and how it was encoded.

    UTF-8 is read with or without a byte order mark; UTF-16 and UTF-32 when a byte
    order mark says so. Anything else is a one-line error that says what it is.
    """
    for bom, codec, name in _BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return _decoded(display_path, data, Encoding(codec, bom), name), Encoding(codec, bom)
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise CopylintError(f"{display_path}: {_nul_bytes(data[:_BINARY_SNIFF_BYTES])}")
    return _decoded(display_path, data, Encoding(), "UTF-8"), Encoding()


def _decoded(display_path: str, data: bytes, encoding: Encoding, name: str) -> str:
    try:
        return data[len(encoding.bom) :].decode(encoding.codec)
    except UnicodeDecodeError as error:
        at = len(encoding.bom) + error.start
        if name != "UTF-8":
            raise CopylintError(
                f"{display_path}: not valid {name} (at byte {at}); save the file as UTF-8"
            ) from None
        line = data.count(b"\n", 0, at) + 1
        column = at - (data.rfind(b"\n", 0, at) + 1) + 1
        raise CopylintError(
            f"{display_path}:{line}:{column}: not valid UTF-8 (byte 0x{data[at]:02x}); "
            "save the file as UTF-8"
        ) from None


def _nul_bytes(head: bytes) -> str:
    """Say what text with NUL bytes is: UTF-32 or UTF-16 without a byte order mark, or
    binary. Text reads as mostly printable characters, ASCII ones telling the byte order."""
    whole = head[: len(head) - len(head) % 4]
    best, best_ascii = "", 0
    for codec, name in _UNMARKED_ENCODINGS:
        sample = whole.decode(codec, errors="replace")
        readable = sum(
            (char.isprintable() or char.isspace()) and char != "\ufffd" for char in sample
        )
        ascii_count = sum(char.isascii() for char in sample)
        if "\x00" not in sample and readable >= 0.95 * len(sample) and ascii_count > best_ascii:
            best, best_ascii = name, ascii_count
    if best:
        return f"looks like {best} without a byte order mark, not linted; save it as UTF-8"
    return "binary file (contains NUL bytes), not linted"
