"""Contacts, between rows and records."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy import delete, insert, select

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.records import Contact, StanceChange
from brm_desk.store import rows
from brm_desk.store.database import Transaction
from brm_desk.store.schema import ContactChangeRow, ContactRow, PartnerRow

_SELECT = select(*rows.table_of(ContactRow).c, PartnerRow.uid.label("partner_uid")).join(
    PartnerRow, PartnerRow.id == ContactRow.partner_id
)


def insert_many(
    tx: Transaction,
    contacts: Sequence[Contact],
    histories: Mapping[str, Sequence[StanceChange]] | None = None,
) -> None:
    """New contacts, each with the history given for it (an import's) or one started today;
    either way it ends with the contact's values as they are."""
    if not contacts:
        return
    partners = rows.pk_map(tx, PartnerRow, (c.partner_id for c in contacts))
    rows.insert_records(
        tx,
        ContactRow,
        (rows.column_values(ContactRow, c, partner_id=partners[c.partner_id]) for c in contacts),
    )
    pks = rows.pk_map(tx, ContactRow, (c.id for c in contacts))
    today = date.today()
    given = histories or {}
    _insert_history(
        tx,
        [(pks[c.id], step) for c in contacts for step in _ending(given.get(c.id, ()), c, today)],
    )


def update_one(tx: Transaction, contact: Contact) -> None:
    partner = rows.pk_of(tx, PartnerRow, contact.partner_id, "partner")
    values = rows.column_values(ContactRow, contact, partner_id=partner)
    rows.update_record(tx, ContactRow, contact.id, "contact", values)


def _insert_history(tx: Transaction, changes: Sequence[tuple[int, StanceChange]]) -> None:
    values = [
        {
            "contact_id": pk,
            "since": c.since,
            "influence": c.influence.value,
            "stance": c.stance.value,
            "interest": c.interest.value,
        }
        for pk, c in changes
    ]
    if values:
        tx.execute(insert(rows.table_of(ContactChangeRow)), values)


def history(tx: Transaction, uid: str) -> list[StanceChange]:
    """The contact's influence, stance and interest over time, earliest first."""
    return histories(tx, ContactRow.uid == uid).get(uid, [])


def histories(tx: Transaction, *where: Any) -> dict[str, list[StanceChange]]:
    """The histories of the contacts ``where`` picks (all when nothing), by contact id."""
    statement = (
        select(
            ContactRow.uid,
            ContactChangeRow.since,
            ContactChangeRow.influence,
            ContactChangeRow.stance,
            ContactChangeRow.interest,
        )
        .join(ContactRow, ContactRow.id == ContactChangeRow.contact_id)
        .join(PartnerRow, PartnerRow.id == ContactRow.partner_id)
        .where(*where)
        .order_by(ContactRow.uid, ContactChangeRow.since)
    )
    found: dict[str, list[StanceChange]] = {}
    for uid, since, influence, stance, interest in tx.execute(statement):
        change = StanceChange(since, Influence(influence), Stance(stance), Interest(interest))
        found.setdefault(uid, []).append(change)
    return found


def _now(contact: Contact, since: date) -> StanceChange:
    return StanceChange(since, contact.influence, contact.stance, contact.interest)


def note_stance(tx: Transaction, contact: Contact, since: date) -> None:
    """Keep the contact's influence, stance and interest as holding from ``since`` on.

    A second change on one day replaces the first, and a change back to what held before
    leaves no step (an undo on the same day puts the history back as it was).
    """
    pk = rows.pk_of(tx, ContactRow, contact.id, "contact")
    kept = _ending(history(tx, contact.id), contact, since)
    tx.execute(delete(ContactChangeRow).where(ContactChangeRow.contact_id == pk))
    _insert_history(tx, [(pk, change) for change in kept])


def _ending(steps: Sequence[StanceChange], contact: Contact, since: date) -> list[StanceChange]:
    """The steps before ``since``, then the contact's values from ``since`` on unless the
    last step holds them already."""
    kept = [change for change in steps if change.since < since]
    now = _now(contact, since)
    if not kept or replace(kept[-1], since=since) != now:
        kept.append(now)
    return kept


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
        interest=Interest(row.interest),
    )


def get(tx: Transaction, uid: str) -> Contact:
    statement = _SELECT.where(ContactRow.uid == uid, ContactRow.deleted_at.is_(None))
    return rows.one_found([_record(row) for row in tx.execute(statement)], "contact", uid)


def listing(tx: Transaction, partner_id: str | None = None) -> list[Contact]:
    """Live contacts of rows.live partners, by name (of one partner when asked)."""
    statement = _SELECT.where(*rows.live(ContactRow))
    if partner_id is not None:
        statement = statement.where(PartnerRow.uid == partner_id)
    return [_record(row) for row in tx.execute(statement.order_by(ContactRow.name, ContactRow.id))]


def in_journal_order(tx: Transaction) -> list[Contact]:
    """Every rows.live contact of a rows.live partner in the order it entered the journal."""
    statement = _SELECT.where(*rows.live(ContactRow)).order_by(ContactRow.id)
    return [_record(row) for row in tx.execute(statement)]


def count(tx: Transaction) -> int:
    """Live contacts of rows.live partners."""
    return rows.count_live(tx, ContactRow)
