"""A journal database: its engine, its sessions, and how it is opened safely."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from brm_desk.domain.errors import JournalFileError, ValidationError
from brm_desk.domain.files import keep_private
from brm_desk.store import cipher, encrypted_file, migrate
from brm_desk.store.cipher import CipherKey
from brm_desk.store.journal_file import (
    SCHEMA_VERSION,
    backup_file,
    create_file,
    errors_in_words,
    identify,
    make_engine,
    translate_sqlite_error,
)

Transaction = Session
"""What a service holds for the length of one unit of work (services never touch its API)."""


class Database:
    """An open journal file; every unit of work goes through :meth:`transaction` or, when it
    only reads, :meth:`snapshot`."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        key: CipherKey | None = None,
        version: int = SCHEMA_VERSION,
    ) -> None:
        self.path = path
        self.engine = engine
        self.key = key
        self.version = version
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._snapshots = sessionmaker(
            engine.execution_options(snapshot=True), expire_on_commit=False
        )

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """A unit of work that may write: it waits its turn for the file (another program
        may be writing), then is committed whole when the block ends, rolled back on any
        error."""
        with self._unit(self._sessions) as session:
            yield session

    @contextmanager
    def snapshot(self) -> Iterator[Transaction]:
        """A unit of work that only reads: one state of the file, read beside any writer."""
        with self._unit(self._snapshots) as session:
            yield session

    @contextmanager
    def _unit(self, sessions: sessionmaker[Session]) -> Iterator[Transaction]:
        with errors_in_words(self.path):
            try:
                with sessions.begin() as session:
                    yield session
            except IntegrityError as error:
                raise integrity_error(error.orig or error) from None

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """A DB-API connection of the engine's pool for reads, errors translated as above.

        No transaction of ours: each statement is its own and sees one state of the file
        (WAL lets it run beside a writer and beside other readers, one per thread). For a
        search this saves the Session's bookkeeping, a quarter of a rare word's time.
        """
        with errors_in_words(self.path):
            pooled = self.engine.raw_connection()
            try:
                yield pooled.driver_connection
            finally:
                pooled.close()

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def backup_to(self, target: Path) -> None:
        """A consistent copy through SQLite's online backup API (encrypted like the journal)."""
        backup_file(self.path, target, self.key)

    def close(self) -> None:
        self.engine.dispose()


def integrity_error(error: BaseException) -> ValidationError:
    """A constraint the services did not check first, as a message naming the field.

    The services check every rule before writing; this is the last line, e.g. for an id
    that a record (perhaps one in the trash) already has.
    """
    text = str(error)
    if text.startswith("UNIQUE constraint failed:"):
        column = text.rsplit(".", 1)[-1]
        field = "id" if column == "uid" else column
        return ValidationError(field, "is already taken by another record in this journal")
    if text.startswith("NOT NULL constraint failed:"):
        return ValidationError(text.rsplit(".", 1)[-1], "is required")
    return ValidationError("", f"The change breaks a rule of the journal ({text}).")


def create_database(path: Path, passphrase: str | None = None) -> None:
    """Create an empty journal at ``path`` (never over an existing file), encrypted if asked."""
    key = cipher.new_key(passphrase) if passphrase is not None else None
    create_file(path, migrate.upgrade, key)


def identify_journal(
    path: Path, passphrase: str | None, key: CipherKey | None = None
) -> tuple[int, CipherKey | None]:
    """The file's schema version and, for an encrypted one, the key that opens it; nothing
    written, and a clear error for a file that is not a journal of this version or older.

    ``key`` (from a journal open a moment ago) saves deriving it from the passphrase again.
    """
    if encrypted_file.is_encrypted(path):
        if key is None or key.salt != cipher.file_salt(path):
            key = encrypted_file.key_for(path, passphrase)
        return encrypted_file.identify_encrypted(path, key), key
    return identify(path), None


def open_database(
    path: Path,
    backup_dir: Path | None = None,
    passphrase: str | None = None,
    key: CipherKey | None = None,
    *,
    read_only: bool = False,
) -> Database:
    """Open a journal, refusing anything that is not one, and migrate it if it is older.

    Every check reads without writing, so a refused file is never changed. Before a migration
    the journal is copied into ``backup_dir``. An encrypted journal needs ``passphrase``; a
    wrong one is refused before anything is written. A ``read_only`` journal is neither
    migrated nor written to.
    """
    version, key = identify_journal(path, passphrase, key)
    if read_only:
        return Database(path, make_engine(path, key, read_only=True), key, version)
    _refuse_read_only(path)
    for side in ("", "-wal", "-shm"):  # made before SQLite made its side files owner-only
        keep_private(Path(f"{path}{side}"))
    engine = make_engine(path, key)
    try:
        with errors_in_words(path):
            if version < SCHEMA_VERSION:
                if backup_dir is not None:
                    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
                    backup = backup_dir / f"{path.stem}-before-v{SCHEMA_VERSION}-{stamp}.db"
                    backup_file(path, backup, key)
                migrate.upgrade(engine)
    except Exception as error:
        engine.dispose()
        if isinstance(error, SQLAlchemyError):  # not the database's: Alembic's, say
            raise translate_sqlite_error(path, error) from None
        raise
    return Database(path, engine, key)


def _refuse_read_only(path: Path) -> None:
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise JournalFileError(
            f"{path}: is in a read-only place. Copy it to a folder you can write to, "
            "then open the copy."
        )
