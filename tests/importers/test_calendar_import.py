"""Calendar import from files written the way Outlook and Google Calendar write them."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import Contact, Meeting, Partner
from brm_desk.services.interchange.ics_import import (
    all_to,
    import_calendar,
    preview_calendar,
    undo_calendar_import,
)
from brm_desk.services.interchange.import_control import ImportCancelled, ImportControl
from brm_desk.services.journal import Journal

DATA = Path(__file__).with_name("data")
OUTLOOK = DATA / "outlook_finance.ics"
GOOGLE = DATA / "google_hr.ics"
GOOGLE_UPDATED = DATA / "google_hr_updated.ics"


@pytest.fixture
def people(journal: Journal) -> dict[str, str]:
    """Two partners with contacts whose e-mails appear in the calendar files."""
    finance = journal.partners.add(Partner(id="", name="Finance"))
    hr = journal.partners.add(Partner(id="", name="HR"))
    anna = journal.contacts.add(
        Contact(id="", partner_id=finance.id, name="Anna", email="anna.schmidt@finance.example.com")
    )
    ben = journal.contacts.add(
        Contact(id="", partner_id=hr.id, name="Ben", email="Ben.Ortiz@hr.example.com")
    )
    return {"finance": finance.id, "hr": hr.id, "anna": anna.id, "ben": ben.id}


def by_title(journal: Journal, partner_id: str) -> dict[str, list[Meeting]]:
    found: dict[str, list[Meeting]] = {}
    for meeting in sorted(
        journal.meetings.of_partner(partner_id), key=lambda m: m.start.astimezone(UTC)
    ):
        found.setdefault(meeting.title, []).append(meeting)
    return found


def test_an_outlook_calendar_becomes_meetings_in_their_own_offsets(
    journal: Journal, people: dict[str, str]
) -> None:
    preview = preview_calendar(journal, OUTLOOK)
    report = import_calendar(journal, preview, all_to(preview, people["finance"]))

    assert len(report.added) == 28
    assert report.skipped == {"all-day": 1, "cancelled": 1}
    meetings = by_title(journal, people["finance"])
    [escalation] = meetings["Escalation: payroll interface down"]
    assert escalation.start.isoformat() == "2026-03-02T09:00:00+01:00"
    assert escalation.duration_minutes == 60
    assert escalation.type is MeetingType.ESCALATION
    assert escalation.focus is Focus.REACTIVE
    assert escalation.location == "Room 4.12, Tower B"
    assert escalation.attendee_ids == (people["anna"],)
    assert "workaround for this month's run.\n\nAgenda:\n- impact" in escalation.notes
    # The weekly series crosses the switch to summer time: 14:00 stays 14:00.
    reviews = meetings["Service review – ERP"]
    assert [m.start.isoformat() for m in reviews] == [
        "2026-03-16T14:00:00+01:00",
        "2026-03-30T14:00:00+02:00",
        "2026-04-13T14:00:00+02:00",
    ]
    assert all(m.type is MeetingType.SERVICE_REVIEW for m in reviews)
    assert all(m.attendee_ids == (people["anna"],) for m in reviews)  # e-mail case ignored
    [moved] = meetings["Service review – ERP (moved to Tuesday)"]
    assert moved.start.isoformat() == "2026-04-07T16:00:00+02:00"
    assert "Finance offsite" not in meetings
    assert "Canceled: Budget planning" not in meetings


def test_an_endless_series_is_expanded_up_to_a_year_after_the_import(
    journal: Journal, people: dict[str, str]
) -> None:
    preview = preview_calendar(journal, OUTLOOK)
    import_calendar(journal, preview, all_to(preview, people["finance"]))
    syncs = by_title(journal, people["finance"])["Finance roadmap sync"]
    assert syncs[0].start.isoformat() == "2026-01-15T11:00:00+01:00"
    assert syncs[-1].start.isoformat() == "2027-11-15T11:00:00+01:00"
    assert len(syncs) == 23
    assert all(m.start.date() <= journal.today() + timedelta(days=365) for m in syncs)
    assert {m.start.utcoffset() for m in syncs} == {timedelta(hours=1), timedelta(hours=2)}
    assert all(m.duration_minutes == 45 and m.type is MeetingType.ROADMAP for m in syncs)
    assert all(m.focus is Focus.STRATEGIC for m in syncs)


def test_a_google_calendar_uses_x_wr_timezone_exdate_overrides_and_duration(
    journal: Journal, people: dict[str, str]
) -> None:
    preview = preview_calendar(journal, GOOGLE)
    report = import_calendar(journal, preview, all_to(preview, people["hr"]))
    assert len(report.added) == 8
    assert report.skipped == {"cancelled": 1}
    meetings = by_title(journal, people["hr"])
    # A UTC time in Google's export is shown in the calendar's X-WR-TIMEZONE.
    [case] = meetings["Business case: onboarding portal"]
    assert case.start.isoformat() == "2026-03-10T10:00:00-04:00"
    assert case.type is MeetingType.BUSINESS_CASE
    assert case.focus is Focus.STRATEGIC
    assert case.attendee_ids == (people["ben"],)
    # UNTIL ends the series; EXDATE removes the 19th; the 26th moved to Friday the 27th.
    assert [m.start.isoformat() for m in meetings["HR weekly sync"]] == [
        "2026-03-05T10:00:00-05:00",
        "2026-03-12T10:00:00-04:00",
    ]
    [moved] = meetings["HR weekly sync (moved to Friday)"]
    assert moved.start.isoformat() == "2026-03-27T15:00:00-04:00"
    incident = meetings["Incident review: payroll outage"]
    assert [m.duration_minutes for m in incident] == [45, 45]  # DURATION, COUNT=2
    assert incident[0].type is MeetingType.INCIDENT_REVIEW
    # COUNT=3 with the August one cancelled in an override.
    values = meetings["Quarterly value review"]
    assert [m.start.date() for m in values] == [date(2026, 7, 1), date(2026, 9, 1)]


def test_the_preview_guesses_each_events_partner_from_its_attendees(
    journal: Journal, people: dict[str, str]
) -> None:
    preview = preview_calendar(journal, GOOGLE)
    guesses = {event.title: preview.guessed_partner[event.key] for event in preview.events}
    assert guesses["Business case: onboarding portal"] == people["hr"]
    assert guesses["Quarterly value review"] is None  # nobody invited
    outlook = preview_calendar(journal, OUTLOOK)
    assert {outlook.guessed_partner[e.key] for e in outlook.events} == {people["finance"]}


def test_importing_the_same_calendar_again_adds_nothing(
    journal: Journal, people: dict[str, str]
) -> None:
    preview = preview_calendar(journal, GOOGLE)
    import_calendar(journal, preview, all_to(preview, people["hr"]))
    again = import_calendar(
        journal, preview_calendar(journal, GOOGLE), all_to(preview, people["hr"])
    )
    assert again.added == []
    assert again.updated == []
    assert again.unchanged == 8
    assert len(journal.meetings.of_partner(people["hr"])) == 8
    assert "Added 0 meetings, 8 already up to date." in again.summary()


def test_an_updated_event_updates_its_meeting_and_a_new_one_is_added(
    journal: Journal, people: dict[str, str]
) -> None:
    first = preview_calendar(journal, GOOGLE)
    import_calendar(journal, first, all_to(first, people["hr"]))
    [before] = by_title(journal, people["hr"])["Business case: onboarding portal"]
    updated = preview_calendar(journal, GOOGLE_UPDATED)
    report = import_calendar(journal, updated, all_to(updated, people["hr"]))
    assert report.updated == [before.id]
    assert len(report.added) == 1
    assert report.unchanged == 7
    after = journal.meetings.get(before.id)
    assert after.title == "Business case: onboarding portal (final)"
    assert after.start.isoformat() == "2026-03-10T11:00:00-04:00"
    assert after.duration_minutes == 90
    assert len(journal.meetings.of_partner(people["hr"])) == 9


def test_a_meeting_the_brm_edited_is_not_overwritten_by_a_reimport(
    journal: Journal, people: dict[str, str]
) -> None:
    first = preview_calendar(journal, GOOGLE)
    import_calendar(journal, first, all_to(first, people["hr"]))
    [meeting] = by_title(journal, people["hr"])["Business case: onboarding portal"]
    edited = journal.meetings.update(replace(meeting, notes="Ben agreed to the phasing."))
    updated = preview_calendar(journal, GOOGLE_UPDATED)
    report = import_calendar(journal, updated, all_to(updated, people["hr"]))
    assert report.kept_edited == 1
    assert report.updated == []
    assert journal.meetings.get(meeting.id) == edited
    assert "kept 1 you edited" in report.summary()


def test_a_meeting_moved_to_the_trash_stays_there_on_reimport(
    journal: Journal, people: dict[str, str]
) -> None:
    preview = preview_calendar(journal, GOOGLE)
    import_calendar(journal, preview, all_to(preview, people["hr"]))
    [meeting] = by_title(journal, people["hr"])["Business case: onboarding portal"]
    journal.meetings.delete(meeting.id)
    report = import_calendar(journal, preview, all_to(preview, people["hr"]))
    assert report.in_trash == 1
    assert report.added == []
    assert len(journal.meetings.of_partner(people["hr"])) == 7


def test_only_the_chosen_events_are_imported_each_to_its_partner(
    journal: Journal, people: dict[str, str]
) -> None:
    preview = preview_calendar(journal, GOOGLE)
    chosen = {
        e.key: (people["finance"] if "Incident" in e.title else people["hr"])
        for e in preview.events
        if "weekly" not in e.title
    }
    report = import_calendar(journal, preview, chosen)
    assert len(report.added) == 5
    assert [m.title for m in journal.meetings.of_partner(people["finance"])] == [
        "Incident review: payroll outage"
    ] * 2
    # Ben is HR's contact, not Finance's: he is not an attendee of Finance's meetings.
    assert all(m.attendee_ids == () for m in journal.meetings.of_partner(people["finance"]))


def test_undo_takes_an_import_back_and_restores_updated_meetings(
    journal: Journal, people: dict[str, str]
) -> None:
    first = preview_calendar(journal, GOOGLE)
    import_calendar(journal, first, all_to(first, people["hr"]))
    before = {m.id: m for m in journal.meetings.of_partner(people["hr"])}
    updated = preview_calendar(journal, GOOGLE_UPDATED)
    report = import_calendar(journal, updated, all_to(updated, people["hr"]))
    undo_calendar_import(journal, report)
    assert {m.id: m for m in journal.meetings.of_partner(people["hr"])} == before
    assert journal.trash.listing() == []
    again = import_calendar(journal, updated, all_to(updated, people["hr"]))
    assert len(again.added) == 1
    assert len(again.updated) == 1


def test_a_cancelled_import_leaves_nothing(journal: Journal, people: dict[str, str]) -> None:
    preview = preview_calendar(journal, OUTLOOK)
    steps: list[tuple[int, int]] = []

    def cancel_after_first_write() -> bool:
        return any(done > 28 for done, _total in steps)

    control = ImportControl(
        progress=lambda d, t: steps.append((d, t)), cancelled=cancel_after_first_write
    )
    with pytest.raises(ImportCancelled, match="nothing was added"):
        import_calendar(journal, preview, all_to(preview, people["finance"]), control)
    assert steps
    assert steps[-1][0] > 28
    assert journal.meetings.of_partner(people["finance"]) == []
    report = import_calendar(journal, preview, all_to(preview, people["finance"]))
    assert len(report.added) == 28  # nothing of the cancelled run was remembered either


def test_progress_reaches_the_end(journal: Journal, people: dict[str, str]) -> None:
    steps: list[tuple[int, int]] = []
    control = ImportControl(progress=lambda d, t: steps.append((d, t)))
    preview = preview_calendar(journal, OUTLOOK, control)
    assert steps[-1] == (28 + 2, 28 + 2)  # every occurrence read, all-day and cancelled too
    steps.clear()
    import_calendar(journal, preview, all_to(preview, people["finance"]), control)
    assert steps[-1] == (56, 56)  # reading the events, then writing them
    assert [done for done, _ in steps] == sorted(done for done, _ in steps)


def write(tmp_path: Path, name: str, body: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(body)
    return path


CALENDAR_HEAD = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
EVENT = (
    b"BEGIN:VEVENT\r\nUID:one@test\r\nDTSTART:20260302T090000Z\r\n"
    b"DTEND:20260302T100000Z\r\nSUMMARY:Status check-in\r\nEND:VEVENT\r\n"
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (CALENDAR_HEAD + EVENT, r"line 9: the file ends before END:VCALENDAR"),
        (
            CALENDAR_HEAD
            + EVENT.replace(b"DTEND:", b"this is not a calendar line\r\nDTEND:")
            + b"END:VCALENDAR\r\n",
            r"line 7 is not a calendar line: 'this is not a calendar line'",
        ),
        (
            CALENDAR_HEAD
            + EVENT.replace(b"20260302T090000Z", b"20261345T990000Z")
            + b"END:VCALENDAR\r\n",
            r"line 6: DTSTART: Wrong datetime format",
        ),
        (
            CALENDAR_HEAD
            + EVENT.replace(b"DTEND", b"RRULE:FREQ=SOMETIMES\r\nDTEND", 1)
            + b"END:VCALENDAR\r\n",
            r"line 7: RRULE: Expected frequency",
        ),
        (
            CALENDAR_HEAD + EVENT.replace(b"END:VEVENT", b"END:VTODO") + b"END:VCALENDAR\r\n",
            r"line 9: END:VTODO does not close what is open \(expected END:VEVENT\)",
        ),
        (
            CALENDAR_HEAD.replace(b"VERSION:2.0", b"X-WR-TIMEZONE:UTC\r\nX-WR-TIMEZONE:Europe/Rome")
            + EVENT
            + b"END:VCALENDAR\r\n",
            r"line 3: X-WR-TIMEZONE is given twice \(first at line 2\); VCALENDAR has one\.",
        ),
        (
            CALENDAR_HEAD + b"CALSCALE;X=1;X=2:GREGORIAN\r\n" + EVENT + b"END:VCALENDAR\r\n",
            r"line 4: the parameter X is given twice\.",
        ),
        (
            CALENDAR_HEAD + b"BEGIN:VTIMEZONE\r\nTZID:Z\r\nBEGIN:STANDARD\r\n"
            b"RRULE:FREQ=SOMETIMES\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
            + EVENT
            + b"END:VCALENDAR\r\n",
            r"line 7: RRULE: Expected frequency, got: SOMETIMES\.",
        ),
        (
            CALENDAR_HEAD + EVENT + b"END:VCALENDAR\r\nSUMMARY:after\r\n",
            r"line 11: SUMMARY comes after END:VCALENDAR, outside the calendar\.",
        ),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", r"not a calendar file \(it holds binary"),
        (b"Subject,Start Date\r\nReview,2026-03-02\r\n", r"line 1 should be BEGIN:VCALENDAR"),
        (b"", r"line 1 should be BEGIN:VCALENDAR"),
    ],
)
def test_a_malformed_calendar_is_named_by_its_line_and_nothing_is_added(
    journal: Journal, people: dict[str, str], tmp_path: Path, body: bytes, expected: str
) -> None:
    path = write(tmp_path, "broken.ics", body)
    with pytest.raises(ImportFileError, match=expected) as caught:
        preview_calendar(journal, path)
    assert str(path) in caught.value.message
    assert journal.meetings.of_partner(people["finance"]) == []


def test_an_event_that_breaks_a_meeting_rule_stops_the_whole_import(
    journal: Journal, people: dict[str, str], tmp_path: Path
) -> None:
    ancient = EVENT.replace(b"one@test", b"two@test").replace(b"2026", b"0999")
    path = write(tmp_path, "old.ics", CALENDAR_HEAD + EVENT + ancient + b"END:VCALENDAR\r\n")
    preview = preview_calendar(journal, path)
    with pytest.raises(ImportFileError, match=r"line 10: the event 'Status check-in' .*start"):
        import_calendar(journal, preview, all_to(preview, people["finance"]))
    assert journal.meetings.of_partner(people["finance"]) == []


def test_a_long_event_is_skipped_and_a_missing_end_takes_the_default_duration(
    journal: Journal, people: dict[str, str], tmp_path: Path
) -> None:
    conference = EVENT.replace(b"one@test", b"conf@test").replace(
        b"DTEND:20260302T100000Z", b"DTEND:20260304T100000Z"
    )
    no_end = EVENT.replace(b"one@test", b"open@test").replace(b"DTEND:20260302T100000Z\r\n", b"")
    path = write(tmp_path, "mix.ics", CALENDAR_HEAD + conference + no_end + b"END:VCALENDAR\r\n")
    preview = preview_calendar(journal, path)
    assert preview.skipped == {"longer than a day": 1}
    import_calendar(journal, preview, all_to(preview, people["finance"]))
    [meeting] = journal.meetings.of_partner(people["finance"])
    assert meeting.duration_minutes == 30
    assert meeting.start == datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_a_line_separator_inside_a_description_is_text_not_a_new_line(
    journal: Journal, people: dict[str, str], tmp_path: Path
) -> None:
    event = EVENT.replace(b"SUMMARY:", "DESCRIPTION:first\u2028second\r\nSUMMARY:".encode())
    path = write(tmp_path, "word.ics", CALENDAR_HEAD + event + b"END:VCALENDAR\r\n")
    preview = preview_calendar(journal, path)
    import_calendar(journal, preview, all_to(preview, people["finance"]))
    [meeting] = journal.meetings.of_partner(people["finance"])
    assert meeting.notes == "first\u2028second"


def test_a_control_character_or_an_unknown_zone_is_refused_with_a_message(
    journal: Journal, tmp_path: Path
) -> None:
    garbled = write(
        tmp_path, "garbled.ics", CALENDAR_HEAD + EVENT.replace(b"Status", b"St\x01atus")
    )
    with pytest.raises(ImportFileError, match="line 8 holds a control character"):
        preview_calendar(journal, garbled)
    zone = CALENDAR_HEAD + b"X-WR-TIMEZONE:Europe/Atlantis\r\n" + EVENT + b"END:VCALENDAR\r\n"
    with pytest.raises(ImportFileError, match="names a time zone that does not exist"):
        preview_calendar(journal, write(tmp_path, "zone.ics", zone))
