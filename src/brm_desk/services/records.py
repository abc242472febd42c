"""What every kind of record can do: be added, changed, read back and moved to the trash."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Generic, Protocol, TypeVar

from brm_desk.domain.records import Contact, Meeting, Partner, Request, new_id
from brm_desk.store import trash_rows
from brm_desk.store.database import Database, Transaction

_Record = TypeVar("_Record", bound=Partner | Contact | Meeting | Request)


class _Rows(Protocol[_Record]):
    """The store module of one kind of record, such as ``store.meeting_rows``."""

    def get(self, tx: Transaction, uid: str, /) -> _Record: ...
    def insert_many(self, tx: Transaction, records: Sequence[_Record], /) -> None: ...
    def update_one(self, tx: Transaction, record: _Record, /) -> None: ...


class Records(Generic[_Record]):
    """The records of one kind in a journal; each call is one transaction.

    Every record is validated by the domain's ``check`` before it is written, and a
    subclass refuses references to records the journal does not hold.
    """

    def __init__(
        self,
        database: Database,
        kind: str,
        rows: _Rows[_Record],
        check: Callable[[_Record], _Record],
    ) -> None:
        self._db = database
        self._kind = kind
        self._rows = rows
        self._check = check

    def add(self, record: _Record) -> _Record:
        """Store a new record (with a fresh id unless it brings one) and read it back."""
        record = self._check(replace(record, id=record.id or new_id()))
        with self._db.transaction() as tx:
            return self._insert(tx, record)

    def update(self, record: _Record) -> _Record:
        record = self._check(record)
        with self._db.transaction() as tx:
            return self._update(tx, record)

    def get(self, record_id: str) -> _Record:
        with self._db.snapshot() as tx:
            return self._rows.get(tx, record_id)

    def delete(self, record_id: str) -> str:
        """Move the record, and what goes with it, to the trash; returns the trash batch."""
        with self._db.transaction() as tx:
            return trash_rows.soft_delete(tx, self._kind, record_id)

    def _insert(self, tx: Transaction, record: _Record) -> _Record:
        self._check_references(tx, record)
        self._rows.insert_many(tx, [record])
        return self._rows.get(tx, record.id)

    def _update(self, tx: Transaction, record: _Record) -> _Record:
        self._check_references(tx, record)
        self._rows.update_one(tx, record)
        return self._rows.get(tx, record.id)

    def _check_references(self, tx: Transaction, record: _Record) -> None:
        """Refuse a record that points at records the journal does not hold."""
