"""Contacts, between rows and records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert, select, update

from brm_desk.domain.enums import Influence, Stance
from brm_desk.domain.errors import NotFoundError
from brm_desk.domain.records import Contact
from brm_desk.store.database import Transaction
from brm_desk.store.rows import now_text, pk_map, pk_of, table_of
from brm_desk.store.schema import ContactRow, PartnerRow

_SELECT = select(
    ContactRow.uid,
    PartnerRow.uid.label("partner_uid"),
    ContactRow.name,
    ContactRow.role,
    ContactRow.email,
    ContactRow.phone,
    ContactRow.influence,
    ContactRow.stance,
    ContactRow.notes,
).join(PartnerRow, PartnerRow.id == ContactRow.partner_id)


def _values(contact: Contact) -> dict[str, object]:
    return {
        "uid": contact.id,
        "name": contact.name,
        "role": contact.role,
        "email": contact.email,
        "phone": contact.phone,
        "influence": contact.influence.value,
        "stance": contact.stance.value,
        "notes": contact.notes,
    }


def insert_many(tx: Transaction, contacts: Sequence[Contact]) -> None:
    if not contacts:
        return
    partners = pk_map(tx, PartnerRow, (c.partner_id for c in contacts))
    stamp = now_text()
    tx.execute(
        insert(table_of(ContactRow)),
        [
            {
                **_values(c),
                "partner_id": partners[c.partner_id],
                "created_at": stamp,
                "updated_at": stamp,
            }
            for c in contacts
        ],
    )


def update_one(tx: Transaction, contact: Contact) -> None:
    pk = pk_of(tx, ContactRow, contact.id, "contact")
    partner = pk_of(tx, PartnerRow, contact.partner_id, "partner")
    tx.execute(
        update(ContactRow)
        .where(ContactRow.id == pk)
        .values(**_values(contact), partner_id=partner, updated_at=now_text())
    )


def _record(row: Any) -> Contact:
    return Contact(
        id=row.uid,
        partner_id=row.partner_uid,
        name=row.name,
        role=row.role,
        email=row.email,
        phone=row.phone,
        influence=Influence(row.influence),
        stance=Stance(row.stance),
        notes=row.notes,
    )


def get(tx: Transaction, uid: str) -> Contact:
    row = tx.execute(
        _SELECT.where(ContactRow.uid == uid, ContactRow.deleted_at.is_(None))
    ).one_or_none()
    if row is None:
        raise NotFoundError(f"no contact with id '{uid}' in this journal")
    return _record(row)


def listing(tx: Transaction, partner_id: str | None = None) -> list[Contact]:
    """Live contacts of live partners, by name (of one partner when asked)."""
    statement = _SELECT.where(ContactRow.deleted_at.is_(None), PartnerRow.deleted_at.is_(None))
    if partner_id is not None:
        statement = statement.where(PartnerRow.uid == partner_id)
    return [_record(row) for row in tx.execute(statement.order_by(ContactRow.name, ContactRow.id))]


def in_journal_order(tx: Transaction) -> list[Contact]:
    """Every live contact of a live partner in the order it entered the journal."""
    statement = _SELECT.where(ContactRow.deleted_at.is_(None), PartnerRow.deleted_at.is_(None))
    return [_record(row) for row in tx.execute(statement.order_by(ContactRow.id))]


def count(tx: Transaction) -> int:
    """Live contacts of live partners."""
    from sqlalchemy import func

    statement = (
        select(func.count())
        .select_from(ContactRow)
        .join(PartnerRow, PartnerRow.id == ContactRow.partner_id)
        .where(ContactRow.deleted_at.is_(None), PartnerRow.deleted_at.is_(None))
    )
    return int(tx.execute(statement).scalar_one())
