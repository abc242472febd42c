"""A journal: one open file and the services that work on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain import files
from brm_desk.services.assessments import Assessments
from brm_desk.services.balance import Balances
from brm_desk.services.contacts import Contacts
from brm_desk.services.dashboard import Dashboard
from brm_desk.services.drafts import drafts_dir, plain_drafts_dir
from brm_desk.services.health import Health, Pulses
from brm_desk.services.locations import backups_dir, data_dir
from brm_desk.services.meetings import Meetings
from brm_desk.services.partners import Partners
from brm_desk.services.requests import Requests
from brm_desk.services.settings import Settings
from brm_desk.services.stakeholders import Stakeholders
from brm_desk.services.trash import Trash
from brm_desk.store.database import Database, create_database, open_database

if TYPE_CHECKING:
    from brm_desk.services.search import Search


class Journal:
    """An open journal. Use :meth:`open` or :meth:`create`; close it when done."""

    def __init__(self, database: Database, today: Callable[[], date] = date.today) -> None:
        self.database = database
        self.today = today
        self.partners = Partners(database, today)
        self.assessments = Assessments(database, today)
        self.contacts = Contacts(database, today)
        self.meetings = Meetings(database)
        self.requests = Requests(database)
        self.trash = Trash(database)
        self.settings = Settings(database)
        self.balances = Balances(database, today)
        self.dashboard = Dashboard(database, self.balances, today)
        self.stakeholders = Stakeholders(database, self.contacts, today)
        self.pulses = Pulses(database)
        self.health = Health(database, self.balances, today)

    @cached_property
    def search(self) -> Search:
        """Full-text search (imported on first use)."""
        from brm_desk.services.search import Search

        return Search(self.database)

    @property
    def path(self) -> Path:
        return self.database.path

    @property
    def name(self) -> str:
        """What the window title calls this journal."""
        return self.database.path.stem

    @property
    def encrypted(self) -> bool:
        return self.database.encrypted

    @classmethod
    def open(
        cls,
        path: Path,
        today: Callable[[], date] = date.today,
        passphrase: str | None = None,
        *,
        read_only: bool = False,
    ) -> Journal:
        """Open an existing journal (migrating it, after a backup, if it is older).

        An encrypted journal needs its ``passphrase`` (``PassphraseNeeded`` without one,
        ``WrongPassphrase`` for a wrong one; the file is untouched either way). A
        ``read_only`` journal is opened as it is, never migrated nor written to.
        """
        if read_only:
            return cls(open_database(path, passphrase=passphrase, read_only=True), today)
        journal = cls(open_database(path, backups_dir(path), passphrase), today)
        tidy(path)
        return journal

    def reopen(self) -> Journal:
        """Close and open the same file again with the same key (after it was replaced)."""
        key = self.database.key
        self.close()
        return Journal(open_database(self.path, backups_dir(self.path), key=key), self.today)

    @classmethod
    def create(
        cls, path: Path, today: Callable[[], date] = date.today, passphrase: str | None = None
    ) -> Journal:
        """Create a new, empty journal and open it; encrypted when given a passphrase."""
        create_database(path, passphrase)
        return cls.open(path, today, passphrase)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def tidy(path: Path) -> None:
    """Make the data folder owner-only (an older BRM Desk left it readable by others), and
    remove what a killed BRM Desk left behind."""
    for folder in (data_dir(), data_dir() / "backups", backups_dir(path), drafts_dir()):
        files.keep_private(folder)
    remove_leftovers(path)


def remove_leftovers(path: Path, stale_after: float = files.STALE_AFTER_S) -> None:
    """Shred the partial files a killed writer left of the journal at ``path``, of its
    backups and of drafts, once untouched for ``stale_after`` seconds."""
    files.remove_leftovers(path.parent, path.name, stale_after=stale_after)
    for folder in (backups_dir(path), drafts_dir(), plain_drafts_dir(path)):
        files.remove_leftovers(folder, stale_after=stale_after)
