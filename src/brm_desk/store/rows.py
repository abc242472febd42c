"""Small conversions shared by the row mappers: ids, timestamps, tags, dates."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, select

from brm_desk.domain.errors import NotFoundError
from brm_desk.store.database import Transaction

CHUNK = 500


def now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


def tags_text(tags: Iterable[str]) -> str:
    return json.dumps(list(tags), ensure_ascii=False)


def tags_tuple(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text or "[]"))


def start_columns(start: datetime) -> dict[str, Any]:
    """The stored forms of a meeting start: as given, in UTC for sorting, and its local day."""
    return {
        "start": start.isoformat(),
        "start_utc": start.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f"),
        "local_date": start.date(),
    }


def pk_map(tx: Transaction, row_class: Any, uids: Iterable[str]) -> dict[str, int]:
    """Primary keys of the given public ids (soft-deleted rows included)."""
    wanted = list(dict.fromkeys(uids))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        statement = select(row_class.uid, row_class.id).where(row_class.uid.in_(chunk))
        found.update((row[0], row[1]) for row in tx.execute(statement))
    return found


def pk_of(tx: Transaction, row_class: Any, uid: str, what: str) -> int:
    """The primary key of one live record, or a clear NotFoundError."""
    pk = tx.execute(
        select(row_class.id).where(row_class.uid == uid, row_class.deleted_at.is_(None))
    ).scalar_one_or_none()
    if pk is None:
        raise NotFoundError(f"no {what} with id '{uid}' in this journal")
    return int(pk)


def uid_map(tx: Transaction, row_class: Any, pks: Iterable[int]) -> dict[int, str]:
    wanted = list(dict.fromkeys(pks))
    found: dict[int, str] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        statement = select(row_class.id, row_class.uid).where(row_class.id.in_(chunk))
        found.update((row[0], row[1]) for row in tx.execute(statement))
    return found


def table_of(row_class: Any) -> Table:
    """The Core table behind a mapped class: bulk inserts through it skip the ORM's per-row
    bookkeeping and go to SQLite as one ``executemany``."""
    return cast(Table, row_class.__table__)
