"""The dashboard's glance: trend, drifting, debts both ways, waiting requests, reviews due."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus, Side
from brm_desk.domain.records import Action, Meeting, Partner, Request
from brm_desk.services.dashboard import PartnerGlance
from brm_desk.services.journal import Journal

TODAY = date(2026, 11, 24)
TOKYO = timezone(timedelta(hours=9))


def _partner(journal: Journal, name: str, target: float = 0.5) -> Partner:
    return journal.partners.add(Partner(id="", name=name, target_strategic_share=target))


def _meeting(
    journal: Journal,
    partner: Partner,
    day: date,
    kind: MeetingType,
    actions: tuple[Action, ...] = (),
) -> Meeting:
    return journal.meetings.add(
        Meeting(
            id="",
            partner_id=partner.id,
            title=f"{kind.value} on {day}",
            start=datetime(day.year, day.month, day.day, 10, tzinfo=TOKYO),
            type=kind,
            focus=kind.default_focus,
            actions=actions,
        )
    )


def _request(journal: Journal, partner: Partner, received: date, **fields: object) -> Request:
    request = Request(id="", partner_id=partner.id, title=f"Ask of {received}", received=received)
    return journal.requests.add(replace(request, **fields))  # type: ignore[arg-type]


def _glance(journal: Journal, days: int = 90) -> dict[str, PartnerGlance]:
    rows = journal.dashboard.glance(TODAY - timedelta(days=days), TODAY)
    return {row.name: row for row in rows}


def test_trend_compares_with_the_previous_period_of_the_same_length(journal: Journal) -> None:
    finance = _partner(journal, "Finance")
    # Previous 30 days (Sep 25 – Oct 24): 1 strategic, 3 reactive → 25 %.
    _meeting(journal, finance, date(2026, 10, 1), MeetingType.ROADMAP)
    for day in (2, 3, 6):
        _meeting(journal, finance, date(2026, 10, day), MeetingType.ESCALATION)
    # Last 30 days (Oct 25 – Nov 24): 3 strategic, 1 reactive → 75 %.
    for day in (2, 3, 4):
        _meeting(journal, finance, date(2026, 11, day), MeetingType.PLANNING)
    _meeting(journal, finance, date(2026, 11, 5), MeetingType.INCIDENT_REVIEW)

    row = _glance(journal, days=30)["Finance"]

    assert row.balance.strategic_share == pytest.approx(0.75)
    assert row.previous_share == pytest.approx(0.25)
    assert row.trend == pytest.approx(0.5)


def test_no_trend_when_the_previous_period_had_no_share(journal: Journal) -> None:
    hr = _partner(journal, "HR")
    _meeting(journal, hr, date(2026, 11, 10), MeetingType.ROADMAP)

    row = _glance(journal, days=30)["HR"]

    assert row.previous_share is None
    assert row.trend is None


def test_drifting_needs_both_last_full_months_below_target(journal: Journal) -> None:
    drifting = _partner(journal, "Drifting", target=0.6)
    recovering = _partner(journal, "Recovering", target=0.6)
    quiet = _partner(journal, "Quiet", target=0.6)
    for partner in (drifting, recovering):
        # September 2026: 1 strategic of 3 → 33 %, below 60 %.
        _meeting(journal, partner, date(2026, 9, 7), MeetingType.ROADMAP)
        _meeting(journal, partner, date(2026, 9, 8), MeetingType.ESCALATION)
        _meeting(journal, partner, date(2026, 9, 9), MeetingType.ESCALATION)
    # October: Drifting stays below (0 of 1); Recovering is on target (2 of 2).
    _meeting(journal, drifting, date(2026, 10, 5), MeetingType.ESCALATION)
    _meeting(journal, recovering, date(2026, 10, 5), MeetingType.ROADMAP)
    _meeting(journal, recovering, date(2026, 10, 6), MeetingType.PLANNING)
    # Quiet only had routine check-ins: no share, so not drifting.
    _meeting(journal, quiet, date(2026, 9, 7), MeetingType.STATUS_CHECKIN)
    _meeting(journal, quiet, date(2026, 10, 7), MeetingType.STATUS_CHECKIN)
    # November (the current, unfinished month) does not count either way.
    _meeting(journal, drifting, date(2026, 11, 20), MeetingType.ROADMAP)

    rows = _glance(journal)

    assert rows["Drifting"].drifting is True
    assert rows["Recovering"].drifting is False
    assert rows["Quiet"].drifting is False


def test_open_actions_counted_both_ways_with_overdue_ones(journal: Journal) -> None:
    finance = _partner(journal, "Finance")
    _meeting(
        journal,
        finance,
        date(2026, 11, 2),
        MeetingType.PLANNING,
        actions=(
            Action(text="Send the numbers", side=Side.MINE, due=date(2026, 11, 20)),
            Action(text="Capacity plan", side=Side.PROVIDER, due=date(2026, 12, 1)),
            Action(text="Fix the report", side=Side.PROVIDER, due=date(2026, 11, 1)),
            Action(text="No date", side=Side.MINE),
            Action(text="Done already", side=Side.MINE, due=date(2026, 11, 3), done=TODAY),
            Action(text="Name the sponsor", side=Side.PARTNER, due=date(2026, 11, 23)),
            Action(text="Budget figures", side=Side.PARTNER, due=TODAY),
        ),
    )
    trashed = _meeting(
        journal,
        finance,
        date(2026, 11, 3),
        MeetingType.ESCALATION,
        actions=(Action(text="Gone", side=Side.PARTNER, due=date(2026, 1, 1)),),
    )
    journal.meetings.delete(trashed.id)

    debts = _glance(journal)["Finance"].debts

    assert (debts.ours_open, debts.ours_overdue) == (4, 2)
    assert (debts.theirs_open, debts.theirs_overdue) == (2, 1)


def test_waiting_requests_by_age_and_closed_ones_left_out(journal: Journal) -> None:
    finance = _partner(journal, "Finance")
    for days in (10, 40, 100):
        _request(journal, finance, TODAY - timedelta(days=days))
    _request(
        journal,
        finance,
        TODAY - timedelta(days=200),
        status=RequestStatus.DECLINED,
        outcome_note="Use the standard report",
    )
    _request(
        journal,
        finance,
        TODAY - timedelta(days=300),
        status=RequestStatus.DEFERRED,
        revisit_on=date(2027, 1, 10),
    )

    waiting = _glance(journal)["Finance"].waiting

    assert waiting.open == 4
    assert waiting.over_30_days == 3
    assert waiting.over_90_days == 2
    assert waiting.oldest_received == TODAY - timedelta(days=300)


def test_benefits_reviews_due_ninety_days_after_delivery(journal: Journal) -> None:
    finance = _partner(journal, "Finance")
    delivered = {"status": RequestStatus.DELIVERED, "focus": Focus.STRATEGIC}
    _request(
        journal,
        finance,
        date(2026, 1, 5),
        delivered_on=TODAY - timedelta(days=90),
        expected_benefit="Close the books two days sooner",
        **delivered,
    )
    _request(
        journal,
        finance,
        date(2026, 1, 6),
        delivered_on=TODAY - timedelta(days=200),
        expected_value_amount=Decimal("120000"),
        **delivered,
    )
    _request(  # not yet 90 days
        journal,
        finance,
        date(2026, 1, 7),
        delivered_on=TODAY - timedelta(days=89),
        expected_benefit="Fewer manual journals",
        **delivered,
    )
    _request(  # no benefit expected: nothing to review
        journal, finance, date(2026, 1, 8), delivered_on=date(2026, 2, 1), **delivered
    )

    assert _glance(journal)["Finance"].reviews_due == 2


def test_archived_partners_stay_off_the_dashboard(journal: Journal) -> None:
    _partner(journal, "Finance")
    old = _partner(journal, "Old unit")
    journal.partners.update(replace(old, archived=True))

    assert list(_glance(journal)) == ["Finance"]


@pytest.mark.parametrize("blank", ["", " \t\n", "\u00a0", "\u3000\u2003"])
def test_an_expected_benefit_of_only_whitespace_is_no_benefit(journal: Journal, blank: str) -> None:
    finance = _partner(journal, "Finance")
    _request(
        journal,
        finance,
        date(2026, 1, 5),
        status=RequestStatus.DELIVERED,
        delivered_on=TODAY - timedelta(days=120),
        expected_benefit=blank,
    )

    assert _glance(journal)["Finance"].reviews_due == 0
