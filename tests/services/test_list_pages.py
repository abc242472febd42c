"""Pages of the long lists: any page, read from either end, is the same slice of one order."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.services.lists import (
    MEETING_SORT_KEYS,
    REQUEST_SORT_KEYS,
    Lists,
    MeetingFilter,
    RequestFilter,
    read_page,
)

KINDS = list(MeetingType)


@pytest.fixture
def lists(journal: Journal) -> Lists:
    """23 meetings and 9 requests with many ties (same day, same title, same duration).

    The hypothesis tests only read it, so one journal serves all their examples.
    """
    finance = journal.partners.add(Partner(id="", name="Finance"))
    hr = journal.partners.add(Partner(id="", name="HR"))
    for n in range(23):
        kind = KINDS[n % 3]
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=(finance, hr)[n % 2].id,
                title=f"Review {n % 4}",
                start=datetime(2026, 11, 1 + n % 5, 9, tzinfo=UTC),
                type=kind,
                focus=kind.default_focus,
                duration_minutes=30 * (1 + n % 2),
            )
        )
    statuses = [RequestStatus.NEW, RequestStatus.DECLINED, RequestStatus.NEW]
    for n in range(9):
        journal.requests.add(
            Request(
                id="",
                partner_id=(finance, hr)[n % 2].id,
                title=f"Forecast {n % 2}" if n < 6 else "Payroll export",
                received=date(2026, 10, 1 + n % 3),
                focus=Focus.STRATEGIC if n % 2 else Focus.REACTIVE,
                status=statuses[n % 3],
                value=n % 4 + 1,
                urgency=3,
                outcome_note="Out of scope" if statuses[n % 3] is RequestStatus.DECLINED else "",
            )
        )
    return Lists(journal.database)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sort=st.sampled_from(MEETING_SORT_KEYS),
    descending=st.booleans(),
    size=st.integers(min_value=1, max_value=9),
)
def test_meeting_pages_from_the_end_match_pages_from_the_start(
    lists: Lists, sort: str, descending: bool, size: int
) -> None:
    wanted = MeetingFilter(sort=sort, descending=descending)
    total = lists.meeting_count(wanted)
    whole = [line.id for line in lists.meetings(wanted, 0, total)]
    assert len(set(whole)) == total == 23
    paged = [
        line.id
        for offset in range(0, total, size)
        for line in lists.meetings(wanted, offset, size, total)
    ]
    assert paged == whole


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sort=st.sampled_from(REQUEST_SORT_KEYS),
    descending=st.booleans(),
    size=st.integers(min_value=1, max_value=5),
)
def test_request_pages_from_the_end_match_pages_from_the_start(
    lists: Lists, sort: str, descending: bool, size: int
) -> None:
    wanted = RequestFilter(sort=sort, descending=descending)
    total = lists.request_count(wanted)
    whole = [line.id for line in lists.requests(wanted)]
    assert len(set(whole)) == total == 9
    paged = [
        line.id
        for offset in range(0, total, size)
        for line in lists.requests(wanted, offset, size, total)
    ]
    assert paged == whole


def test_a_late_page_is_read_backwards_and_turned_round() -> None:
    calls: list[tuple[bool, int, int | None]] = []
    rows = list(range(10))

    def read(backwards: bool, offset: int, limit: int | None) -> list[int]:
        calls.append((backwards, offset, limit))
        ordered = rows[::-1] if backwards else rows
        return ordered[offset : None if limit is None else offset + limit]

    assert read_page(read, 8, 5, 10) == [8, 9]
    assert calls == [(True, 0, 2)]
    assert read_page(read, 2, 3, 10) == [2, 3, 4]
    assert calls[-1] == (False, 2, 3)
    assert read_page(read, 10, 5, 10) == []


def test_requests_filter_by_text_partner_and_status(lists: Lists, journal: Journal) -> None:
    hr = journal.partners.find("HR")
    assert lists.request_count(RequestFilter(text="payroll")) == 3
    assert lists.request_count(RequestFilter(text="HR")) == 4  # the partner's name matches
    assert lists.request_count(RequestFilter(text="%")) == 0  # a wildcard is only text
    assert lists.request_count(RequestFilter(partner_id=hr.id, text="forecast")) == 3
    declined = lists.requests(RequestFilter(status=RequestStatus.DECLINED))
    assert {line.status for line in declined} == {RequestStatus.DECLINED}
    assert len(declined) == 3


def test_requests_sort_by_workflow_and_focus_order_not_by_name(lists: Lists) -> None:
    by_status = lists.requests(RequestFilter(sort="status", descending=False))
    order = list(RequestStatus)
    ranks = [order.index(line.status) for line in by_status]
    assert ranks == sorted(ranks)
    assert by_status[0].status is RequestStatus.NEW  # "new" before "declined", not by name
    by_focus = lists.requests(RequestFilter(sort="focus", descending=False))
    assert by_focus[0].focus is Focus.REACTIVE
    assert by_focus[-1].focus is Focus.STRATEGIC
    by_value = lists.requests(RequestFilter(sort="value", descending=True))
    assert [line.value for line in by_value] == sorted(
        (line.value for line in by_value), reverse=True
    )


def test_meeting_dates_filter_keeps_working_with_late_pages(lists: Lists) -> None:
    wanted = MeetingFilter(since=date(2026, 11, 2), until=date(2026, 11, 3))
    total = lists.meeting_count(wanted)
    assert total == 10
    whole = lists.meetings(wanted, 0, total)
    assert lists.meetings(wanted, 8, 4, total) == whole[8:]
    assert all(date(2026, 11, 2) <= line.start.date() <= date(2026, 11, 3) for line in whole)
