"""List pages across partners, sorted and filtered in SQL, without loading any notes.

The desktop lists show up to 100,000 meetings; they ask for one page at a time and only for
the columns a list shows. Ties sort by row id in the same direction as the sort, so the same
order read backwards is exactly the reversed statement: a page near the end of a long list is
read from its end, never by skipping 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, NamedTuple, TypeVar

from sqlalchemy import Select, case, func, or_, select

from brm_desk.domain.enums import Focus, RequestStatus
from brm_desk.store.database import Transaction
from brm_desk.store.rows import count_live, live
from brm_desk.store.schema import MeetingRow, PartnerRow, RequestRow

MeetingLineRow = tuple[str, str, str, str, str, str, str, int, bool]
"""(uid, partner uid, partner name, title, start ISO text, type, focus, minutes, private)."""

RequestLineRow = tuple[str, str, str, str, date, str, str, int, int, bool]
"""(uid, partner uid, partner name, title, received, focus, status, value, urgency, private)."""

MEETING_SORT_KEYS = ("start", "partner", "title", "type", "focus", "duration")

_MEETING_SORT_COLUMNS: dict[str, Any] = {
    "start": MeetingRow.start_utc,
    "partner": PartnerRow.name,
    "title": MeetingRow.title,
    "type": MeetingRow.type,
    "focus": MeetingRow.focus,
    "duration": MeetingRow.duration_minutes,
}


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


_Statement = TypeVar("_Statement", bound="Select[*tuple[Any, ...]]")


def _filtered(
    statement: _Statement, row_class: Any, text: str, partner_id: str | None
) -> _Statement:
    """Live records of live partners: of one partner when asked, and with ``text`` anywhere
    in the title or the partner's name."""
    statement = statement.join(PartnerRow, PartnerRow.id == row_class.partner_id).where(
        *live(row_class)
    )
    if partner_id is not None:
        statement = statement.where(PartnerRow.uid == partner_id)
    if text.strip():
        pattern = _like(text.strip())
        statement = statement.where(
            or_(
                row_class.title.like(pattern, escape="\\"),
                PartnerRow.name.like(pattern, escape="\\"),
            )
        )
    return statement


class MeetingWhere(NamedTuple):
    """Which meetings a list holds: ``text`` in the title or the partner's name, of one
    partner, of one focus, dated (local dates, inclusive) from ``since`` to ``until``."""

    text: str = ""
    partner_id: str | None = None
    focus: Focus | None = None
    since: date | None = None
    until: date | None = None


class RequestWhere(NamedTuple):
    """Which requests a list holds; ``triage_on`` a day: only the triage queue of that day,
    the new requests and the deferred ones due again by then."""

    text: str = ""
    partner_id: str | None = None
    status: RequestStatus | None = None
    triage_on: date | None = None


def _filtered_meetings(statement: _Statement, where: MeetingWhere) -> _Statement:
    statement = _filtered(statement, MeetingRow, where.text, where.partner_id)
    if where.since is not None:
        statement = statement.where(MeetingRow.local_date >= where.since)
    if where.until is not None:
        statement = statement.where(MeetingRow.local_date <= where.until)
    if where.focus is not None:
        statement = statement.where(MeetingRow.focus == where.focus.value)
    return statement


def _page(statement: _Statement, column: Any, row_class: Any, descending: bool) -> _Statement:
    """In ``column``'s order; ties by row id in the same direction (see the module's doc)."""
    if descending:
        return statement.order_by(column.desc(), row_class.id.desc())
    return statement.order_by(column.asc(), row_class.id.asc())


def meeting_lines(
    tx: Transaction,
    where: MeetingWhere,
    *,
    sort: str = "start",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = 200,
) -> list[MeetingLineRow]:
    """One page of live meetings of live partners, with only the columns a list shows."""
    column = _MEETING_SORT_COLUMNS[sort]
    statement = _filtered_meetings(
        select(
            MeetingRow.uid,
            PartnerRow.uid,
            PartnerRow.name,
            MeetingRow.title,
            MeetingRow.start,
            MeetingRow.type,
            MeetingRow.focus,
            MeetingRow.duration_minutes,
            MeetingRow.private,
        ),
        where,
    )
    statement = _page(statement, column, MeetingRow, descending).offset(offset).limit(limit)
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), bool(r[8]))
        for r in tx.execute(statement)
    ]


def meeting_line_count(tx: Transaction, where: MeetingWhere) -> int:
    statement = _filtered_meetings(select(func.count(MeetingRow.id)), where)
    return int(tx.execute(statement).scalar_one())


REQUEST_SORT_KEYS = ("received", "partner", "title", "focus", "status", "value", "urgency")

_REQUEST_SORT_COLUMNS: dict[str, Any] = {
    "received": RequestRow.received,
    "partner": PartnerRow.name,
    "title": RequestRow.title,
    # Focus and status sort in their own order (reactive first; the workflow), not by name.
    "focus": case({f.value: i for i, f in enumerate(Focus)}, value=RequestRow.focus),
    "status": case({s.value: i for i, s in enumerate(RequestStatus)}, value=RequestRow.status),
    "value": RequestRow.value,
    "urgency": RequestRow.urgency,
}


def _filtered_requests(statement: _Statement, where: RequestWhere) -> _Statement:
    statement = _filtered(statement, RequestRow, where.text, where.partner_id)
    if where.status is not None:
        statement = statement.where(RequestRow.status == where.status.value)
    if where.triage_on is not None:  # the triage queue: new requests, deferred ones due again
        due = (RequestRow.status == RequestStatus.DEFERRED.value) & (
            RequestRow.revisit_on <= where.triage_on
        )
        statement = statement.where((RequestRow.status == RequestStatus.NEW.value) | due)
    return statement


def request_lines(
    tx: Transaction,
    where: RequestWhere,
    *,
    sort: str = "received",
    descending: bool = True,
    offset: int = 0,
    limit: int | None = None,
) -> list[RequestLineRow]:
    """One page of live requests of live partners, without their want, need or notes."""
    column = _REQUEST_SORT_COLUMNS[sort]
    statement = _filtered_requests(
        select(
            RequestRow.uid,
            PartnerRow.uid,
            PartnerRow.name,
            RequestRow.title,
            RequestRow.received,
            RequestRow.focus,
            RequestRow.status,
            RequestRow.value,
            RequestRow.urgency,
            RequestRow.private,
        ),
        where,
    )
    statement = _page(statement, column, RequestRow, descending).offset(offset).limit(limit)
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), int(r[8]), bool(r[9]))
        for r in tx.execute(statement)
    ]


def request_line_count(tx: Transaction, where: RequestWhere) -> int:
    statement = _filtered_requests(select(func.count(RequestRow.id)), where)
    return int(tx.execute(statement).scalar_one())


def live_counts(tx: Transaction) -> Sequence[int]:
    """(partners, meetings, requests) that are live, for the status bar."""
    partners = select(func.count(PartnerRow.id)).where(
        PartnerRow.deleted_at.is_(None), PartnerRow.archived.is_(False)
    )
    return (
        int(tx.execute(partners).scalar_one()),
        count_live(tx, MeetingRow),
        count_live(tx, RequestRow),
    )
