"""A journal with one of each kind of reminder due at a fixed moment, for the reminders' tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from brm_desk.domain.enums import Focus, RequestStatus, Side
from brm_desk.domain.records import Action, Meeting, Partner, Request
from brm_desk.services.journal import Journal

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 9, 50, tzinfo=ZONE)


def fill(journal: Journal, today: date | None = None, now: datetime | None = None) -> None:
    """Finance: a meeting at 10:00 (a private one at 15:00), a follow-up I owe tomorrow, one
    overdue, one they owe late, a benefits review due; Legal: never met strategically."""
    now = now or NOW
    day = today or now.date()
    journal.partners.add(Partner(id="fin", name="Finance", touch_cadence_days=30))
    journal.partners.add(Partner(id="leg", name="Legal"))
    journal.meetings.add(
        Meeting(
            "past", "fin", "Roadmap review", now - timedelta(days=10), focus=Focus.STRATEGIC,
            actions=(
                Action("Send the roadmap", Side.MINE, "", day + timedelta(days=1)),
                Action("Book the workshop", Side.MINE, "", day - timedelta(days=2)),
                Action("Share the cost figures", Side.PARTNER, "Katrin", day - timedelta(days=1)),
                Action("Later", Side.MINE, "", day + timedelta(days=9)),
            ),
        )
    )  # fmt: skip
    journal.meetings.add(Meeting("soon", "fin", "Budget call", now + timedelta(minutes=10)))
    journal.meetings.add(
        Meeting("secret", "fin", "Reorganisation", now + timedelta(hours=5), private=True)
    )
    journal.requests.add(
        Request(
            "dash", "fin", "Close dashboards", day - timedelta(days=200),
            status=RequestStatus.DELIVERED, delivered_on=day - timedelta(days=95),
            need="Faster close", expected_benefit="Two days faster",
        )
    )  # fmt: skip
