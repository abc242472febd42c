"""The calendar sources a journal follows, and the state each refresh leaves."""

from __future__ import annotations

from sqlalchemy import delete, insert, select, update

from brm_desk.domain.calendar_sources import CalendarSource
from brm_desk.domain.errors import NotFoundError
from brm_desk.store.database import Transaction
from brm_desk.store.rows import now_text, pk_map
from brm_desk.store.schema import CalendarEventRow, CalendarSourceRow, PartnerRow

_COLUMNS = (
    CalendarSourceRow.id,
    CalendarSourceRow.kind,
    CalendarSourceRow.url,
    CalendarSourceRow.user_name,
    PartnerRow.uid,
    PartnerRow.name,
    CalendarSourceRow.synced_at,
    CalendarSourceRow.problem,
)


def add(tx: Transaction, kind: str, url: str, user_name: str, partner_id: str | None) -> int:
    """A new source; its number (what ``calendar list`` shows and ``remove`` takes)."""
    partner_pk = pk_map(tx, PartnerRow, [partner_id])[partner_id] if partner_id else None
    values = {"kind": kind, "url": url, "user_name": user_name, "partner_id": partner_pk}
    values.update(version="", modified="", digest="", problem="")
    added = insert(CalendarSourceRow).values(values).returning(CalendarSourceRow.id)
    return int(tx.execute(added).scalar_one())


def listing(tx: Transaction) -> list[CalendarSource]:
    """Every source, in the order they were added (a partner in the trash counts as none)."""
    statement = (
        select(*_COLUMNS)
        .outerjoin(
            PartnerRow,
            (PartnerRow.id == CalendarSourceRow.partner_id) & PartnerRow.deleted_at.is_(None),
        )
        .order_by(CalendarSourceRow.id)
    )
    return [CalendarSource(*row) for row in tx.execute(statement)]


def get(tx: Transaction, source_id: int) -> CalendarSource:
    found = [source for source in listing(tx) if source.id == source_id]
    if not found:
        raise NotFoundError(f"no calendar source {source_id} in this journal (see calendar list)")
    return found[0]


def remove(tx: Transaction, source_id: int) -> None:
    """Forget a source; its meetings stay, as if imported from a file."""
    get(tx, source_id)
    tx.execute(
        update(CalendarEventRow)
        .where(CalendarEventRow.source_id == source_id)
        .values(source_id=None)
    )
    tx.execute(delete(CalendarSourceRow).where(CalendarSourceRow.id == source_id))


def validators(tx: Transaction, source_id: int) -> tuple[str, str, str]:
    """What the last refresh kept: the server's ETag or sync token, Last-Modified, digest."""
    row = tx.execute(
        select(
            CalendarSourceRow.version, CalendarSourceRow.modified, CalendarSourceRow.digest
        ).where(CalendarSourceRow.id == source_id)
    ).one()
    return row[0], row[1], row[2]


def synced(tx: Transaction, source_id: int, version: str, modified: str, digest: str) -> None:
    """A refresh went through: its validators are kept for the next one, any problem is over."""
    tx.execute(
        update(CalendarSourceRow)
        .where(CalendarSourceRow.id == source_id)
        .values(version=version, modified=modified, digest=digest, synced_at=now_text(), problem="")
    )


def failed(tx: Transaction, source_id: int, problem: str) -> None:
    """A refresh failed: why, until one succeeds (nothing else of the source changes)."""
    tx.execute(
        update(CalendarSourceRow).where(CalendarSourceRow.id == source_id).values(problem=problem)
    )
