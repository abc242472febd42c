"""A journal for the chart tests: Finance met over three months with a mix of focus."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from brm_desk.domain.enums import MeetingType
from brm_desk.domain.records import Meeting, Partner
from brm_desk.services.journal import Journal

CET = timezone(timedelta(hours=1))

# (month, day, type, minutes): September is mostly fixing, November mostly strategy.
FINANCE_MEETINGS = [
    (9, 2, MeetingType.ESCALATION, 60),
    (9, 9, MeetingType.INCIDENT_REVIEW, 30),
    (9, 16, MeetingType.ROADMAP, 90),
    (10, 7, MeetingType.ESCALATION, 45),
    (10, 14, MeetingType.STATUS_CHECKIN, 30),
    (10, 21, MeetingType.PLANNING, 120),
    (10, 28, MeetingType.VALUE_REVIEW, 60),
    (11, 4, MeetingType.ROADMAP, 90),
    (11, 11, MeetingType.PLANNING, 60),
    (11, 18, MeetingType.ESCALATION, 30),
]


@dataclass
class ChartJournal:
    journal: Journal
    finance: Partner
    sales: Partner


def fill_for_charts(journal: Journal) -> ChartJournal:
    finance = journal.partners.add(Partner(id="", name="Finance", target_strategic_share=0.6))
    sales = journal.partners.add(Partner(id="", name="Sales", target_strategic_share=0.5))
    for month, day, kind, minutes in FINANCE_MEETINGS:
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=finance.id,
                title=f"{kind.label} {day}/{month}",
                start=datetime(2026, month, day, 10, 0, tzinfo=CET),
                type=kind,
                focus=kind.default_focus,
                duration_minutes=minutes,
            )
        )
    for day in (3, 10, 17):
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=sales.id,
                title=f"Outage {day}",
                start=datetime(2026, 11, day, 9, 0, tzinfo=CET),
                type=MeetingType.ESCALATION,
                focus=MeetingType.ESCALATION.default_focus,
                duration_minutes=45,
            )
        )
    return ChartJournal(journal, finance, sales)
