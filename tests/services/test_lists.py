"""List pages across partners: paged, sorted and filtered in SQL; the trash left out."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists, MeetingFilter

PARIS = timezone(timedelta(hours=1))


def _fill(journal: Journal) -> tuple[Partner, Partner, list[str]]:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    hr = journal.partners.add(Partner(id="", name="HR"))
    ids = []
    for day, partner, kind, title in [
        (1, finance, MeetingType.ESCALATION, "Outage 50% off"),
        (2, hr, MeetingType.ROADMAP, "Roadmap 2027"),
        (3, finance, MeetingType.PLANNING, "Budget planning"),
    ]:
        meeting = Meeting(
            id="",
            partner_id=partner.id,
            title=title,
            start=datetime(2026, 11, day, 9, tzinfo=PARIS),
            type=kind,
            focus=kind.default_focus,
            duration_minutes=30 * day,
        )
        ids.append(journal.meetings.add(meeting).id)
    return finance, hr, ids


def test_meeting_pages_latest_first_with_their_offset(journal: Journal) -> None:
    _fill(journal)
    lists = Lists(journal.database)
    wanted = MeetingFilter()
    assert lists.meeting_count(wanted) == 3
    first = lists.meetings(wanted, 0, 2)
    second = lists.meetings(wanted, 2, 2)
    assert [m.title for m in first + second] == [
        "Budget planning",
        "Roadmap 2027",
        "Outage 50% off",
    ]
    assert first[0].start == datetime(2026, 11, 3, 9, tzinfo=PARIS)
    assert first[0].start.utcoffset() == timedelta(hours=1)
    assert first[0].type is MeetingType.PLANNING
    assert first[0].focus is Focus.STRATEGIC
    assert first[0].partner_name == "Finance"


def test_meeting_sort_and_filters(journal: Journal) -> None:
    finance, hr, _ = _fill(journal)
    lists = Lists(journal.database)
    by_duration = lists.meetings(MeetingFilter(sort="duration", descending=False))
    assert [m.duration_minutes for m in by_duration] == [30, 60, 90]
    assert [m.title for m in lists.meetings(MeetingFilter(partner_id=hr.id))] == ["Roadmap 2027"]
    assert lists.meeting_count(MeetingFilter(text="fin")) == 2  # the partner's name matches
    assert lists.meeting_count(MeetingFilter(text="50%")) == 1  # % is text, not a wildcard
    assert lists.meeting_count(MeetingFilter(focus=Focus.REACTIVE, partner_id=finance.id)) == 1


def test_deleted_meetings_and_partners_leave_the_lists(journal: Journal) -> None:
    _, hr, ids = _fill(journal)
    lists = Lists(journal.database)
    journal.meetings.delete(ids[0])
    assert lists.meeting_count(MeetingFilter()) == 2
    journal.partners.delete(hr.id)
    assert [m.title for m in lists.meetings(MeetingFilter())] == ["Budget planning"]
    counts = lists.counts()
    assert (counts.partners, counts.meetings, counts.requests) == (1, 1, 0)


def test_request_lines(journal: Journal) -> None:
    finance, _, _ = _fill(journal)
    journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Forecasting",
            received=datetime(2026, 11, 5).date(),
            focus=Focus.STRATEGIC,
            status=RequestStatus.NEW,
        )
    )
    (line,) = Lists(journal.database).requests()
    assert (line.title, line.partner_name, line.status, line.focus) == (
        "Forecasting",
        "Finance",
        RequestStatus.NEW,
        Focus.STRATEGIC,
    )
