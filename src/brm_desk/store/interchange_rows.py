"""What the JSON import needs to know about the journal before it writes anything."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select

from brm_desk.domain.records import Partner
from brm_desk.store import partner_rows
from brm_desk.store.database import Transaction
from brm_desk.store.rows import chunked
from brm_desk.store.schema import RECORD_ROWS, PartnerRow

LOOKUP_CHUNK = 5000
"""Ids per query: an import looks up every id of its file (SQLite takes 32,766 parameters)."""


@dataclass(frozen=True, slots=True)
class StoredRecord:
    """A record the journal already holds under some public id, in the trash or not."""

    kind: str
    live: bool


def stored_records(tx: Transaction, uids: Iterable[str]) -> dict[str, StoredRecord]:
    """Which of the given public ids the journal holds, of what kind, and whether they are live.

    Ids are unique per table only; an id held in two tables keeps the first kind found, in the
    order partner, contact, meeting, request.
    """
    wanted = list(dict.fromkeys(uids))
    found: dict[str, StoredRecord] = {}
    for kind, row_class in RECORD_ROWS.items():
        for chunk in chunked(wanted, LOOKUP_CHUNK):
            statement = select(row_class.uid, row_class.deleted_at).where(row_class.uid.in_(chunk))
            for uid, deleted_at in tx.execute(statement):
                found.setdefault(uid, StoredRecord(kind, deleted_at is None))
    return found


def live_partner_names(tx: Transaction) -> dict[str, str]:
    """Names of the live partners (trash left out), mapped to their public ids."""
    statement = select(PartnerRow.name, PartnerRow.uid).where(PartnerRow.deleted_at.is_(None))
    return dict(tx.execute(statement).all())


def partners_in_journal_order(tx: Transaction) -> list[Partner]:
    """Every live partner, archived ones included, in the order it entered the journal."""
    order = (
        tx.execute(
            select(PartnerRow.uid).where(PartnerRow.deleted_at.is_(None)).order_by(PartnerRow.id)
        )
        .scalars()
        .all()
    )
    by_id = {partner.id: partner for partner in partner_rows.listing(tx, include_archived=True)}
    return [by_id[uid] for uid in order if uid in by_id]
