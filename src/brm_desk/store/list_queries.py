"""List pages across partners, sorted and filtered in SQL, without loading any notes.

The desktop lists show up to 100,000 meetings; they ask for one page at a time and only for
the columns a list shows. Ties sort by row id in the same direction as the sort, so the same
order read backwards is exactly the reversed statement: a page near the end of a long list is
read from its end, never by skipping 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, TypeVar

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


def _filtered_meetings(
    statement: _Statement,
    text: str,
    partner_id: str | None,
    focus: str | None,
    days: tuple[date | None, date | None] = (None, None),
) -> _Statement:
    statement = _filtered(statement, MeetingRow, text, partner_id)
    since, until = days
    if since is not None:
        statement = statement.where(MeetingRow.local_date >= since)
    if until is not None:
        statement = statement.where(MeetingRow.local_date <= until)
    if focus is not None:
        statement = statement.where(MeetingRow.focus == focus)
    return statement


def _page(statement: _Statement, column: Any, row_class: Any, descending: bool) -> _Statement:
    """In ``column``'s order; ties by row id in the same direction (see the module's doc)."""
    if descending:
        return statement.order_by(column.desc(), row_class.id.desc())
    return statement.order_by(column.asc(), row_class.id.asc())


def meeting_lines(
    tx: Transaction,
    *,
    text: str = "",
    partner_id: str | None = None,
    focus: str | None = None,
    since: date | None = None,
    until: date | None = None,
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
        text,
        partner_id,
        focus,
        (since, until),
    )
    statement = _page(statement, column, MeetingRow, descending).offset(offset).limit(limit)
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), bool(r[8]))
        for r in tx.execute(statement)
    ]


def meeting_line_count(
    tx: Transaction,
    *,
    text: str = "",
    partner_id: str | None = None,
    focus: str | None = None,
    since: date | None = None,
    until: date | None = None,
) -> int:
    statement = _filtered_meetings(
        select(func.count(MeetingRow.id)), text, partner_id, focus, (since, until)
    )
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


def _filtered_requests(
    statement: _Statement,
    text: str,
    partner_id: str | None,
    status: str | None,
    triage_on: date | None,
) -> _Statement:
    statement = _filtered(statement, RequestRow, text, partner_id)
    if status is not None:
        statement = statement.where(RequestRow.status == status)
    if triage_on is not None:  # the triage queue: new requests, and deferred ones due again
        due = (RequestRow.status == RequestStatus.DEFERRED.value) & (
            RequestRow.revisit_on <= triage_on
        )
        statement = statement.where((RequestRow.status == RequestStatus.NEW.value) | due)
    return statement


def request_lines(
    tx: Transaction,
    *,
    text: str = "",
    partner_id: str | None = None,
    status: str | None = None,
    triage_on: date | None = None,
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
        text,
        partner_id,
        status,
        triage_on,
    )
    statement = _page(statement, column, RequestRow, descending).offset(offset).limit(limit)
    return [
        (r[0], r[1], r[2], r[3], r[4], r[5], r[6], int(r[7]), int(r[8]), bool(r[9]))
        for r in tx.execute(statement)
    ]


def request_line_count(
    tx: Transaction,
    *,
    text: str = "",
    partner_id: str | None = None,
    status: str | None = None,
    triage_on: date | None = None,
) -> int:
    statement = _filtered_requests(
        select(func.count(RequestRow.id)), text, partner_id, status, triage_on
    )
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
