"""Rolling backups: once a day, 7 daily and 4 weekly kept, listed with counts, restored."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.records import Meeting, Partner
from brm_desk.services import backups, maintenance
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir, data_dir

TODAY = date(2026, 11, 24)
PASSPHRASE = "backups passphrase"


def add_partner(journal: Journal, name: str) -> None:
    partner = journal.partners.add(Partner(id="", name=name))
    journal.meetings.add(
        Meeting(
            id="",
            partner_id=partner.id,
            title=f"{name} kick-off",
            start=datetime(2026, 11, 2, 9, tzinfo=UTC),
        )
    )


def daily_files(journal_path: Path) -> list[str]:
    folder = backups_dir(journal_path)
    return sorted(p.name for p in folder.iterdir() if "-daily-" in p.name)


def test_the_first_open_of_a_day_makes_one_backup_in_the_data_folder(
    journal: Journal, journal_path: Path
) -> None:
    add_partner(journal, "Finance")
    made = backups.backup_daily(journal, TODAY)
    assert made is not None
    assert made.is_relative_to(data_dir())
    assert made.name == "journal-daily-20261124.brmdesk"
    assert backups.backup_daily(journal, TODAY) is None  # once a day
    with Journal.open(made) as copy:
        assert [p.name for p in copy.partners.listing()] == ["Finance"]


def test_thirty_days_of_opening_keep_seven_days_and_four_weeks(journal: Journal) -> None:
    first = TODAY - timedelta(days=59)
    for offset in range(60):
        backups.backup_daily(journal, first + timedelta(days=offset))
    kept = daily_files(journal.path)
    days = sorted(datetime.strptime(n[-16:-8], "%Y%m%d").date() for n in kept)
    assert len(kept) == 11
    assert days[-7:] == [TODAY - timedelta(days=d) for d in range(6, -1, -1)]
    weekly = days[:-7]
    assert len({d.isocalendar()[:2] for d in weekly}) == 4
    assert all(d.isoweekday() == 7 for d in weekly)  # the newest day of each older week


def test_backups_by_hand_and_before_updates_are_never_pruned(journal: Journal) -> None:
    by_hand = maintenance.backup(journal)
    before_update = backups_dir(journal.path) / "journal-before-v2-20200101-000000.db"
    journal.database.backup_to(before_update)
    for offset in range(40):
        backups.backup_daily(journal, TODAY + timedelta(days=offset))
    assert by_hand.exists()
    assert before_update.exists()


@given(st.lists(st.dates(date(2020, 1, 1), date(2030, 1, 1)), max_size=80))
def test_rotation_keeps_the_newest_seven_and_at_most_four_older_weeks(days: list[date]) -> None:
    keep = backups.days_to_keep(days)
    distinct = sorted(set(days), reverse=True)
    assert keep <= set(distinct)
    assert set(distinct[:7]) <= keep
    older = keep - set(distinct[:7])
    assert len(older) <= 4
    weeks = [d.isocalendar()[:2] for d in older]
    assert len(set(weeks)) == len(weeks)  # one per week
    for day in older:  # the newest of its week, and its week not already kept
        same_week = [d for d in distinct if d.isocalendar()[:2] == day.isocalendar()[:2]]
        assert day == max(same_week)


def test_the_listing_shows_date_kind_and_counts_newest_first(
    journal: Journal, journal_path: Path
) -> None:
    add_partner(journal, "Finance")
    older = backups.backup_daily(journal, TODAY - timedelta(days=1))
    assert older is not None
    os.utime(older, (1_700_000_000, 1_700_000_000))
    add_partner(journal, "HR")
    by_hand = maintenance.backup(journal)
    damaged = backups_dir(journal_path) / "journal-20200101-000000.brmdesk"
    damaged.write_bytes(b"SQLite format 3\x00" + bytes(200))
    os.utime(damaged, (1_600_000_000, 1_600_000_000))
    listed = backups.listing(journal_path)
    assert [info.path for info in listed] == [by_hand, older, damaged]
    assert [info.kind for info in listed] == ["by hand", "daily", "by hand"]
    assert listed[0].counts == {"partners": 2, "meetings": 2, "requests": 0}
    assert listed[1].counts == {"partners": 1, "meetings": 1, "requests": 0}
    assert listed[1].describe_counts() == "1 partners, 1 meetings, 0 requests"
    assert listed[2].counts is None
    assert listed[2].problem is not None
    assert "not a BRM Desk journal" in listed[2].problem


def test_restore_puts_the_backup_in_place_and_keeps_the_current_file(
    journal: Journal, journal_path: Path
) -> None:
    add_partner(journal, "Finance")
    backup = maintenance.backup(journal)
    add_partner(journal, "HR")
    journal.close()
    aside = backups.restore(journal_path, backup)
    with Journal.open(journal_path) as restored:
        assert [p.name for p in restored.partners.listing()] == ["Finance"]
        assert maintenance.check(restored).ok
    with Journal.open(aside) as kept:
        assert sorted(p.name for p in kept.partners.listing()) == ["Finance", "HR"]
    kinds = {info.path: info.kind for info in backups.listing(journal_path)}
    assert kinds[aside] == "before a restore"


def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    add_partner(journal, "Finance")
    journal.close()
    bad = tmp_path / "bad.brmdesk"
    bad.write_text("not a journal at all")
    before = journal_path.read_bytes()
    with pytest.raises(JournalFileError, match="not a BRM Desk journal"):
        backups.restore(journal_path, bad)
    assert journal_path.read_bytes() == before
    assert not backups_dir(journal_path).exists() or not any(
        "before-restore" in p.name for p in backups_dir(journal_path).iterdir()
    )


def test_an_encrypted_journal_restores_from_its_encrypted_backup(tmp_path: Path) -> None:
    path = tmp_path / "secret.brmdesk"
    journal = Journal.create(path, today=lambda: TODAY, passphrase=PASSPHRASE)
    add_partner(journal, "Finance")
    daily = backups.backup_daily(journal)
    assert daily is not None
    assert not daily.read_bytes().startswith(b"SQLite format 3")
    add_partner(journal, "HR")
    key = journal.database.key
    listed = backups.listing(path, key)
    assert listed[0].counts == {"partners": 1, "meetings": 1, "requests": 0}
    assert backups.listing(path)[0].counts is None  # without the key, no counts
    journal.close()
    backups.restore(path, daily, key)
    with Journal.open(path, passphrase=PASSPHRASE) as restored:
        assert [p.name for p in restored.partners.listing()] == ["Finance"]


def test_a_journal_reopens_itself_after_a_restore(journal: Journal, journal_path: Path) -> None:
    add_partner(journal, "Finance")
    backup = maintenance.backup(journal)
    add_partner(journal, "HR")
    reopened = backups.restore_into(journal, backup)
    try:
        assert [p.name for p in reopened.partners.listing()] == ["Finance"]
    finally:
        reopened.close()
