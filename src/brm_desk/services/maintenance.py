"""Backups on demand and the integrity check behind ``brm-desk check``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from brm_desk.domain.errors import JournalFileError
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir
from brm_desk.store import contact_rows, integrity, meeting_rows, partner_rows, request_rows
from brm_desk.store.database import Transaction
from brm_desk.store.journal_file import SCHEMA_VERSION


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What ``check`` found: problems (none is good), notes that are not problems, and what
    the journal holds."""

    problems: tuple[str, ...]
    counts: dict[str, int]
    notes: tuple[str, ...] = ()
    search_only: bool = False  # every problem is the search index's: a rebuild repairs them

    @property
    def ok(self) -> bool:
        return not self.problems


def backup(journal: Journal, target: Path | None = None) -> Path:
    """A consistent copy of the journal; never over an existing file."""
    if target is None:
        stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
        target = backups_dir(journal.path) / f"{journal.path.stem}-{stamp}.brmdesk"
    if target.exists():
        raise JournalFileError(f"{target}: already exists; choose another name for the backup.")
    if target.resolve() == journal.path.resolve():
        raise JournalFileError(f"{target}: is the journal itself; choose another name.")
    journal.database.backup_to(target)
    return target


def check(journal: Journal) -> CheckReport:
    """SQLite's integrity and foreign-key checks, the journal's rules, and the search index.

    Open the journal with ``read_only=True`` to be sure nothing changes, not even a
    migration; a journal of an older format is then named in a note.
    """
    older = journal.database.version < SCHEMA_VERSION
    search: list[str] = []
    with journal.database.snapshot() as tx:
        problems = integrity.sqlite_problems(tx)
        if not problems:
            problems += integrity.record_problems(tx)
            if not older:  # an older index follows its format's rules; upgrading updates it
                search = _search_problems(tx)
        counts = {
            "partners": partner_rows.count(tx),
            "contacts": contact_rows.count(tx),
            "meetings": meeting_rows.count(tx),
            "requests": request_rows.count(tx),
        }
    notes: tuple[str, ...] = ()
    if older:
        notes = (
            f"{journal.path}: was made by an older BRM Desk (journal format "
            f"{journal.database.version}; this version writes {SCHEMA_VERSION}): opening it "
            "in the app or with any other command upgrades it, after a backup.",
        )
    return CheckReport(tuple(problems + search), counts, notes, bool(search) and not problems)


def repair_search_index(journal: Journal) -> None:
    """Rebuild the full-text index from the records, in one transaction (``check --repair``).

    The index is derived data: the records are the truth, so nothing a user wrote is touched.
    """
    from brm_desk.store import search_index

    with journal.database.transaction() as tx:
        search_index.rebuild(tx)


def _search_problems(tx: Transaction) -> list[str]:
    from brm_desk.store import search_index

    return list(search_index.integrity_problems(tx))
