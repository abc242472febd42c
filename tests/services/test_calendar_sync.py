"""Calendar sources kept in step with real servers: a feed with ETags, and Radicale (CalDAV).

Events are put in, changed, cancelled and deleted on the server; the journal follows: no
duplicate ever, an edited meeting left alone, a cancelled or deleted one flagged (its notes
kept), an unchanged calendar answered 304 or by its sync token, a dead source reported with
nothing half-imported.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from pathlib import Path

import keyring
import pytest

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.records import Contact, Partner
from brm_desk.services.calendar_inbox import as_guessed, file_events, waiting
from brm_desk.services.calendar_sources import (
    KEYRING_SERVICE,
    add_source,
    remove_source,
    sources,
)
from brm_desk.services.calendar_sync import sync_all
from brm_desk.services.interchange.ics_import import all_to, import_calendar, preview_calendar
from brm_desk.services.journal import Journal
from calendar_servers import (
    PASSWORD,
    USER,
    CalDavServer,
    Feed,
    calendar_text,
    event,
    flagged_meetings,
    free_port,
)

WEEKLY = event("sync-1", "Weekly sync with Finance", "20261201T090000Z")
REVIEW = event("review-1", "Service review", "20261202T140000Z")
PLANNING = event("plan-1", "Roadmap planning", "20261203T100000Z")
TODAY = date(2026, 11, 24)


@pytest.fixture
def finance(journal: Journal) -> Partner:
    return journal.partners.add(Partner(id="", name="Finance"))


def titles(journal: Journal, partner: Partner) -> list[str]:
    return sorted(m.title for m in journal.meetings.of_partner(partner.id))


def file_all(journal: Journal) -> None:
    """The BRM files every event waiting in the calendar inbox as guessed."""
    file_events(journal, as_guessed(waiting(journal)))


def test_a_feed_is_imported_once_and_an_unchanged_feed_costs_a_304(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, REVIEW)
    add_source(journal, feed.url, "Finance")

    [first] = sync_all(journal)
    assert (first.new, first.changed, first.flagged, first.problem) == (2, 0, 0, "")
    assert titles(journal, finance) == []  # nothing lands in the balance unseen
    file_all(journal)
    [again] = sync_all(journal)
    assert again.unchanged
    assert feed.answers == [200, 304]
    assert titles(journal, finance) == ["Service review", "Weekly sync with Finance"]
    assert "unchanged since the last sync" in again.summary()


def test_a_feed_without_etags_is_not_read_again_when_only_its_stamps_change(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    """Servers rewrite DTSTAMP (when the file was made) on every request."""
    feed.etags = False
    feed.publish(
        event("sync-1", "Weekly sync", "20261201T090000Z", extra="DTSTAMP:20261124T080000Z")
    )
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    feed.publish(
        event("sync-1", "Weekly sync", "20261201T090000Z", extra="DTSTAMP:20261124T090000Z")
    )
    [same] = sync_all(journal)
    feed.publish(
        event("sync-1", "Weekly sync!", "20261201T090000Z", extra="DTSTAMP:20261124T100000Z")
    )
    [changed] = sync_all(journal)

    assert feed.answers == [200, 200, 200]
    assert same.unchanged
    assert changed.changed == 1


def test_a_changed_event_updates_its_meeting_unless_the_brm_edited_it(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, REVIEW)
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    file_all(journal)
    review = next(m for m in journal.meetings.of_partner(finance.id) if m.title == "Service review")
    journal.meetings.update(dataclasses.replace(review, notes="Budget is tight", title="QBR"))

    feed.publish(
        event("sync-1", "Weekly sync with Finance (moved)", "20261201T100000Z"),
        event("review-1", "Service review, new room", "20261202T140000Z"),
        PLANNING,
    )
    [report] = sync_all(journal)

    assert (report.new, report.changed, report.kept_edited) == (1, 1, 1)
    file_all(journal)
    assert titles(journal, finance) == [
        "QBR",
        "Roadmap planning",
        "Weekly sync with Finance (moved)",
    ]
    assert journal.meetings.get(review.id).notes == "Budget is tight"
    [report] = sync_all(journal)  # the same feed again: 304, nothing added twice
    assert report.unchanged
    assert len(titles(journal, finance)) == 3


def test_a_cancelled_or_deleted_event_is_flagged_and_its_notes_kept(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, REVIEW, PLANNING)
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    file_all(journal)
    by_title = {m.title: m for m in journal.meetings.of_partner(finance.id)}
    weekly = by_title["Weekly sync with Finance"]
    journal.meetings.update(dataclasses.replace(weekly, notes="Agreed the Q1 plan"))

    feed.publish(
        event("sync-1", "Weekly sync with Finance", "20261201T090000Z", extra="STATUS:CANCELLED"),
        REVIEW,
    )
    [report] = sync_all(journal)

    assert report.flagged == 2
    assert report.summary().splitlines()[1:] == [
        "  flagged 'Weekly sync with Finance' (2026-12-01T09:00): cancelled",
        "  flagged 'Roadmap planning' (2026-12-03T10:00): deleted",
    ]
    assert flagged_meetings(journal) == {
        weekly.id: "cancelled",
        by_title["Roadmap planning"].id: "deleted",
    }
    assert journal.meetings.get(weekly.id).notes == "Agreed the Q1 plan"
    assert len(titles(journal, finance)) == 3
    feed.publish(WEEKLY, REVIEW, PLANNING)  # back in the calendar: the flags go
    [report] = sync_all(journal)
    assert report.flagged == 0
    assert flagged_meetings(journal) == {}


def test_an_event_before_the_window_a_feed_publishes_is_not_flagged(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, REVIEW, PLANNING)
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    file_all(journal)
    feed.publish(REVIEW, PLANNING)  # the feed now starts later: the old week fell out
    [report] = sync_all(journal)
    assert report.flagged == 0


def test_a_failing_source_is_reported_and_changes_nothing(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY)
    add_source(journal, feed.url, "Finance")
    add_source(journal, f"http://127.0.0.1:{free_port()}/gone.ics", "Finance")
    feed.failing = True

    served, dead = sync_all(journal)

    assert served.problem == "the server answered 500 Internal Server Error"
    assert dead.problem.startswith("cannot reach the server")
    assert titles(journal, finance) == []
    assert [s.problem for s in sources(journal)] == [served.problem, dead.problem]
    feed.failing = False
    served, _dead = sync_all(journal)
    assert served.new == 1
    assert sources(journal)[0].problem == ""


def test_a_broken_event_in_a_feed_imports_nothing_of_it(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, "BEGIN:VEVENT\r\nUID:x\r\nSUMMARY:No start\r\nEND:VEVENT")
    add_source(journal, feed.url, "Finance")

    [report] = sync_all(journal)

    assert "the event has no start" in report.problem
    assert report.problem.startswith("line ")
    assert titles(journal, finance) == []
    assert waiting(journal) == []


def test_events_already_imported_from_a_file_are_never_duplicated(
    journal: Journal, finance: Partner, feed: Feed, tmp_path: Path
) -> None:
    file = tmp_path / "export.ics"
    file.write_text(calendar_text(WEEKLY, REVIEW))
    import_calendar(
        journal, preview := preview_calendar(journal, file), all_to(preview, finance.id)
    )
    feed.publish(WEEKLY, REVIEW, PLANNING)
    add_source(journal, feed.url, "Finance")
    add_source(journal, feed.url.replace("127.0.0.1", "localhost"), "Finance")  # the same again

    first, second = sync_all(journal)

    assert (first.new, first.left_alone, second.new) == (1, 2, 0)
    file_all(journal)
    assert len(titles(journal, finance)) == 3


def test_the_partner_comes_from_the_attendees_before_the_default(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    journal.contacts.add(Contact(id="", partner_id=hr.id, name="Hana", email="hana@example.com"))
    feed.publish(WEEKLY, event("hr-1", "Hiring plan", "20261204T090000Z",
                               extra="ATTENDEE:mailto:Hana@example.com"))  # fmt: skip
    add_source(journal, feed.url, "Finance")
    sync_all(journal)
    file_all(journal)
    assert titles(journal, hr) == ["Hiring plan"]
    assert titles(journal, finance) == ["Weekly sync with Finance"]


def test_a_source_without_a_partner_keeps_its_etag_and_its_events_wait(
    journal: Journal, finance: Partner, feed: Feed
) -> None:
    feed.publish(WEEKLY, event("dentist", "Dentist", "20261204T160000Z"))
    add_source(journal, feed.url)
    [report] = sync_all(journal)
    assert report.new == 2
    assert report.summary() == (
        f"calendar 1 ({feed.url}): 2 new in the inbox, changed 0, flagged 0, left alone 0."
    )
    guessed = {item.title: (item.partner_name, item.guessed_from) for item in waiting(journal)}
    assert guessed == {"Weekly sync with Finance": ("Finance", "title"), "Dentist": ("", "")}
    [report] = sync_all(journal)
    assert report.unchanged
    assert feed.answers == [200, 304]  # the ETag is kept though events wait


def test_a_caldav_calendar_follows_its_server(
    journal: Journal, finance: Partner, radicale: CalDavServer, file_keyring: None
) -> None:
    server = radicale.calendar()
    server.save_event(calendar_text(WEEKLY))
    server.save_event(calendar_text(REVIEW))
    add_source(journal, radicale.calendar_url, "Finance", USER, PASSWORD)

    [report] = sync_all(journal)
    assert (report.new, report.problem) == (2, "")
    file_all(journal)
    [report] = sync_all(journal)
    assert report.unchanged  # the same sync token

    server.save_event(calendar_text(event("sync-1", "Weekly sync (Teams)", "20261201T090000Z")))
    server.save_event(calendar_text(PLANNING))
    [review] = [e for e in server.get_events() if "review-1" in e.data]
    review.delete()
    [report] = sync_all(journal)

    assert (report.new, report.changed, report.flagged) == (1, 1, 1)
    file_all(journal)
    assert titles(journal, finance) == ["Roadmap planning", "Service review", "Weekly sync (Teams)"]
    assert list(flagged_meetings(journal).values()) == ["deleted"]


def test_a_caldav_password_lives_in_the_keyring_never_in_the_journal(
    journal: Journal, finance: Partner, radicale: CalDavServer, file_keyring: None
) -> None:
    source = add_source(journal, radicale.calendar_url, "Finance", USER, PASSWORD)
    journal.close()
    assert PASSWORD.encode() not in journal.path.read_bytes()
    service = f"{KEYRING_SERVICE} {source.url}"
    assert keyring.get_password(service, USER) == PASSWORD

    reopened = Journal.open(journal.path)
    keyring.set_password(service, USER, "wrong")
    [report] = sync_all(reopened)
    assert report.problem == f"the server refused the user name '{USER}' or its password"
    remove_source(reopened, source.id)
    assert keyring.get_password(service, USER) is None
    assert sources(reopened) == []
    reopened.close()


def test_a_caldav_source_needs_a_password_and_a_known_partner(
    journal: Journal, finance: Partner, file_keyring: None
) -> None:
    with pytest.raises(BrmDeskError, match="needs its password"):
        add_source(journal, "https://dav.example.com/ana/work/", "Finance", USER, "")
    with pytest.raises(BrmDeskError, match="no partner named 'Nobody'"):
        add_source(journal, "https://dav.example.com/ana/work/", "Nobody", USER, PASSWORD)
    add_source(journal, "https://dav.example.com/ana/work/", "Finance", USER, PASSWORD)
    with pytest.raises(BrmDeskError, match="calendar 1 already follows"):
        add_source(journal, "https://dav.example.com/ana/work/", "", USER, PASSWORD)


def test_a_series_reaches_a_day_further_each_day_even_behind_a_304(
    journal_path: Path, feed: Feed
) -> None:
    """A new day reads the whole feed once (no If-None-Match), then 304s again."""
    day = [TODAY]
    opened = Journal.create(journal_path, today=lambda: day[0])
    opened.partners.add(Partner(id="", name="Finance"))
    feed.publish(WEEKLY)
    add_source(opened, feed.url, "Finance")
    sync_all(opened)
    sync_all(opened)
    day[0] = TODAY + timedelta(days=1)
    sync_all(opened)
    sync_all(opened)
    opened.close()
    assert feed.answers == [200, 304, 200, 304]
