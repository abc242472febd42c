"""Schema version 2 (calendar_event): a version-1 journal upgrades cleanly, after a backup."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, date, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

from brm_desk.domain.records import Meeting, Partner
from brm_desk.services.interchange.ics_import import all_to, import_calendar, preview_calendar
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir
from brm_desk.store import migrate
from brm_desk.store.journal_file import SCHEMA_VERSION

TODAY = date(2026, 11, 24)
GOOGLE = Path(__file__).with_name("data") / "google_hr.ics"


def make_version_1_journal(path: Path) -> str:
    """A journal as version 1 left it: revision 0001, user_version 1, one meeting."""
    with Journal.create(path, today=lambda: TODAY) as journal:
        partner = journal.partners.add(Partner(id="", name="HR"))
        journal.meetings.add(
            Meeting(
                id="m1",
                partner_id=partner.id,
                title="Kick-off",
                start=datetime(2026, 3, 2, 9, tzinfo=UTC),
            )
        )
        config = _config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0001")
            connection.exec_driver_sql("PRAGMA user_version = 1")
        return partner.id


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    return config


def schema_of(path: Path) -> tuple[int, set[str], str]:
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as raw:
        version = raw.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in raw.execute("SELECT name FROM sqlite_master")}
        revision = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    return version, tables, revision


def head_revision() -> str:
    return str(ScriptDirectory.from_config(_config()).get_current_head())


def test_the_calendar_table_came_with_version_2() -> None:
    assert SCHEMA_VERSION >= 2
    assert ScriptDirectory.from_config(_config()).get_revision("0002") is not None


def test_a_version_1_journal_is_backed_up_then_upgraded_and_imports_calendars(
    journal_path: Path,
) -> None:
    partner_id = make_version_1_journal(journal_path)
    version, tables, revision = schema_of(journal_path)
    assert (version, revision) == (1, "0001")
    assert "calendar_event" not in tables

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        assert [m.title for m in journal.meetings.of_partner(partner_id)] == ["Kick-off"]
        preview = preview_calendar(journal, GOOGLE)
        report = import_calendar(journal, preview, all_to(preview, partner_id))
        assert len(report.added) == 8
        again = import_calendar(journal, preview, all_to(preview, partner_id))
        assert again.added == []
        assert again.unchanged == 8

    version, tables, revision = schema_of(journal_path)
    assert (version, revision) == (SCHEMA_VERSION, head_revision())
    assert "calendar_event" in tables
    [backup] = backups_dir(journal_path).iterdir()
    assert f"before-v{SCHEMA_VERSION}" in backup.name
    assert schema_of(backup)[:1] == (1,)
    assert "calendar_event" not in schema_of(backup)[1]


def test_purging_an_imported_meeting_forgets_its_event(journal: Journal) -> None:
    partner = journal.partners.add(Partner(id="", name="HR"))
    preview = preview_calendar(journal, GOOGLE)
    import_calendar(journal, preview, all_to(preview, partner.id))
    first = min(journal.meetings.of_partner(partner.id), key=lambda m: m.start)
    journal.trash.empty(journal.meetings.delete(first.id))
    report = import_calendar(journal, preview, all_to(preview, partner.id))
    assert len(report.added) == 1
    assert report.unchanged == 7
