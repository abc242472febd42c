"""Journal files: created once, identified from their header, never touched when refused."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import date
from pathlib import Path

import pytest

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.records import Partner
from brm_desk.services.journal import Journal
from brm_desk.store.journal_file import APPLICATION_ID, SCHEMA_VERSION, backup_file

TODAY = date(2026, 11, 24)


def folder_listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "xdg-data")


def header_numbers(path: Path) -> tuple[int, int]:
    """(application_id, user_version) read through SQLite, read-only."""
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as raw:
        application_id = raw.execute("PRAGMA application_id").fetchone()[0]
        user_version = raw.execute("PRAGMA user_version").fetchone()[0]
    return application_id, user_version


def make_journal(path: Path, partners: int = 1) -> None:
    with Journal.create(path, today=lambda: TODAY) as journal:
        for i in range(partners):
            journal.partners.add(Partner(id="", name=f"Partner {i}", notes="n" * 2000))


def set_user_version(path: Path, version: int) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute(f"PRAGMA user_version = {version}")
        raw.commit()


def assert_refused_untouched(path: Path, fragment: str) -> JournalFileError:
    before = path.read_bytes()
    listing = folder_listing(path.parent)
    with pytest.raises(JournalFileError) as caught:
        Journal.open(path, today=lambda: TODAY)
    assert fragment in caught.value.message
    assert str(path) in caught.value.message
    assert path.read_bytes() == before
    assert folder_listing(path.parent) == listing
    return caught.value


# --- creating ----------------------------------------------------------------------------------


def test_a_new_journal_is_marked_as_ours_at_this_schema_version(journal_path: Path) -> None:
    make_journal(journal_path)
    assert folder_listing(journal_path.parent) == [journal_path.name]
    assert header_numbers(journal_path) == (APPLICATION_ID, SCHEMA_VERSION)


@pytest.mark.parametrize(
    "content", [b"", b"my notes\n", b"SQLite format 3\x00" + bytes(4000)], ids=str
)
def test_create_refuses_an_existing_file_and_leaves_it_byte_identical(
    journal_path: Path, content: bytes
) -> None:
    journal_path.write_bytes(content)
    with pytest.raises(JournalFileError, match="already exists"):
        Journal.create(journal_path)
    assert journal_path.read_bytes() == content
    assert folder_listing(journal_path.parent) == [journal_path.name]


def test_create_refuses_an_existing_journal_and_keeps_its_data(journal_path: Path) -> None:
    make_journal(journal_path, partners=3)
    before = journal_path.read_bytes()
    with pytest.raises(JournalFileError, match="will not overwrite"):
        Journal.create(journal_path)
    assert journal_path.read_bytes() == before
    with Journal.open(journal_path) as journal:
        assert [p.name for p in journal.partners.listing()] == [
            "Partner 0",
            "Partner 1",
            "Partner 2",
        ]


def test_create_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(JournalFileError, match="does not exist"):
        Journal.create(tmp_path / "nowhere" / "journal.db")
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("name", ["Q&A #1 journal.db", "what?.db", "100% sure.db", "é ü.db"])
def test_awkward_file_names_are_used_as_they_are(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    make_journal(path)
    with Journal.open(path) as journal:
        assert [p.name for p in journal.partners.listing()] == ["Partner 0"]
    backup = tmp_path / "backups" / f"copy of {name}"
    backup_file(path, backup)
    with Journal.open(backup) as copy:
        assert [p.name for p in copy.partners.listing()] == ["Partner 0"]
    stray = set(folder_listing(tmp_path)) - {name, f"{name}-wal", f"{name}-shm", "backups"}
    assert stray == set()


# --- pragmas -----------------------------------------------------------------------------------


def test_every_connection_has_the_safety_pragmas_on(journal: Journal) -> None:
    with journal.database.engine.connect() as connection:

        def pragma(name: str) -> object:
            return connection.exec_driver_sql(f"PRAGMA {name}").scalar()

        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("synchronous") == 2
        busy_timeout = pragma("busy_timeout")
        assert isinstance(busy_timeout, int)
        assert busy_timeout > 0
        assert pragma("application_id") == APPLICATION_ID
        assert pragma("user_version") == SCHEMA_VERSION


def test_the_pragmas_hold_inside_a_unit_of_work(journal: Journal) -> None:
    with journal.database.transaction() as tx:
        connection = tx.connection()
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2


# --- refusing what is not a journal -----------------------------------------------------------


def _random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(7).randbytes(8192))


def _text_file(path: Path) -> None:
    path.write_text("Meeting notes\nFinance wants a new dashboard.\n" * 50)


def _empty_file(path: Path) -> None:
    path.write_bytes(b"")


def _other_application(path: Path) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("CREATE TABLE songs (title TEXT, artist TEXT)")
        raw.execute("INSERT INTO songs VALUES ('Blue in Green', 'Miles Davis')")
        raw.commit()


def _other_application_in_wal_mode(path: Path) -> None:
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA journal_mode = WAL")
        raw.execute("PRAGMA application_id = 1234")
        raw.execute("CREATE TABLE t (x)")
        raw.commit()


def _sqlite_header_then_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + random.Random(3).randbytes(4080))


def _journal_header_only(path: Path) -> None:
    make_journal(path)
    path.write_bytes(path.read_bytes()[:100])


def _journal_cut_short(keep: Callable[[int], int]) -> Callable[[Path], None]:
    def build(path: Path) -> None:
        make_journal(path, partners=40)
        data = path.read_bytes()
        path.write_bytes(data[: keep(len(data))])

    return build


NOT_A_JOURNAL = [
    ("random bytes", _random_bytes, "not a BRM Desk journal"),
    ("text file", _text_file, "not a BRM Desk journal"),
    ("empty file", _empty_file, "empty file"),
    ("another application's database", _other_application, "not a BRM Desk journal"),
    ("another WAL database", _other_application_in_wal_mode, "not a BRM Desk journal"),
    ("SQLite header then garbage", _sqlite_header_then_garbage, "not a BRM Desk journal"),
    ("a journal's first 50 bytes", _journal_cut_short(lambda n: 50), "truncated"),
    ("a journal's header only", _journal_header_only, "truncated"),
    ("a journal's first page", _journal_cut_short(lambda n: 4096), "truncated"),
    ("half a journal", _journal_cut_short(lambda n: n // 2), "truncated"),
    ("a journal without its last page", _journal_cut_short(lambda n: n - 4096), "truncated"),
    ("a journal one byte short", _journal_cut_short(lambda n: n - 1), "truncated"),
]


@pytest.mark.parametrize(
    ("build", "fragment"),
    [pytest.param(build, fragment, id=name) for name, build, fragment in NOT_A_JOURNAL],
)
def test_a_file_that_is_not_a_journal_is_refused_untouched(
    journal_path: Path, build: Callable[[Path], None], fragment: str
) -> None:
    build(journal_path)
    assert folder_listing(journal_path.parent) == [journal_path.name]
    assert_refused_untouched(journal_path, fragment)


def test_another_applications_database_keeps_its_tables_only(journal_path: Path) -> None:
    _other_application(journal_path)
    assert_refused_untouched(journal_path, "SQLite database, but not a BRM Desk journal")
    with closing(sqlite3.connect(f"{journal_path.as_uri()}?mode=ro", uri=True)) as raw:
        tables = raw.execute("SELECT name FROM sqlite_master").fetchall()
        assert tables == [("songs",)]
        assert raw.execute("PRAGMA user_version").fetchone() == (0,)


def test_a_journal_from_a_newer_version_is_refused_untouched(journal_path: Path) -> None:
    make_journal(journal_path)
    set_user_version(journal_path, SCHEMA_VERSION + 1)
    error = assert_refused_untouched(journal_path, "newer")
    assert f"journal format {SCHEMA_VERSION + 1}" in error.message
    assert header_numbers(journal_path) == (APPLICATION_ID, SCHEMA_VERSION + 1)


def test_a_missing_journal_is_a_clear_error_and_not_created(journal_path: Path) -> None:
    with pytest.raises(JournalFileError, match="no journal here"):
        Journal.open(journal_path)
    assert not journal_path.exists()


def test_a_folder_is_not_a_journal(tmp_path: Path) -> None:
    folder = tmp_path / "journal.db"
    folder.mkdir()
    with pytest.raises(JournalFileError, match="is a folder"):
        Journal.open(folder)


def test_a_healthy_journal_opens_and_is_left_complete(journal_path: Path) -> None:
    make_journal(journal_path, partners=40)
    with Journal.open(journal_path) as journal:
        assert len(journal.partners.listing()) == 40
    assert header_numbers(journal_path) == (APPLICATION_ID, SCHEMA_VERSION)


# --- backups -----------------------------------------------------------------------------------


def test_a_backup_is_a_consistent_complete_journal_in_rollback_mode(
    journal: Journal, tmp_path: Path
) -> None:
    journal.partners.add(Partner(id="", name="Finance"))
    target = tmp_path / "copies" / "journal-copy.db"
    journal.database.backup_to(target)
    assert target.read_bytes()[18:20] == b"\x01\x01"
    assert header_numbers(target) == (APPLICATION_ID, SCHEMA_VERSION)
    assert folder_listing(target.parent) == ["journal-copy.db"]
    with Journal.open(target) as copy:
        assert [p.name for p in copy.partners.listing()] == ["Finance"]


def test_a_backup_of_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    source = tmp_path / "notes.txt"
    _text_file(source)
    before = source.read_bytes()
    with pytest.raises(JournalFileError, match="damaged"):
        backup_file(source, tmp_path / "copy.db")
    assert source.read_bytes() == before
    assert not (tmp_path / "copy.db").exists()
