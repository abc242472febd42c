"""Rolling backups of a journal, and restoring one of them in its place.

Once a day, when the journal opens, a copy goes into the data folder (SQLite's online
backup API, so it is consistent while the journal is in use). The last 7 days and 4 older
weeks are kept. Backups made by hand, before a migration or before a restore are never
pruned. An encrypted journal's backups are encrypted with the same key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from brm_desk.domain.errors import BrmDeskError, JournalFileError
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir
from brm_desk.store import backup_files
from brm_desk.store.cipher import CipherKey, remove_with_sides

KEEP_DAILY = 7
KEEP_WEEKLY = 4
SUFFIX = ".brmdesk"
_DAILY = re.compile(r"-daily-(\d{8})\.brmdesk$")

KINDS = (
    ("-daily-", "daily"),
    ("-before-restore-", "before a restore"),
    ("-before-v", "before an update"),
)


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup file: when it was taken, why, and what it holds (if it can be read)."""

    path: Path
    taken: datetime
    kind: str
    counts: dict[str, int] | None
    problem: str | None

    def describe_counts(self) -> str:
        if self.counts is None:
            return self.problem or "cannot be read"
        return ", ".join(f"{n} {label}" for label, n in self.counts.items())


def daily_name(journal_path: Path, day: date) -> str:
    return f"{journal_path.stem}-daily-{day:%Y%m%d}{SUFFIX}"


def backup_daily(journal: Journal, today: date | None = None) -> Path | None:
    """Today's automatic backup, unless there already is one; then prune older ones.

    Returns the new backup, or ``None`` when today's existed.
    """
    day = today or journal.today()
    folder = backups_dir(journal.path)
    target = folder / daily_name(journal.path, day)
    made = None
    if not target.exists():
        journal.database.backup_to(target)
        made = target
    prune(folder)
    return made


def days_to_keep(days: Iterable[date]) -> set[date]:
    """The newest 7 days, plus the newest day of each of the 4 weeks before those."""
    ordered = sorted(set(days), reverse=True)
    keep = set(ordered[:KEEP_DAILY])
    weeks_kept: set[tuple[int, int]] = {day.isocalendar()[:2] for day in keep}
    weekly = 0
    for day in ordered[KEEP_DAILY:]:
        week = day.isocalendar()[:2]
        if week in weeks_kept:
            continue
        if weekly == KEEP_WEEKLY:
            break
        keep.add(day)
        weeks_kept.add(week)
        weekly += 1
    return keep


def prune(folder: Path) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps; returns them."""
    if not folder.is_dir():
        return []
    daily: dict[date, Path] = {}
    for path in folder.iterdir():
        match = _DAILY.search(path.name)
        if match:
            try:
                daily[datetime.strptime(match.group(1), "%Y%m%d").date()] = path
            except ValueError:
                continue
    keep = days_to_keep(daily)
    removed = [path for day, path in daily.items() if day not in keep]
    for path in removed:
        remove_with_sides(path)
    return removed


def _kind(name: str) -> str:
    for marker, kind in KINDS:
        if marker in name:
            return kind
    return "by hand"


def backups_of(journal_path: Path) -> list[Path]:
    """Every backup file of this journal (hidden temporary files left out)."""
    folder = backups_dir(journal_path)
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")]


def listing(journal_path: Path, key: CipherKey | None = None) -> list[BackupInfo]:
    """Every backup of this journal, newest first, with its counts when it can be read."""
    found: list[BackupInfo] = []
    for path in backups_of(journal_path):
        taken = datetime.fromtimestamp(path.stat().st_mtime, UTC).astimezone()
        try:
            counts, problem = backup_files.counts(path, key), None
        except BrmDeskError as error:
            counts, problem = None, error.message.removeprefix(f"{path}: ")
        found.append(BackupInfo(path, taken, _kind(path.name), counts, problem))
    return sorted(found, key=lambda info: info.taken, reverse=True)


def restore(journal_path: Path, backup: Path, key: CipherKey | None = None) -> Path:
    """Put ``backup`` in place of the closed journal; the current file is kept as a backup.

    Returns where the current file was kept.
    """
    if not backup.is_file():
        raise JournalFileError(f"{backup}: no backup here.")
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = backups_dir(journal_path) / f"{journal_path.stem}-before-restore-{stamp}{SUFFIX}"
    backup_files.put_in_place(backup, journal_path, aside, key)
    return aside


def restore_into(journal: Journal, backup: Path) -> Journal:
    """Close ``journal``, restore ``backup`` in its place, and open it again (same key)."""
    key = journal.database.key
    journal.close()
    restore(journal.path, backup, key)  # on failure the caller opens the journal again
    return journal.reopen()
