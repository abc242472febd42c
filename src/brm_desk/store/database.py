"""A journal database: its engine, its sessions, and how it is opened safely."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from brm_desk.domain.errors import BrmDeskError, JournalFileError, ValidationError
from brm_desk.store import migrate
from brm_desk.store.journal_file import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    backup_file,
    create_file,
    identify,
    make_engine,
    refuse_newer,
    translate_sqlite_error,
)

Transaction = Session
"""What a service holds for the length of one unit of work (services never touch its API)."""


class Database:
    """An open journal file; every unit of work goes through :meth:`transaction`."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """One transaction: committed whole when the block ends, rolled back on any error."""
        try:
            with self._sessions.begin() as session:
                yield session
        except BrmDeskError:
            raise
        except DBAPIError as error:
            if isinstance(error.orig, sqlite3.IntegrityError):
                raise integrity_error(error.orig) from None
            raise translate_sqlite_error(self.path, error.orig or error) from None
        except sqlite3.Error as error:
            raise translate_sqlite_error(self.path, error) from None

    def backup_to(self, target: Path) -> None:
        """A consistent copy through SQLite's online backup API."""
        backup_file(self.path, target)

    def close(self) -> None:
        self.engine.dispose()


def integrity_error(error: sqlite3.IntegrityError) -> ValidationError:
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


def create_database(path: Path) -> None:
    """Create an empty journal at ``path`` (never over an existing file)."""
    create_file(path, migrate.upgrade)


def open_database(path: Path, backup_dir: Path | None = None) -> Database:
    """Open a journal, refusing anything that is not one, and migrate it if it is older.

    Before a migration the journal is copied into ``backup_dir``.
    """
    identity = identify(path)
    refuse_newer(path, identity.schema_version)
    _refuse_read_only(path)
    engine = make_engine(path)
    try:
        with engine.connect() as connection:
            application_id = connection.exec_driver_sql("PRAGMA application_id").scalar()
            version = int(connection.exec_driver_sql("PRAGMA user_version").scalar() or 0)
            connection.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
        if application_id != APPLICATION_ID:
            raise JournalFileError(f"{path}: is a SQLite database, but not a BRM Desk journal.")
        refuse_newer(path, version)
        if version < SCHEMA_VERSION:
            if version > 0 and backup_dir is not None:
                stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
                backup_file(path, backup_dir / f"{path.stem}-before-v{SCHEMA_VERSION}-{stamp}.db")
            migrate.upgrade(engine)
    except BrmDeskError:
        engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error) as error:
        engine.dispose()
        origin = error.orig if isinstance(error, DBAPIError) else error
        raise translate_sqlite_error(path, origin or error) from None
    return Database(path, engine)


def _refuse_read_only(path: Path) -> None:
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise JournalFileError(
            f"{path}: is in a read-only place. Copy it to a folder you can write to, "
            "then open the copy."
        )
