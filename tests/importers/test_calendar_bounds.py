"""Hostile calendars: endless series are bounded and accounted for, bad properties named."""

from __future__ import annotations

import json
import subprocess
import tracemalloc
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import Partner
from brm_desk.services.interchange.ics_import import (
    all_to,
    import_calendar,
    left_out,
    preview_calendar,
)
from brm_desk.services.interchange.ics_series import MAX_PER_FILE, MAX_PER_SERIES
from brm_desk.services.journal import Journal
from empty_journal import NewJournal

HORIZON = "2027-11-24"  # the journal fixture's today, 2026-11-24, plus 365 days


@pytest.fixture
def hr(journal: Journal) -> str:
    return journal.partners.add(Partner(id="", name="HR")).id


def calendar(tmp_path: Path, *events: str, name: str = "hostile.ics") -> Path:
    """A calendar file of ``events``, each the lines between BEGIN:VEVENT and END:VEVENT."""
    body = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
    for event in events:
        body += "BEGIN:VEVENT\r\n" + event.replace("\n", "\r\n") + "\r\nEND:VEVENT\r\n"
    path = tmp_path / name
    path.write_text(body + "END:VCALENDAR\r\n", encoding="utf-8")
    return path


def event(uid: str, start: str, *more: str, title: str = "Spam") -> str:
    return "\n".join([f"UID:{uid}", f"DTSTART:{start}", f"SUMMARY:{title}", *more])


@pytest.mark.parametrize("frequency", ["SECONDLY", "MINUTELY", "HOURLY"])
def test_an_endless_series_by_the_second_is_cut_and_said_so(
    journal: Journal, hr: str, tmp_path: Path, frequency: str
) -> None:
    path = calendar(tmp_path, event("spam@x", "20260101T000000Z", f"RRULE:FREQ={frequency}"))
    assert path.stat().st_size < 200
    preview = preview_calendar(journal, path)
    assert len(preview.events) == MAX_PER_SERIES
    report = import_calendar(journal, preview, all_to(preview, hr))
    assert len(report.added) == MAX_PER_SERIES
    over = "16,132" if frequency == "HOURLY" else "more than 50,000"
    assert report.summary().splitlines() == [
        "Added 500 meetings. Skipped 0.",
        f"Series 'Spam' (line 4): 500 occurrences read; left out: {over} over the limit "
        f"of 500 a series, all beyond {HORIZON}.",
    ]


def test_what_a_bound_leaves_out_is_counted_not_listed(journal: Journal, tmp_path: Path) -> None:
    path = calendar(tmp_path, event("spam@x", "20260101T000000Z", "RRULE:FREQ=HOURLY"))
    tracemalloc.start()
    try:
        preview = preview_calendar(journal, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert preview.cuts[0].over_limit == 16_132
    assert peak < 20 * 1024 * 1024  # listing the 16,632 occurrences took 46 MB


def test_a_long_counted_series_accounts_for_every_occurrence(
    journal: Journal, hr: str, tmp_path: Path
) -> None:
    daily = event("daily@x", "20260101T090000Z", "RRULE:FREQ=DAILY;COUNT=10000", title="Daily")
    weekly = event("weekly@x", "20270601T090000Z", "RRULE:FREQ=WEEKLY;COUNT=100", title="Weekly")
    preview = preview_calendar(journal, calendar(tmp_path, daily, weekly))
    report = import_calendar(journal, preview, all_to(preview, hr))
    # 2026-01-01 to the horizon is 693 days: 500 read, 193 over the limit, 9,307 after.
    # The weekly one has 26 Tuesdays from 2027-06-01 to the horizon, and 74 after.
    assert len(report.added) == 500 + 26
    assert report.summary().splitlines() == [
        "Added 526 meetings. Skipped 0.",
        "Series 'Daily' (line 4): 500 occurrences read; left out: 193 over the limit of 500 "
        f"a series, 9,307 beyond {HORIZON}.",
        f"Series 'Weekly' (line 10): 26 occurrences read; left out: 74 beyond {HORIZON}.",
    ]


def test_the_horizon_cuts_series_only_a_one_off_years_ahead_is_imported(
    journal: Journal, hr: str, tmp_path: Path
) -> None:
    one_off = event("ahead@x", "20281124T090000Z", title="Strategy day 2028")
    series = event("later@x", "20281201T090000Z", "RRULE:FREQ=WEEKLY;COUNT=4", title="Later")
    preview = preview_calendar(journal, calendar(tmp_path, one_off, series))
    report = import_calendar(journal, preview, all_to(preview, hr))
    [meeting] = journal.meetings.of_partner(hr)
    assert (meeting.title, meeting.start.date()) == ("Strategy day 2028", date(2028, 11, 24))
    assert report.summary().splitlines() == [
        "Added 1 meeting. Skipped 0.",
        f"Series 'Later' (line 9): 0 occurrences read; left out: 4 beyond {HORIZON}.",
    ]


def test_a_file_of_many_series_stops_at_the_file_limit_and_says_which(
    journal: Journal, tmp_path: Path
) -> None:
    many = [
        event(f"s{n}@x", "20260101T000000Z", "RRULE:FREQ=MINUTELY", title=f"S{n}")
        for n in range(MAX_PER_FILE // MAX_PER_SERIES + 2)
    ]
    preview = preview_calendar(journal, calendar(tmp_path, *many))
    assert len(preview.events) == MAX_PER_FILE
    assert [cut.read for cut in preview.cuts[-3:]] == [500, 0, 0]
    last = left_out(preview.skipped, preview.cuts)[-1]
    assert last.startswith("Series 'S21' (line 130): 0 occurrences read; left out: ")
    assert "over the limit of 10,000 a file, all beyond 2027-11-24." in last


def test_each_occurrence_skipped_is_counted_with_its_reason(
    journal: Journal, hr: str, tmp_path: Path
) -> None:
    meeting = event("same@x", "20260302T090000Z", title="Status")
    again = event("same@x", "20260302T090000Z", title="Status (copy)")
    cancelled = event("gone@x", "20260302T090000Z", "RRULE:FREQ=DAILY;COUNT=3", "STATUS:CANCELLED")
    all_day = "UID:day@x\nDTSTART;VALUE=DATE:20260302\nRRULE:FREQ=WEEKLY;COUNT=2\nSUMMARY:Off"
    preview = preview_calendar(journal, calendar(tmp_path, meeting, again, cancelled, all_day))
    report = import_calendar(journal, preview, all_to(preview, hr))
    assert [m.title for m in journal.meetings.of_partner(hr)] == ["Status"]
    assert report.summary() == (
        "Added 1 meeting. Skipped 6: 2 all-day, 3 cancelled, 1 given twice."
    )


def test_an_unknown_time_zone_stops_the_import_naming_it_and_a_windows_zone_is_known(
    journal: Journal, tmp_path: Path
) -> None:
    mars = "UID:z@x\nDTSTART;TZID=Mars/Olympus:20260301T090000\nSUMMARY:Launch review"
    with pytest.raises(ImportFileError) as caught:
        preview_calendar(journal, calendar(tmp_path, mars))
    assert caught.value.message == (
        f"{tmp_path / 'hostile.ics'}: line 6: DTSTART: the time zone 'Mars/Olympus' is "
        "unknown: it is not a zone name and the file does not describe it (no VTIMEZONE) "
        "(event 'Launch review')."
    )
    windows = mars.replace("Mars/Olympus", '"W. Europe Standard Time"')
    [found] = preview_calendar(journal, calendar(tmp_path, windows, name="outlook.ics")).events
    assert found.start.isoformat() == "2026-03-01T09:00:00+01:00"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "DTSTART:20260301T090000Z\nDTSTART:20260302T090000Z",
            r"line 8: DTSTART is given twice \(first at line 7\); an event has one "
            r"\(event 'Review'\)\.$",
        ),
        (
            "DTSTART;TZID=Europe/Berlin;TZID=America/New_York:20260301T090000",
            r"line 7: the parameter TZID is given twice \(event 'Review'\)\.$",
        ),
        (
            "DTSTART:20260301T090000Z\nRRULE:FREQ=MONTHLY;BYDAY=99MO",
            r"line 8: RRULE: BYDAY=99MO is out of range .*\(event 'Review'\)\.$",
        ),
        (
            "DTSTART:20260301T090000Z\nRRULE:FREQ=DAILY;INTERVAL=0",
            r"line 8: RRULE: INTERVAL=0 must be from 1 to 1,000 \(event 'Review'\)\.$",
        ),
        (
            "DTSTART:20260301T090000Z\nRRULE:FREQ=DAILY;INTERVAL=99999999",
            r"line 8: RRULE: INTERVAL=99999999 must be from 1 to 1,000",
        ),
        ("DTSTART:20260301T090000Z\nRRULE:FREQ=DAILY;COUNT=0", r"line 8: RRULE: COUNT=0 must"),
        (
            "DTSTART:20260301T090000Z\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
            r"line 8: RRULE: the rule matches no date at all .*\(event 'Review'\)\.$",
        ),
        (
            "DTSTART:20260301T090000Z\nRRULE:FREQ=SECONDLY;BYSETPOS=2;BYMINUTE=1",
            r"line 8: RRULE: BYSETPOS cannot go with FREQ=SECONDLY",
        ),
        (
            "DTSTART:09990101T090000Z\nRRULE:FREQ=DAILY",
            r"line 7: DTSTART: a repeating event must start in the year 1000 or later",
        ),
        (
            "DTSTART:00010101T090000Z",
            r"line 7: DTSTART: a date must fall in the years 2 to 9998 \(event 'Review'\)\.$",
        ),
        (
            "DTSTART:20260301T090000Z\nEXDATE:00010101T090000Z",
            r"line 8: EXDATE: a date must fall in the years 2 to 9998",
        ),
        (
            "DTSTART:20260301T090000Z\nDURATION:20261124T090000",
            r"line 8: DURATION: must be a length of time, such as PT1H",
        ),
        (
            "DTSTART:20260301T090000Z\nRRULE:FREQ=DAILY;UNTIL=20270101;UNTIL=20280101",
            r"line 8: the rule part UNTIL is given twice \(event 'Review'\)\.$",
        ),
        (
            "DTSTART:19000101T090000Z\nRRULE:FREQ=DAILY",
            r"line 4: the repeating event cannot be expanded \(it starts too long ago.*\)",
        ),
        ("DTSTART:20260230T090000Z", r"line 7: DTSTART: Wrong datetime format: 20260230T09"),
        ("DTSTART:20260301T090000Z\nDTEND:2026", r"line 8: DTEND: .*\(event 'Review'\)\.$"),
    ],
)
def test_a_malformed_property_is_named_with_its_event_and_line(
    journal: Journal, tmp_path: Path, lines: str, expected: str
) -> None:
    path = calendar(tmp_path, f"UID:bad@x\nSUMMARY:Review\n{lines}")
    with pytest.raises(ImportFileError, match=expected) as caught:
        preview_calendar(journal, path)
    assert caught.value.message.startswith(f"{path}: line ")


Cli = Callable[..., subprocess.CompletedProcess[str]]


def test_the_command_line_bounds_an_endless_series_and_names_a_bad_one(
    new_journal: NewJournal, cli: Cli, journal_path: Path, tmp_path: Path
) -> None:
    with new_journal(journal_path) as journal:
        journal.partners.add(Partner(id="", name="HR"))
    start = (date.today() - timedelta(days=1)).strftime("%Y%m%dT090000Z")
    horizon = (date.today() + timedelta(days=365)).isoformat()
    spam = calendar(tmp_path, event("spam@x", start, "RRULE:FREQ=MINUTELY"))
    result = cli("import", str(spam), "--partner", "HR", db=journal_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Added 500 meetings. Skipped 0.",
        "Series 'Spam' (line 4): 500 occurrences read; left out: more than 50,000 over the "
        f"limit of 500 a series, all beyond {horizon}.",
    ]
    bad = calendar(tmp_path, event("b@x", start, "RRULE:FREQ=DAILY;BYDAY=99MO"), name="b.ics")
    failed = cli("import", str(bad), "--partner", "HR", db=journal_path)
    assert failed.returncode == 1
    assert failed.stdout == ""
    [line] = failed.stderr.splitlines()
    assert line == (
        f"brm-desk: error: {bad}: line 8: RRULE: BYDAY=99MO: a numbered weekday goes with a "
        "monthly or yearly rule only (event 'Spam')."
    )
    exported = tmp_path / "out.json"
    cli("export", str(exported), db=journal_path)
    assert len(json.loads(exported.read_text())["meetings"]) == 500
