"""Meeting types guessed from calendar titles (whole words, telling words first)."""

from __future__ import annotations

import pytest

from brm_desk.domain.enums import MeetingType
from brm_desk.services.interchange.ics_meeting_type import guess_meeting_type


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Escalation: payroll interface down", MeetingType.ESCALATION),
        ("Incident review – SAP outage", MeetingType.INCIDENT_REVIEW),
        ("Post-mortem: VPN", MeetingType.INCIDENT_REVIEW),
        ("Business case: onboarding portal", MeetingType.BUSINESS_CASE),
        ("Q3 benefits review CRM", MeetingType.VALUE_REVIEW),
        ("Finance roadmap sync", MeetingType.ROADMAP),  # roadmap before sync
        ("Innovation workshop", MeetingType.INNOVATION),
        ("Budget planning 2027", MeetingType.PLANNING),
        ("QBR with HR", MeetingType.SERVICE_REVIEW),
        ("1:1 Anna / Sam", MeetingType.ONE_TO_ONE),
        ("Weekly status", MeetingType.STATUS_CHECKIN),
        ("Squabble over the printer", MeetingType.OTHER),  # "qbr" only as a whole word
        ("Lunch", MeetingType.OTHER),
        ("", MeetingType.OTHER),
    ],
)
def test_the_title_suggests_the_type(title: str, expected: MeetingType) -> None:
    assert guess_meeting_type(title) is expected
