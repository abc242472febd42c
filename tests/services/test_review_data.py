"""What a review pack is given: figures counting everything, lists budgeted, privacy applied."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from brm_desk.domain.enums import MeetingType, RequestStatus, Side, Stance
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.services.privacy import Audience
from brm_desk.services.review_data import (
    COMMITMENTS_SHOWN,
    DEMAND_SHOWN,
    gather_partner,
    gather_portfolio,
    left_out,
)

PERIOD = (date(2025, 1, 1), date(2025, 12, 31))
KIRITIMATI = timezone(timedelta(hours=14))
HONOLULU = timezone(timedelta(hours=-10))


def _meeting(
    journal: Journal,
    partner: Partner,
    start: datetime,
    title: str,
    *actions: Action,
    private: bool = False,
) -> Meeting:
    return journal.meetings.add(
        Meeting(
            id="",
            partner_id=partner.id,
            title=title,
            start=start,
            type=MeetingType.PLANNING,
            private=private,
            actions=actions,
        )
    )


def _open(journal: Journal, partner: Partner, include_private: bool = False) -> dict[str, list]:
    data = gather_partner(journal, partner.id, *PERIOD, include_private=include_private)
    return {
        side: [(a.action.text, a.meeting_title, a.meeting_date) for a in owed.items]
        for side, owed in (("ours", data.we_owe), ("theirs", data.they_owe))
    }


@pytest.fixture
def finance(journal: Journal) -> Partner:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    other = journal.partners.add(Partner(id="", name="HR"))
    noon = datetime(2025, 6, 2, 12, tzinfo=UTC)
    _meeting(journal, other, noon, "Someone else's", Action("Not ours", due=date(2025, 1, 5)))
    _meeting(
        journal,
        finance,
        datetime(2017, 3, 1, 9, tzinfo=UTC),
        "Kick-off, eight years ago",
        Action("Still owed since 2017", due=date(2017, 4, 1)),
        Action("Done long ago", due=date(2017, 4, 1), done=date(2017, 5, 1)),
        Action("They owe this", side=Side.PARTNER),
    )
    _meeting(
        journal,
        finance,
        noon,
        "Mid-year planning",
        Action("Due in March", due=date(2025, 3, 1)),
        Action("No date", side=Side.MINE),
        Action("Provider fix", side=Side.PROVIDER, due=date(2025, 7, 1)),
    )
    _meeting(journal, finance, noon, "Off the record", Action("Secret"), private=True)
    # 31 Dec 23:30 local on Kiritimati is still in the period (its UTC date is the 31st too,
    # 09:30); 31 Dec 15:00 in Honolulu is 1 Jan in UTC and still in the period.
    _meeting(
        journal,
        finance,
        datetime(2025, 12, 31, 23, 30, tzinfo=KIRITIMATI),
        "Last local day",
        Action("From the last day", due=date(2026, 1, 10)),
    )
    _meeting(
        journal,
        finance,
        datetime(2025, 12, 31, 15, tzinfo=HONOLULU),
        "Late in Honolulu",
        Action("From Honolulu", due=date(2026, 1, 9)),
    )
    _meeting(
        journal,
        finance,
        datetime(2026, 1, 1, 0, 30, tzinfo=KIRITIMATI),
        "New year on Kiritimati",  # 31 Dec in UTC, 1 Jan on its own date: after the period
        Action("After the period"),
    )
    trashed = _meeting(journal, finance, noon, "Trashed", Action("Gone"))
    journal.meetings.delete(trashed.id)
    return finance


def test_every_action_still_open_up_to_the_periods_end_however_old(
    journal: Journal, finance: Partner
) -> None:
    found = _open(journal, finance)

    assert found["ours"] == [  # mine and the provider's, the first due first
        ("Still owed since 2017", "Kick-off, eight years ago", date(2017, 3, 1)),
        ("Due in March", "Mid-year planning", date(2025, 6, 2)),
        ("Provider fix", "Mid-year planning", date(2025, 6, 2)),
        ("From Honolulu", "Late in Honolulu", date(2025, 12, 31)),
        ("From the last day", "Last local day", date(2025, 12, 31)),
    ]
    assert found["theirs"] == [
        ("They owe this", "Kick-off, eight years ago", date(2017, 3, 1)),
    ]
    data = gather_partner(journal, finance.id, *PERIOD)
    assert (data.we_owe.total, data.we_owe.more) == (7, 7 - COMMITMENTS_SHOWN)


def test_a_private_meetings_follow_ups_are_listed_without_its_title(
    journal: Journal, finance: Partner
) -> None:
    """A commitment stands however private the meeting: its text shows, the meeting's not."""
    data = gather_partner(journal, finance.id, *PERIOD)
    secret = [a for a in data.we_owe.items + data.they_owe.items if a.action.text == "Secret"]
    assert secret == []  # beyond the budget, but counted:
    assert data.we_owe.total == 7
    everything = gather_partner(journal, finance.id, *PERIOD, include_private=True)
    assert everything.we_owe.total == 7
    _meeting(journal, finance, datetime(2016, 1, 4, tzinfo=UTC), "Hush", Action("Old secret",
             due=date(2016, 2, 1)), private=True)  # fmt: skip
    first = gather_partner(journal, finance.id, *PERIOD).we_owe.items[0]
    assert (first.action.text, first.meeting_title) == ("Old secret", "")
    first = gather_partner(journal, finance.id, *PERIOD, include_private=True).we_owe.items[0]
    assert (first.action.text, first.meeting_title) == ("Old secret", "Hush")


def test_the_log_holds_the_periods_shared_meetings_only(journal: Journal, finance: Partner) -> None:
    data = gather_partner(journal, finance.id, *PERIOD, with_log=True)
    assert [m.title for m in data.log] == [
        "Mid-year planning",
        "Last local day",
        "Late in Honolulu",
    ]
    assert gather_partner(journal, finance.id, *PERIOD).log == ()
    assert data.meetings_held == 4  # the private one counted; trashed, other years: not


def test_meetings_at_the_same_moment_are_logged_in_the_order_entered(
    journal: Journal, finance: Partner
) -> None:
    paris, london = timezone(timedelta(hours=2)), timezone(timedelta(hours=1))
    _meeting(journal, finance, datetime(2025, 4, 24, 15, tzinfo=paris), "Entered first")
    _meeting(journal, finance, datetime(2025, 4, 24, 14, tzinfo=london), "Entered second")
    titles = [m.title for m in gather_partner(journal, finance.id, *PERIOD, with_log=True).log]
    assert titles.index("Entered first") + 1 == titles.index("Entered second")
    assert titles[0] == "Entered first"  # before June's meetings


def _rated(
    journal: Journal, partner: Partner, day: date, score: int, private: bool = False
) -> None:
    journal.meetings.add(
        Meeting(
            id="",
            partner_id=partner.id,
            title=f"Rated {score} on {day}",
            start=datetime(day.year, day.month, day.day, 9, tzinfo=UTC),
            satisfaction=score,
            private=private,
        )
    )


def test_satisfaction_counts_the_period_and_the_one_before_only(journal: Journal) -> None:
    sales = journal.partners.add(Partner(id="", name="Sales"))
    _rated(journal, sales, date(2023, 12, 31), 1)  # before the previous period
    _rated(journal, sales, date(2024, 3, 1), 2)
    _rated(journal, sales, date(2024, 12, 31), 4)
    _rated(journal, sales, date(2025, 1, 1), 3)
    _rated(journal, sales, date(2025, 1, 20), 5)
    _rated(journal, sales, date(2025, 5, 5), 4)
    _rated(journal, sales, date(2025, 5, 6), 1, private=True)
    _rated(journal, sales, date(2026, 1, 1), 1)  # after the period

    assert gather_partner(journal, sales.id, *PERIOD).satisfaction is None  # for the partner
    for private in (False, True):  # privacy changes words, never numbers
        mood = gather_partner(
            journal, sales.id, *PERIOD, audience=Audience.INTERNAL, include_private=private
        ).satisfaction
        assert mood is not None
        assert mood.average == 13 / 4
        assert mood.previous == 3.0
        assert mood.by_month == ((date(2025, 1, 1), 4.0), (date(2025, 5, 1), 2.5))


def _ask(journal: Journal, partner: Partner, title: str, received: date, **fields: Any) -> None:
    journal.requests.add(
        Request(id="", partner_id=partner.id, title=title, received=received, **fields)
    )


def test_requests_counted_listed_and_their_benefits(journal: Journal) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    _ask(journal, hr, "Old and still new", date(2019, 5, 1))
    _ask(journal, hr, "Accepted in March", date(2025, 3, 1), status=RequestStatus.ACCEPTED)
    _ask(journal, hr, "Quiet one", date(2025, 3, 2), private=True)
    _ask(journal, hr, "Next year's", date(2026, 1, 2))
    _ask(
        journal,
        hr,
        "Deferred",
        date(2025, 6, 1),
        status=RequestStatus.DEFERRED,
        revisit_on=date(2026, 2, 1),
    )
    delivered = {"status": RequestStatus.DELIVERED, "expected_benefit": "Fewer tickets"}
    _ask(
        journal,
        hr,
        "Delivered in 2024, review due in 2025",
        date(2024, 1, 5),
        delivered_on=date(2024, 11, 1),
        expected_value_amount=Decimal(1000),
        realized_value_amount=Decimal(250),
        **delivered,
    )
    _ask(
        journal,
        hr,
        "Delivered in December, review due next year",
        date(2025, 2, 1),
        delivered_on=date(2025, 12, 1),
        expected_value_amount=Decimal(500),
        **delivered,
    )
    _ask(journal, hr, "Delivered after the period", date(2025, 2, 2), delivered_on=date(2026, 2, 1),
         expected_value_amount=Decimal(9999), **delivered)  # fmt: skip
    _ask(
        journal,
        hr,
        "Reviewed",
        date(2023, 1, 1),
        status=RequestStatus.BENEFITS_REVIEWED,
        delivered_on=date(2023, 6, 1),
        benefit_reviewed_on=date(2023, 12, 1),
    )

    data = gather_partner(journal, hr.id, *PERIOD)
    assert [r.title for r in data.open_demand.items] == [
        "Old and still new",
        "Accepted in March",
        "Deferred",
    ]
    assert data.open_demand.total == 4  # the private one counted, never described
    assert [r.title for r in data.delivered.items] == [
        "Delivered in December, review due next year"
    ]
    assert data.requests_by_status == {
        RequestStatus.NEW: 1,  # the private one
        RequestStatus.ACCEPTED: 1,
        RequestStatus.DEFERRED: 1,
        RequestStatus.DELIVERED: 2,
    }
    assert data.benefits.delivered == 3
    assert data.benefits.expected_total == Decimal(1500)
    assert data.benefits.realized_total == Decimal(250)
    assert data.benefits.reviews_due == 1

    everything = gather_partner(journal, hr.id, *PERIOD, include_private=True)
    assert [r.title for r in everything.open_demand.items][1:3] == [
        "Accepted in March",
        "Quiet one",
    ]
    assert everything.requests_by_status == data.requests_by_status
    assert everything.benefits == data.benefits

    _, (section,) = gather_portfolio(journal, *PERIOD)
    assert section.open_demand.total == section.we_owe.total == 0
    assert section.requests_by_status == data.requests_by_status
    assert section.benefits == data.benefits


def test_open_demand_the_most_valuable_first_and_budgeted(journal: Journal) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    for n in range(DEMAND_SHOWN + 3):
        _ask(journal, hr, f"Ask {n}", date(2025, 1, 1 + n), value=1 + n % 5, urgency=5 - n % 5)
    listed = gather_partner(journal, hr.id, *PERIOD).open_demand
    assert [r.value for r in listed.items] == sorted((r.value for r in listed.items), reverse=True)
    assert [r.title for r in listed.items][:3] == ["Ask 4", "Ask 3", "Ask 8"]  # then urgency
    assert (len(listed.items), listed.more) == (DEMAND_SHOWN, 3)


def test_decisions_are_read_from_the_shared_notes_the_latest_first(journal: Journal) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    for day, title, private in ((3, "March", False), (4, "April", False), (5, "Quiet", True)):
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=hr.id,
                title=title,
                start=datetime(2025, day, 1, 9, tzinfo=UTC),
                notes=f"## Context\nTalked.\n\n## Decisions\n- Go ahead in {title}\n- [ ]\n",
                private_notes="## Decisions\n- My own decision",
                private=private,
            )
        )
    data = gather_partner(journal, hr.id, *PERIOD)
    assert [(d.text, d.meeting_title) for d in data.decisions.items] == [
        ("Go ahead in April", "April"),
        ("Go ahead in March", "March"),
    ]
    everything = gather_partner(journal, hr.id, *PERIOD, include_private=True)
    assert everything.decisions.items[0].text == "Go ahead in Quiet"


def test_what_is_left_out_is_counted_for_the_dialog(journal: Journal) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    for name, stance in (("Ann", Stance.CHAMPION), ("Bob", Stance.SKEPTIC)):
        journal.contacts.add(Contact(id="", partner_id=hr.id, name=name, stance=stance))
    _rated(journal, hr, date(2025, 2, 1), 4)
    _rated(journal, hr, date(2025, 2, 2), 2, private=True)
    journal.meetings.add(
        Meeting(
            id="",
            partner_id=hr.id,
            title="Noted",
            start=datetime(2025, 3, 1, tzinfo=UTC),
            private_notes="My read",
        )
    )
    _ask(journal, hr, "Quiet", date(2025, 4, 1), private=True)
    _ask(journal, hr, "Open", date(2025, 4, 2), private_notes="Pushed by the sponsor")
    found = left_out(journal, hr.id, *PERIOD)
    assert found.describe(Audience.PARTNER) == (
        "Left out for the partner: 2 private notes, 1 private meeting (counted in the figures), "
        "1 private request (counted in the figures), stances of 2 people, 2 satisfaction scores."
    )
    internal = left_out(journal, hr.id, *PERIOD, audience=Audience.INTERNAL, include_private=True)
    assert internal.describe(Audience.INTERNAL) == "Nothing is left out."
    portfolio = left_out(journal, None, *PERIOD)
    assert (portfolio.private_meetings, portfolio.stances) == (1, 0)  # no stakeholder map


def test_the_pack_is_given_no_private_notes_unless_included(journal: Journal) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    journal.meetings.add(
        Meeting(
            id="",
            partner_id=hr.id,
            title="Shared",
            start=datetime(2025, 4, 1, 9, tzinfo=UTC),
            notes="Agreed the plan",
            private_notes="My read: not convinced",
        )
    )
    _ask(journal, hr, "Open", date(2025, 3, 1), private_notes="Pushed by the sponsor")
    data = gather_partner(journal, hr.id, *PERIOD, with_log=True)
    assert [(m.notes, m.private_notes) for m in data.log] == [("Agreed the plan", "")]
    assert [r.private_notes for r in data.open_demand.items] == [""]
    everything = gather_partner(journal, hr.id, *PERIOD, include_private=True, with_log=True)
    assert [m.private_notes for m in everything.log] == ["My read: not convinced"]
    assert [r.private_notes for r in everything.open_demand.items] == ["Pushed by the sponsor"]
