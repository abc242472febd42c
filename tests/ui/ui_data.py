"""A small journal for UI tests: two partners, a contact, four meetings, one request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus, Stance
from brm_desk.domain.records import Contact, Meeting, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.ui.widgets.dates import DateField

TZ = timezone(timedelta(hours=1))


@dataclass
class Filled:
    """Ids of what :func:`filled` put in the journal."""

    journal: Journal
    finance: Partner
    hr: Partner
    anna: Contact
    meeting_ids: list[str]
    request: Request


def _meeting(partner: Partner, title: str, day: int, kind: MeetingType, minutes: int) -> Meeting:
    start = datetime(2026, 11, day, 9, 0, tzinfo=TZ)
    return Meeting(
        id="",
        partner_id=partner.id,
        title=title,
        start=start,
        type=kind,
        focus=kind.default_focus,
        duration_minutes=minutes,
    )


def fill(journal: Journal) -> Filled:
    """Two partners, a contact, four meetings in November 2026, one request."""
    finance = journal.partners.add(Partner(id="", name="Finance", business_unit="CFO office"))
    hr = journal.partners.add(Partner(id="", name="Human Resources", target_strategic_share=0.5))
    anna = journal.contacts.add(
        Contact(id="", partner_id=finance.id, name="Anna Berg", role="CFO", stance=Stance.CHAMPION)
    )
    meetings = [
        _meeting(finance, "Month-end close outage", 3, MeetingType.ESCALATION, 60),
        _meeting(finance, "Budget planning 2027", 10, MeetingType.PLANNING, 90),
        _meeting(finance, "Weekly check-in", 17, MeetingType.STATUS_CHECKIN, 30),
        _meeting(hr, "Payroll incident review", 5, MeetingType.INCIDENT_REVIEW, 45),
    ]
    ids = [journal.meetings.add(m).id for m in meetings]
    request = journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Forecasting dashboard",
            received=date(2026, 11, 12),
            focus=Focus.STRATEGIC,
            status=RequestStatus.NEW,
            value=5,
            urgency=2,
        )
    )
    return Filled(journal, finance, hr, anna, ids, request)


def type_day(qtbot: QtBot, field: DateField, text: str) -> None:
    """Type ``text`` into a date field as a person would, and press Enter."""
    field.edit.clear()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
