"""Whether the desktop app has a journal open: the lock file it keeps beside it, read without Qt.

While the app has a journal open it holds a QLockFile (ui/journal_lock.py) whose lines are the
process id, the program's name, the host's name, the machine's id and the boot's id. A command
that writes reads them first, so that it never changes a journal behind the app's back.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from brm_desk.domain.errors import JournalFileError

_BOOT_ID = Path("/proc/sys/kernel/random/boot_id")


def lock_path(journal: Path) -> Path:
    """The app's lock file for ``journal`` (the same for every name of the file)."""
    resolved = journal.expanduser().resolve()
    return resolved.with_name(f"{resolved.name}.lock")


def refuse_if_open_in_app(journal: Path) -> None:
    """A clear error when a running BRM Desk has ``journal`` open; a lock its crashed owner
    left (a process gone, on this host, since this boot) is no reason to refuse."""
    lock = lock_path(journal)
    try:
        lines = lock.read_text(encoding="utf-8", errors="replace").splitlines()
    except FileNotFoundError:
        return
    except OSError:
        lines = []
    readable = len(lines) >= 3 and lines[0].isdigit()
    here = readable and lines[2] == socket.gethostname()
    if here and (not _running(int(lines[0])) or not _this_boot(lines[4:5])):
        return
    owner = f" (process {lines[0]} on {lines[2]})" if readable else f" (its lock file {lock})"
    raise JournalFileError(
        f"{journal}: is open in BRM Desk{owner}. Close it there first; nothing was changed."
    )


def _running(pid: int) -> bool:
    if os.name == "nt":  # os.kill would end the process there: judged running
        return True
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        pass  # another user's process, or a number no process has: judged running
    return True


def _this_boot(boot_id: list[str]) -> bool:
    """Whether the lock was taken since the machine last started (where that can be told)."""
    try:
        return not boot_id or boot_id[0] == _BOOT_ID.read_text().strip()
    except OSError:
        return True
