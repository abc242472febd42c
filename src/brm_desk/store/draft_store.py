"""Drafts of an encrypted journal, kept in a small SQLCipher file under the journal's key.

A plain journal's drafts are JSON files (services/drafts.py); an encrypted journal's notes
must not sit on disk in the clear even for two seconds, so its drafts live here, encrypted
with the journal's raw key and this file's own salt.
"""

from __future__ import annotations

import os
import secrets
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any

from brm_desk.domain.files import OWNER_ONLY, keep_private, private_folder
from brm_desk.store import cipher
from brm_desk.store.cipher import CipherKey

_SCHEMA = "CREATE TABLE IF NOT EXISTS draft (key TEXT PRIMARY KEY, text TEXT, saved_at TEXT)"
_PRIVATE_NOTES = "ALTER TABLE draft ADD COLUMN private_notes TEXT NOT NULL DEFAULT ''"


class DraftStore:
    """Save, load and discard drafts in one encrypted file; each call is one transaction."""

    def __init__(self, path: Path, key: CipherKey) -> None:
        self.path = path
        self._key = key

    def _connect(self) -> Any:
        private_folder(self.path.parent)
        os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, OWNER_ONLY))  # before SQLite does
        keep_private(self.path)
        if self.path.stat().st_size > 0:
            key = self._key.with_salt(cipher.file_salt(self.path))
        else:
            key = self._key.with_salt(secrets.token_bytes(cipher.SALT_BYTES))
        connection = cipher.connect(str(self.path), key)
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute(_SCHEMA)
        columns = {row[1] for row in connection.execute("PRAGMA table_info(draft)")}
        if "private_notes" not in columns:  # a file written before private notes
            connection.execute(_PRIVATE_NOTES)
        connection.commit()
        return connection

    def save(self, key: str, text: str, saved_at: datetime, private_notes: str) -> None:
        with closing(self._connect()) as connection:
            connection.execute(
                "INSERT OR REPLACE INTO draft (key, text, saved_at, private_notes) "
                "VALUES (?, ?, ?, ?)",
                (key, text, saved_at.isoformat(), private_notes),
            )
            connection.commit()

    def load(self, key: str) -> tuple[str, datetime, str] | None:
        """The draft's text, when it was saved, and its private notes."""
        if not self.path.exists():
            return None
        try:
            with closing(self._connect()) as connection:
                row = connection.execute(
                    "SELECT text, saved_at, private_notes FROM draft WHERE key = ?", (key,)
                ).fetchone()
        except Exception as error:
            if type(error).__module__.startswith("sqlcipher3"):
                return None  # a draft that cannot be read counts as none
            raise
        if row is None:
            return None
        return str(row[0]), datetime.fromisoformat(row[1]), str(row[2])

    def discard(self, key: str) -> None:
        if not self.path.exists():
            return
        with closing(self._connect()) as connection:
            connection.execute("DELETE FROM draft WHERE key = ?", (key,))
            connection.commit()

    def rekey(self, new: CipherKey) -> None:
        """Follow the journal to a new passphrase (this file keeps its salt)."""
        if not self.path.exists():
            return
        with closing(self._connect()) as connection:
            salted = new.with_salt(cipher.file_salt(self.path))
            connection.execute(f"PRAGMA rekey = {salted.pragma_literal()}")
        self._key = new
