"""calendar add / list / remove and sync, run as the real command line against real servers."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

import keyring
import pytest

from brm_desk.domain.records import Partner
from brm_desk.services.calendar_sources import KEYRING_SERVICE
from brm_desk.services.journal import Journal
from calendar_servers import PASSWORD, USER, CalDavServer, Feed, event, free_port
from empty_journal import NewJournal

Cli = Callable[..., subprocess.CompletedProcess[str]]
ERROR = "brm-desk: error:"


@pytest.fixture
def db(journal_path: Path, new_journal: NewJournal) -> Path:
    with new_journal(journal_path) as journal:
        journal.partners.add(Partner(id="", name="Finance"))
    return journal_path


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(ERROR)
    return lines[0]


def test_a_feed_is_added_listed_synced_and_removed(cli: Cli, db: Path, feed: Feed) -> None:
    feed.publish(
        event("a", "Weekly sync", "20261201T090000Z"), event("b", "QBR", "20261202T090000Z")
    )

    added = cli("calendar", "add", feed.url, "--partner", "Finance", db=db)
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == f"Added calendar 1 for Finance: {feed.url}"
    synced = cli("sync", db=db)
    assert synced.returncode == 0, synced.stderr
    label = f"calendar 1 ({feed.url})"
    assert synced.stdout.strip() == (
        f"{label}: 2 new in the inbox, changed 0, flagged 0, left alone 0."
    )
    assert cli("sync", db=db).stdout.strip() == f"{label}: unchanged since the last sync."
    assert feed.answers == [200, 304]
    listed = cli("calendar", "list", db=db).stdout
    assert f"1  {feed.url} (feed)" in listed
    assert "partner: Finance; synced " in listed

    removed = cli("calendar", "remove", "1", db=db)
    assert "its meetings stay" in removed.stdout
    assert cli("calendar", "list", db=db).stdout.startswith("No calendar sources")
    with Journal.open(db) as journal:
        assert len(journal.meetings.of_partner(journal.partners.find("Finance").id)) == 0
    assert cli("inbox", db=db).stdout.startswith("Calendar inbox is empty.")  # left with it


def test_a_dead_source_is_reported_once_and_sync_fails(cli: Cli, db: Path, feed: Feed) -> None:
    feed.publish(event("a", "Weekly sync", "20261201T090000Z"))
    dead = f"http://127.0.0.1:{free_port()}/gone.ics"
    cli("calendar", "add", dead, "--partner", "Finance", db=db)
    cli("calendar", "add", feed.url, "--partner", "Finance", db=db)

    result = cli("sync", db=db)

    assert result.returncode == 1
    assert one_error_line(result) == (
        f"{ERROR} 1 of 2 calendar sources could not be refreshed (see above)"
    )
    failed, done = result.stdout.strip().splitlines()
    assert failed.startswith(f"calendar 1 ({dead}): failed: cannot reach the server")
    assert done.endswith("1 new in the inbox, changed 0, flagged 0, left alone 0.")
    assert "last sync failed: cannot reach the server" in cli("calendar", "list", db=db).stdout


def test_a_caldav_password_comes_from_standard_input_into_the_keyring(
    cli: Cli, db: Path, radicale: CalDavServer, file_keyring: None
) -> None:
    radicale.calendar().save_event(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
        + event("a", "Roadmap planning", "20261203T100000Z")
        + "\r\nEND:VCALENDAR\r\n"
    )
    url = radicale.calendar_url
    added = cli("calendar", "add", url, "--user", USER, "--partner", "Finance", db=db,
                input=PASSWORD + "\n")  # fmt: skip
    assert added.returncode == 0, added.stderr
    assert "(password in the system keyring)" in added.stdout
    assert keyring.get_password(f"{KEYRING_SERVICE} {url}", USER) == PASSWORD
    assert PASSWORD.encode() not in db.read_bytes()
    synced = cli("sync", db=db)
    assert synced.stdout.strip().endswith("1 new in the inbox, changed 0, flagged 0, left alone 0.")
    assert f"{url} (CalDAV, user {USER})" in cli("calendar", "list", db=db).stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("calendar", "add", "http://example.com/c.ics"), "url: must use https://"),
        (("calendar", "add", "https://a:b@example.com/"), "the system keyring"),
        (("calendar", "add", "https://e.com/c.ics", "--partner", "HR"), "no partner named 'HR'"),
        (("calendar", "add", "https://dav.example.com/", "--user", "ana"), "needs the password"),
        (("calendar", "remove", "7"), "no calendar source 7"),
    ],
)
def test_bad_input_is_one_line_and_exit_1(
    cli: Cli, db: Path, args: tuple[str, ...], message: str
) -> None:
    result = cli(*args, db=db, input="")
    assert result.returncode == 1
    assert message in one_error_line(result)


def test_calendar_without_a_command_is_a_usage_error(cli: Cli, db: Path) -> None:
    result = cli("calendar", db=db)
    assert result.returncode == 2
    assert one_error_line(result).startswith(f"{ERROR} the following arguments are required")
    assert cli("sync", db=db).stdout.startswith("No calendar sources to sync")


def test_inbox_lists_what_waits_as_lines_or_json(cli: Cli, db: Path, feed: Feed) -> None:
    assert cli("inbox", db=db).stdout == "Calendar inbox is empty.\n"
    assert json.loads(cli("inbox", "--json", db=db).stdout) == []
    feed.publish(
        event("a", "Weekly sync", "20261201T090000Z"),
        event("b", "Dentist", "20261202T160000Z", minutes=30),
    )
    cli("calendar", "add", feed.url, db=db)
    cli("sync", db=db)
    with Journal.open(db) as journal:  # a rule learned from an earlier filing
        from brm_desk.domain.calendar_inbox import FilingRule, title_key
        from brm_desk.domain.enums import Focus, MeetingType
        from brm_desk.store import inbox_rows

        finance = journal.partners.find("Finance").id
        rule = FilingRule(
            title_key("Weekly sync"), finance, MeetingType.STATUS_CHECKIN, Focus.ROUTINE
        )
        with journal.database.transaction() as tx:
            inbox_rows.keep_rules(tx, [rule])

    listed = cli("inbox", db=db)
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "   1  2026-12-01 09:00  Weekly sync — Finance (learned); Status check-in, routine",
        "   2  2026-12-02 16:00  Dentist — no guess; Other, routine",
    ]
    found = json.loads(cli("inbox", "--json", db=db).stdout)
    assert found[0] == {
        "id": 1,
        "start": "2026-12-01T09:00:00+00:00",
        "title": "Weekly sync",
        "partner": "Finance",
        "guessed_from": "learned",
        "type": "status_checkin",
        "focus": "routine",
        "source": 1,
    }
    assert found[1]["partner"] is None


def test_inbox_of_a_missing_journal_is_one_error_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("inbox", db=tmp_path / "none.db")
    assert result.returncode == 1
    assert "none.db" in one_error_line(result)
