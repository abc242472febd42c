"""Lists across partners for the desktop app: one page of light lines at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus
from brm_desk.store import list_queries
from brm_desk.store.database import Database

MEETING_SORT_KEYS = list_queries.MEETING_SORT_KEYS


@dataclass(frozen=True, slots=True)
class MeetingLine:
    """What the meetings list shows of a meeting (no notes, attendees or actions)."""

    id: str
    partner_id: str
    partner_name: str
    title: str
    start: datetime
    type: MeetingType
    focus: Focus
    duration_minutes: int


@dataclass(frozen=True, slots=True)
class MeetingFilter:
    """Which meetings a list shows, and in what order (``sort`` is one of MEETING_SORT_KEYS)."""

    text: str = ""
    partner_id: str | None = None
    focus: Focus | None = None
    since: date | None = None  # local dates, inclusive
    until: date | None = None
    sort: str = "start"
    descending: bool = True


@dataclass(frozen=True, slots=True)
class RequestLine:
    """What the requests list shows of a request (no want, need or notes)."""

    id: str
    partner_id: str
    partner_name: str
    title: str
    received: date
    focus: Focus
    status: RequestStatus
    value: int
    urgency: int


@dataclass(frozen=True, slots=True)
class JournalCounts:
    partners: int
    meetings: int
    requests: int


class Lists:
    """Read-only list queries; each call is one short transaction."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def meetings(
        self, wanted: MeetingFilter, offset: int = 0, limit: int = 200
    ) -> list[MeetingLine]:
        focus = wanted.focus.value if wanted.focus else None
        with self._db.transaction() as tx:
            rows = list_queries.meeting_lines(
                tx,
                text=wanted.text,
                partner_id=wanted.partner_id,
                focus=focus,
                since=wanted.since,
                until=wanted.until,
                sort=wanted.sort,
                descending=wanted.descending,
                offset=offset,
                limit=limit,
            )
        return [
            MeetingLine(
                id=uid,
                partner_id=partner_uid,
                partner_name=partner_name,
                title=title,
                start=datetime.fromisoformat(start),
                type=MeetingType(kind),
                focus=Focus(focus_value),
                duration_minutes=minutes,
            )
            for uid, partner_uid, partner_name, title, start, kind, focus_value, minutes in rows
        ]

    def meeting_count(self, wanted: MeetingFilter) -> int:
        focus = wanted.focus.value if wanted.focus else None
        with self._db.transaction() as tx:
            return list_queries.meeting_line_count(
                tx,
                text=wanted.text,
                partner_id=wanted.partner_id,
                focus=focus,
                since=wanted.since,
                until=wanted.until,
            )

    def requests(self) -> list[RequestLine]:
        with self._db.transaction() as tx:
            rows = list_queries.request_lines(tx)
        return [
            RequestLine(
                uid, p_uid, p_name, title, received, Focus(focus), RequestStatus(status), v, u
            )
            for uid, p_uid, p_name, title, received, focus, status, v, u in rows
        ]

    def counts(self) -> JournalCounts:
        with self._db.transaction() as tx:
            partners, meetings, requests = list_queries.live_counts(tx)
        return JournalCounts(partners, meetings, requests)
