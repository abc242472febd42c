"""A journal filled through the services with what a review pack must show (and hide)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from pypdf import PdfReader

from brm_desk.domain.enums import Focus, Maturity, MeetingType, RequestStatus, Side, Stance
from brm_desk.domain.records import Action, Contact, MaturityChange, Meeting, Partner, Request
from brm_desk.services.journal import Journal

PERIOD = (date(2025, 12, 1), date(2026, 11, 24))
CET = timezone(timedelta(hours=1))
PRIVATE_NOTE = "Sponsor confided the reorganisation zebracorn"
PRIVATE_TITLE = "Off the record with the CFO"
PRIVATE_WANT = "Quietly replace the ledger vendor quokkafish"
MY_READ = "Tomasz blames our vendor management wombatfern"
"""The private notes of every shared meeting and request of Finance."""
CONTACT_READ = "Dana plays politics okapiweed"
"""A contact's notes; her stance, a blocker, is private too."""

TYPES = [
    MeetingType.ESCALATION,
    MeetingType.STATUS_CHECKIN,
    MeetingType.ROADMAP,
    MeetingType.VALUE_REVIEW,
    MeetingType.INCIDENT_REVIEW,
    MeetingType.PLANNING,
]
NOTES = """# Context
The partner wants **faster month-end close** and *fewer* manual steps.

- Ledger export takes 3 days
- Reconciliation is manual
  - two people, every month
1. agree the scope

Odd characters stay text: <script>alert(1)</script> & "quotes" — naïve café.
"""


@dataclass
class Filled:
    """What was put in, for the tests to look for."""

    finance: Partner
    hr: Partner
    archived: Partner
    titles: list[str] = field(default_factory=list)
    private_title: str = PRIVATE_TITLE


def fill(journal: Journal, meetings_per_month: int = 3) -> Filled:
    finance = journal.partners.add(
        Partner(
            id="",
            name="Finance",
            sponsor="Dana Whitfield, CFO",
            business_unit="Group Finance",
            maturity=Maturity.SERVICE_PROVIDER,
            maturity_history=(
                MaturityChange(Maturity.ORDER_TAKER, date(2025, 1, 10)),
                MaturityChange(Maturity.SERVICE_PROVIDER, date(2026, 2, 1)),
            ),
        )
    )
    hr = journal.partners.add(Partner(id="", name="Human Resources", target_strategic_share=0.5))
    archived = journal.partners.add(Partner(id="", name="Old Division", archived=True))
    journal.contacts.add(
        Contact(
            id="",
            partner_id=finance.id,
            name="Dana Whitfield",
            stance=Stance.BLOCKER,
            notes=CONTACT_READ,
        )
    )
    filled = Filled(finance, hr, archived)
    start = datetime(2025, 6, 2, 9, 30, tzinfo=CET)
    number = 0
    for month in range(18):
        for slot in range(meetings_per_month):
            number += 1
            kind = TYPES[number % len(TYPES)]
            when = start + timedelta(days=30 * month + 7 * slot)
            title = f"{kind.label} number {number}"
            actions = (
                Action(f"Send the close timeline {number}", Side.MINE, "me", when.date()),
                Action(f"Share the ledger sample {number}", Side.PARTNER, "Dana", None),
            )
            saved = journal.meetings.add(
                Meeting(
                    id="",
                    partner_id=finance.id,
                    title=title,
                    start=when,
                    duration_minutes=60,
                    type=kind,
                    focus=kind.default_focus,
                    notes=NOTES,
                    private_notes=f"## My read\n\n{MY_READ}",
                    satisfaction=1 + number % 5,
                    actions=actions if number % 4 == 0 else (),
                )
            )
            if PERIOD[0] <= saved.local_date <= PERIOD[1]:
                filled.titles.append(title)
            journal.meetings.add(
                Meeting(
                    id="",
                    partner_id=hr.id,
                    title=f"HR check-in {number}",
                    start=when + timedelta(hours=3),
                    type=MeetingType.ONE_TO_ONE if slot else MeetingType.INNOVATION,
                    focus=Focus.ROUTINE if slot else Focus.STRATEGIC,
                )
            )
    journal.meetings.add(
        Meeting(
            id="",
            partner_id=finance.id,
            title=PRIVATE_TITLE,
            start=datetime(2026, 10, 14, 18, tzinfo=CET),
            type=MeetingType.ONE_TO_ONE,
            focus=Focus.ROUTINE,
            notes=PRIVATE_NOTE,
            private=True,
        )
    )
    for n in range(30):
        journal.requests.add(
            Request(
                id="",
                partner_id=finance.id,
                title=f"Request {n}",
                received=date(2026, 1, 5) + timedelta(days=9 * n),
                focus=Focus.STRATEGIC if n % 3 == 0 else Focus.REACTIVE,
                want=f"Want text {n}: a new report with every column",
                need=f"Need text {n}: decide on credit limits faster",
                status=RequestStatus.ACCEPTED if n % 2 else RequestStatus.NEW,
                private_notes=MY_READ,
            )
        )
    journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Delivered dashboard",
            received=date(2026, 1, 2),
            status=RequestStatus.DELIVERED,
            delivered_on=date(2026, 3, 1),
            expected_benefit="Two days faster close",
            expected_value_amount=Decimal(100000),
            realized_value_amount=Decimal(40000),
        )
    )
    journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title="Vendor swap",
            received=date(2026, 9, 1),
            want=PRIVATE_WANT,
            private=True,
        )
    )
    return filled


def pdf_text(path: object) -> tuple[int, str, list[str]]:
    """Page count, the whole text, and each page's text."""
    reader = PdfReader(str(path))
    pages = [page.extract_text() or "" for page in reader.pages]
    return len(reader.pages), "\n".join(pages), pages
