"""Communications plans and what the stakeholder map reads of meetings, between rows and records.

A plan's entries for a contact in the trash stay stored (the contact may come back) but are
not listed; an entry goes with its partner or contact when the trash is emptied.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import aliased

from brm_desk.domain.errors import NotFoundError
from brm_desk.domain.stakeholders import Communication, Quadrant
from brm_desk.store import rows
from brm_desk.store.database import Transaction
from brm_desk.store.schema import (
    CommunicationRow,
    ContactRow,
    MeetingAttendeeRow,
    MeetingRow,
    PartnerRow,
)

_Audience = aliased(ContactRow)
_SELECT = (
    select(
        *rows.table_of(CommunicationRow).c,
        PartnerRow.uid.label("partner_uid"),
        _Audience.uid.label("contact_uid"),
    )
    .join(PartnerRow, PartnerRow.id == CommunicationRow.partner_id)
    .outerjoin(_Audience, _Audience.id == CommunicationRow.contact_id)
    .where(
        PartnerRow.deleted_at.is_(None),
        or_(CommunicationRow.contact_id.is_(None), _Audience.deleted_at.is_(None)),
    )
    .order_by(CommunicationRow.partner_id, CommunicationRow.position, CommunicationRow.id)
)


def _values(tx: Transaction, entry: Communication) -> dict[str, object]:
    contact = (
        None
        if entry.contact_id is None
        else rows.pk_of(tx, ContactRow, entry.contact_id, "contact")
    )
    return {
        "uid": entry.id,
        "partner_id": rows.pk_of(tx, PartnerRow, entry.partner_id, "partner"),
        "contact_id": contact,
        "quadrant": None if entry.quadrant is None else entry.quadrant.value,
        "message": entry.message,
        "channel": entry.channel,
        "frequency_days": entry.frequency_days,
        "next_date": entry.next_date,
    }


def insert_many(tx: Transaction, entries: Sequence[Communication]) -> None:
    """New entries, each after the last of its partner's plan."""
    for entry in entries:
        values = _values(tx, entry)
        last = tx.execute(
            select(func.max(CommunicationRow.position)).where(
                CommunicationRow.partner_id == values["partner_id"]
            )
        ).scalar_one()
        values["position"] = 0 if last is None else last + 1
        tx.execute(insert(rows.table_of(CommunicationRow)), values)


def update_one(tx: Transaction, entry: Communication) -> None:
    statement = (
        update(rows.table_of(CommunicationRow))
        .where(CommunicationRow.uid == entry.id)
        .values(_values(tx, entry))
    )
    found = cast(CursorResult[Any], tx.execute(statement))
    if found.rowcount != 1:
        raise NotFoundError(f"no communication with id '{entry.id}' in this journal")


def delete_one(tx: Transaction, uid: str) -> None:
    tx.execute(delete(CommunicationRow).where(CommunicationRow.uid == uid))


def _record(row: Any) -> Communication:
    return Communication(
        id=row.uid,
        partner_id=row.partner_uid,
        message=row.message,
        channel=row.channel,
        frequency_days=row.frequency_days,
        next_date=row.next_date,
        contact_id=row.contact_uid,
        quadrant=None if row.quadrant is None else Quadrant(row.quadrant),
    )


def get(tx: Transaction, uid: str) -> Communication:
    statement = _SELECT.where(CommunicationRow.uid == uid)
    return rows.one_found([_record(row) for row in tx.execute(statement)], "communication", uid)


def listing(tx: Transaction, partner_id: str | None = None) -> list[Communication]:
    """The live entries in plan order (of one partner when asked)."""
    statement = _SELECT if partner_id is None else _SELECT.where(PartnerRow.uid == partner_id)
    return [_record(row) for row in tx.execute(statement)]


def due(tx: Transaction, on: date) -> list[Communication]:
    """The SQL of ``domain.stakeholders.due``: the live entries whose next date is ``on`` or
    before, earliest first."""
    statement = _SELECT.where(CommunicationRow.next_date <= on).order_by(None)
    ordered = statement.order_by(CommunicationRow.next_date, CommunicationRow.uid)
    return [_record(row) for row in tx.execute(ordered)]


def last_met(tx: Transaction, partner_id: str | None, today: date) -> dict[str, date]:
    """Each contact's latest live meeting up to ``today``, by contact id (of one partner's
    contacts when asked)."""
    statement = (
        select(ContactRow.uid, func.max(MeetingRow.local_date))
        .join(MeetingAttendeeRow, MeetingAttendeeRow.contact_id == ContactRow.id)
        .join(MeetingRow, MeetingRow.id == MeetingAttendeeRow.meeting_id)
        .join(PartnerRow, PartnerRow.id == ContactRow.partner_id)
        .where(MeetingRow.deleted_at.is_(None), MeetingRow.local_date <= today)
        .group_by(ContactRow.uid)
    )
    if partner_id is not None:
        statement = statement.where(PartnerRow.uid == partner_id)
    return {uid: _day(met) for uid, met in tx.execute(statement)}


def _day(value: date | str) -> date:
    """``max()`` over a date column comes back as its stored text."""
    return value if isinstance(value, date) else date.fromisoformat(value)
