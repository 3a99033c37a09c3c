"""Read a draft's bytes into text, refusing what is not UTF-8 text."""

from __future__ import annotations

import codecs
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


def format_for_extension(extension: str) -> Format | None:
    """Return the format files ending in ``extension`` are parsed as, if copylint knows it."""
    normalized = extension.lower() if extension.startswith(".") else f".{extension.lower()}"
    return FORMATS_BY_EXTENSION.get(normalized)


def read_bytes(path: Path) -> bytes:
    """Read ``path``, turning any OS error into a one-line error naming it."""
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise CopylintError(f"{path}: is a directory") from None
    except OSError as error:
        raise CopylintError(f"{path}: cannot read: {error.strerror or error}") from None


def decode(display_path: str, data: bytes) -> tuple[str, bool]:
    """Return the text of ``data`` and whether it began with a UTF-8 byte order mark."""
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise CopylintError(f"{display_path}: binary file (contains NUL bytes), not linted")
    has_bom = data.startswith(codecs.BOM_UTF8)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise CopylintError(
            f"{display_path}:{line}:{column}: not valid UTF-8 (byte 0x{byte:02x}); "
            "save the file as UTF-8"
        ) from None
    return text, has_bom
