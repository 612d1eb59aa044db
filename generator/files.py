"""Writing output so that a crash at any moment leaves the old output whole.

- write_atomic: a file is written beside its target and renamed over it.
- swap_directories: a finished site folder replaces the old one in one step
  (Linux renameat2 RENAME_EXCHANGE; elsewhere two renames and a recovery).
- build_lock: one build at a time per project.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import hashlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from generator.exceptions import BuildLocked, OutputError

log = logging.getLogger("briefing.files")

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def write_atomic(path: Path, data: str | bytes) -> None:
    """Replace `path` with `data` in one step; on failure the old file is untouched."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp",
                                         delete=False) as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except OSError as error:
        with contextlib.suppress(NameError, OSError):
            os.unlink(handle.name)
        raise OutputError(f"{path}: cannot write ({error.strerror or error}); the previous version is kept") from error


def swap_directories(new: Path, current: Path) -> None:
    """Put `new` where `current` is; the old content ends up at `new` (and is then removed)."""
    if current.exists() and _exchange(new, current):
        shutil.rmtree(new, ignore_errors=True)
        return
    backup = current.with_name(current.name + ".old")
    shutil.rmtree(backup, ignore_errors=True)
    if current.exists():
        os.rename(current, backup)
    os.rename(new, current)
    shutil.rmtree(backup, ignore_errors=True)


def recover_interrupted_swap(current: Path) -> None:
    """After a crash between the two renames of the fallback swap, put the old folder back."""
    backup = current.with_name(current.name + ".old")
    if backup.exists() and not current.exists():
        os.rename(backup, current)


def _exchange(first: Path, second: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EXDEV):
        return False  # the file system cannot exchange; fall back to renames
    raise OSError(code, os.strerror(code), str(second))


@contextlib.contextmanager
def build_lock(lock_file: Path, *, on_wait=None) -> Iterator[None]:
    """Hold the project's build lock; a second build waits for the first, saying so."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            if on_wait is not None:
                on_wait(f"another build (pid {holder}) is running in this project; waiting for it to finish")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX)
            except OSError as error:  # pragma: no cover - interrupted wait
                raise BuildLocked(f"{lock_file}: could not take the build lock ({error})") from error
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
