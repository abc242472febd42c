"""Partners, contacts, meetings and requests through the services, on a real journal file."""

from __future__ import annotations

import sqlite3
import tempfile
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from brm_desk.domain.assessments import Assessment, maturity_path
from brm_desk.domain.enums import (
    Focus,
    Influence,
    Maturity,
    MeetingType,
    RequestStatus,
    Side,
    Stance,
)
from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import (
    Action,
    Contact,
    MaturityChange,
    Meeting,
    Partner,
    Request,
)
from brm_desk.domain.rules import MAX_AMOUNT, check_meeting, check_request
from brm_desk.services.journal import Journal

TODAY = date(2026, 11, 24)
KIRIBATI = timezone(timedelta(hours=14))
BAKER_ISLAND = timezone(timedelta(hours=-12))
KATHMANDU = timezone(timedelta(hours=5, minutes=45))


def count_rows(journal: Journal, table: str) -> int:
    uri = f"{journal.path.resolve().as_uri()}?mode=ro"
    with closing(sqlite3.connect(uri, uri=True)) as raw:
        return int(raw.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def path(journal: Journal, partner: Partner) -> tuple[MaturityChange, ...]:
    return maturity_path(journal.assessments.of_partner(partner.id))


def add_partner(journal: Journal, name: str = "Finance", **fields: object) -> Partner:
    return journal.partners.add(Partner(id="", name=name, **fields))  # type: ignore[arg-type]


def add_contact(journal: Journal, partner: Partner, name: str) -> Contact:
    return journal.contacts.add(Contact(id="", partner_id=partner.id, name=name))


def add_meeting(
    journal: Journal, partner: Partner, title: str = "Check-in", **fields: object
) -> Meeting:
    start = fields.pop("start", datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    return journal.meetings.add(
        Meeting(id="", partner_id=partner.id, title=title, start=start, **fields)  # type: ignore[arg-type]
    )


def add_request(
    journal: Journal, partner: Partner, title: str = "Dashboard", **fields: object
) -> Request:
    received = fields.pop("received", date(2026, 3, 1))
    return journal.requests.add(
        Request(id="", partner_id=partner.id, title=title, received=received, **fields)  # type: ignore[arg-type]
    )


# --- partners ----------------------------------------------------------------------------------


def test_a_partner_keeps_every_field(journal: Journal) -> None:
    added = journal.partners.add(
        Partner(
            id="",
            name="  Finance & Controlling ",
            business_unit="Group Finance",
            sponsor="Grace Hopper (CFO)",
            maturity=Maturity.SERVICE_PROVIDER,
            target_strategic_share=0.45,
            touch_cadence_days=21,
            notes="# Finance\n\n- close in **5 days**\n- 日本語 notes\n",
            archived=True,
        )
    )
    assert added.id
    expected = Partner(
        id=added.id,
        name="Finance & Controlling",
        business_unit="Group Finance",
        sponsor="Grace Hopper (CFO)",
        maturity=Maturity.SERVICE_PROVIDER,
        target_strategic_share=0.45,
        touch_cadence_days=21,
        notes="# Finance\n\n- close in **5 days**\n- 日本語 notes\n",
        archived=True,
    )
    assert added == expected
    assert journal.partners.get(added.id) == expected
    assert path(journal, added) == (MaturityChange(Maturity.SERVICE_PROVIDER, TODAY),)


def test_a_partner_takes_the_defaults_of_the_spec(journal: Journal) -> None:
    partner = add_partner(journal)
    assert (partner.maturity, partner.target_strategic_share, partner.touch_cadence_days) == (
        Maturity.AD_HOC,
        0.6,
        30,
    )
    assert path(journal, partner) == (MaturityChange(Maturity.AD_HOC, TODAY),)
    assert partner.archived is False


def test_assessments_are_kept_in_date_order_and_the_latest_sets_the_maturity(
    journal: Journal,
) -> None:
    history = (
        MaturityChange(Maturity.SERVICE_PROVIDER, date(2026, 2, 1)),
        MaturityChange(Maturity.ORDER_TAKER, date(2025, 1, 10)),
    )
    partner = add_partner(journal, maturity=Maturity.TRUSTED_ADVISOR)
    journal.assessments.delete(journal.assessments.of_partner(partner.id)[0].id)
    for change in history:
        journal.assessments.add(Assessment("", partner.id, change.since, change.maturity))
    assert path(journal, partner) == (history[1], history[0])
    assert journal.partners.get(partner.id).maturity is Maturity.SERVICE_PROVIDER


def test_a_partner_can_be_changed_in_every_field(journal: Journal) -> None:
    partner = add_partner(journal)
    changed = replace(
        partner,
        name="Finance (EMEA)",
        business_unit="EMEA",
        sponsor="Ada",
        target_strategic_share=1.0,
        touch_cadence_days=7,
        notes="new",
        archived=True,
    )
    assert journal.partners.update(changed) == changed
    assert journal.partners.get(partner.id) == changed


def test_changing_maturity_records_an_assessment_dated_today(journal_path: Path) -> None:
    clock = [date(2026, 1, 5)]
    with Journal.create(journal_path, today=lambda: clock[0]) as journal:
        partner = add_partner(journal)
        clock[0] = date(2026, 4, 1)
        journal.assessments.set_maturity(partner.id, Maturity.ORDER_TAKER)
        clock[0] = date(2026, 9, 30)
        partner = journal.partners.update(replace(partner, notes="same maturity"))
        journal.assessments.set_maturity(partner.id, Maturity.TRUSTED_ADVISOR)
        assert path(journal, partner) == (
            MaturityChange(Maturity.AD_HOC, date(2026, 1, 5)),
            MaturityChange(Maturity.ORDER_TAKER, date(2026, 4, 1)),
            MaturityChange(Maturity.TRUSTED_ADVISOR, date(2026, 9, 30)),
        )
        # A second change on the same day corrects that day's entry rather than adding one.
        journal.assessments.set_maturity(partner.id, Maturity.SERVICE_PROVIDER)
        assert path(journal, partner)[-1] == MaturityChange(
            Maturity.SERVICE_PROVIDER, date(2026, 9, 30)
        )
        assert len(path(journal, partner)) == 3
        assert journal.partners.get(partner.id).maturity is Maturity.SERVICE_PROVIDER
        # The partner's fields alone never change its maturity: assessments do.
        journal.partners.update(replace(partner, maturity=Maturity.AD_HOC))
        assert journal.partners.get(partner.id).maturity is Maturity.SERVICE_PROVIDER


def test_partners_are_listed_by_name_and_archived_ones_can_be_left_out(journal: Journal) -> None:
    for name in ["Sales", "finance", "HR", "Audit"]:
        add_partner(journal, name, archived=name == "HR")
    assert [p.name for p in journal.partners.listing()] == ["Audit", "finance", "HR", "Sales"]
    assert [p.name for p in journal.partners.listing(include_archived=False)] == [
        "Audit",
        "finance",
        "Sales",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [("Finance", "FINANCE"), ("Finance", " finance "), ("École", "ÉCOLE"), ("Straße", "STRASSE")],
)
def test_partner_names_are_unique_ignoring_case(journal: Journal, first: str, second: str) -> None:
    add_partner(journal, first)
    with pytest.raises(ValidationError) as caught:
        add_partner(journal, second)
    assert caught.value.field == "name"
    assert first in caught.value.reason
    assert [p.name for p in journal.partners.listing()] == [first]


def test_renaming_onto_another_partners_name_is_refused(journal: Journal) -> None:
    add_partner(journal, "Finance")
    hr = add_partner(journal, "HR")
    with pytest.raises(ValidationError) as caught:
        journal.partners.update(replace(hr, name="finance"))
    assert caught.value.field == "name"
    assert journal.partners.get(hr.id).name == "HR"
    assert journal.partners.update(replace(hr, name="hr")).name == "hr"


def test_a_partner_is_found_by_name_ignoring_case(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    ecole = add_partner(journal, "École")
    assert journal.partners.find("Finance") == finance
    assert journal.partners.find(" FINANCE ") == finance
    assert journal.partners.find("école") == ecole
    with pytest.raises(NotFoundError, match="Fin"):
        journal.partners.find("Fin")


# --- contacts ----------------------------------------------------------------------------------


def test_a_contact_keeps_every_field(journal: Journal) -> None:
    finance = add_partner(journal)
    added = journal.contacts.add(
        Contact(
            id="",
            partner_id=finance.id,
            name=" Grace Hopper ",
            role="CFO",
            email="grace@example.org",
            phone="+44 20 7946 0000",
            influence=Influence.HIGH,
            stance=Stance.CHAMPION,
            notes="Prefers *numbers*.",
        )
    )
    expected = Contact(
        id=added.id,
        partner_id=finance.id,
        name="Grace Hopper",
        role="CFO",
        email="grace@example.org",
        phone="+44 20 7946 0000",
        influence=Influence.HIGH,
        stance=Stance.CHAMPION,
        notes="Prefers *numbers*.",
    )
    assert added == expected
    assert journal.contacts.get(added.id) == expected


def test_a_contact_can_be_changed_and_moved_to_another_partner(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    hr = add_partner(journal, "HR")
    grace = add_contact(journal, finance, "Grace")
    moved = replace(grace, partner_id=hr.id, role="CHRO", stance=Stance.SKEPTIC)
    assert journal.contacts.update(moved) == moved
    assert journal.contacts.listing(finance.id) == []
    assert journal.contacts.listing(hr.id) == [moved]


def test_contacts_are_listed_by_name_for_one_partner_or_all(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    hr = add_partner(journal, "HR")
    for name in ["Linus", "ada", "Grace"]:
        add_contact(journal, finance, name)
    add_contact(journal, hr, "Barbara")
    assert [c.name for c in journal.contacts.listing(finance.id)] == ["ada", "Grace", "Linus"]
    assert [c.name for c in journal.contacts.listing()] == ["ada", "Barbara", "Grace", "Linus"]


def test_a_contact_with_a_bad_email_is_refused_and_not_stored(journal: Journal) -> None:
    finance = add_partner(journal)
    with pytest.raises(ValidationError) as caught:
        journal.contacts.add(Contact(id="", partner_id=finance.id, name="Ada", email="ada@"))
    assert caught.value.field == "email"
    assert journal.contacts.listing() == []


# --- meetings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "start",
    [
        datetime(2026, 3, 1, 23, 59, 59, 123456, tzinfo=KIRIBATI),
        datetime(2026, 3, 1, 0, 0, tzinfo=BAKER_ISLAND),
        datetime(2026, 12, 31, 23, 30, tzinfo=KATHMANDU),
        datetime(2026, 6, 1, 9, 0, tzinfo=UTC),
    ],
    ids=lambda start: start.isoformat(),
)
def test_a_meeting_keeps_every_field_and_its_own_offset(journal: Journal, start: datetime) -> None:
    finance = add_partner(journal)
    grace, ada, linus = (add_contact(journal, finance, n) for n in ["Grace", "Ada", "Linus"])
    actions = (
        Action("Send the close calendar", Side.MINE, "me", date(2026, 3, 9)),
        Action("Confirm the budget", Side.PARTNER, "Grace", None, date(2026, 3, 4)),
        Action("Fix the report job", Side.PROVIDER, "Ops", date(2026, 3, 20), None),
    )
    added = journal.meetings.add(
        Meeting(
            id="",
            partner_id=finance.id,
            title="Quarterly roadmap",
            start=start,
            duration_minutes=1440,
            type=MeetingType.ROADMAP,
            focus=Focus.REACTIVE,
            location="Room 4 / Teams",
            attendee_ids=(linus.id, grace.id, ada.id),
            notes="## Decisions\n\n1. Close automation first\n",
            private=True,
            tags=(" close ", "ERP", "Close", "erp", "automation"),
            satisfaction=2,
            actions=actions,
        )
    )
    expected = Meeting(
        id=added.id,
        partner_id=finance.id,
        title="Quarterly roadmap",
        start=start,
        duration_minutes=1440,
        type=MeetingType.ROADMAP,
        focus=Focus.REACTIVE,
        location="Room 4 / Teams",
        attendee_ids=(linus.id, grace.id, ada.id),
        notes="## Decisions\n\n1. Close automation first\n",
        private=True,
        tags=("close", "ERP", "automation"),
        satisfaction=2,
        actions=actions,
    )
    stored = journal.meetings.get(added.id)
    for meeting in (added, stored):
        assert meeting == expected
        assert meeting.start.utcoffset() == start.utcoffset()
        assert meeting.start.isoformat() == start.isoformat()
        assert meeting.local_date == start.date()


def test_a_meeting_can_be_changed_in_every_field(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    hr = add_partner(journal, "HR")
    grace, ada = add_contact(journal, finance, "Grace"), add_contact(journal, finance, "Ada")
    meeting = add_meeting(
        journal,
        finance,
        attendee_ids=(grace.id, ada.id),
        actions=(Action("Call back"), Action("Write up", Side.PARTNER)),
        satisfaction=5,
    )
    changed = replace(
        meeting,
        partner_id=hr.id,
        title="Escalation: payroll",
        start=datetime(2026, 4, 1, 17, 15, tzinfo=BAKER_ISLAND),
        duration_minutes=1,
        type=MeetingType.ESCALATION,
        focus=Focus.STRATEGIC,
        location="Phone",
        attendee_ids=(ada.id,),
        notes="Payroll run failed.",
        private=True,
        tags=("payroll",),
        satisfaction=None,
        actions=(Action("Root cause", Side.PROVIDER, "Payroll team", date(2026, 4, 3)),),
    )
    assert journal.meetings.update(changed) == changed
    assert journal.meetings.get(meeting.id) == changed
    assert journal.meetings.of_partner(finance.id) == []
    assert count_rows(journal, "meeting_action") == 1
    assert count_rows(journal, "meeting_attendee") == 1


def test_a_partners_meetings_come_latest_first_by_the_instant(journal: Journal) -> None:
    finance = add_partner(journal)
    # 09:00 in Kiribati is 19:00 UTC the day before; 20:00 at Baker Island is 08:00 UTC next day.
    kiribati = add_meeting(journal, finance, "K", start=datetime(2026, 3, 2, 9, tzinfo=KIRIBATI))
    utc = add_meeting(journal, finance, "U", start=datetime(2026, 3, 1, 20, tzinfo=UTC))
    baker = add_meeting(journal, finance, "B", start=datetime(2026, 3, 1, 20, tzinfo=BAKER_ISLAND))
    assert [m.title for m in journal.meetings.of_partner(finance.id)] == ["B", "U", "K"]
    assert [m.title for m in journal.meetings.of_partner(finance.id, limit=2)] == ["B", "U"]
    assert {kiribati.id, utc.id, baker.id} == {
        m.id for m in journal.meetings.of_partner(finance.id)
    }


def test_a_meeting_with_an_unknown_attendee_is_refused(journal: Journal) -> None:
    finance = add_partner(journal)
    with pytest.raises(ValidationError) as caught:
        add_meeting(journal, finance, attendee_ids=("nobody",))
    assert caught.value.field == "attendees"
    assert count_rows(journal, "meeting") == 0


def test_a_meeting_with_a_naive_start_is_refused(journal: Journal) -> None:
    finance = add_partner(journal)
    with pytest.raises(ValidationError) as caught:
        add_meeting(journal, finance, start=datetime(2026, 3, 2, 9, 0))
    assert caught.value.field == "start"


# --- requests ----------------------------------------------------------------------------------


def test_a_request_keeps_every_field(journal: Journal) -> None:
    finance = add_partner(journal)
    grace = add_contact(journal, finance, "Grace")
    first = add_meeting(journal, finance, "First")
    second = add_meeting(journal, finance, "Second")
    bigger = add_request(journal, finance, "Close automation programme")
    added = journal.requests.add(
        Request(
            id="",
            partner_id=finance.id,
            title=" A new dashboard ",
            received=date(2026, 2, 28),
            raised_by_id=grace.id,
            focus=Focus.STRATEGIC,
            want="A dashboard with *all* the numbers",
            need="Close the books two days faster",
            value=5,
            urgency=1,
            status=RequestStatus.REFRAMED,
            routed_to="Data team",
            delivered_on=None,
            revisit_on=date(2026, 6, 1),
            reframed_as_id=bigger.id,
            outcome_note="Folded into the close programme.",
            expected_benefit="Two days faster close",
            expected_value_amount=Decimal("1234567.89"),
            realized_value_amount=Decimal("0.10"),
            benefit_reviewed_on=None,
            meeting_ids=(second.id, first.id),
            notes="Raised twice.",
            private=True,
            tags=("close", " Close ", "kpi"),
        )
    )
    expected = Request(
        id=added.id,
        partner_id=finance.id,
        title="A new dashboard",
        received=date(2026, 2, 28),
        raised_by_id=grace.id,
        focus=Focus.STRATEGIC,
        want="A dashboard with *all* the numbers",
        need="Close the books two days faster",
        value=5,
        urgency=1,
        status=RequestStatus.REFRAMED,
        routed_to="Data team",
        revisit_on=date(2026, 6, 1),
        reframed_as_id=bigger.id,
        outcome_note="Folded into the close programme.",
        expected_benefit="Two days faster close",
        expected_value_amount=Decimal("1234567.89"),
        realized_value_amount=Decimal("0.10"),
        meeting_ids=(second.id, first.id),
        notes="Raised twice.",
        private=True,
        tags=("close", "kpi"),
    )
    stored = journal.requests.get(added.id)
    for request in (added, stored):
        assert request == expected
        assert str(request.expected_value_amount) == "1234567.89"
        assert str(request.realized_value_amount) == "0.10"


def test_amounts_come_back_exact(journal: Journal) -> None:
    finance = add_partner(journal)
    for text in ["0.1", "0.30", "999999999999.99", "12345678901.5678", "7", "1E+3"]:
        request = add_request(journal, finance, f"R {text}", expected_value_amount=Decimal(text))
        amount = journal.requests.get(request.id).expected_value_amount
        assert amount == Decimal(text)
        assert str(amount) == text


def test_a_request_follows_its_workflow_to_the_benefits_review(journal: Journal) -> None:
    finance = add_partner(journal)
    request = add_request(
        journal, finance, need="Close the books sooner", expected_benefit="Faster close"
    )
    assert request.status is RequestStatus.NEW
    request = journal.requests.update(replace(request, status=RequestStatus.ACCEPTED))
    request = journal.requests.update(
        replace(request, status=RequestStatus.DELIVERED, delivered_on=date(2026, 5, 1))
    )
    request = journal.requests.update(
        replace(
            request,
            status=RequestStatus.BENEFITS_REVIEWED,
            benefit_reviewed_on=date(2026, 8, 1),
            realized_value_amount=Decimal("800"),
        )
    )
    stored = journal.requests.get(request.id)
    assert stored.status is RequestStatus.BENEFITS_REVIEWED
    assert (stored.delivered_on, stored.benefit_reviewed_on) == (date(2026, 5, 1), date(2026, 8, 1))


@pytest.mark.parametrize(
    ("status", "fields"),
    [
        (RequestStatus.DELIVERED, {"delivered_on": date(2026, 5, 1)}),
        (RequestStatus.BENEFITS_REVIEWED,
         {"delivered_on": date(2026, 5, 1), "benefit_reviewed_on": date(2026, 8, 1)}),
    ],
)  # fmt: skip
def test_a_status_change_the_workflow_does_not_allow_is_refused(
    journal: Journal, status: RequestStatus, fields: dict[str, date]
) -> None:
    finance = add_partner(journal)
    request = add_request(journal, finance)
    with pytest.raises(ValidationError) as caught:
        journal.requests.update(replace(request, status=status, **fields))  # type: ignore[arg-type]
    assert caught.value.field == "status"
    assert journal.requests.get(request.id) == request


def test_a_status_without_its_required_field_is_refused(journal: Journal) -> None:
    finance = add_partner(journal)
    request = add_request(journal, finance)
    for status, missing in [
        (RequestStatus.DEFERRED, "revisit_on"),
        (RequestStatus.REDIRECTED, "routed_to"),
        (RequestStatus.REFRAMED, "reframed_as"),
        (RequestStatus.DECLINED, "outcome_note"),
    ]:
        with pytest.raises(ValidationError) as caught:
            journal.requests.update(replace(request, status=status))
        assert caught.value.field == missing
    assert journal.requests.get(request.id) == request


def test_a_request_cannot_point_at_records_that_do_not_exist(journal: Journal) -> None:
    finance = add_partner(journal)
    for field, value, name in [
        ("raised_by_id", "ghost", "raised_by"),
        ("meeting_ids", ("ghost",), "meetings"),
        ("reframed_as_id", "ghost", "reframed_as"),
    ]:
        with pytest.raises(ValidationError) as caught:
            add_request(journal, finance, **{field: value})
        assert caught.value.field == name
    assert count_rows(journal, "request") == 0


def test_a_partners_requests_come_latest_first(journal: Journal) -> None:
    finance = add_partner(journal)
    for day in [3, 1, 2]:
        add_request(journal, finance, f"R{day}", received=date(2026, 3, day))
    assert [r.title for r in journal.requests.of_partner(finance.id)] == ["R3", "R2", "R1"]


# --- unknown ids -------------------------------------------------------------------------------


def test_unknown_ids_are_not_found(journal: Journal) -> None:
    finance = add_partner(journal)
    ghost_partner = Partner(id="ghost", name="Ghost")
    calls = [
        lambda: journal.partners.get("ghost"),
        lambda: journal.partners.update(ghost_partner),
        lambda: journal.partners.delete("ghost"),
        lambda: journal.contacts.get("ghost"),
        lambda: journal.contacts.update(Contact(id="ghost", partner_id=finance.id, name="G")),
        lambda: journal.contacts.add(Contact(id="", partner_id="ghost", name="G")),
        lambda: journal.contacts.delete("ghost"),
        lambda: journal.meetings.get("ghost"),
        lambda: journal.meetings.update(
            Meeting(id="ghost", partner_id=finance.id, title="G", start=datetime.now(UTC))
        ),
        lambda: journal.meetings.delete("ghost"),
        lambda: journal.requests.get("ghost"),
        lambda: journal.requests.update(
            Request(id="ghost", partner_id=finance.id, title="G", received=TODAY)
        ),
        lambda: journal.requests.delete("ghost"),
        lambda: journal.balances.for_partner("ghost"),
    ]
    for call in calls:
        with pytest.raises(NotFoundError, match="ghost"):
            call()
    assert journal.trash.listing() == []


# --- the trash ---------------------------------------------------------------------------------


def test_a_deleted_meeting_goes_to_the_trash_and_comes_back_whole(journal: Journal) -> None:
    finance = add_partner(journal)
    grace = add_contact(journal, finance, "Grace")
    meeting = add_meeting(
        journal,
        finance,
        "Roadmap",
        attendee_ids=(grace.id,),
        actions=(Action("Send slides", Side.MINE, "me", date(2026, 3, 9)),),
        tags=("erp",),
    )
    request = add_request(journal, finance, meeting_ids=(meeting.id,))
    batch = journal.meetings.delete(meeting.id)
    with pytest.raises(NotFoundError):
        journal.meetings.get(meeting.id)
    assert journal.meetings.of_partner(finance.id) == []
    assert journal.requests.get(request.id).meeting_ids == ()
    [item] = journal.trash.listing()
    assert (item.batch, item.kind, item.id, item.title, item.partner_name, item.items) == (
        batch,
        "meeting",
        meeting.id,
        "Roadmap",
        "Finance",
        1,
    )
    assert item.deleted_at.utcoffset() == timedelta(0)
    journal.trash.restore(batch)
    assert journal.meetings.get(meeting.id) == meeting
    assert journal.requests.get(request.id).meeting_ids == (meeting.id,)
    assert journal.trash.listing() == []


def test_a_deleted_partner_takes_its_records_along_and_brings_them_back(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    hr = add_partner(journal, "HR")
    grace = add_contact(journal, finance, "Grace")
    meeting = add_meeting(journal, finance, attendee_ids=(grace.id,))
    request = add_request(journal, finance, raised_by_id=grace.id, meeting_ids=(meeting.id,))
    hr_meeting = add_meeting(journal, hr, "HR sync")

    batch = journal.partners.delete(finance.id)
    assert [p.name for p in journal.partners.listing()] == ["HR"]
    assert journal.contacts.listing() == []
    for lookup, record_id in [
        (journal.partners.get, finance.id),
        (journal.contacts.get, grace.id),
        (journal.meetings.get, meeting.id),
        (journal.requests.get, request.id),
    ]:
        with pytest.raises(NotFoundError):
            lookup(record_id)
    [item] = journal.trash.listing()  # its first assessment went along too
    assert (item.kind, item.id, item.title, item.items) == ("partner", finance.id, "Finance", 5)
    assert journal.meetings.get(hr_meeting.id) == hr_meeting

    journal.trash.restore(batch)
    assert journal.partners.get(finance.id) == finance
    assert journal.contacts.get(grace.id) == grace
    assert journal.meetings.get(meeting.id) == meeting
    assert journal.requests.get(request.id) == request
    assert journal.trash.listing() == []


def test_restoring_a_meeting_whose_partner_is_in_the_trash_is_refused(journal: Journal) -> None:
    finance = add_partner(journal)
    meeting = add_meeting(journal, finance, "Roadmap")
    meeting_batch = journal.meetings.delete(meeting.id)
    partner_batch = journal.partners.delete(finance.id)
    # The partner took its first assessment along; the meeting was in the trash already.
    assert [(i.kind, i.items) for i in journal.trash.listing()] == [("partner", 2), ("meeting", 1)]

    with pytest.raises(ValidationError) as caught:
        journal.trash.restore(meeting_batch)
    assert caught.value.field == "partner"
    assert "Finance" in caught.value.reason
    assert "restore the partner first" in caught.value.reason

    journal.trash.restore(partner_batch)
    with pytest.raises(NotFoundError):
        journal.meetings.get(meeting.id)
    journal.trash.restore(meeting_batch)
    assert journal.meetings.get(meeting.id) == meeting


def test_restoring_a_partner_whose_name_was_taken_meanwhile_is_refused(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    batch = journal.partners.delete(finance.id)
    add_partner(journal, "FINANCE")
    with pytest.raises(ValidationError) as caught:
        journal.trash.restore(batch)
    assert caught.value.field == "name"
    assert [p.name for p in journal.partners.listing()] == ["FINANCE"]


def test_a_trashed_contact_leaves_meetings_and_comes_back_to_them(journal: Journal) -> None:
    finance = add_partner(journal)
    grace, ada = add_contact(journal, finance, "Grace"), add_contact(journal, finance, "Ada")
    meeting = add_meeting(journal, finance, attendee_ids=(grace.id, ada.id))
    request = add_request(journal, finance, raised_by_id=grace.id)
    batch = journal.contacts.delete(grace.id)
    assert journal.meetings.get(meeting.id).attendee_ids == (ada.id,)
    assert journal.requests.get(request.id).raised_by_id is None
    journal.trash.restore(batch)
    assert journal.meetings.get(meeting.id).attendee_ids == (grace.id, ada.id)
    assert journal.requests.get(request.id).raised_by_id == grace.id


def test_emptying_the_trash_removes_rows_for_good(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    hr = add_partner(journal, "HR")
    grace = add_contact(journal, finance, "Grace")
    add_meeting(journal, finance, attendee_ids=(grace.id,), actions=(Action("A"),))
    add_request(journal, finance, raised_by_id=grace.id)
    kept = add_meeting(journal, hr, "HR sync")
    hr_request = add_request(journal, hr, "HR ask")
    linked = add_request(journal, hr, "Linked", meeting_ids=(kept.id,))
    partner_batch = journal.partners.delete(finance.id)
    request_batch = journal.requests.delete(hr_request.id)
    journal.meetings.delete(kept.id)

    assert journal.trash.empty(partner_batch) == 5  # its first assessment too
    assert {i.kind for i in journal.trash.listing()} == {"request", "meeting"}
    assert count_rows(journal, "partner") == 1
    assert count_rows(journal, "contact") == 0
    assert count_rows(journal, "contact_change") == 0
    assert count_rows(journal, "assessment") == 1
    assert count_rows(journal, "meeting_action") == 0
    assert count_rows(journal, "meeting_attendee") == 0

    assert journal.trash.empty() == 2
    assert journal.trash.listing() == []
    assert count_rows(journal, "meeting") == 0
    assert count_rows(journal, "request") == 1
    assert count_rows(journal, "request_meeting") == 0
    assert journal.requests.get(linked.id).meeting_ids == ()
    for batch in (partner_batch, request_batch):
        with pytest.raises(NotFoundError):
            journal.trash.restore(batch)
    assert journal.trash.empty() == 0


def test_the_trash_lists_the_latest_delete_first(journal: Journal) -> None:
    finance = add_partner(journal)
    titles = ["first", "second", "third"]
    for title in titles:
        journal.requests.delete(add_request(journal, finance, title).id)
    assert [i.title for i in journal.trash.listing()] == ["third", "second", "first"]


def test_a_record_with_an_id_already_taken_is_refused(journal: Journal) -> None:
    finance = add_partner(journal, "Finance")
    meeting = add_meeting(journal, finance, "Roadmap")
    journal.meetings.delete(meeting.id)
    for call in [
        lambda: journal.partners.add(Partner(id=finance.id, name="Other")),
        lambda: journal.meetings.add(replace(meeting, title="Another")),
    ]:
        with pytest.raises(ValidationError) as caught:
            call()
        assert caught.value.field == "id"
        assert "already taken" in caught.value.reason
    assert [p.name for p in journal.partners.listing()] == ["Finance"]
    assert count_rows(journal, "meeting") == 1


def test_whatever_the_rules_accept_comes_back_unchanged() -> None:
    """Any start (any offset, any year), any text and any amount the rules let through is
    stored and read back exactly: same instant, same offset, same characters, same digits."""
    offsets = st.integers(min_value=-1439, max_value=1439).map(
        lambda minutes: timezone(timedelta(minutes=minutes))
    )
    amounts = st.none() | st.decimals(
        min_value=0, max_value=MAX_AMOUNT, allow_nan=False, allow_infinity=False
    )
    with (
        tempfile.TemporaryDirectory() as folder,
        Journal.create(Path(folder) / "journal.db", today=lambda: TODAY) as journal,
    ):
        finance = add_partner(journal)

        @settings(max_examples=150, deadline=None)
        @given(
            start=st.datetimes(timezones=offsets),
            title=st.text(min_size=1, max_size=40),
            notes=st.text(max_size=200),
            tags=st.lists(st.text(max_size=12), max_size=4).map(tuple),
            amount=amounts,
        )
        def round_trip(
            start: datetime,
            title: str,
            notes: str,
            tags: tuple[str, ...],
            amount: Decimal | None,
        ) -> None:
            try:
                meeting = check_meeting(
                    Meeting(id="", partner_id=finance.id, title=title, start=start, notes=notes,
                            tags=tags)
                )  # fmt: skip
                request = check_request(
                    Request(id="", partner_id=finance.id, title=title, received=start.date(),
                            want=notes, tags=tags, expected_value_amount=amount)
                )  # fmt: skip
            except ValidationError:
                assume(False)
            stored = journal.meetings.get(journal.meetings.add(meeting).id)
            assert stored == replace(meeting, id=stored.id)
            assert stored.start.isoformat() == start.isoformat()
            assert stored.local_date == start.date()
            kept = journal.requests.get(journal.requests.add(request).id)
            assert kept == replace(request, id=kept.id)
            assert str(kept.expected_value_amount) == str(request.expected_value_amount)

        round_trip()


def test_a_partner_delete_says_what_it_takes_along(journal: Journal) -> None:
    finance, hr = add_partner(journal, "Finance"), add_partner(journal, "HR")
    add_contact(journal, finance, "Grace")
    kept, gone = add_meeting(journal, finance), add_meeting(journal, finance, "Old")
    add_meeting(journal, hr)
    add_request(journal, finance)
    journal.meetings.delete(gone.id)  # in the trash already: not taken again
    assert journal.trash.taken_along("partner", finance.id) == {
        "meeting": 1,
        "request": 1,
        "contact": 1,
        "pulse": 0,
        "assessment": 1,  # its first, made with it
    }
    assert journal.trash.taken_along("meeting", kept.id) == {}
    journal.partners.delete(finance.id)
    assert [i.items for i in journal.trash.listing() if i.kind == "partner"] == [5]
