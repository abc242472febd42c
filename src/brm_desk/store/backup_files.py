"""Backup files on disk: what one holds, and putting one back in place of the journal."""

from __future__ import annotations

import shutil
from contextlib import closing
from pathlib import Path

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.files import private_folder, replacing
from brm_desk.store import encrypted_file
from brm_desk.store.cipher import CipherKey
from brm_desk.store.journal_file import (
    errors_in_words,
    identify,
    is_sqlite_error,
    raw_connect,
    read_only_uri,
)

COUNTED_TABLES = {"partners": "partner", "meetings": "meeting", "requests": "request"}


def counts(path: Path, key: CipherKey | None) -> dict[str, int]:
    """Partners, meetings and requests in a backup (trash included), read without writing.

    An encrypted backup is read with the journal's key; one made under another passphrase
    is reported as such.
    """
    file_key = key if encrypted_file.is_encrypted(path) else None
    if file_key is None and encrypted_file.is_encrypted(path):
        raise encrypted_file.needs_passphrase(path)
    if file_key is None:
        identify(path)
    else:
        encrypted_file.identify_encrypted(path, file_key)
    with (
        errors_in_words(path),
        closing(raw_connect(read_only_uri(path), file_key, uri=True)) as raw,
    ):
        if raw.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise JournalFileError(f"{path}: is damaged.")
        return {
            label: int(raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for label, table in COUNTED_TABLES.items()
        }


def checkpoint(path: Path, key: CipherKey | None) -> None:
    """Fold a closed journal's write-ahead log into the file, so the file is the journal."""
    try:
        with closing(raw_connect(path, key)) as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except Exception as error:
        if is_sqlite_error(error):
            return  # a damaged journal is kept aside as it is
        raise


def put_in_place(backup: Path, journal: Path, aside: Path, key: CipherKey | None) -> None:
    """Copy the current ``journal`` to ``aside``, then atomically replace it by ``backup``.

    The copy of the backup is made beside the journal first, so the final step is one
    rename; a crash at any point leaves either the old journal or the restored one.
    """
    counts(backup, key)  # refuses a damaged or foreign backup before anything moves
    try:
        with replacing(journal) as staged:
            shutil.copyfile(backup, staged)
            if journal.exists():
                checkpoint(journal, key if encrypted_file.is_encrypted(journal) else None)
                private_folder(aside.parent)
                with replacing(aside) as copy:
                    shutil.copyfile(journal, copy)
            for side in ("-wal", "-shm"):
                Path(f"{journal}{side}").unlink(missing_ok=True)
    except OSError as error:
        raise JournalFileError(
            f"{journal}: the backup could not be put in place ({error.strerror}); "
            "the journal was not changed."
        ) from None
