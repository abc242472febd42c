"""What the row mappers share: stored forms of values, id look-ups, writing and counting."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from enum import Enum
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, Table, func, insert, select, update

from brm_desk.domain.errors import NotFoundError
from brm_desk.store.database import Transaction
from brm_desk.store.schema import PartnerRow

CHUNK = 500
"""Ids per statement: SQLite limits a statement's parameters."""

_Item = TypeVar("_Item")


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


def chunked(items: Sequence[_Item], size: int = CHUNK) -> Iterator[Sequence[_Item]]:
    """``items`` ``size`` at a time."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def table_of(row_class: Any) -> Table:
    """The Core table behind a mapped class: bulk inserts through it skip the ORM's per-row
    bookkeeping and go to SQLite as one ``executemany``."""
    return cast(Table, row_class.__table__)


def column_values(row_class: Any, record: Any, **given: object) -> dict[str, object]:
    """What ``record`` stores in ``row_class``'s row: its id as ``uid``, each field of the
    same name as a column (an enum as its value), then ``given`` (ids of other records as
    primary keys, values stored in another form)."""
    columns = table_of(row_class).c
    values: dict[str, object] = {"uid": record.id}
    for field in dataclasses.fields(record):
        if field.name in columns and field.name != "id":
            value = getattr(record, field.name)
            values[field.name] = value.value if isinstance(value, Enum) else value
    return {**values, **given}


def insert_records(tx: Transaction, row_class: Any, rows: Iterable[dict[str, object]]) -> None:
    """New records' rows in one ``executemany``, stamped as created now."""
    stamp = now_text()
    tx.execute(
        insert(table_of(row_class)),
        [{**row, "created_at": stamp, "updated_at": stamp} for row in rows],
    )


def update_record(
    tx: Transaction, row_class: Any, uid: str, what: str, values: dict[str, object]
) -> int:
    """Write ``values`` over the live record ``uid`` (a ``what``), stamped as updated now;
    returns its primary key."""
    pk = pk_of(tx, row_class, uid, what)
    tx.execute(update(row_class).where(row_class.id == pk).values(**values, updated_at=now_text()))
    return pk


def pk_map(tx: Transaction, row_class: Any, uids: Iterable[str]) -> dict[str, int]:
    """Primary keys of the given public ids (soft-deleted rows included)."""
    found: dict[str, int] = {}
    for chunk in chunked(list(dict.fromkeys(uids))):
        statement = select(row_class.uid, row_class.id).where(row_class.uid.in_(chunk))
        found.update((row[0], row[1]) for row in tx.execute(statement))
    return found


def for_parents(
    tx: Transaction, statement: Any, parent: Any, pks: Sequence[int] | None
) -> Iterator[Any]:
    """The rows of ``statement`` whose ``parent`` column is one of ``pks`` (every row when
    ``pks`` is None), asked a chunk of ids at a time."""
    if pks is None:
        yield from tx.execute(statement)
        return
    for chunk in chunked(pks):
        yield from tx.execute(statement.where(parent.in_(chunk)))


def linked_uids(
    tx: Transaction,
    parent: Any,
    child: Any,
    position: Any,
    child_class: Any,
    pks: Sequence[int] | None,
) -> dict[int, list[str]]:
    """The public ids of the live ``child_class`` records a link table (columns ``parent``,
    ``child`` and ``position``) lists for each parent in ``pks`` (every one when None), in order."""
    statement = (
        select(parent, child_class.uid)
        .join(child_class, child_class.id == child)
        .where(child_class.deleted_at.is_(None))
        .order_by(parent, position)
    )
    found: dict[int, list[str]] = defaultdict(list)
    for parent_pk, uid in for_parents(tx, statement, parent, pks):
        found[parent_pk].append(uid)
    return found


def insert_links(
    tx: Transaction,
    parent: Any,
    child: Any,
    position: Any,
    child_class: Any,
    owned: Sequence[tuple[int, Sequence[str]]],
) -> None:
    """Write what :func:`linked_uids` reads: for each parent primary key in ``owned``, the
    ``child_class`` records it lists by public id, in order, in one ``executemany``."""
    children = pk_map(tx, child_class, (uid for _, uids in owned for uid in uids))
    links = [
        {parent.key: pk, child.key: children[uid], position.key: i}
        for pk, uids in owned
        for i, uid in enumerate(uids)
    ]
    if links:
        tx.execute(insert(table_of(parent.class_)), links)


def one_found(found: Sequence[_Item], what: str, uid: str) -> _Item:
    """The record (or key) found for the public id ``uid`` of a ``what``, or a clear
    NotFoundError when there is none (or it is in the trash)."""
    if not found:
        raise NotFoundError(f"no {what} with id '{uid}' in this journal")
    return found[0]


def pk_of(tx: Transaction, row_class: Any, uid: str, what: str) -> int:
    """The primary key of one live record, or a clear NotFoundError."""
    statement = select(row_class.id).where(row_class.uid == uid, row_class.deleted_at.is_(None))
    return int(one_found(tx.execute(statement).scalars().all(), what, uid))


def live(row_class: Any) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """Conditions of a statement joined to the record's partner: the record and its partner
    are live (not in the trash)."""
    return row_class.deleted_at.is_(None), PartnerRow.deleted_at.is_(None)


def count_live(tx: Transaction, row_class: Any) -> int:
    """Live records of live partners."""
    statement = (
        select(func.count(row_class.id))
        .join(PartnerRow, PartnerRow.id == row_class.partner_id)
        .where(*live(row_class))
    )
    return int(tx.execute(statement).scalar_one())
