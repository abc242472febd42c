"""Where BRM Desk keeps things on this machine: the data folder, the default journal, backups."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "BRM Desk"
JOURNAL_FILE_NAME = "journal.brmdesk"
DB_ENVIRONMENT_VARIABLE = "BRM_DESK_DB"


def data_dir() -> Path:
    """The user's data folder for BRM Desk (created on demand, not here)."""
    import platformdirs  # on first use: the window shows before this is needed

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def default_journal_path() -> Path:
    return data_dir() / JOURNAL_FILE_NAME


def journal_path(explicit: str | os.PathLike[str] | None) -> Path:
    """``--db`` if given, else ``$BRM_DESK_DB``, else the default journal."""
    if explicit:
        return Path(explicit).expanduser()
    from_environment = os.environ.get(DB_ENVIRONMENT_VARIABLE)
    if from_environment:
        return Path(from_environment).expanduser()
    return default_journal_path()


def backups_dir(journal: Path) -> Path:
    """Backups of one journal, in the data folder, apart from other journals' backups."""
    import hashlib

    resolved = journal.expanduser().resolve()
    tag = hashlib.sha256(str(resolved).encode()).hexdigest()[:8]
    return data_dir() / "backups" / f"{resolved.stem}-{tag}"
