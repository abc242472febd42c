"""Partners between rows and records (their assessments: ``assessment_rows``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select

from brm_desk.domain.enums import Maturity
from brm_desk.domain.records import Partner
from brm_desk.store import rows
from brm_desk.store.database import Transaction
from brm_desk.store.schema import PartnerRow

_COLUMNS = rows.table_of(PartnerRow).c


def insert_many(tx: Transaction, partners: Sequence[Partner]) -> None:
    if not partners:
        return
    rows.insert_records(tx, PartnerRow, (rows.column_values(PartnerRow, p) for p in partners))


def update_one(tx: Transaction, partner: Partner) -> None:
    """Save a partner's fields; its maturity stays: it follows the latest assessment."""
    values = rows.column_values(PartnerRow, partner)
    del values["maturity"]
    rows.update_record(tx, PartnerRow, partner.id, "partner", values)


def _records(tx: Transaction, selected: Sequence[Any]) -> list[Partner]:
    return [
        Partner(
            id=row.uid,
            name=row.name,
            business_unit=row.business_unit,
            sponsor=row.sponsor,
            maturity=Maturity(row.maturity),
            target_strategic_share=row.target_strategic_share,
            touch_cadence_days=row.touch_cadence_days,
            notes=row.notes,
            archived=bool(row.archived),
            next_period=row.next_period,
        )
        for row in selected
    ]


def get(tx: Transaction, uid: str) -> Partner:
    statement = select(*_COLUMNS).where(PartnerRow.uid == uid, PartnerRow.deleted_at.is_(None))
    return rows.one_found(_records(tx, tx.execute(statement).all()), "partner", uid)


def listing(tx: Transaction, *, include_archived: bool = True) -> list[Partner]:
    """Live partners (not in the trash) by name."""
    statement = select(*_COLUMNS).where(PartnerRow.deleted_at.is_(None))
    if not include_archived:
        statement = statement.where(PartnerRow.archived.is_(False))
    selected = tx.execute(statement.order_by(PartnerRow.name, PartnerRow.id)).all()
    return _records(tx, selected)


def find_by_name(tx: Transaction, name: str) -> Partner | None:
    """A live partner by name: exact first, then ignoring case in any script.

    SQLite's NOCASE and lower() fold only ASCII letters, so "École" and "école" are compared
    here, in Python (a journal holds hundreds of partners, not millions).
    """
    live = PartnerRow.deleted_at.is_(None)
    selected = tx.execute(select(*_COLUMNS).where(PartnerRow.name == name, live).limit(2)).all()
    if len(selected) != 1:
        wanted = name.casefold()
        pks = [
            pk
            for pk, other in tx.execute(select(PartnerRow.id, PartnerRow.name).where(live))
            if other.casefold() == wanted
        ]
        if len(pks) != 1:
            return None
        selected = tx.execute(select(*_COLUMNS).where(PartnerRow.id == pks[0])).all()
    return _records(tx, selected)[0]


def count(tx: Transaction) -> int:
    """Live partners, archived ones included."""
    statement = select(func.count(PartnerRow.id)).where(PartnerRow.deleted_at.is_(None))
    return int(tx.execute(statement).scalar_one())
