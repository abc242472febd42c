"""A contact's page: what they attended and raised, follow-ups both ways, stance history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from brm_desk.domain.enums import Influence, Side, Stance
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request, StanceChange
from brm_desk.services.interchange.json_io import export_journal, import_journal
from brm_desk.services.journal import Journal

TZ = timezone(timedelta(hours=2))
TODAY = date(2026, 11, 24)


def meeting(partner: Partner, title: str, day: date, *who: Contact, **fields: object) -> Meeting:
    start = datetime(day.year, day.month, day.day, 9, tzinfo=TZ)
    attendees = tuple(c.id for c in who)
    return Meeting("", partner.id, title, start, attendee_ids=attendees, **fields)  # type: ignore[arg-type]


def test_a_change_of_stance_or_influence_is_kept_with_its_day(journal_path: Path) -> None:
    clock = [date(2026, 1, 5)]
    with Journal.create(journal_path, today=lambda: clock[0]) as journal:
        finance = journal.partners.add(Partner(id="", name="Finance"))
        anna = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Anna"))
        clock[0] = date(2026, 4, 1)
        anna = journal.contacts.update(replace(anna, stance=Stance.SKEPTIC))
        anna = journal.contacts.update(replace(anna, phone="+41 1"))  # no step for a phone
        clock[0] = date(2026, 9, 30)
        anna = journal.contacts.update(replace(anna, influence=Influence.HIGH))
        assert journal.contacts.page(anna.id).history == (
            StanceChange(date(2026, 1, 5), Influence.MEDIUM, Stance.NEUTRAL),
            StanceChange(date(2026, 4, 1), Influence.MEDIUM, Stance.SKEPTIC),
            StanceChange(date(2026, 9, 30), Influence.HIGH, Stance.SKEPTIC),
        )
        # A second change on one day corrects that day; changing back (an undo) leaves no step.
        anna = journal.contacts.update(replace(anna, stance=Stance.CHAMPION))
        assert journal.contacts.page(anna.id).history[-1] == StanceChange(
            date(2026, 9, 30), Influence.HIGH, Stance.CHAMPION
        )
        journal.contacts.update(replace(anna, influence=Influence.MEDIUM, stance=Stance.SKEPTIC))
        assert journal.contacts.page(anna.id).history == (
            StanceChange(date(2026, 1, 5), Influence.MEDIUM, Stance.NEUTRAL),
            StanceChange(date(2026, 4, 1), Influence.MEDIUM, Stance.SKEPTIC),
        )


def test_an_imported_contact_starts_its_history_with_its_stance(
    journal: Journal, tmp_path: Path
) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    journal.contacts.add(Contact(id="c1", partner_id=finance.id, name="Bo", stance=Stance.BLOCKER))
    exported = export_journal(journal, include_private=True)
    # The history never leaves the journal: a contact is exported with its fields only.
    assert set(exported["contacts"][0]) == {
        *("id", "partner", "name", "role", "email", "phone", "influence", "stance", "notes")
    }
    imported_on = date.today()  # an import knows no other day
    tomorrow = imported_on + timedelta(days=1)
    with Journal.create(tmp_path / "other.db", today=lambda: tomorrow) as other:
        import_journal(other, exported)
        assert other.contacts.page("c1").history == (
            StanceChange(imported_on, Influence.MEDIUM, Stance.BLOCKER),
        )
        other.contacts.update(replace(other.contacts.get("c1"), stance=Stance.SKEPTIC))
        assert other.contacts.page("c1").history == (
            StanceChange(imported_on, Influence.MEDIUM, Stance.BLOCKER),
            StanceChange(tomorrow, Influence.MEDIUM, Stance.SKEPTIC),
        )


def test_the_page_gathers_meetings_requests_and_follow_ups_of_the_person(
    journal: Journal,
) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    anna = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Anna"))
    bo = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Bo"))
    late = Action("Send the forecast", Side.MINE, due=date(2026, 11, 20))
    theirs = Action("Share the budget", Side.PARTNER, due=date(2026, 12, 1))
    done = Action("Book the room", Side.PROVIDER, done=date(2026, 11, 2))
    provider = Action("Fix the report", Side.PROVIDER)
    planning = journal.meetings.add(
        meeting(finance, "Planning", date(2026, 11, 3), anna, bo, actions=(late, theirs, done))
    )
    review = journal.meetings.add(
        meeting(finance, "Review", date(2026, 11, 17), anna, private=True, actions=(provider,))
    )
    journal.meetings.add(meeting(finance, "Without Anna", date(2026, 11, 18), bo))
    coming = journal.meetings.add(meeting(finance, "Next", date(2026, 12, 2), anna))
    gone = journal.meetings.add(meeting(finance, "Deleted", date(2026, 11, 19), anna))
    journal.meetings.delete(gone.id)
    ask = journal.requests.add(
        Request(id="", partner_id=finance.id, title="Dashboard", received=date(2026, 11, 4),
                raised_by_id=anna.id)
    )  # fmt: skip
    journal.requests.add(
        Request(id="", partner_id=finance.id, title="Bo's", received=date(2026, 11, 5),
                raised_by_id=bo.id)
    )  # fmt: skip

    page = journal.contacts.page(anna.id)
    assert page.partner_name == "Finance"
    assert [m.id for m in page.meetings] == [coming.id, review.id, planning.id]
    assert page.last_touch == review  # the latest meeting up to today, not the one to come
    assert [r.id for r in page.requests] == [ask.id]
    assert [a.action for a in page.we_owe] == [late, provider]  # due first, undated last
    assert page.we_owe[0].action.is_overdue(page.today)
    assert page.we_owe[1].private  # agreed in a private meeting: the page still shows it
    assert [a.action for a in page.they_owe] == [theirs]
    assert page.they_owe[0].meeting_title == "Planning"


def test_a_person_without_meetings_has_no_last_touch(journal: Journal) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    anna = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Anna"))
    page = journal.contacts.page(anna.id)
    assert (page.meetings, page.requests, page.we_owe, page.they_owe) == ((), (), (), ())
    assert page.last_touch is None
    assert page.history == (StanceChange(TODAY, Influence.MEDIUM, Stance.NEUTRAL),)
