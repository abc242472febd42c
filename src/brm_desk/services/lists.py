"""Lists across partners for the desktop app: one page of light lines at a time.

A page in the second half of a long list is read backwards from the end (the reversed sort),
so jumping to the last of 100,000 meetings costs what the first page costs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus
from brm_desk.store import list_queries
from brm_desk.store.database import Database

MEETING_SORT_KEYS = list_queries.MEETING_SORT_KEYS
REQUEST_SORT_KEYS = list_queries.REQUEST_SORT_KEYS

_Row = TypeVar("_Row")


def read_page(
    read: Callable[[bool, int, int | None], list[_Row]],
    offset: int,
    limit: int | None,
    total: int | None,
) -> list[_Row]:
    """``read(reversed, offset, limit)`` for rows ``offset`` … ``offset + limit`` of ``total``.

    When the page lies in the second half, it is read with the reversed order from the end,
    which SQLite reaches without stepping over every row before it.
    """
    if total is None or limit is None or offset <= total // 2:
        return read(False, offset, limit)
    wanted = max(0, min(limit, total - offset))
    if wanted == 0:
        return []
    return read(True, total - offset - wanted, wanted)[::-1]


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
    private: bool


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
    private: bool


@dataclass(frozen=True, slots=True)
class RequestFilter:
    """Which requests a list shows, and in what order (``sort`` is one of REQUEST_SORT_KEYS)."""

    text: str = ""
    partner_id: str | None = None
    status: RequestStatus | None = None
    sort: str = "received"
    descending: bool = True


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
        self, wanted: MeetingFilter, offset: int = 0, limit: int = 200, total: int | None = None
    ) -> list[MeetingLine]:
        """One page; give ``total`` (from :meth:`meeting_count`) to read late pages quickly."""
        focus = wanted.focus.value if wanted.focus else None

        def read(
            backwards: bool, start: int, count: int | None
        ) -> list[list_queries.MeetingLineRow]:
            with self._db.transaction() as tx:
                return list_queries.meeting_lines(
                    tx,
                    text=wanted.text,
                    partner_id=wanted.partner_id,
                    focus=focus,
                    since=wanted.since,
                    until=wanted.until,
                    sort=wanted.sort,
                    descending=wanted.descending != backwards,
                    offset=start,
                    limit=count,
                )

        rows = read_page(read, offset, limit, total)
        return [
            MeetingLine(
                id=uid,
                partner_id=partner_uid,
                partner_name=partner_name,
                title=title,
                start=datetime.fromisoformat(start),
                type=MeetingType(kind),
                focus=Focus(focus),
                duration_minutes=minutes,
                private=private,
            )
            for uid, partner_uid, partner_name, title, start, kind, focus, minutes, private in rows
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

    def requests(
        self,
        wanted: RequestFilter | None = None,
        offset: int = 0,
        limit: int | None = None,
        total: int | None = None,
    ) -> list[RequestLine]:
        """A page of requests (all of them without ``limit``), newest first by default."""
        wanted = wanted or RequestFilter()
        status = wanted.status.value if wanted.status else None

        def read(
            backwards: bool, start: int, count: int | None
        ) -> list[list_queries.RequestLineRow]:
            with self._db.transaction() as tx:
                return list_queries.request_lines(
                    tx,
                    text=wanted.text,
                    partner_id=wanted.partner_id,
                    status=status,
                    sort=wanted.sort,
                    descending=wanted.descending != backwards,
                    offset=start,
                    limit=count,
                )

        return [
            RequestLine(
                uid,
                p_uid,
                p_name,
                title,
                received,
                Focus(focus),
                RequestStatus(status),
                v,
                u,
                private,
            )
            for uid, p_uid, p_name, title, received, focus, status, v, u, private in read_page(
                read, offset, limit, total
            )
        ]

    def request_count(self, wanted: RequestFilter | None = None) -> int:
        wanted = wanted or RequestFilter()
        status = wanted.status.value if wanted.status else None
        with self._db.transaction() as tx:
            return list_queries.request_line_count(
                tx, text=wanted.text, partner_id=wanted.partner_id, status=status
            )

    def counts(self) -> JournalCounts:
        with self._db.transaction() as tx:
            partners, meetings, requests = list_queries.live_counts(tx)
        return JournalCounts(partners, meetings, requests)
