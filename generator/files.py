"""Writing output so that a crash at any moment leaves the old output whole.

- stage_file / commit_file / write_atomic: a file is written to a hidden
  temporary file beside its target, flushed to disk, then renamed over the
  target, so the target always holds either its old bytes or its new ones.
- swap_directories: a finished site folder replaces the old one in one step
  (Linux renameat2 RENAME_EXCHANGE; elsewhere two renames and a recovery).
- build_lock: one build at a time per project; a second one waits and says so.
- fault_point: the test hook that kills the process at a named point (see below).

Errors are OutputError naming the file, what failed and, for a full disk or a
read-only folder, what to do about it.
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
import signal
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from generator.exceptions import BuildLocked, OutputError

log = logging.getLogger("briefing.files")

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
TEMP_SUFFIX = ".briefing-tmp"
"""Suffix of the temporary files write_atomic leaves behind when it is killed."""
_TEMP_NAME_CHARS = 80

FAULT_ENV = "BRIEFING_FAULT"
"""Fault injection for the crash tests: `BRIEFING_FAULT=NAME` (or `NAME:N`) makes the
process kill itself with SIGKILL the first (or Nth) time it reaches fault_point(NAME).
This is the only place the variable is read."""
_fault_counts: Counter[str] = Counter()

# Files are created with the permissions the user's umask gives new files (tempfile
# would make them private to the owner); read once, as setting it is process-wide.
_UMASK = os.umask(0o022)
os.umask(_UMASK)

_NO_SPACE = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}


def fault_point(name: str) -> None:
    """Die here, as a power cut or `kill -9` would, when BRIEFING_FAULT names this point."""
    wanted = os.environ.get(FAULT_ENV)
    if not wanted:
        return
    point, _, count = wanted.partition(":")
    if point != name:
        return
    _fault_counts[name] += 1
    if _fault_counts[name] == (int(count) if count.isdigit() else 1):
        os.kill(os.getpid(), signal.SIGKILL)


def digest(data: bytes | str) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def cannot_write(shown: str, error: OSError, kept: str = "the previous version is kept") -> str:
    """`shown: cannot write (reason); kept. Hint: ...` for an OSError while writing output."""
    reason = error.strerror or str(error)
    message = f"{shown}: cannot write ({reason}); {kept}"
    if error.errno in _NO_SPACE:
        message += ". Hint: free some disk space (or raise the quota) and build again"
    elif error.errno in _READ_ONLY:
        message += (". Hint: the folder is read-only for this user: fix its permissions "
                    "(or its immutable flag, see lsattr) or build a copy of the project")
    elif error.errno in (errno.EEXIST, errno.ENOTDIR):
        message += ". Hint: a file stands where the path needs a folder; move it away and build again"
    return message


def stage_file(path: Path, data: str | bytes) -> Path:
    """Write `data` to a hidden temporary file beside `path`, on disk; return the temporary file.

    The target is not touched. The name holds the process id, so a later build can
    tell the leftovers of a killed process (remove_stale_temp_files).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    path.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{path.name[:_TEMP_NAME_CHARS]}.{os.getpid()}."
    handle = tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=prefix, suffix=TEMP_SUFFIX, delete=False)
    try:
        with handle:
            os.fchmod(handle.fileno(), _mode_for(path))
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(handle.name)
        raise
    return Path(handle.name)


def _mode_for(path: Path) -> int:
    """The target's current permissions, or those of a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def commit_file(staged: Path, path: Path) -> None:
    """Put a staged file in place of `path`, in one step."""
    os.replace(staged, path)


def discard(staged: Iterable[Path]) -> None:
    for temporary in staged:
        with contextlib.suppress(OSError):
            temporary.unlink()


def write_atomic(path: Path, data: str | bytes, *, shown: str | None = None,
                 kept: str = "the previous version is kept") -> None:
    """Replace `path` with `data` in one step; on failure the old file is untouched.

    `shown` is the path as the user knows it, `kept` what the error says was left as it was.
    """
    try:
        staged = stage_file(path, data)
        fault_point("write")
        commit_file(staged, path)
    except OSError as error:
        with contextlib.suppress(NameError):
            discard([staged])
        raise OutputError(cannot_write(shown or str(path), error, kept)) from error


def remove_stale_temp_files(folders: Iterable[Path]) -> int:
    """Delete temporary files left in `folders` by killed processes; how many were deleted."""
    removed = 0
    for folder in folders:
        for temporary in folder.glob(f".*{TEMP_SUFFIX}") if folder.is_dir() else ():
            pid = _temp_owner(temporary.name)
            if pid is not None and process_alive(pid):
                continue
            with contextlib.suppress(OSError):
                temporary.unlink()
                removed += 1
    return removed


def _temp_owner(name: str) -> int | None:
    """The process id in a temporary file's name (.NAME.PID.RANDOM.briefing-tmp), or None."""
    parts = name.removesuffix(TEMP_SUFFIX).split(".")
    return int(parts[-2]) if len(parts) >= 3 and parts[-2].isdigit() else None


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def swap_directories(new: Path, current: Path) -> None:
    """Put `new` where `current` is; the old content ends up at `new` (and is then removed)."""
    if current.exists() and _exchange(new, current):
        fault_point("swapped")
        shutil.rmtree(new, ignore_errors=True)
        return
    backup = current.with_name(current.name + ".old")
    shutil.rmtree(backup, ignore_errors=True)
    if current.exists():
        os.rename(current, backup)
        fault_point("half-swapped")
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
def build_lock(lock_file: Path, *, on_wait=None, shown: str | None = None) -> Iterator[None]:
    """Hold the project's build lock; a second build waits for the first, saying so.
    `shown` is the lock file's path as messages name it (relative to the project).

    The lock is an flock on `lock_file`: the kernel releases it when its holder
    dies, even by SIGKILL, so a killed build never leaves the project locked.
    """
    try:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        handle = open(lock_file, "a+")
    except OSError as error:
        raise BuildLocked(cannot_write(shown or str(lock_file), error, "nothing was built")) from error
    with handle:
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
