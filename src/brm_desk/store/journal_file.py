"""Open, create and identify journal files, refusing any file that is not ours untouched.

A journal is one SQLite file marked with our ``application_id``, a schema version in
``user_version`` and our tables. The header is read from the raw file, and the rest on a
read-only connection, *before* SQLite opens it for writing, so a file that is not a journal,
or is from a newer version, is never written to, not even a side file.
"""

from __future__ import annotations

import os
import sqlite3
import struct
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.files import partial_beside, private_folder, replacing, unreadable
from brm_desk.domain.notes import plain_text
from brm_desk.store import cipher
from brm_desk.store.cipher import CipherKey

APPLICATION_ID = 0x42524D44  # "BRMD"
SCHEMA_VERSION = 16  # 2: calendar_event (where imported meetings came from); 3: month indexes;
# 4: meetings list indexes (title order, title filter); 5: search prefix index of 3 letters only;
# 6: private notes of meetings and requests; 7: notes indexed as plain text;
# 8: a partner's next period, journal settings;
# 9: calendar sources (feeds, CalDAV) and the flags of cancelled or deleted events;
# 10: contact_change (stance and influence history);
# 11: inbox_event and filing_rule (the calendar inbox)
# 12: reminder_state (reminders snoozed or dismissed)
# 13: a contact's interest (with its history), communication (the communications plans)
# 14: pulse (partners' quarterly view of the relationship)
# 15: maturity assessments (assessment, its goals and evidence) replace maturity_change
# 16: pulses and assessments go to the trash (deleted_at, deleted_batch)
JOURNAL_TABLES = frozenset(
    {"partner", "contact", "meeting", "meeting_action", "meeting_attendee"}
    | {"request", "request_meeting", "search_document", "alembic_version"}
)
"""Tables every journal has had since format 1 (later formats add to them; format 15 made
``maturity_change`` into assessments)."""
BUSY_TIMEOUT_MS = 5000
CACHED_STATEMENTS = 8
"""Prepared statements each connection keeps. Every one holds some of the connection's small
fixed pool of fast memory (SQLite's lookaside), which an aggregate needs for each group it
sums: with the driver's default of 128 kept statements, the ten-year balance at 100,000
meetings took 80 ms instead of 65 (measured on SQLite 3.53). Eight covers any one unit of
work we run; preparing a statement again costs about 0.1 ms."""


def identify(path: Path) -> int:
    """A plain journal file's schema version, read without writing; a clear error for
    anything that is not a journal (judged from the header alone when it can be)."""
    try:
        header, size = cipher.file_header(path)
    except OSError as error:
        missing = "no journal here. Create one with 'brm-desk init' or pick another file."
        raise unreadable(
            path, error, JournalFileError, missing=missing, what="a journal file"
        ) from None
    if not header:
        raise JournalFileError(f"{path}: is an empty file, not a BRM Desk journal.")
    if not header.startswith(cipher.SQLITE_HEADER):
        raise JournalFileError(
            f"{path}: is not a BRM Desk journal (or it is encrypted and needs its passphrase)."
        )
    if len(header) < 100:
        raise JournalFileError(f"{path}: is damaged (the file is truncated).")
    (application_id,) = struct.unpack(">I", header[68:72])
    if application_id != APPLICATION_ID:
        raise JournalFileError(f"{path}: is a SQLite database, but not a BRM Desk journal.")
    if _is_truncated(path, header, size):
        raise JournalFileError(
            f"{path}: is damaged (the file is shorter than its header says; it was truncated). "
            "Restore a backup."
        )
    with errors_in_words(path):
        return inspect(path, None)


def _is_truncated(path: Path, header: bytes, size: int) -> bool:
    """Whether the file is shorter than its pages, judged from the header alone.

    Left to SQLite while a write-ahead log or rollback journal sits beside the file: their
    recovery may still complete the file, and only SQLite knows how.
    """
    for side in ("-wal", "-journal"):
        side_file = Path(f"{path}{side}")
        if side_file.exists() and side_file.stat().st_size > 0:
            return False
    (raw_page_size,) = struct.unpack(">H", header[16:18])
    page_size = 65536 if raw_page_size == 1 else raw_page_size
    if page_size < 512 or page_size & (page_size - 1):
        return True
    (change_counter,) = struct.unpack(">I", header[24:28])
    (page_count,) = struct.unpack(">I", header[28:32])
    (valid_for,) = struct.unpack(">I", header[92:96])
    if size % page_size:
        return True
    return bool(page_count > 0 and change_counter == valid_for and page_count * page_size > size)


def read_only_uri(path: Path) -> str:
    """Read-only; immutable too (no locks, no side files) unless a WAL waits to be read."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if not Path(f"{path}-wal").exists():
        uri += "&immutable=1"
    return uri


def inspect(path: Path, key: CipherKey | None) -> int:
    """The journal's schema version, read on a connection that writes nothing; a clear error
    for a database that is not a journal, or is from a newer version."""
    with closing(raw_connect(read_only_uri(path), key, uri=True)) as raw:
        listed = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {name for (name,) in listed}
        application_id = int(raw.execute("PRAGMA application_id").fetchone()[0])
        version = int(raw.execute("PRAGMA user_version").fetchone()[0])
    if application_id != APPLICATION_ID:
        kind = "a SQLite" if key is None else "an encrypted"
        raise JournalFileError(f"{path}: is {kind} database, but not a BRM Desk journal.")
    refuse_newer(path, version)
    missing = sorted(JOURNAL_TABLES - tables)
    if version == 0 or missing:
        problem = "holds no tables" if not tables else "has no schema version"
        if tables and missing:
            problem = f"lacks a journal's tables ({', '.join(missing)})"
        raise JournalFileError(
            f"{path}: is marked as a BRM Desk journal but {problem}, so it is not one. "
            "The file was not changed."
        )
    return version


def refuse_newer(path: Path, schema_version: int) -> None:
    if schema_version > SCHEMA_VERSION:
        raise JournalFileError(
            f"{path}: was written by a newer version of BRM Desk (journal format "
            f"{schema_version}; this version reads up to {SCHEMA_VERSION}). "
            "Update BRM Desk to open it; the file was not changed."
        )


def _configure_reader(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
    """Pragmas every connection needs; autocommit so SQLAlchemy's BEGIN is the only one.

    ``plain_text()`` is what the search index's triggers store of a note (see
    ``domain.notes``): SQL cannot parse Markdown.
    """
    dbapi_connection.isolation_level = None
    dbapi_connection.create_function("plain_text", 1, plain_text, deterministic=True)
    dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    dbapi_connection.execute("PRAGMA foreign_keys = ON")


def _configure_connection(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
    _configure_reader(dbapi_connection, record)
    dbapi_connection.execute("PRAGMA synchronous = FULL")
    dbapi_connection.execute("PRAGMA journal_mode = WAL")


def _begin(connection: Any) -> None:
    """A unit of work that may write takes the write lock at its start (``BEGIN IMMEDIATE``),
    waiting its turn up to the busy timeout: a read transaction that later writes would fail
    at once, with no wait, whenever another writer came first. A snapshot only reads, beside
    any writer."""
    snapshot = connection.get_execution_options().get("snapshot", False)
    connection.exec_driver_sql("BEGIN" if snapshot else "BEGIN IMMEDIATE")


def make_engine(path: Path, key: CipherKey | None = None, *, read_only: bool = False) -> Engine:
    """An engine on a journal file, with our pragmas on every connection.

    Every connection comes from :func:`sqlite_dbapi`; an encrypted journal's are keyed
    before any other statement. A ``read_only`` engine's connections change nothing.
    """
    database = read_only_uri(path) if read_only else str(path)
    engine = create_engine(
        URL.create("sqlite+pysqlite", database=str(path)),
        module=sqlite_dbapi(),
        creator=lambda: raw_connect(
            database,
            key,
            uri=read_only,
            timeout=BUSY_TIMEOUT_MS / 1000,
            cached_statements=CACHED_STATEMENTS,
        ),
    )
    event.listen(engine, "connect", _configure_reader if read_only else _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine


def translate_sqlite_error(path: Path, error: BaseException) -> JournalFileError:
    """A clear message for the SQLite errors a user can meet with a file."""
    text = str(error).lower()
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return JournalFileError(
            f"{path}: is damaged ({error}). Restore a backup or run 'brm-desk check'."
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return JournalFileError(
            f"{path}: cannot be written (it or its folder is read-only). "
            "Copy it somewhere writable, or open a backup."
        )
    if "locked" in text or "busy" in text:
        return JournalFileError(f"{path}: is busy in another program; close it and try again.")
    if "disk is full" in text or "database or disk is full" in text:
        return JournalFileError(f"{path}: the disk is full; free some space and try again.")
    return JournalFileError(f"{path}: cannot be used ({error}).")


def sqlite_dbapi() -> Any:
    """The one SQLite every journal connection goes through, plain or encrypted.

    It is the SQLite that SQLCipher's wheel bundles (3.53 against the system's 3.40 on Debian
    12): its FTS5 ranks a common word in two thirds of the time, and it lets two threads
    search at once. A plain file is opened without a key and stays a plain SQLite file. One
    library for every file also matters for safety: two copies of SQLite in one process do not
    see each other's POSIX locks, and closing a file in one drops the other's.
    """
    return cipher.dbapi()


def raw_connect(
    database: str | Path, key: CipherKey | None, *, uri: bool = False, **options: Any
) -> Any:
    """A DB-API connection: unkeyed for plain files, keyed when encrypted; ``options`` go to
    the driver's ``connect``."""
    if key is None:
        return sqlite_dbapi().connect(str(database), uri=uri, check_same_thread=False, **options)
    return cipher.connect(str(database), key, uri=uri, **options)


def create_file(
    path: Path, build_schema: Callable[[Engine], None], key: CipherKey | None = None
) -> None:
    """Create a new journal at ``path`` atomically; refuse if anything is already there.

    The schema is built in a temporary file beside the target, which is then linked into
    place only if the name is still free, so a crash never leaves a half-made journal.
    """
    if path.exists() or path.is_symlink():
        raise JournalFileError(f"{path}: already exists; BRM Desk will not overwrite it.")
    folder = path.parent
    if not folder.is_dir():
        raise JournalFileError(f"{path}: the folder {folder} does not exist.")
    try:
        temporary = partial_beside(path)  # owner-only, and so are the side files SQLite adds
        try:
            with errors_in_words(path):
                with closing(raw_connect(temporary, key)) as raw:
                    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    raw.execute("PRAGMA journal_mode = WAL")
                    raw.commit()
                engine = make_engine(temporary, key)
                try:
                    build_schema(engine)
                finally:
                    engine.dispose()
                os.link(temporary, path)
        finally:
            for side in ("", "-wal", "-shm"):
                Path(f"{temporary}{side}").unlink(missing_ok=True)
    except FileExistsError:
        raise JournalFileError(f"{path}: already exists; BRM Desk will not overwrite it.") from None
    except PermissionError:
        raise JournalFileError(f"{path}: cannot be created here (permission denied).") from None
    except OSError as error:
        raise JournalFileError(f"{path}: cannot be created ({error.strerror}).") from None


def is_sqlite_error(error: BaseException) -> bool:
    """An error from sqlite3 or from SQLCipher's DB-API module (a separate class tree)."""
    return isinstance(error, sqlite3.Error) or type(error).__module__.startswith("sqlcipher3")


def in_words(path: Path, error: BaseException) -> JournalFileError | None:
    """A SQLite error about ``path``, bare (as the DB-API raises it) or wrapped by
    SQLAlchemy, as a clear message; None for any other error."""
    if isinstance(error, DBAPIError):
        return translate_sqlite_error(path, error.orig or error)
    return translate_sqlite_error(path, error) if is_sqlite_error(error) else None


@contextmanager
def errors_in_words(path: Path) -> Iterator[None]:
    """SQLite's errors met in the block, raised as clear messages about ``path``."""
    try:
        yield
    except Exception as error:
        translated = in_words(path, error)
        if translated is None:
            raise
        raise translated from None


def backup_file(source: Path, target: Path, key: CipherKey | None = None) -> None:
    """A consistent copy of a journal through SQLite's online backup API.

    An encrypted journal's copy is encrypted with the same key (and salt).
    """
    try:
        private_folder(target.parent)
        origin_uri = f"{source.resolve().as_uri()}?mode=ro"
        with (
            errors_in_words(source),
            replacing(target) as partial,
            closing(raw_connect(origin_uri, key, uri=True)) as origin,
            closing(raw_connect(partial, key)) as copy,
        ):
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")
            copy.commit()
    except OSError as error:
        raise JournalFileError(
            f"{target}: the backup cannot be written ({error.strerror})."
        ) from None
