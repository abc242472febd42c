"""Soft delete and restore: rows keep ``deleted_at`` and the batch they went with."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import CursorResult, delete, func, literal, select, update

from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.pulses import Quarter
from brm_desk.domain.records import TrashItem
from brm_desk.store import assessment_rows, partner_rows
from brm_desk.store.database import Transaction
from brm_desk.store.rows import now_text, pk_of, table_of
from brm_desk.store.schema import (
    RECORD_ROWS,
    AssessmentRow,
    ContactRow,
    MeetingRow,
    PartnerRow,
    PulseRow,
    RequestRow,
)

TRASH_ROWS: dict[str, Any] = {**RECORD_ROWS, "pulse": PulseRow, "assessment": AssessmentRow}
"""The row class of each kind of record that goes to the trash, partners first."""
_TITLE = {
    "partner": "name",
    "contact": "name",
    "meeting": "title",
    "request": "title",
    "pulse": "taken_on",
    "assessment": "assessed_on",
}
_PARTNERS_OWN = (MeetingRow, RequestRow, ContactRow, PulseRow, AssessmentRow)
"""What goes to the trash with its partner."""


def taken_along(tx: Transaction, kind: str, uid: str) -> dict[str, int]:
    """How many live records of each kind a delete of this record takes to the trash with it
    (a partner's meetings, requests, contacts, pulses and assessments; nothing for others)."""
    if kind != "partner":
        return {}
    pk = pk_of(tx, PartnerRow, uid, kind)
    return {
        child.__tablename__: tx.execute(
            select(func.count(child.id)).where(child.partner_id == pk, child.deleted_at.is_(None))
        ).scalar_one()
        for child in _PARTNERS_OWN
    }


def soft_delete(tx: Transaction, kind: str, uid: str) -> str:
    """Move a record (and, for a partner, everything of it) to the trash; returns the batch."""
    row_class = TRASH_ROWS[kind]
    pk = pk_of(tx, row_class, uid, kind)
    batch = uuid.uuid4().hex
    stamp = now_text()
    tx.execute(
        update(row_class).where(row_class.id == pk).values(deleted_at=stamp, deleted_batch=batch)
    )
    if kind == "partner":
        for child in _PARTNERS_OWN:
            tx.execute(
                update(child)
                .where(child.partner_id == pk, child.deleted_at.is_(None))
                .values(deleted_at=stamp, deleted_batch=batch)
            )
    return batch


def restore(tx: Transaction, batch: str) -> None:
    """Bring a batch back, unless its name is taken now or its partner is still in the trash."""
    head = _head(tx, batch)
    if head is None:
        raise NotFoundError("that item is no longer in the trash")
    if head.kind == "partner":
        if partner_rows.find_by_name(tx, head.title) is not None:
            raise ValidationError(
                "name", f"a partner named '{head.title}' exists already; rename it, then restore"
            )
    elif head.partner_in_trash:
        raise ValidationError(
            "partner",
            f"its partner '{head.partner_name}' is in the trash; restore the partner first",
        )
    for row_class in TRASH_ROWS.values():
        stamp = {"updated_at": now_text()} if "updated_at" in table_of(row_class).c else {}
        tx.execute(
            update(row_class)
            .where(row_class.deleted_batch == batch)
            .values(deleted_at=None, deleted_batch=None, **stamp)
        )
    if head.kind == "assessment":  # the partner's maturity follows its latest assessment
        assessment_rows.sync_maturity(tx, head.partner_uid)


class _Head(NamedTuple):
    """The record the user deleted in a batch (the partner, when a partner went)."""

    kind: str
    uid: str
    title: str
    partner_name: str
    partner_in_trash: bool
    deleted_at: str
    partner_uid: str


def _head(tx: Transaction, batch: str) -> _Head | None:
    for kind, row_class in TRASH_ROWS.items():
        title = getattr(row_class, _TITLE[kind])
        if kind == "partner":
            statement = select(
                row_class.uid, title, title, literal(False), row_class.deleted_at, row_class.uid
            )
        else:
            statement = select(
                row_class.uid,
                title,
                PartnerRow.name,
                PartnerRow.deleted_at.is_not(None),
                row_class.deleted_at,
                PartnerRow.uid,
            ).join(PartnerRow, PartnerRow.id == row_class.partner_id)
        row = tx.execute(
            statement.where(row_class.deleted_batch == batch).order_by(row_class.id).limit(1)
        ).first()
        if row is not None:
            uid, shown, *rest = row
            return _Head(kind, uid, _title(kind, shown), *rest)
    return None


def _title(kind: str, shown: str | date) -> str:
    """How the trash names a record: its name or title; a pulse by its quarter and day, an
    assessment by its day."""
    if not isinstance(shown, date):
        return shown
    day = f"{shown:%d %b %Y}"
    return f"{Quarter.of(shown).label} · {day}" if kind == "pulse" else day


def listing(tx: Transaction) -> list[TrashItem]:
    """What is in the trash, latest first, one entry per delete."""
    counts: dict[str, int] = {}
    for row_class in TRASH_ROWS.values():
        statement = (
            select(row_class.deleted_batch, func.count())
            .where(row_class.deleted_batch.is_not(None))
            .group_by(row_class.deleted_batch)
        )
        for batch, n in tx.execute(statement):
            counts[batch] = counts.get(batch, 0) + n
    items = []
    for batch, n in counts.items():
        head = _head(tx, batch)
        if head is not None:
            deleted_at = datetime.fromisoformat(head.deleted_at)
            items.append(
                TrashItem(batch, head.kind, head.uid, head.title, head.partner_name, deleted_at, n)
            )
    return sorted(items, key=lambda item: item.deleted_at, reverse=True)


def purge(tx: Transaction, batch: str | None = None) -> int:
    """Delete for good one batch, or everything in the trash; returns the records removed."""
    removed = 0
    for row_class in (PulseRow, AssessmentRow, RequestRow, MeetingRow, ContactRow, PartnerRow):
        condition = (
            row_class.deleted_batch.is_not(None)
            if batch is None
            else row_class.deleted_batch == batch
        )
        result = cast(CursorResult[Any], tx.execute(delete(row_class).where(condition)))
        removed += result.rowcount or 0
    return removed
