"""A journal: one open file and the services that work on it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.services.balance import Balances
from brm_desk.services.contacts import Contacts
from brm_desk.services.locations import backups_dir
from brm_desk.services.meetings import Meetings
from brm_desk.services.partners import Partners
from brm_desk.services.requests import Requests
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
        self.contacts = Contacts(database)
        self.meetings = Meetings(database)
        self.requests = Requests(database)
        self.trash = Trash(database)
        self.balances = Balances(database, today)

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

    @classmethod
    def open(cls, path: Path, today: Callable[[], date] = date.today) -> Journal:
        """Open an existing journal (migrating it, after a backup, if it is older)."""
        return cls(open_database(path, backup_dir=backups_dir(path)), today)

    @classmethod
    def create(cls, path: Path, today: Callable[[], date] = date.today) -> Journal:
        """Create a new, empty journal and open it."""
        create_database(path)
        return cls.open(path, today)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()
