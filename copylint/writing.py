"""Write a fixed draft back as safely as an editor saves it.

``replace_file`` replaces a file only if it still holds the bytes the fix was made
from, and only in one rename, so that the file is at every moment either the old
content or the new, whole:

- the file is locked (``flock``) while it is compared and replaced, so that two
  copylint runs fixing it at once take turns, and the second sees that it changed;
- the new content goes to a temporary file beside it, flushed to disk and given the
  original's permissions, then renamed over it. On Linux the temporary file has no
  name until it is complete (``O_TMPFILE``); a name, ``.NAME.PID.copylint-tmp``, is
  given just before the rename, and a leftover one (from a run killed at that moment)
  is removed by the next run that fixes the file;
- a read-only file or folder (one whose mode has no write permission, even for root),
  a file with other hard links (a rename would break them) and a full disk are
  one-line errors, and the file stays as it was.

``signals_end_the_run`` turns SIGTERM and SIGHUP into an orderly exit, so that a
temporary file is removed on those too.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from copylint.errors import CopylintError

TEMPORARY_SUFFIX = ".copylint-tmp"
_WRITE_BITS = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH

try:
    import fcntl
except ImportError:  # Windows: no advisory locks; the content is still compared
    fcntl = None  # type: ignore[assignment]


def replace_file(path: Path, expected: bytes, data: bytes) -> None:
    """Replace the file at ``path`` (a link's target) with ``data``, if it still holds
    ``expected``; raise CopylintError naming ``path``, with the file untouched, if not."""
    target = Path(os.path.realpath(path))
    _remove_leftovers(target)
    try:
        with _locked(path, target) as handle:
            _check_replaceable(path, target, os.fstat(handle))
            if _read_all(handle) != expected:
                raise CopylintError(f"{path}: changed since copylint read it; not fixed")
            temporary = _write_temporary(target, data, os.fstat(handle))
            try:
                os.replace(temporary, target)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
    except OSError as error:
        raise CopylintError(f"{path}: cannot write the fix: {_reason(error)}") from None
    _sync_folder(target.parent)


@contextlib.contextmanager
def signals_end_the_run() -> Iterator[None]:
    """Inside this block, SIGTERM and SIGHUP exit through ``SystemExit`` (cleaning up)."""
    ending = [name for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {name: signal.signal(getattr(signal, name), _exit_on) for name in ending}
    try:
        yield
    finally:
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


def _exit_on(signum: int, _frame: FrameType | None) -> None:
    sys.exit(128 + signum)


@contextlib.contextmanager
def _locked(path: Path, target: Path) -> Iterator[int]:
    """Open ``target`` and lock it; the file must still be the one at its path once
    the lock is held (another run may have replaced it while this one waited)."""
    handle = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        if not os.path.samestat(os.fstat(handle), os.stat(target)):
            raise CopylintError(f"{path}: changed since copylint read it; not fixed")
        yield handle
    finally:
        os.close(handle)


def _check_replaceable(path: Path, target: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise CopylintError(f"{path}: not a regular file; not fixed")
    if not os.access(target, os.W_OK) or not info.st_mode & _WRITE_BITS:
        raise CopylintError(f"{path}: the file is read-only; not fixed")
    folder = os.stat(target.parent)
    if not os.access(target.parent, os.W_OK) or not folder.st_mode & _WRITE_BITS:
        raise CopylintError(f"{path}: its folder is read-only; not fixed")
    if info.st_nlink > 1:
        raise CopylintError(
            f"{path}: the file has {info.st_nlink} hard links, which writing the fix would "
            "break; not fixed"
        )


def _read_all(handle: int) -> bytes:
    chunks = []
    os.lseek(handle, 0, os.SEEK_SET)
    while chunk := os.read(handle, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_temporary(target: Path, data: bytes, original: os.stat_result) -> Path:
    """Write ``data`` to a complete temporary file beside ``target``; return its path."""
    name = target.parent / f".{target.name}.{os.getpid()}{TEMPORARY_SUFFIX}"
    anonymous = _open_anonymous(target.parent)
    handle = anonymous if anonymous is not None else _open_named(name)
    try:
        _write_all(handle, data)
        os.fchmod(handle, stat.S_IMODE(original.st_mode))
        with contextlib.suppress(PermissionError):
            os.fchown(handle, original.st_uid, original.st_gid)
        os.fsync(handle)
        if anonymous is not None:
            _name_anonymous(handle, name)
    except BaseException:
        if anonymous is None:
            name.unlink(missing_ok=True)
        raise
    finally:
        os.close(handle)
    return name


def _open_anonymous(folder: Path) -> int | None:
    """Open a file with no name in ``folder`` (Linux ``O_TMPFILE``), if the system can."""
    if not hasattr(os, "O_TMPFILE") or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600)
    except OSError as error:
        if error.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None
        raise


def _name_anonymous(handle: int, name: Path) -> None:
    """Give the anonymous file open as ``handle`` the name ``name`` (``linkat``)."""
    folder = os.open("/proc/self/fd", os.O_RDONLY)
    try:
        os.link(str(handle), name, src_dir_fd=folder, follow_symlinks=True)
    finally:
        os.close(folder)


def _open_named(name: Path) -> int:
    return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def _write_all(handle: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(handle, view) :]


def _remove_leftovers(target: Path) -> None:
    """Remove temporary files of ``target`` left by runs that no longer exist (or by an
    earlier process with this one's number)."""
    for leftover in target.parent.glob(f".{_glob_escape(target.name)}.*{TEMPORARY_SUFFIX}"):
        pid = leftover.name[len(target.name) + 2 : -len(TEMPORARY_SUFFIX)]
        if pid.isdigit() and (int(pid) == os.getpid() or not _running(int(pid))):
            leftover.unlink(missing_ok=True)


def _glob_escape(name: str) -> str:
    return "".join(f"[{char}]" if char in "*?[" else char for char in name)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk where the system allows it (not on Windows)."""
    with contextlib.suppress(OSError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "no space left on the disk; the file is unchanged"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{error.strerror} (the folder is read-only for copylint); the file is unchanged"
    return f"{error.strerror or error}; the file is unchanged"
