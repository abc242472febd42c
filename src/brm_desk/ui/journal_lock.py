"""One running BRM Desk per journal: a QLockFile next to the journal while it is open.

Two windows on one file would each keep an undo stack and drafts of their own and
overwrite each other's edits; the second one is told which program holds the file. A
lock left by a crashed BRM Desk is stale (its process is gone) and is taken over.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.files import keep_private
from brm_desk.services.app_lock import lock_path

_held: dict[Path, QLockFile] = {}


def hold(journal: Path) -> None:
    """Lock ``journal`` for this process, or raise a clear error naming who has it.

    A folder where no lock file can be made (read-only) is left to the journal's own
    checks, which explain it better.
    """
    key = journal.expanduser().resolve()
    if key in _held:
        return
    lock = QLockFile(str(lock_path(key)))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    if lock.tryLock(0):
        keep_private(lock_path(key))  # Qt makes it readable by all
        _held[key] = lock
        return
    if lock.error() == QLockFile.LockError.LockFailedError:
        info = lock.getLockInfo()  # (pid, host, application), or False if unreadable
        owner = f" (process {info[0]} on {info[1]})" if isinstance(info, tuple) else ""
        raise JournalFileError(
            f"{journal}: is already open in another BRM Desk window{owner}. "
            "Switch to that window, or close it and try again; the file was not changed."
        )


def release(journal: Path) -> None:
    lock = _held.pop(journal.expanduser().resolve(), None)
    if lock is not None:
        lock.unlock()


def is_held(journal: Path) -> bool:
    return journal.expanduser().resolve() in _held


def release_all() -> None:
    """At quit: remove every lock file this process holds."""
    for journal in list(_held):
        release(journal)
