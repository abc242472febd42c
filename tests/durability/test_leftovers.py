"""Nothing plain is left behind (issue 13): what a killed writer leaves is cleaned up, and
encrypting a journal leaves no readable copy of a note in the data folder, dot-files included.
"""

from __future__ import annotations

import os
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from test_crash_safety import SEED, run_and_kill

from brm_desk.services import protection
from brm_desk.services.interchange.json_io import import_journal
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir, data_dir
from empty_journal import NewJournal

SECRET = "Zebrafish merger whispered by the CFO"
PASSPHRASE = "leftovers passphrase"
HOUR = 3600


def large_journal(path: Path) -> None:
    """About 12 MB: 1,500 meetings whose notes hold the secret (a backup takes a while)."""
    start = datetime(2026, 1, 5, 9, tzinfo=UTC)
    meetings = [
        {
            "id": f"m{i}",
            "partner": "p1",
            "title": f"Meeting {i}",
            "start": (start + timedelta(hours=i)).isoformat(),
            "notes": f"{SECRET} {i}. " + "Notes of the meeting, on and on. " * 200,
        }
        for i in range(1500)
    ]
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "partners": [{"id": "p1", "name": "Finance"}],
        "meetings": meetings,
    }
    with Journal.create(path) as journal:
        import_journal(journal, document)


def partials(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.iterdir() if ".partial" in p.name]


def files_holding(secret: str, *places: Path) -> list[str]:
    """The files among ``places``, or in them when folders, whose bytes hold ``secret``."""
    found = [p for place in places for p in (place.rglob("*") if place.is_dir() else [place])]
    return [str(p) for p in found if p.is_file() and secret.encode() in p.read_bytes()]


@pytest.mark.slow
def test_a_backup_killed_midway_leaves_no_plain_copy_once_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "journal.brmdesk"
    large_journal(path)
    backups = backups_dir(path)
    rng = random.Random(SEED + 5)
    for _attempt in range(12):  # until a kill lands while a backup is being written
        run_and_kill(path, "data-folder-backups", rng.uniform(0.3, 1.5), None)
        if backups.exists() and files_holding(SECRET, *partials(backups)):
            break
    left = partials(backups)
    assert files_holding(SECRET, *left), "no kill landed while a backup was being written"

    with Journal.open(path) as journal:  # opening leaves a fresh partial: it may be in use
        assert partials(backups) == left
        protection.encrypt(journal, PASSPHRASE).close()

    assert files_holding(SECRET, tmp_path, data_dir()) == []
    assert files_holding(SECRET.lower(), tmp_path, data_dir()) == []
    hidden = [p.name for folder in (tmp_path, backups) for p in folder.iterdir()]
    assert [name for name in hidden if name.startswith(".")] == []
    with Journal.open(path, passphrase=PASSPHRASE) as journal:
        assert len(journal.meetings.of_partner(journal.partners.find("Finance").id)) == 1500


def make_partial(folder: Path, name: str, *, age: float, tag: str = "ab12cd34") -> Path:
    """What a writer killed ``age`` seconds ago left: a partial file and its side file."""
    folder.mkdir(parents=True, exist_ok=True)
    partial = folder / f".{name}.{tag}.partial"
    partial.write_text(SECRET)
    Path(f"{partial}-journal").write_text(SECRET)
    then = time.time() - age
    for made in (partial, Path(f"{partial}-journal")):
        os.utime(made, (then, then))
    return partial


def test_opening_a_journal_removes_stale_partials_and_keeps_fresh_ones(
    new_journal: NewJournal, tmp_path: Path
) -> None:
    path = tmp_path / "journal.brmdesk"
    new_journal(path).close()
    drafts = data_dir() / "drafts"
    stale = [
        make_partial(tmp_path, path.name, age=2 * HOUR),
        make_partial(backups_dir(path), "journal-daily-20261124.brmdesk", age=2 * HOUR),
        make_partial(drafts, "new-meeting.json", age=2 * HOUR),
    ]
    fresh = [
        make_partial(tmp_path, path.name, age=60, tag="x9y8z7w6"),
        make_partial(backups_dir(path), "journal-20261124.brmdesk", age=60),
    ]
    others = [
        make_partial(tmp_path, "another.brmdesk", age=2 * HOUR),  # another journal's
        tmp_path / ".hidden-notes",
    ]
    others[1].write_text(SECRET)
    with Journal.open(path):
        pass
    assert [p for p in stale if p.exists() or Path(f"{p}-journal").exists()] == []
    assert all(p.exists() for p in fresh + others)


def test_leftovers_are_overwritten_unless_another_name_shares_their_bytes(
    tmp_path: Path,
) -> None:
    shared = tmp_path / "journal.brmdesk"
    shared.write_text(SECRET)
    os.link(shared, tmp_path / f".{shared.name}.ab12cd34.partial")  # an encryption killed midway
    alone = make_partial(tmp_path, "export.json", age=0)
    kept_open = alone.open("rb")  # sees the bytes the name pointed to
    from brm_desk.domain.files import remove_leftovers

    remove_leftovers(tmp_path, stale_after=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.brmdesk"]
    assert shared.read_text() == SECRET
    assert kept_open.read() == b"\0" * len(SECRET)
    kept_open.close()
