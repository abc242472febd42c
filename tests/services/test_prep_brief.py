"""The prep brief's data: balance and trend as the balance service says, debts, people."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from brm_desk.domain.enums import Focus, Influence, MeetingType, RequestStatus, Side, Stance
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.services.prep_brief import PrepBrief, build_prep_brief, key_points
from half_filled import half_filled

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 24)


def meeting(
    partner: Partner, title: str, day: date, kind: MeetingType, **fields: object
) -> Meeting:
    return Meeting(
        id="",
        partner_id=partner.id,
        title=title,
        start=datetime(day.year, day.month, day.day, 9, 0, tzinfo=TZ),
        type=kind,
        focus=kind.default_focus,
        **fields,  # type: ignore[arg-type]
    )


@pytest.fixture
def brief(journal: Journal) -> PrepBrief:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    other = journal.partners.add(Partner(id="", name="HR"))
    journal.contacts.add(Contact(id="", partner_id=finance.id, name="Zoe", stance=Stance.BLOCKER))
    journal.contacts.add(
        Contact(
            id="",
            partner_id=finance.id,
            name="Anna",
            influence=Influence.HIGH,
            stance=Stance.CHAMPION,
        )
    )
    journal.contacts.add(Contact(id="", partner_id=other.id, name="Not Finance"))
    for weeks in range(1, 8):
        kind = MeetingType.ROADMAP if weeks % 3 == 0 else MeetingType.ESCALATION
        my_read = "## My read\n\n- Anna doubts the vendor\n" if weeks == 1 else ""
        journal.meetings.add(
            meeting(
                finance,
                f"Week {weeks}",
                TODAY - timedelta(weeks=weeks),
                kind,
                private_notes=my_read,
            )
        )
    journal.meetings.add(meeting(finance, "Old planning", date(2026, 7, 1), MeetingType.PLANNING))
    journal.meetings.add(
        meeting(
            finance,
            "Close review",
            date(2026, 11, 23),
            MeetingType.SERVICE_REVIEW,
            notes="## Context\n\n- Close took **9** days\n- Tobias is tired\n\nThird line\nFourth",
            private=True,
            actions=(
                Action("Send the close timeline", Side.MINE, due=date(2026, 11, 20)),
                Action("Confirm the owners", Side.PARTNER, due=date(2026, 12, 1)),
                Action("Fix the batch job", Side.PROVIDER, owner="ERP team"),
                Action("Already done", Side.MINE, due=date(2026, 11, 1), done=date(2026, 11, 2)),
            ),
        )
    )
    journal.meetings.add(meeting(finance, "Next week", date(2026, 12, 1), MeetingType.PLANNING))
    journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Forecasting",
            received=date(2026, 10, 1),
            want="A dashboard",
            need="Decide faster",
            focus=Focus.STRATEGIC,
        )
    )
    journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Wi-Fi",
            received=date(2026, 10, 2),
            status=RequestStatus.REDIRECTED,
            routed_to="Network",
        )
    )
    journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Invoice matching",
            received=date(2026, 3, 1),
            status=RequestStatus.DELIVERED,
            delivered_on=date(2026, 8, 1),
            expected_benefit="Half the manual matching",
            expected_value_amount=Decimal("50000"),
        )
    )
    return build_prep_brief(journal, finance.id)


def test_balance_and_trend_are_the_balance_services(journal: Journal, brief: PrepBrief) -> None:
    pid = brief.partner.id
    assert brief.today == TODAY
    assert brief.balance == journal.balances.for_partner(pid, date(2026, 8, 26), TODAY)
    assert brief.previous == journal.balances.for_partner(pid, date(2026, 5, 27), date(2026, 8, 25))
    now, before = brief.balance.strategic_share, brief.previous.strategic_share
    assert now is not None
    assert before is not None
    assert brief.trend == pytest.approx(now - before)


def test_the_last_five_meetings_up_to_today_with_key_points(brief: PrepBrief) -> None:
    titles = [recent.meeting.title for recent in brief.recent_meetings]
    assert titles == ["Close review", "Week 1", "Week 2", "Week 3", "Week 4"]
    assert brief.recent_meetings[0].key_points == (
        "Close took 9 days",
        "Tobias is tired",
        "Third line",
    )
    assert brief.recent_meetings[0].meeting.private


def test_open_actions_both_ways_with_overdue_marked(brief: PrepBrief) -> None:
    assert [(a.action.text, a.action.is_overdue(TODAY)) for a in brief.we_owe] == [
        ("Send the close timeline", True),
        ("Fix the batch job", False),
    ]
    they_owe = [(a.action.text, a.action.is_overdue(TODAY)) for a in brief.they_owe]
    assert they_owe == [("Confirm the owners", False)]
    assert brief.they_owe[0].meeting_title == "Close review"


def test_open_requests_and_benefits_reviews_due(brief: PrepBrief) -> None:
    assert [r.title for r in brief.open_requests] == ["Forecasting"]
    assert [(r.request.title, r.due_on, r.overdue) for r in brief.reviews_due] == [
        ("Invoice matching", date(2026, 10, 30), True)
    ]


def test_people_by_influence_then_stance(journal: Journal, brief: PrepBrief) -> None:
    assert [c.name for c in brief.people] == ["Anna", "Zoe"]
    for name, stance in (("Bob", Stance.SKEPTIC), ("Yann", Stance.CHAMPION)):
        journal.contacts.add(Contact(id="", partner_id=brief.partner.id, name=name, stance=stance))
    whole = build_prep_brief(journal, brief.partner.id)
    assert [c.name for c in whole.people] == ["Anna", "Yann", "Bob", "Zoe"]
    shared = whole.shared(include_private=False)
    assert [c.name for c in shared.people] == ["Anna", "Bob", "Yann", "Zoe"], "stances untold"


def test_private_notes_give_their_own_key_points(brief: PrepBrief) -> None:
    assert brief.include_private
    assert brief.recent_meetings[1].private_points == ("Anna doubts the vendor",)
    assert brief.recent_meetings[1].key_points == ()


def test_the_shared_brief_leaves_the_private_side_out_and_keeps_the_figures(
    journal: Journal, brief: PrepBrief
) -> None:
    journal.requests.add(
        Request(
            id="",
            partner_id=brief.partner.id,
            title="Reorg access",
            received=date(2026, 10, 3),
            private=True,
            private_notes="Only Anna knows",
        )
    )
    whole = build_prep_brief(journal, brief.partner.id)
    assert [r.title for r in whole.open_requests] == ["Forecasting", "Reorg access"]
    assert whole.shared(include_private=True) is whole
    shared = whole.shared(include_private=False)
    assert not shared.include_private
    assert (shared.balance, shared.previous) == (whole.balance, whole.previous)
    assert [c.name for c in shared.people] == ["Anna", "Zoe"]
    assert [r.meeting.title for r in shared.recent_meetings] == [
        "Week 1",
        "Week 2",
        "Week 3",
        "Week 4",
    ]
    assert all(not r.private_points and not r.meeting.private_notes for r in shared.recent_meetings)
    # All agreed in the private "Close review": listed by their own text, without its title.
    for side in ("we_owe", "they_owe"):
        whole_side, shared_side = getattr(whole, side), getattr(shared, side)
        assert [a.action for a in shared_side] == [a.action for a in whole_side]
        assert {a.meeting_title for a in whole_side} == {"Close review"}
        assert {a.meeting_title for a in shared_side} == {""}
    assert [r.title for r in shared.open_requests] == ["Forecasting"]
    assert shared.reviews_due == whole.reviews_due


def test_key_points_skip_headings_and_marks() -> None:
    assert key_points("# Title\n\n1. First\n> quoted\n* star **bold**\n") == (
        "First",
        "quoted",
        "star bold",
    )
    assert key_points("") == ()


@pytest.mark.parametrize("kind", list(MeetingType))
def test_key_points_are_what_was_written_never_the_templates_questions(kind: MeetingType) -> None:
    note = half_filled(kind)
    points = key_points(note.notes, count=100)
    assert [p for p in points if not any(word in p for word in note.words)] == []
    assert [w for w in note.words if not any(w in p for p in points)] == []
    assert key_points(note.notes) == points[:3]
