"""The balance of SPEC §2 from a real journal file, against an obvious reference."""

from __future__ import annotations

import calendar
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from balance_reference import Figures, MonthFigures, reference_balances
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.balance import PartnerBalance
from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.services.journal import Journal
from empty_journal import NewJournal

TODAY = date(2026, 11, 24)
HONOLULU_ISH = timezone(timedelta(hours=-10))
KIRIBATI = timezone(timedelta(hours=14))
UTC0 = timezone(timedelta(0))


def figures_of(balance: PartnerBalance) -> Figures:
    """The application's balance in the reference's terms, field by field."""
    tally = balance.tally
    return Figures(
        partner_id=balance.partner_id,
        name=balance.name,
        reactive=tally.reactive,
        routine=tally.routine,
        strategic=tally.strategic,
        strategic_share=balance.strategic_share,
        target_strategic_share=balance.target_strategic_share,
        reactive_hours=tally.hours(Focus.REACTIVE),
        routine_hours=tally.hours(Focus.ROUTINE),
        strategic_hours=tally.hours(Focus.STRATEGIC),
        last_strategic=balance.last_strategic,
        days_since_strategic=balance.days_since_strategic,
        overdue=balance.overdue,
        months=tuple(
            MonthFigures(
                month=m.label,
                reactive=m.tally.reactive,
                routine=m.tally.routine,
                strategic=m.tally.strategic,
                reactive_hours=m.tally.hours(Focus.REACTIVE),
                routine_hours=m.tally.hours(Focus.ROUTINE),
                strategic_hours=m.tally.hours(Focus.STRATEGIC),
            )
            for m in balance.months
        ),
    )


def meeting(
    partner: Partner,
    start: datetime,
    focus: Focus,
    minutes: int = 60,
    title: str = "Meeting",
) -> Meeting:
    return Meeting(
        id="",
        partner_id=partner.id,
        title=title,
        start=start,
        duration_minutes=minutes,
        type=MeetingType.OTHER,
        focus=focus,
    )


def request(partner: Partner, received: date, focus: Focus, title: str = "Ask") -> Request:
    return Request(id="", partner_id=partner.id, title=title, received=received, focus=focus)


# --- edge cases, pinned ------------------------------------------------------------------------


def test_a_meeting_counts_on_its_own_local_date_not_in_utc(journal: Journal) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    # 23:30 at UTC-10 on 31 March is 09:30 UTC on 1 April, and 23:30 on 1 April at UTC+14.
    west = journal.meetings.add(
        meeting(finance, datetime(2026, 3, 31, 23, 30, tzinfo=HONOLULU_ISH), Focus.STRATEGIC, 90)
    )
    east = journal.meetings.add(
        meeting(finance, west.start.astimezone(KIRIBATI), Focus.REACTIVE, 30)
    )
    assert west.start == east.start
    assert east.start.date() == date(2026, 4, 1)

    march = journal.balances.for_partner(finance.id, date(2026, 3, 1), date(2026, 3, 31))
    assert (march.tally.reactive, march.tally.routine, march.tally.strategic) == (0, 0, 1)
    assert march.tally.hours(Focus.STRATEGIC) == 1.5
    assert march.tally.hours(Focus.REACTIVE) == 0
    assert march.last_strategic == date(2026, 3, 31)
    assert march.days_since_strategic == 0
    assert march.strategic_share == 1.0

    april = journal.balances.for_partner(finance.id, date(2026, 4, 1), date(2026, 4, 1))
    assert (april.tally.reactive, april.tally.strategic) == (1, 0)
    assert april.tally.hours(Focus.REACTIVE) == 0.5
    assert april.last_strategic == date(2026, 3, 31)
    assert april.days_since_strategic == 1
    assert april.strategic_share == 0.0


def test_the_share_is_none_when_there_is_only_routine_work(journal: Journal) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    journal.meetings.add(meeting(hr, datetime(2026, 5, 4, 10, tzinfo=UTC0), Focus.ROUTINE, 45))
    journal.requests.add(request(hr, date(2026, 5, 5), Focus.ROUTINE))
    balance = journal.balances.for_partner(hr.id, date(2026, 5, 1), date(2026, 5, 31))
    assert (balance.tally.reactive, balance.tally.routine, balance.tally.strategic) == (0, 2, 0)
    assert balance.tally.hours(Focus.ROUTINE) == 0.75
    assert balance.strategic_share is None
    assert balance.on_target is None


def test_a_partner_never_met_strategically_is_overdue(journal: Journal) -> None:
    hr = journal.partners.add(Partner(id="", name="HR", touch_cadence_days=3660))
    journal.meetings.add(meeting(hr, datetime(2026, 5, 4, 10, tzinfo=UTC0), Focus.REACTIVE))
    balance = journal.balances.for_partner(hr.id, date(2026, 5, 1), date(2026, 5, 31))
    assert balance.last_strategic is None
    assert balance.days_since_strategic is None
    assert balance.overdue is True
    assert balance.strategic_share == 0.0


def test_a_strategic_request_counts_as_the_last_strategic_engagement(journal: Journal) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance", touch_cadence_days=10))
    journal.meetings.add(meeting(finance, datetime(2026, 3, 10, 9, tzinfo=UTC0), Focus.STRATEGIC))
    journal.requests.add(request(finance, date(2026, 3, 20), Focus.STRATEGIC))
    journal.requests.add(request(finance, date(2026, 4, 2), Focus.STRATEGIC, "After the period"))
    balance = journal.balances.for_partner(finance.id, date(2026, 3, 1), date(2026, 3, 31))
    assert balance.last_strategic == date(2026, 3, 20)
    assert balance.days_since_strategic == 11
    assert balance.overdue is True
    assert (balance.tally.strategic, balance.tally.hours(Focus.STRATEGIC)) == (2, 1.0)


def test_a_strategic_engagement_before_the_period_still_dates_the_last_one(
    journal: Journal,
) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance", touch_cadence_days=30))
    journal.meetings.add(meeting(finance, datetime(2026, 1, 5, 9, tzinfo=UTC0), Focus.STRATEGIC))
    balance = journal.balances.for_partner(finance.id, date(2026, 2, 1), date(2026, 2, 4))
    assert balance.tally.total == 0
    assert balance.last_strategic == date(2026, 1, 5)
    assert balance.days_since_strategic == 30
    assert balance.overdue is False
    later = journal.balances.for_partner(finance.id, date(2026, 2, 1), date(2026, 2, 5))
    assert (later.days_since_strategic, later.overdue) == (31, True)


def test_requests_count_but_add_no_hours(journal: Journal) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    for focus in Focus:
        journal.requests.add(request(finance, date(2026, 3, 3), focus))
    journal.meetings.add(meeting(finance, datetime(2026, 3, 3, 9, tzinfo=UTC0), Focus.REACTIVE, 1))
    balance = journal.balances.for_partner(finance.id, date(2026, 3, 1), date(2026, 3, 31))
    assert (balance.tally.reactive, balance.tally.routine, balance.tally.strategic) == (2, 1, 1)
    assert [balance.tally.minutes(f) for f in Focus] == [1, 0, 0]
    assert balance.strategic_share == 1 / 3


def test_the_months_cover_the_whole_period_across_a_year_end(journal: Journal) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    journal.meetings.add(
        meeting(finance, datetime(2026, 12, 31, 23, 59, tzinfo=KIRIBATI), Focus.STRATEGIC, 30)
    )
    journal.requests.add(request(finance, date(2027, 2, 28), Focus.REACTIVE))
    balance = journal.balances.for_partner(finance.id, date(2026, 11, 30), date(2027, 2, 28))
    assert [(m.label, m.tally.reactive, m.tally.strategic) for m in balance.months] == [
        ("2026-11", 0, 0),
        ("2026-12", 0, 1),
        ("2027-01", 0, 0),
        ("2027-02", 1, 0),
    ]
    assert balance.months[1].tally.minutes(Focus.STRATEGIC) == 30


def test_archived_partners_are_left_out_unless_asked_for(journal: Journal) -> None:
    journal.partners.add(Partner(id="", name="finance"))
    archived = journal.partners.add(Partner(id="", name="Archive", archived=True))
    journal.partners.add(Partner(id="", name="HR"))
    period = (date(2026, 1, 1), date(2026, 3, 31))
    assert [b.name for b in journal.balances.for_partners(*period)] == ["finance", "HR"]
    everyone = journal.balances.for_partners(*period, include_archived=True)
    assert [b.name for b in everyone] == ["Archive", "finance", "HR"]
    [named] = journal.balances.for_partners(*period, partner_ids=[archived.id])
    assert named.name == "Archive"
    assert journal.balances.for_partner(archived.id, *period) == named


def test_trashed_records_leave_the_balance_and_come_back_with_a_restore(
    journal: Journal,
) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    gone = journal.meetings.add(
        meeting(finance, datetime(2026, 3, 3, 9, tzinfo=UTC0), Focus.STRATEGIC)
    )
    ask = journal.requests.add(request(finance, date(2026, 3, 4), Focus.REACTIVE))
    period = (date(2026, 3, 1), date(2026, 3, 31))
    meeting_batch = journal.meetings.delete(gone.id)
    journal.requests.delete(ask.id)
    balance = journal.balances.for_partner(finance.id, *period)
    assert (balance.tally.total, balance.last_strategic) == (0, None)
    journal.trash.restore(meeting_batch)
    balance = journal.balances.for_partner(finance.id, *period)
    assert (balance.tally.strategic, balance.last_strategic) == (1, date(2026, 3, 3))

    journal.partners.delete(finance.id)
    assert journal.balances.for_partners(*period, include_archived=True) == []
    assert journal.balances.for_partners(*period, partner_ids=[finance.id]) == []
    with pytest.raises(NotFoundError):
        journal.balances.for_partner(finance.id, *period)


def test_the_period_defaults_to_the_90_days_before_today(journal: Journal) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    balance = journal.balances.for_partner(finance.id)
    assert (balance.period_from, balance.period_to) == (date(2026, 8, 26), TODAY)
    assert [m.label for m in balance.months] == ["2026-08", "2026-09", "2026-10", "2026-11"]


def test_an_inverted_period_is_refused(journal: Journal) -> None:
    with pytest.raises(ValidationError) as caught:
        journal.balances.for_partners(date(2026, 3, 2), date(2026, 3, 1))
    assert caught.value.field == "from"


# --- generated journals against the reference -------------------------------------------------

OFFSET_MINUTES = st.one_of(
    st.sampled_from([-720, -570, -210, 0, 330, 345, 525, 765, 825, 840]),
    st.integers(min_value=-720, max_value=840),
)
HOURS = st.one_of(st.sampled_from([0, 23]), st.integers(min_value=0, max_value=23))
DURATIONS = st.one_of(st.sampled_from([1, 1440]), st.integers(min_value=1, max_value=1440))
WINDOW = (date(2025, 10, 1), date(2027, 3, 31))
SPECIAL_PERIODS = [
    (date(2026, 12, 31), date(2027, 1, 1)),
    (date(2026, 12, 15), date(2027, 1, 15)),
    (date(2026, 12, 31), date(2026, 12, 31)),
    (date(2027, 1, 1), date(2027, 1, 1)),
    (date(2026, 2, 28), date(2026, 3, 1)),
    (date(2025, 11, 1), date(2027, 2, 28)),
]


@dataclass
class PlannedJournal:
    """What to put in a journal, by index; ids are only known once it is stored."""

    partners: list[Partner]
    meetings: list[tuple[int, datetime, int, Focus]]
    requests: list[tuple[int, date, Focus]]
    period: tuple[date, date]
    trashed_meetings: set[int] = field(default_factory=set)
    restored_meetings: set[int] = field(default_factory=set)
    trashed_requests: set[int] = field(default_factory=set)
    trashed_partner: int | None = None
    asked_for: int = 0


@st.composite
def planned_journals(draw: st.DrawFn) -> PlannedJournal:
    names = draw(st.permutations(["alpha", "Bravo", "charlie", "Delta"]))
    count = draw(st.integers(min_value=2, max_value=4))
    partners = [
        Partner(
            id="",
            name=names[i],
            archived=draw(st.booleans()),
            touch_cadence_days=draw(st.sampled_from([1, 7, 30, 90]) | st.integers(1, 400)),
            target_strategic_share=draw(st.sampled_from([0.0, 0.5, 0.6, 1.0])),
        )
        for i in range(count)
    ]
    period = draw(
        st.sampled_from(SPECIAL_PERIODS)
        | st.tuples(
            st.dates(WINDOW[0], WINDOW[1]),
            st.sampled_from([0, 0, 1, 30, 31, 92]) | st.integers(0, 450),
        ).map(lambda fl: (fl[0], fl[0] + timedelta(days=fl[1])))
    )
    # Days near the edges of the period, where a meeting's offset decides whether it counts,
    # and a cadence's length before its end, where a partner turns overdue.
    edges = [period[0] - timedelta(days=1), period[0], period[1], period[1] + timedelta(days=1)]
    for partner in partners:
        for days_before in (partner.touch_cadence_days, partner.touch_cadence_days + 1):
            edges.append(period[1] - timedelta(days=days_before))
    days = st.sampled_from(edges) | st.dates(WINDOW[0], WINDOW[1])

    def start(day: date, hour: int, minute: int, offset: int) -> datetime:
        return datetime.combine(day, time(hour, minute), timezone(timedelta(minutes=offset)))

    starts = st.builds(start, days, HOURS, st.integers(0, 59), OFFSET_MINUTES)
    indexes = st.integers(min_value=0, max_value=count - 1)
    focuses = st.sampled_from(Focus)
    meetings = draw(st.lists(st.tuples(indexes, starts, DURATIONS, focuses), max_size=40))
    requests = draw(st.lists(st.tuples(indexes, days, focuses), max_size=20))
    plan = PlannedJournal(partners, meetings, requests, period)
    plan.trashed_meetings = draw(_positions(len(meetings), 6))
    if plan.trashed_meetings:
        plan.restored_meetings = draw(st.sets(st.sampled_from(sorted(plan.trashed_meetings))))
    plan.trashed_requests = draw(_positions(len(requests), 4))
    plan.trashed_partner = draw(st.none() | indexes)
    plan.asked_for = draw(indexes.filter(lambda i: i != plan.trashed_partner))
    return plan


def _positions(length: int, most: int) -> st.SearchStrategy[set[int]]:
    if not length:
        return st.just(set())
    return st.sets(st.integers(min_value=0, max_value=length - 1), max_size=most)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=planned_journals())
def test_generated_journals_match_the_reference(
    new_journal: NewJournal, plan: PlannedJournal
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        new_journal(Path(folder) / "journal.db", today=lambda: TODAY) as journal,
    ):
        _check_against_reference(journal, plan)


def _check_against_reference(journal: Journal, plan: PlannedJournal) -> None:
    partners = [journal.partners.add(p) for p in plan.partners]
    meetings = [
        journal.meetings.add(meeting(partners[i], start, focus, minutes, f"M{n}"))
        for n, (i, start, minutes, focus) in enumerate(plan.meetings)
    ]
    requests = [
        journal.requests.add(request(partners[i], received, focus, f"R{n}"))
        for n, (i, received, focus) in enumerate(plan.requests)
    ]
    trashed: set[str] = set()
    for n in sorted(plan.trashed_meetings):
        batch = journal.meetings.delete(meetings[n].id)
        if n in plan.restored_meetings:
            journal.trash.restore(batch)
        else:
            trashed.add(meetings[n].id)
    for n in sorted(plan.trashed_requests):
        journal.requests.delete(requests[n].id)
        trashed.add(requests[n].id)
    if plan.trashed_partner is not None:
        journal.partners.delete(partners[plan.trashed_partner].id)
        trashed.add(partners[plan.trashed_partner].id)
    period_from, period_to = plan.period

    def expected(**options: object) -> dict[str, Figures]:
        return reference_balances(
            partners, meetings, requests, period_from, period_to, trashed=trashed, **options
        )  # type: ignore[arg-type]

    for options in ({}, {"include_archived": True}):
        balances = journal.balances.for_partners(period_from, period_to, **options)  # type: ignore[arg-type]
        want = expected(**options)
        assert {b.partner_id: figures_of(b) for b in balances} == want
        assert [b.name for b in balances] == sorted((f.name for f in want.values()), key=str.lower)
        assert all((b.period_from, b.period_to) == plan.period for b in balances)

    one = partners[plan.asked_for]
    want_one = expected(partner_ids=[one.id])
    [only] = journal.balances.for_partners(period_from, period_to, partner_ids=[one.id])
    assert {only.partner_id: figures_of(only)} == want_one
    single = journal.balances.for_partner(one.id, period_from, period_to)
    assert figures_of(single) == want_one[one.id]
    # A chart's month lists exactly what its bar counts: the engagements of those days.
    for month in single.months:
        last_day = calendar.monthrange(month.month.year, month.month.month)[1]
        first, last = (
            max(month.month, period_from),
            min(month.month.replace(day=last_day), period_to),
        )
        met, asked = journal.balances.engagements(one.id, first, last)
        assert len(met) + len(asked) == month.tally.total
        for focus in Focus:
            counted = sum(1 for e in (*met, *asked) if e.focus is focus)
            assert counted == month.tally.count(focus)
        assert [m.local_date for m in met] == sorted(m.local_date for m in met)
