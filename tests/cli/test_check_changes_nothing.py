"""``check`` changes nothing, ever, and no command writes a byte to a file that is not one of
our journals (issue 13): each runs as a real subprocess, and the file's bytes, its time and
the folder's listing are compared before and after."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from brm_desk.domain.records import Partner
from brm_desk.services.journal import Journal
from brm_desk.store.journal_file import APPLICATION_ID, SCHEMA_VERSION
from empty_journal import NewJournal

Cli = Callable[..., subprocess.CompletedProcess[str]]
SAMPLE = Path(__file__).parents[2] / "resources" / "sample" / "sample_journal.json"


def every_command(tmp_path: Path) -> list[list[str]]:
    return [
        ["import", str(SAMPLE)],
        ["export", str(tmp_path / "out.json")],
        ["balance"],
        ["search", "budget"],
        ["review", "-o", str(tmp_path / "pack.pdf")],
        ["backup", "-o", str(tmp_path / "copy.brmdesk")],
        ["check"],
    ]


def state(path: Path) -> tuple[bytes, int, list[str]]:
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(p.name for p in path.parent.iterdir())


def marked(path: Path, *statements: str) -> None:
    """A SQLite file with our application id, built through the standard module."""
    with closing(sqlite3.connect(path)) as raw:
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for statement in statements:
            raw.execute(statement)
        raw.commit()


def crafted_header(path: Path) -> None:
    """Our header on pages that are noise: only SQLite can tell it is no database."""
    marked(path, "CREATE TABLE partner (x)")
    data = bytearray(path.read_bytes())
    data[100:] = bytes(range(256)) * ((len(data) - 100) // 256) + bytes((len(data) - 100) % 256)
    path.write_bytes(bytes(data))


JOURNAL_TABLES = ("alembic_version", "contact", "meeting", "meeting_action")
JOURNAL_TABLES += ("meeting_attendee", "partner", "request", "request_meeting", "search_document")
NOT_OURS = {
    "marked, no tables": (lambda p: marked(p), "holds no tables"),
    "marked, foreign tables": (
        lambda p: marked(p, "CREATE TABLE songs (title)", "PRAGMA user_version = 3"),
        "lacks a journal's tables (alembic_version, contact,",
    ),
    "marked, our tables, no version": (
        lambda p: marked(p, *(f"CREATE TABLE {t} (x)" for t in sorted(JOURNAL_TABLES))),
        "has no schema version",
    ),
    "crafted header": (crafted_header, "is damaged"),
}


@pytest.mark.parametrize("kind", NOT_OURS)
def test_every_command_refuses_a_file_that_is_not_a_journal_before_changing_a_byte(
    cli: Cli, tmp_path: Path, kind: str
) -> None:
    build, message = NOT_OURS[kind]
    path = tmp_path / "folder" / "journal.brmdesk"
    path.parent.mkdir()
    build(path)
    before = state(path)
    for command in every_command(tmp_path):
        result = cli(*command, db=path)
        assert result.returncode == 1, (command, result.stdout)
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith(f"brm-desk: error: {path}: "), line
        assert message in line, (command, line)
        assert state(path) == before, command


def journal_of_format_1(path: Path) -> None:
    """A journal as BRM Desk's first format left it (revision 0001, user_version 1)."""
    from alembic import command
    from alembic.config import Config

    from brm_desk.store import migrate

    with Journal.create(path) as journal:
        journal.partners.add(Partner(id="", name="Finance"))
        config = Config()
        config.set_main_option("script_location", str(migrate.MIGRATIONS))
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
            connection.exec_driver_sql("PRAGMA user_version = 1")


def user_version(path: Path) -> int:
    with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)) as raw:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def test_check_names_an_older_journal_and_leaves_the_upgrade_to_the_others(
    cli: Cli, journal_path: Path
) -> None:
    journal_of_format_1(journal_path)
    before = state(journal_path)
    result = cli("check", db=journal_path)
    assert result.returncode == 0, result.stderr
    assert f"{journal_path}: was made by an older BRM Desk (journal format 1;" in result.stdout
    assert "opening it in the app or with any other command upgrades it" in result.stdout
    assert f"{journal_path}: OK (1 partners, 0 contacts, 0 meetings, 0 requests)" in result.stdout
    assert state(journal_path) == before
    assert user_version(journal_path) == 1

    assert cli("balance", db=journal_path).returncode == 0
    assert user_version(journal_path) == SCHEMA_VERSION
    assert "made by an older BRM Desk" not in cli("check", db=journal_path).stdout


def test_check_on_a_journal_in_use_reads_its_log_and_changes_nothing(
    new_journal: NewJournal, cli: Cli, journal_path: Path
) -> None:
    with new_journal(journal_path) as journal:
        journal.partners.add(Partner(id="", name="Finance"))  # in the -wal, not yet the file
        # the -shm is the readers' shared memory (where a reader marks what it reads), not data
        files = {
            p: (p.read_bytes(), p.stat().st_mtime_ns)
            for p in journal_path.parent.iterdir()
            if not p.name.endswith("-shm")
        }
        result = cli("check", db=journal_path)
        assert result.returncode == 0, result.stderr
        assert "OK (1 partners," in result.stdout
        assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == files


def test_check_finds_a_damaged_search_index_without_writing(
    new_journal: NewJournal, cli: Cli, journal_path: Path
) -> None:
    with new_journal(journal_path) as journal:
        journal.partners.add(Partner(id="", name="Finance", notes="budget talks"))
        with journal.database.transaction() as tx:
            tx.connection().exec_driver_sql(
                "INSERT INTO search_fts (search_fts, rowid, title, body) "
                "SELECT 'delete', id, 'wrong', 'words' FROM search_document"
            )
    before = state(journal_path)
    result = cli("check", db=journal_path)
    assert result.returncode == 1
    assert "the search index is damaged" in result.stdout
    assert state(journal_path) == before
