"""The trash: what was deleted can come back until the trash is emptied."""

from __future__ import annotations

from brm_desk.domain.records import TrashItem
from brm_desk.store import trash_rows
from brm_desk.store.database import Database


class Trash:
    """Deleted records of a journal."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def listing(self) -> list[TrashItem]:
        with self._db.snapshot() as tx:
            return trash_rows.listing(tx)

    def taken_along(self, kind: str, record_id: str) -> dict[str, int]:
        """How many records of each kind go to the trash with this one (a partner's own)."""
        with self._db.snapshot() as tx:
            return trash_rows.taken_along(tx, kind, record_id)

    def restore(self, batch: str) -> None:
        with self._db.transaction() as tx:
            trash_rows.restore(tx, batch)

    def empty(self, batch: str | None = None) -> int:
        """Delete for good one item (with what went with it), or everything."""
        with self._db.transaction() as tx:
            return trash_rows.purge(tx, batch)
