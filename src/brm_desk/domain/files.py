"""Writing a file so that it is whole or absent and its owner's only, removing what a killed
writer left, and reading a file with a clear message.

Every layer that writes a user's file (journal copies, backups, exports, drafts, PDFs) goes
through :func:`replacing`, so a crash or a full disk leaves the old file or the new one, never
half of one, and nobody else on the machine can read the new one while it is being written.
A process killed meanwhile leaves its hidden partial file, which :func:`remove_leftovers`
takes away later. Plain Python: every layer may import it.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from brm_desk.domain.errors import BrmDeskError

OWNER_ONLY = 0o600
OWNER_ONLY_FOLDER = 0o700
PARTIAL = ".partial"
STALE_AFTER_S = 3600.0
"""A partial file nobody has written to for an hour is a dead writer's: a backup writes its
file all along, and an export or a restore is done in seconds."""

_Error = TypeVar("_Error", bound=BrmDeskError)


def partial_beside(target: Path) -> Path:
    """A new, empty, owner-only file ``.<name>.<random>.partial`` beside ``target``."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=PARTIAL, dir=target.parent)
    os.close(handle)
    return Path(name)


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A new, empty file beside ``target`` for the block to write, put in place of ``target``
    when the block ends.

    The file is readable by its owner only (0600, whatever the umask). Once the block is done
    it is synced to disk, renamed over ``target`` in one step, and the folder is synced so the
    rename lasts. On any error, in the block or after it, the temporary file is removed and
    ``target`` is left as it was. Errors of the file system are raised as ``OSError``.
    """
    temporary = partial_beside(target)  # mkstemp makes it 0600
    try:
        yield temporary
        _sync(temporary)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    _sync_folder(target.parent)


def write_text(path: Path, text: str) -> None:
    """Write an export's ``text`` to ``path`` whole, through :func:`replacing`: UTF-8, line
    ends as given. A file system error becomes a message naming the file."""
    try:
        with replacing(path) as temporary:
            temporary.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        raise BrmDeskError(f"{path}: cannot be written ({error.strerror}).") from None


def _sync(path: Path, flags: int = os.O_RDWR) -> None:
    descriptor = os.open(path, flags)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` last. Windows cannot open a folder, and some network file
    systems refuse to sync one: the file is in place by then, kept as well as they keep it."""
    if os.name != "nt":
        with contextlib.suppress(OSError):
            _sync(folder, os.O_RDONLY)


def private_folder(folder: Path) -> Path:
    """``folder``, made if missing (with any missing parents) readable by its owner only."""
    for level in reversed([folder, *folder.parents]):
        if not level.exists():
            with contextlib.suppress(FileExistsError):
                level.mkdir(OWNER_ONLY_FOLDER)
    return folder


def keep_private(path: Path) -> None:
    """Take group and others' access off ``path`` if it exists and is ours (a file or folder
    made before BRM Desk made them owner-only); anything else is left as it is."""
    if os.name != "posix":
        return
    try:
        status = path.stat()
        if status.st_uid == os.getuid() and status.st_mode & 0o077:
            path.chmod(stat.S_IMODE(status.st_mode) & 0o700)
    except OSError:
        return


def shred(path: Path) -> None:
    """Overwrite a file's bytes, then delete it; a file with another name (a hard link) is
    only unlinked, never overwritten.

    Overwriting is best effort: SSDs and copy-on-write file systems may keep the old blocks
    (the README says so).
    """
    try:
        with path.open("r+b") as handle:
            status = os.fstat(handle.fileno())
            if status.st_nlink == 1:
                handle.write(b"\0" * status.st_size)
                handle.flush()
                os.fsync(handle.fileno())
    except FileNotFoundError:
        return
    except OSError:
        pass
    path.unlink(missing_ok=True)


def remove_leftovers(folder: Path, name: str = "", *, stale_after: float = STALE_AFTER_S) -> None:
    """Shred the partial files :func:`replacing` left in ``folder`` for a file called ``name``
    (any file when empty), with their side files (``…partial-journal``), once nobody has
    written to them for ``stale_after`` seconds (0: every one, however fresh)."""
    pattern = re.compile(rf"\.{re.escape(name) if name else '.+'}\.[^.]+{re.escape(PARTIAL)}(-.*)?")
    try:
        found = [path for path in folder.iterdir() if pattern.fullmatch(path.name)]
    except OSError:
        return
    now = time.time()
    for path in found:
        with contextlib.suppress(OSError):
            if now - path.stat().st_mtime >= stale_after:
                shred(path)


def unreadable(
    path: Path,
    error: OSError,
    kind: type[_Error],
    *,
    missing: str = "no such file.",
    what: str = "a file",
) -> _Error:
    """The ``kind`` of error to raise for ``error``, met while reading ``path``, in words.

    ``missing`` is what to say of a file that is not there; ``what`` what the path should be
    ("is a folder, not a file").
    """
    if isinstance(error, FileNotFoundError):
        return kind(f"{path}: {missing}")
    if isinstance(error, IsADirectoryError):
        return kind(f"{path}: is a folder, not {what}.")
    return kind(f"{path}: cannot be read ({(error.strerror or str(error)).lower()}).")
