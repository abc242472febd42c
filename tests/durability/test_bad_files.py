"""Files that are not right: a full disk, a read-only place, damage, a newer version.

Each gets a clear message naming the file and what to do, and the file is never changed.

The full disk is simulated with SQLite's ``PRAGMA max_page_count``: SQLite then fails a
write with the same SQLITE_FULL error it returns when the operating system reports no
space, so this proves our handling of that error (message, rollback, nothing partial);
it does not exercise a real file system running out of blocks.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.records import Meeting, Partner
from brm_desk.services import maintenance
from brm_desk.services.interchange.json_io import import_journal
from brm_desk.services.journal import Journal
from brm_desk.services.sample_journal import read_sample
from empty_journal import NewJournal

Cli = Callable[..., subprocess.CompletedProcess[str]]


def fill_disk(journal: Journal) -> None:
    """From now on the journal cannot grow by a single page."""
    engine = journal.database.engine

    def cap(connection: object, _record: object) -> None:
        cursor = connection.cursor()  # type: ignore[attr-defined]
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    event.listen(engine, "connect", cap)
    engine.dispose()


def test_a_full_disk_during_an_edit_is_a_clear_message_and_nothing_is_half_written(
    journal: Journal,
) -> None:
    partner = journal.partners.add(Partner(id="", name="Finance"))
    fill_disk(journal)
    before = maintenance.check(journal).counts
    with pytest.raises(JournalFileError) as caught:
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=partner.id,
                title="Long notes",
                start=datetime(2026, 11, 2, 9, tzinfo=UTC),
                notes="n" * 400_000,
            )
        )
    assert str(journal.path) in caught.value.message
    assert "the disk is full; free some space and try again" in caught.value.message
    report = maintenance.check(journal)
    assert report.ok
    assert report.counts == before


def test_a_full_disk_during_an_import_imports_nothing(journal: Journal) -> None:
    fill_disk(journal)
    with pytest.raises(JournalFileError, match="disk is full"):
        import_journal(journal, read_sample())
    report = maintenance.check(journal)
    assert report.ok
    assert report.counts == {"partners": 0, "contacts": 0, "meetings": 0, "requests": 0}


# --- a read-only place --------------------------------------------------------------------------


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can reach (pytest's tmp folders are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="brm-desk-readonly-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder, ignore_errors=True)


def as_someone_without_write_access(command: list[str]) -> subprocess.CompletedProcess[str]:
    """Run ``command`` so that file permissions apply to it.

    Root ignores them; as root the command runs without the capabilities that let it
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH), through util-linux's ``setpriv``.
    """
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: permissions cannot apply")
        drop = "-dac_override,-dac_read_search"
        command = [setpriv, f"--bounding-set={drop}", f"--inh-caps={drop}", *command]
    environment = {**os.environ, "XDG_DATA_HOME": "/nonexistent-brm-desk"}
    return subprocess.run(
        command, capture_output=True, text=True, env=environment, timeout=120, check=False
    )


def test_a_journal_in_a_read_only_folder_is_refused_untouched(
    new_journal: NewJournal, shared_folder: Path
) -> None:
    path = shared_folder / "journal.brmdesk"
    with new_journal(path) as journal:
        journal.partners.add(Partner(id="", name="Finance"))
    path.chmod(0o444)
    shared_folder.chmod(0o555)
    before = (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        sorted(p.name for p in shared_folder.iterdir()),
    )
    result = as_someone_without_write_access(
        [sys.executable, "-m", "brm_desk", "--db", str(path), "balance"]
    )
    assert result.returncode == 1, result
    assert result.stderr.startswith(f"brm-desk: error: {path}: is in a read-only place.")
    assert "Copy it to a folder you can write to" in result.stderr
    assert "Traceback" not in result.stderr
    assert (
        path.read_bytes(),
        path.stat().st_mtime_ns,
        sorted(p.name for p in shared_folder.iterdir()),
    ) == before


# --- damage and newer versions, through the command line ----------------------------------------


def damage_a_table_page(path: Path) -> None:
    """Overwrite the middle of a data page, as a bad disk sector would."""
    with closing(sqlite3.connect(path)) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = raw.execute("PRAGMA page_size").fetchone()[0]
        (root,) = raw.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'meeting'"
        ).fetchone()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start + 8 : start + page_size - 8] = os.urandom(page_size - 16)
    path.write_bytes(bytes(data))


def test_check_reports_damage_and_repairs_nothing(
    new_journal: NewJournal, cli: Cli, journal_path: Path
) -> None:
    with new_journal(journal_path) as journal:
        import_journal(journal, read_sample())
    damage_a_table_page(journal_path)
    before = journal_path.read_bytes()
    result = cli("check", db=journal_path)
    assert result.returncode == 1
    assert f"{journal_path}:" in result.stderr
    assert "brm-desk: error:" in result.stderr
    assert "Traceback" not in result.stderr
    assert journal_path.read_bytes() == before  # reported, not repaired
    again = cli("check", db=journal_path)
    assert again.returncode == 1  # still damaged: nothing was silently fixed


def test_a_newer_journal_is_refused_by_the_command_line_untouched(
    new_journal: NewJournal, cli: Cli, journal_path: Path
) -> None:
    new_journal(journal_path).close()
    with closing(sqlite3.connect(journal_path)) as raw:
        raw.execute("PRAGMA user_version = 99")
        raw.commit()
    before = journal_path.read_bytes()
    result = cli("balance", db=journal_path)
    assert result.returncode == 1
    assert f"{journal_path}: was written by a newer version of BRM Desk" in result.stderr
    assert "Update BRM Desk to open it; the file was not changed." in result.stderr
    assert journal_path.read_bytes() == before


def test_a_backup_that_cannot_be_written_is_a_clear_message(
    new_journal: NewJournal, cli: Cli, journal_path: Path, tmp_path: Path
) -> None:
    new_journal(journal_path).close()
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    result = cli("backup", "-o", str(blocker / "copy.brmdesk"), db=journal_path)
    assert result.returncode == 1
    assert result.stderr.startswith(f"brm-desk: error: {blocker / 'copy.brmdesk'}")
    assert "Traceback" not in result.stderr
    assert blocker.read_text() == "a file where a folder should be"
