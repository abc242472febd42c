"""Drafts of an encrypted journal, kept in a small SQLCipher file under the journal's key.

A plain journal's drafts are JSON files (services/drafts.py); an encrypted journal's notes
must not sit on disk in the clear even for two seconds, so its drafts live here, encrypted
with the journal's raw key and this file's own salt. Each draft is one JSON document.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from brm_desk.domain.files import OWNER_ONLY, keep_private, private_folder
from brm_desk.store import cipher
from brm_desk.store.cipher import CipherKey

_SCHEMA = "CREATE TABLE IF NOT EXISTS draft (key TEXT PRIMARY KEY, text TEXT, saved_at TEXT)"
_LATER_COLUMNS = {"private_notes": "TEXT NOT NULL DEFAULT ''", "document": "TEXT"}
_DOCUMENT = (
    "coalesce(document, json_object("  # a row from before documents: a meeting's notes
    "'key', key, 'text', text, 'saved_at', saved_at, 'private_notes', private_notes))"
)


class DraftStore:
    """Save, load and discard drafts in one encrypted file; each call is one transaction.

    SQLCipher's errors (a damaged file, a full disk) are raised as ``OSError``, as a plain
    draft file's would be.
    """

    def __init__(self, path: Path, key: CipherKey) -> None:
        self.path = path
        self._key = key

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        try:
            with closing(self._connect()) as connection:
                yield connection
                connection.commit()
        except Exception as error:
            if type(error).__module__.startswith("sqlcipher3"):
                raise OSError(f"{self.path.name}: {error}") from error
            raise

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
        for name, kind in _LATER_COLUMNS.items():
            if name not in columns:  # a file written by an older BRM Desk
                connection.execute(f"ALTER TABLE draft ADD COLUMN {name} {kind}")
        return connection

    def save(self, key: str, document: str) -> None:
        with self._connection() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO draft (key, document) VALUES (?, ?)", (key, document)
            )

    def load(self, key: str) -> str | None:
        """The draft's JSON document, or None."""
        if not self.path.exists():
            return None
        with self._connection() as connection:
            row = connection.execute(f"SELECT {_DOCUMENT} FROM draft WHERE key = ?", (key,))
            found = row.fetchone()
        return None if found is None else str(found[0])

    def keys(self) -> list[str]:
        if not self.path.exists():
            return []
        with self._connection() as connection:
            return [str(row[0]) for row in connection.execute("SELECT key FROM draft")]

    def discard(self, key: str) -> None:
        if self.path.exists():
            with self._connection() as connection:
                connection.execute("DELETE FROM draft WHERE key = ?", (key,))

    def rekey(self, new: CipherKey) -> None:
        """Follow the journal to a new passphrase (this file keeps its salt)."""
        if not self.path.exists():
            return
        with self._connection() as connection:
            salted = new.with_salt(cipher.file_salt(self.path))
            connection.execute(f"PRAGMA rekey = {salted.pragma_literal()}")
        self._key = new
