"""A journal filled through the services with what a review pack must show (and hide)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from pypdf import PdfReader

from brm_desk.domain.assessments import Assessment, MaturityGoal
from brm_desk.domain.enums import Focus, Maturity, MeetingType, RequestStatus, Side, Stance
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request
from brm_desk.services.journal import Journal

PERIOD = (date(2025, 12, 1), date(2026, 11, 24))
CET = timezone(timedelta(hours=1))
PRIVATE_NOTE = "Sponsor confided the reorganisation zebracorn"
PRIVATE_TITLE = "Off the record with the CFO"
PRIVATE_WANT = "Quietly replace the ledger vendor quokkafish"
MY_READ = "Tomasz blames our vendor management wombatfern"
ASSESSMENT_NOTE = "The CFO rates us higher than the roadmap shows platypusjam"
GOAL_MET = "Quarterly service review with the CFO"
GOAL_OPEN = "Joint technology roadmap for the close"
ORDERED = Maturity.ORDER_TAKER
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

## Decisions
- Adopt the rolling forecast
"""
DECISION = "Adopt the rolling forecast"
NEXT_PERIOD = "- Agree the Q1 roadmap with Dana\nReview the close timeline in March"
PRIVATE_FOLLOW_UP = "Call the auditor before the board"


@dataclass
class Filled:
    """What was put in, for the tests to look for."""

    finance: Partner
    hr: Partner
    archived: Partner
    titles: list[str] = field(default_factory=list)
    evidence_titles: list[str] = field(default_factory=list)
    private_title: str = PRIVATE_TITLE


def fill(journal: Journal, meetings_per_month: int = 3) -> Filled:
    finance = journal.partners.add(
        Partner(
            id="",
            name="Finance",
            sponsor="Dana Whitfield, CFO",
            business_unit="Group Finance",
            maturity=Maturity.SERVICE_PROVIDER,
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
            notes=f"{PRIVATE_NOTE}\n\n## Decisions\n- Quietly drop the vendor quokkafish",
            private=True,
            satisfaction=2,
            actions=(Action(PRIVATE_FOLLOW_UP, Side.MINE, "me", date(2025, 5, 1)),),
        )
    )
    finance = journal.partners.update(replace(finance, next_period=NEXT_PERIOD))
    assess(journal, finance, filled)
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
            value=5,
            private=True,
        )
    )
    return filled


def assess(journal: Journal, finance: Partner, filled: Filled) -> None:
    """Finance's maturity path: ordered in 2025, a service provider since February 2026 in
    the BRM's view, a trusted advisor in the partner's, with goals for the next level."""
    [first] = journal.assessments.of_partner(finance.id)
    journal.assessments.update(replace(first, assessed_on=date(2025, 1, 10), brm_view=ORDERED))
    evidence = journal.meetings.of_partner(finance.id, 2)
    journal.assessments.add(
        Assessment(
            "",
            finance.id,
            date(2026, 2, 1),
            Maturity.SERVICE_PROVIDER,
            Maturity.TRUSTED_ADVISOR,
            meeting_ids=tuple(m.id for m in evidence),
            note=ASSESSMENT_NOTE,
            goals=(MaturityGoal(GOAL_MET, met=True), MaturityGoal(GOAL_OPEN)),
        )
    )
    filled.evidence_titles = [m.title for m in evidence if not m.private]


def pdf_text(path: object) -> tuple[int, str, list[str]]:
    """Page count, the whole text, and each page's text."""
    reader = PdfReader(str(path))
    pages = [page.extract_text() or "" for page in reader.pages]
    return len(reader.pages), "\n".join(pages), pages


def busy_partner(journal: Journal, meetings: int = 1200, text: int = 2000) -> str:
    """A partner of ``meetings`` meetings in 2026 and the most of everything else a pack
    lists, every text ``text`` characters long; returns its id. Imported in one go."""
    import random

    from brm_desk.services.interchange.json_io import import_journal

    rng = random.Random(14)
    words = ("ledger", "close", "forecast", "vendor", "budget", "audit", "renewal", "roadmap",
             "cloud", "payroll")  # fmt: skip

    def long(prefix: str, size: int = text) -> str:
        said = prefix
        while len(said) < size:
            said += " " + rng.choice(words)
        return said[:size]

    name = long("Group Finance and Treasury", 200)
    partner = {
        "id": "busy", "name": name, "sponsor": long("Sponsor", 200),
        "business_unit": long("Unit", 200),
        "next_period": "\n".join(f"- {long('Next', 100)}" for _ in range(12)),
        "maturity_history": [
            {"maturity": m, "since": f"{2010 + i}-01-0{1 + i % 9}"}
            for i, m in enumerate(["ad_hoc", "order_taker", "service_provider"] * 5)
        ],
    }  # fmt: skip
    contacts = [
        {"id": f"c{n}", "partner": "busy", "name": long(f"Person {n}", 120),
         "role": long("Role", 200), "stance": "blocker", "notes": long("read")}
        for n in range(80)
    ]  # fmt: skip
    note = "\n".join(
        ["## Decisions", *(f"- {long('Decided', 300)}" for _ in range(5)), "", long("Body")]
    )
    kinds = ["escalation", "roadmap", "status_checkin", "planning", "value_review"]
    meeting_list = [
        {
            "id": f"m{n}", "partner": "busy", "title": long(f"Meeting {n}", 200),
            "start": (datetime(2026, 1, 1, 9, tzinfo=CET) + timedelta(hours=6 * n)).isoformat(),
            "type": kinds[n % 5], "focus": ("reactive", "strategic", "routine")[n % 3],
            "notes": note, "private_notes": long("My read"), "private": n % 10 == 0,
            "satisfaction": 1 + n % 5,
            "actions": [
                {"text": long("Do", 1000), "side": ("mine", "partner", "provider")[n % 3],
                 "owner": long("Owner", 100), "due": "2026-02-01", "done": None}
            ],
        }
        for n in range(meetings)
    ]  # fmt: skip
    statuses = ["new", "accepted", "deferred", "delivered"]
    requests = [
        {
            "id": f"r{n}", "partner": "busy", "title": long(f"Request {n}", 200),
            "received": f"2026-{1 + n % 11:02d}-{1 + n % 27:02d}", "want": long("Want"),
            "need": long("Need"), "status": statuses[n % 4],
            "revisit_on": "2027-01-01" if n % 4 == 2 else None,
            "delivered_on": f"2026-{1 + n % 11:02d}-28" if n % 4 == 3 else None,
            "expected_benefit": long("Benefit"), "expected_value_amount": 1000 * n,
            "realized_value_amount": 500 * n, "private": n % 7 == 0,
        }
        for n in range(400)
    ]  # fmt: skip
    document = {
        "format": "brm-desk-journal", "version": 1, "exported_at": "2026-11-24T10:00:00+00:00",
        "partners": [partner], "contacts": contacts, "meetings": meeting_list,
        "requests": requests,
    }  # fmt: skip
    import_journal(journal, document)
    return "busy"
