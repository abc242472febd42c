"""The calendar inbox against real servers: new events wait, filing makes one meeting each,
the calendar's later changes follow, ignored events never return, and filing teaches rules."""

from __future__ import annotations

import dataclasses

import pytest

from brm_desk.domain.calendar_inbox import InboxItem
from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Contact, Partner
from brm_desk.services.calendar_inbox import (
    Filing,
    as_guessed,
    file_events,
    ignore,
    unfile,
    unignore,
    waiting,
    waiting_count,
)
from brm_desk.services.calendar_sources import add_source, remove_source
from brm_desk.services.calendar_sync import sync_all
from brm_desk.services.journal import Journal
from calendar_servers import (
    PASSWORD,
    USER,
    CalDavServer,
    Feed,
    calendar_text,
    event,
    flagged_meetings,
)

WEEKLY = event("sync-1", "Weekly sync with Finance", "20261201T090000Z")
DENTIST = event("dentist-1", "Dentist", "20261202T160000Z")
REVIEW = event("review-1", "Service review", "20261203T140000Z")


@pytest.fixture
def finance(journal: Journal) -> Partner:
    return journal.partners.add(Partner(id="", name="Finance"))


def meetings(journal: Journal, partner: Partner) -> list[str]:
    return sorted(m.title for m in journal.meetings.of_partner(partner.id))


def by_title(journal: Journal) -> dict[str, InboxItem]:
    return {item.title: item for item in waiting(journal)}


def test_new_events_wait_and_filing_makes_exactly_one_meeting(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, REVIEW)
    add_source(journal, feed.url)
    [report] = sync_all(journal)

    assert report.summary().endswith(": 2 new in the inbox, changed 0, flagged 0, left alone 0.")
    assert meetings(journal, finance) == []
    assert waiting_count(journal) == 2
    weekly, review = waiting(journal)  # by start
    assert (weekly.title, weekly.guess_text, weekly.guessed_from) == (
        "Weekly sync with Finance",
        "Finance",
        "title",
    )
    assert (weekly.type, weekly.focus) == (MeetingType.STATUS_CHECKIN, Focus.ROUTINE)
    assert review.partner_id is None
    with pytest.raises(ValidationError, match="'Service review' has no partner guess"):
        file_events(journal, as_guessed([weekly, review]))
    assert waiting_count(journal) == 2  # all or nothing

    file_events(journal, as_guessed([weekly]))
    assert meetings(journal, finance) == ["Weekly sync with Finance"]
    feed.publish(WEEKLY, REVIEW, DENTIST)  # the feed changes: read again
    [report] = sync_all(journal)
    assert (report.new, report.left_alone) == (1, 1)
    assert meetings(journal, finance) == ["Weekly sync with Finance"]  # no duplicate
    assert [item.title for item in waiting(journal)] == ["Dentist", "Service review"]


def test_changes_follow_a_filed_meeting_and_a_waiting_event(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, REVIEW)
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    [weekly] = [item for item in waiting(journal) if item.title.startswith("Weekly")]
    file_events(
        journal, [Filing(weekly.event_key, finance.id, MeetingType.PLANNING, Focus.STRATEGIC)]
    )

    feed.publish(
        event("sync-1", "Weekly sync with Finance (Teams)", "20261201T100000Z"),
        event("review-1", "Service review, new room", "20261203T150000Z"),
    )
    [report] = sync_all(journal)

    assert report.changed == 2
    [meeting] = journal.meetings.of_partner(finance.id)
    assert (meeting.title, meeting.start.hour) == ("Weekly sync with Finance (Teams)", 10)
    assert (meeting.type, meeting.focus) == (MeetingType.PLANNING, Focus.STRATEGIC)  # as filed
    [review] = waiting(journal)
    assert (review.title, review.start.hour) == ("Service review, new room", 15)


def test_a_deleted_event_leaves_the_inbox_and_flags_its_filed_meeting(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, REVIEW, DENTIST)
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    file_events(journal, as_guessed([by_title(journal)["Weekly sync with Finance"]]))

    feed.publish(event("review-1", "Service review", "20261203T140000Z", extra="STATUS:CANCELLED"))
    [report] = sync_all(journal)

    assert (report.gone, report.flagged) == (2, 1)
    assert ", 2 gone from the inbox" in report.summary()
    assert waiting(journal) == []
    assert list(flagged_meetings(journal).values()) == ["deleted"]
    assert meetings(journal, finance) == ["Weekly sync with Finance"]


def test_an_ignored_event_never_returns_even_changed(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, DENTIST)
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    ignore(journal, [by_title(journal)["Dentist"].event_key])
    assert list(by_title(journal)) == ["Weekly sync with Finance"]

    feed.publish(WEEKLY, event("dentist-1", "Dentist (moved)", "20261202T170000Z"))
    [report] = sync_all(journal)

    assert (report.new, report.changed) == (0, 0)
    assert list(by_title(journal)) == ["Weekly sync with Finance"]
    unignore(journal, ["dentist-1"])  # undo brings it back, as it was when ignored
    assert list(by_title(journal)) == ["Weekly sync with Finance", "Dentist"]


def test_filing_teaches_a_rule_the_next_event_of_that_title_takes(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    feed.publish(event("a", "Quarterly 1:1 Q3 2026", "20261201T090000Z"))
    add_source(journal, feed.url)
    sync_all(journal)
    [first] = waiting(journal)
    assert first.partner_id is None
    file_events(journal, [Filing(first.event_key, hr.id, MeetingType.ROADMAP, Focus.STRATEGIC)])

    feed.publish(
        event("a", "Quarterly 1:1 Q3 2026", "20261201T090000Z"),
        event("b", "quarterly  1:1 q4 2027", "20270301T090000Z"),
    )
    sync_all(journal)
    [second] = waiting(journal)
    assert (second.guess_text, second.type, second.focus) == (
        "HR (learned)",
        MeetingType.ROADMAP,
        Focus.STRATEGIC,
    )

    filed = file_events(
        journal, [Filing(second.event_key, finance.id, MeetingType.ONE_TO_ONE, Focus.ROUTINE)]
    )  # filed differently: the newer choice wins
    feed.publish(
        event("a", "Quarterly 1:1 Q3 2026", "20261201T090000Z"),
        event("b", "quarterly  1:1 q4 2027", "20270301T090000Z"),
        event("c", "Quarterly 1:1 Q1 2028", "20280301T090000Z"),
    )
    sync_all(journal)
    [third] = waiting(journal)
    assert (third.guess_text, third.type) == ("Finance (learned)", MeetingType.ONE_TO_ONE)

    unfile(journal, filed)  # undo: the meeting goes, the event waits, the old rule is back
    assert meetings(journal, finance) == []
    assert [(i.title, i.guess_text) for i in waiting(journal)] == [
        ("quarterly  1:1 q4 2027", "HR (learned)"),
        ("Quarterly 1:1 Q1 2028", "HR (learned)"),
    ]


def test_the_attendees_guess_before_the_source_and_a_series_is_routine(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    journal.contacts.add(Contact(id="", partner_id=hr.id, name="Hana", email="hana@example.com"))
    feed.publish(
        event(
            "hire", "Roadmap review", "20261204T090000Z", extra="ATTENDEE:mailto:hana@example.com"
        ),
        event("series", "Roadmap", "20261207T090000Z", extra="RRULE:FREQ=WEEKLY;COUNT=2"),
    )
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    guesses = [(i.title, i.guess_text, i.guessed_from, i.focus) for i in waiting(journal)]
    assert guesses == [
        ("Roadmap review", "HR", "attendees", Focus.STRATEGIC),
        ("Roadmap", "Finance", "source", Focus.ROUTINE),
        ("Roadmap", "Finance", "source", Focus.ROUTINE),
    ]
    file_events(journal, as_guessed(waiting(journal)))
    [hiring] = journal.meetings.of_partner(hr.id)
    assert hiring.attendee_ids  # Hana is its attendee


def test_removing_a_source_takes_its_waiting_events_away(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY)
    source = add_source(journal, feed.url)
    sync_all(journal)
    remove_source(journal, source.id)
    assert waiting_count(journal) == 0


def test_a_caldav_calendar_fills_the_inbox_and_follows_filed_events(
    journal: Journal, finance: Partner, radicale: CalDavServer, file_keyring: None
) -> None:
    server = radicale.calendar()
    server.save_event(calendar_text(WEEKLY))
    server.save_event(calendar_text(REVIEW))
    add_source(journal, radicale.calendar_url, "Finance", USER, PASSWORD)
    [report] = sync_all(journal)
    assert report.new == 2
    file_events(journal, as_guessed([by_title(journal)["Weekly sync with Finance"]]))

    server.save_event(calendar_text(event("sync-1", "Weekly sync (Teams)", "20261201T090000Z")))
    [review] = [e for e in server.get_events() if "review-1" in e.data]
    review.delete()
    [report] = sync_all(journal)

    assert (report.new, report.changed, report.gone) == (0, 1, 1)
    assert meetings(journal, finance) == ["Weekly sync (Teams)"]
    assert waiting(journal) == []
    [report] = sync_all(journal)
    assert report.unchanged
    edited = journal.meetings.of_partner(finance.id)[0]
    journal.meetings.update(dataclasses.replace(edited, notes="Agreed"))
    assert journal.meetings.get(edited.id).notes == "Agreed"
