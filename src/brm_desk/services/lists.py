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
class MeetingFilter:
    """Which meetings a list shows, and in what order (``sort`` is one of MEETING_SORT_KEYS)."""

    text: str = ""
    partner_id: str | None = None
    focus: Focus | None = None
    since: date | None = None  # local dates, inclusive
    until: date | None = None
    sort: str = "start"
    descending: bool = True

    def where(self) -> list_queries.MeetingWhere:
        """The store's filter."""
        return list_queries.MeetingWhere(
            self.text, self.partner_id, self.focus, self.since, self.until
        )


@dataclass(frozen=True, slots=True)
class RequestFilter:
    """Which requests a list shows, and in what order (``sort`` is one of REQUEST_SORT_KEYS).

    ``triage_on`` a day: only the triage queue of that day, the new requests and the deferred
    ones due again by then.
    """

    text: str = ""
    partner_id: str | None = None
    status: RequestStatus | None = None
    triage_on: date | None = None
    sort: str = "received"
    descending: bool = True

    def where(self) -> list_queries.RequestWhere:
        """The store's filter."""
        return list_queries.RequestWhere(self.text, self.partner_id, self.status, self.triage_on)


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
        rows = self._page(list_queries.meeting_lines, wanted, offset, limit, total)
        return [
            MeetingLine(
                uid,
                p_uid,
                p_name,
                title,
                datetime.fromisoformat(start),
                MeetingType(kind),
                Focus(focus),
                minutes,
                bool(private),
            )
            for uid, p_uid, p_name, title, start, kind, focus, minutes, private in rows
        ]

    def meeting_count(self, wanted: MeetingFilter) -> int:
        with self._db.snapshot() as tx:
            return list_queries.meeting_line_count(tx, wanted.where())

    def requests(
        self,
        wanted: RequestFilter | None = None,
        offset: int = 0,
        limit: int | None = None,
        total: int | None = None,
    ) -> list[RequestLine]:
        """A page of requests (all of them without ``limit``), newest first by default."""
        rows = self._page(
            list_queries.request_lines, wanted or RequestFilter(), offset, limit, total
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
                value,
                urgency,
                bool(private),
            )
            for uid, p_uid, p_name, title, received, focus, status, value, urgency, private in rows
        ]

    def request_count(self, wanted: RequestFilter | None = None) -> int:
        with self._db.snapshot() as tx:
            return list_queries.request_line_count(tx, (wanted or RequestFilter()).where())

    def counts(self) -> JournalCounts:
        with self._db.snapshot() as tx:
            return JournalCounts(*list_queries.live_counts(tx))

    def _page(
        self,
        lines: Callable[..., list[_Row]],
        wanted: MeetingFilter | RequestFilter,
        offset: int,
        limit: int | None,
        total: int | None,
    ) -> list[_Row]:
        def read(backwards: bool, start: int, count: int | None) -> list[_Row]:
            with self._db.snapshot() as tx:
                return lines(
                    tx,
                    wanted.where(),
                    sort=wanted.sort,
                    offset=start,
                    limit=count,
                    descending=wanted.descending != backwards,
                )

        return read_page(read, offset, limit, total)
