"""Owner-only files (issue 13): under an ordinary umask (022), whatever BRM Desk writes is
readable by its owner only: files 0600, the data, backups and drafts folders 0700."""

from __future__ import annotations

import os
import stat
import subprocess
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from brm_desk.services import drafts, maintenance
from brm_desk.services.interchange.csv_export import write_csv
from brm_desk.services.journal import Journal
from brm_desk.services.locations import data_dir, default_journal_path
from brm_desk.ui import journal_lock
from empty_journal import NewJournal

Cli = Callable[..., subprocess.CompletedProcess[str]]
SAMPLE = Path(__file__).parents[2] / "resources" / "sample" / "sample_journal.json"
PASSPHRASE = "owner only passphrase"


@pytest.fixture(autouse=True)
def ordinary_umask() -> Iterator[None]:
    """022, as most systems have it: files 0644 and folders 0755 unless we say otherwise."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def modes(*tops: Path) -> dict[Path, int]:
    """Every file and folder under ``tops`` (themselves included), with its mode."""
    return {
        path: stat.S_IMODE(path.stat().st_mode) for top in tops for path in [top, *top.rglob("*")]
    }


def test_a_full_flow_leaves_only_owner_only_files_and_folders(
    cli: Cli, tmp_path: Path, qapp: QApplication
) -> None:
    journal = default_journal_path()  # the data folder is made by init
    exports = tmp_path / "exports"
    exports.mkdir(mode=0o700)
    for command in (
        ["init"],
        ["import", str(SAMPLE)],
        ["backup"],
        ["export", str(exports / "journal.json")],
        ["review", "-o", str(exports / "portfolio.pdf")],
    ):
        result = cli(*command)
        assert result.returncode == 0, (command, result.stderr)
    write_csv(exports / "list.csv", ["Title"], [["Budget"]])
    typed = drafts.Draft(drafts.NEW_MEETING, "meeting", datetime.now(UTC), {"notes": "typed"})
    journal_lock.hold(journal)  # the app's lock file beside the journal
    try:
        with Journal.open(journal) as opened:  # -wal and -shm while it is open
            drafts.for_journal(opened).save(typed)
            maintenance.backup(opened)
            found = modes(data_dir(), exports)
    finally:
        journal_lock.release(journal)
    encrypted = tmp_path / "secret.brmdesk"
    with Journal.create(encrypted, passphrase=PASSPHRASE) as opened:
        drafts.for_journal(opened).save(typed)  # the encrypted draft file
        assert opened.partners.listing() == []
        found |= modes(data_dir(), *tmp_path.glob("secret.brmdesk*"))

    names = [path.name for path in found]
    for made in (
        *("journal.brmdesk", "journal.brmdesk-wal", "journal.brmdesk-shm", "journal.brmdesk.lock"),
        *("new-meeting.json", "journal.json", "portfolio.pdf", "list.csv"),
        *("secret.brmdesk", "secret.brmdesk-wal", "secret.brmdesk-shm"),
        *("BRM Desk", "backups", "drafts"),
    ):
        assert made in names, made
    # 2 backups, the folder of its backups and that of its drafts
    assert len([name for name in names if name.startswith("journal-")]) == 4
    assert any(name.endswith(".drafts") for name in names)
    loose = {
        path: oct(mode)
        for path, mode in found.items()
        if mode != (0o700 if path.is_dir() else 0o600)
    }
    assert loose == {}


def test_an_older_journal_is_made_owner_only_when_opened(
    new_journal: NewJournal, journal_path: Path
) -> None:
    new_journal(journal_path).close()
    journal_path.chmod(0o644)
    data_dir().mkdir(parents=True, mode=0o755)
    data_dir().chmod(0o755)
    with Journal.open(journal_path) as journal:
        assert journal.partners.listing() == []
        assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(Path(f"{journal_path}-wal").stat().st_mode) == 0o600
        assert stat.S_IMODE(data_dir().stat().st_mode) == 0o700


def test_check_leaves_even_the_modes_as_they_are(
    new_journal: NewJournal, cli: Cli, journal_path: Path
) -> None:
    new_journal(journal_path).close()
    journal_path.chmod(0o644)
    assert cli("check", db=journal_path).returncode == 0
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o644


def test_someone_elses_file_is_left_as_it_is(tmp_path: Path) -> None:
    """Only files we own are tightened; as root, one owned by another user shows it."""
    if os.getuid() != 0:
        pytest.skip("needs to hand a file to another user")
    from brm_desk.domain.files import keep_private

    shared = tmp_path / "shared.brmdesk"
    shared.write_text("theirs")
    shared.chmod(0o644)
    os.chown(shared, 65534, 65534)
    keep_private(shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644
