"""Schema versions: Alembic builds the ORM's schema, and older journals are backed up first."""

from __future__ import annotations

import sqlite3
import warnings
from contextlib import closing
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from brm_desk.domain.errors import JournalFileError
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.services.locations import backups_dir
from brm_desk.store import database, journal_file, migrate, search_index
from brm_desk.store.journal_file import APPLICATION_ID, SCHEMA_VERSION
from brm_desk.store.schema import Base

TODAY = date(2026, 11, 24)
RECORD_TABLES = {
    "partner",
    "assessment",
    "assessment_goal",
    "assessment_evidence",
    "contact",
    "contact_change",
    "meeting",
    "meeting_attendee",
    "meeting_action",
    "request",
    "request_meeting",
    "search_document",
    "search_fts",
}


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def tables(path: Path) -> set[str]:
    with closing(read_only(path)) as raw:
        rows = raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {name for (name,) in rows}


def user_version(path: Path) -> int:
    with closing(read_only(path)) as raw:
        return int(raw.execute("PRAGMA user_version").fetchone()[0])


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS))
    return config


def test_the_migrations_have_one_head_and_it_is_stamped_in_new_journals(journal: Journal) -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    assert len(heads) == 1
    with journal.database.engine.connect() as connection:
        stamped = connection.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    assert stamped == [(heads[0],)]


def test_the_alembic_head_matches_the_orm_tables(journal: Journal) -> None:
    """Autogenerate finds nothing to do: the migrations build exactly what schema.py says.

    The full-text index is a virtual table (and its shadow tables) made by raw SQL, which the
    ORM does not describe, so it is left out of the comparison.
    """
    with journal.database.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "render_as_batch": True}
        )
        with warnings.catch_warnings():
            # SQLAlchemy does not reflect indexes on expressions; they are checked below.
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression")
            warnings.filterwarnings("ignore", "autogenerate skipping metadata-specified expr")
            differences = compare_metadata(context, Base.metadata)
        indexed = dict(
            connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE name IN "
                "('ix_meeting_partner_month', 'ix_request_partner_month')"
            ).all()
        )
    assert "substr(local_date, 1, 7), local_date" in indexed["ix_meeting_partner_month"]
    assert "substr(received, 1, 7), received" in indexed["ix_request_partner_month"]
    left = [d for d in differences if not _is_full_text_table(d)]
    assert left == []
    assert {d[1].name for d in differences} == {
        "search_fts",
        "search_fts_data",
        "search_fts_idx",
        "search_fts_docsize",
        "search_fts_config",
    }


def _is_full_text_table(difference: Any) -> bool:
    return (
        isinstance(difference, tuple)
        and difference[0] == "remove_table"
        and difference[1].name.startswith("search_fts")
    )


def test_downgrading_to_nothing_and_upgrading_again_rebuilds_the_schema(journal_path: Path) -> None:
    with Journal.create(journal_path) as journal:
        journal.partners.add(Partner(id="", name="Finance"))
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "base")
        assert tables(journal_path) == {"alembic_version"}
        migrate.upgrade(journal.database.engine)
        assert tables(journal_path) >= RECORD_TABLES
        assert journal.partners.listing() == []
        journal.partners.add(Partner(id="", name="Finance"))
        assert [p.name for p in journal.partners.listing()] == ["Finance"]


def test_a_marked_journal_without_tables_is_refused_untouched(journal_path: Path) -> None:
    """Issue 13: such a file was once given a schema; it is no journal, so nothing is written."""
    with closing(sqlite3.connect(journal_path)) as raw:
        raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        raw.commit()
    before = journal_path.read_bytes(), journal_path.stat().st_mtime_ns
    with pytest.raises(JournalFileError, match="marked as a BRM Desk journal but holds no tables"):
        Journal.open(journal_path, today=lambda: TODAY)
    assert (journal_path.read_bytes(), journal_path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in journal_path.parent.iterdir()) == [journal_path.name]
    assert user_version(journal_path) == 0
    assert not backups_dir(journal_path).exists()


def test_opening_a_current_journal_makes_no_backup(journal_path: Path) -> None:
    Journal.create(journal_path).close()
    Journal.open(journal_path).close()
    assert not backups_dir(journal_path).exists()


def test_an_older_journal_is_backed_up_before_it_is_migrated(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        journal.partners.add(Partner(id="", name="Finance", notes="Before the upgrade"))
    old_version = SCHEMA_VERSION
    new_version = SCHEMA_VERSION + 1
    # The next release: same migrations, a higher version number.
    for module in (journal_file, migrate, database):
        monkeypatch.setattr(module, "SCHEMA_VERSION", new_version)

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        assert [p.notes for p in journal.partners.listing()] == ["Before the upgrade"]
    assert user_version(journal_path) == new_version

    backups = sorted(backups_dir(journal_path).iterdir())
    assert len(backups) == 1
    assert f"before-v{new_version}" in backups[0].name
    assert user_version(backups[0]) == old_version
    with closing(read_only(backups[0])) as raw:
        assert raw.execute("SELECT name, notes FROM partner").fetchall() == [
            ("Finance", "Before the upgrade")
        ]

    Journal.open(journal_path).close()
    assert len(list(backups_dir(journal_path).iterdir())) == 1


def test_a_version_5_journal_gets_private_notes_without_losing_anything(
    journal_path: Path,
) -> None:
    """Migration 0006 on a journal as version 5 left it: every record and its search kept."""
    from datetime import UTC, datetime

    from brm_desk.domain.records import Meeting, Request
    from brm_desk.services.interchange.json_io import export_journal
    from brm_desk.store import search_index

    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        partner = journal.partners.add(Partner(id="", name="Finance"))
        for n in range(3):
            journal.meetings.add(
                Meeting(
                    id=f"m{n}",
                    partner_id=partner.id,
                    title=f"Budget {n}",
                    start=datetime(2026, 3, 2 + n, 9, tzinfo=UTC),
                    notes=f"Ledger sync {n}  \n",
                    private=n == 2,
                )
            )
        journal.requests.add(
            Request(
                id="r1",
                partner_id=partner.id,
                title="Dashboard",
                received=date(2026, 3, 1),
                want="Faster close",
                notes="Raised twice",
            )
        )
        before = export_journal(journal, include_private=True)
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0005")
            connection.exec_driver_sql("PRAGMA user_version = 5")
    with closing(read_only(journal_path)) as raw:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(meeting)")}
    assert "private_notes" not in columns

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        after = export_journal(journal, include_private=True)
        assert {**after, "exported_at": ""} == {**before, "exported_at": ""}
        with journal.database.transaction() as tx:
            assert search_index.integrity_problems(tx) == []
        assert {hit.id for hit in journal.search.query("ledger")} == {"m0", "m1", "m2"}
        meeting = journal.meetings.get("m0")
        journal.meetings.update(replace(meeting, private_notes="My read: wombatfern"))
        assert [hit.id for hit in journal.search.query("wombatfern")] == ["m0"]
        with journal.database.transaction() as tx:
            assert search_index.integrity_problems(tx) == []
    assert user_version(journal_path) == SCHEMA_VERSION
    assert len(list(backups_dir(journal_path).iterdir())) == 1


def test_notes_indexed_as_written_are_indexed_again_as_plain_text(journal_path: Path) -> None:
    """Migration 0007: the search documents of meetings, requests and partners hold what
    ``plain_text`` makes of their notes; a downgrade puts the notes back as written."""
    notes = "## Budget\n- **tight** this year\n- [ ]\n"
    config = alembic_config()

    def step(direction: Any) -> None:
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            direction(config, "0007_plain_text_search" if direction is command.upgrade else "0006")

    def bodies() -> set[str]:
        with journal.database.engine.connect() as connection:
            rows = connection.exec_driver_sql("SELECT kind, body FROM search_document").all()
        return {f"{kind}: {body}" for kind, body in rows}

    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        finance = journal.partners.add(Partner(id="", name="Finance", notes=notes))
        start = datetime(2026, 3, 2, 9, tzinfo=UTC)
        journal.meetings.add(
            Meeting(id="", partner_id=finance.id, title="Sync", start=start, notes=notes)
        )
        journal.requests.add(
            Request(
                id="", partner_id=finance.id, title="Ask", received=TODAY, want="Less", notes=notes
            )
        )
        step(command.downgrade)  # to 0006, before notes were indexed as plain text
        assert bodies() == {
            f"partner: \n\n{notes}",
            f"meeting: {notes}",
            f"request: Less\n\n{notes}",
        }

        step(command.upgrade)
        plain = "Budget\ntight this year"
        assert bodies() == {
            f"partner: \n\n{plain}",
            f"meeting: {plain}",
            f"request: Less\n\n{plain}",
        }
        with journal.database.transaction() as tx:
            assert search_index.integrity_problems(tx) == []
        assert {hit.snippet.count("*") for hit in journal.search.query("tight")} == {0}

        step(command.downgrade)
        assert "meeting: " + notes in bodies()


def test_a_version_7_journal_gets_next_periods_and_settings(journal_path: Path) -> None:
    """Migration 0008: an empty next period for every partner, no settings; nothing lost."""
    from brm_desk.services.interchange.json_io import export_journal

    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        journal.partners.add(Partner(id="p1", name="Finance", notes="Keep"))
        before = export_journal(journal, include_private=True)
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0007_plain_text_search")
            connection.exec_driver_sql("PRAGMA user_version = 7")
    assert "journal_setting" not in tables(journal_path)

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        after = export_journal(journal, include_private=True)
        assert {**after, "exported_at": ""} == {**before, "exported_at": ""}
        assert journal.partners.get("p1").next_period == ""
        journal.partners.update(
            replace(journal.partners.get("p1"), next_period="Agree the roadmap")
        )
        journal.settings.set_currency("CHF")
    with Journal.open(journal_path) as journal:
        assert journal.partners.get("p1").next_period == "Agree the roadmap"
        assert journal.settings.currency() == "CHF"
    assert user_version(journal_path) == SCHEMA_VERSION


def test_a_version_9_journal_starts_each_contacts_history_with_its_stance(
    journal_path: Path,
) -> None:
    """Migration 0010: every contact, in the trash too, gets its influence and stance as the
    first step of its history, dated the day it was last changed."""
    from brm_desk.domain.enums import Influence, Stance
    from brm_desk.domain.records import Contact, StanceChange

    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        partner = journal.partners.add(Partner(id="", name="Finance"))
        for uid, stance in (("anna", Stance.CHAMPION), ("bo", Stance.BLOCKER)):
            journal.contacts.add(Contact(id=uid, partner_id=partner.id, name=uid, stance=stance))
        journal.contacts.delete("bo")
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0009")
            connection.exec_driver_sql(
                "UPDATE contact SET updated_at = '2025-03-04T10:00:00+00:00'"
            )
            connection.exec_driver_sql("PRAGMA user_version = 9")
    assert "contact_change" not in tables(journal_path)

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        since = date(2025, 3, 4)
        assert journal.contacts.page("anna").history == (
            StanceChange(since, Influence.MEDIUM, Stance.CHAMPION),
        )
        journal.trash.restore(journal.trash.listing()[0].batch)
        assert journal.contacts.page("bo").history == (
            StanceChange(since, Influence.MEDIUM, Stance.BLOCKER),
        )
    assert user_version(journal_path) == SCHEMA_VERSION


def test_a_version_11_journal_gets_reminder_states_and_keeps_them(journal_path: Path) -> None:
    """Migration 0012: no reminder snoozed or dismissed yet; nothing else lost."""
    from brm_desk.domain.reminders import State
    from brm_desk.services import reminders
    from brm_desk.services.interchange.json_io import export_journal

    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        journal.partners.add(Partner(id="p1", name="Finance"))
        before = export_journal(journal, include_private=True)
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0011")
            connection.exec_driver_sql("PRAGMA user_version = 11")
    assert "reminder_state" not in tables(journal_path)

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        after = export_journal(journal, include_private=True)
        assert {**after, "exported_at": ""} == {**before, "exported_at": ""}
        assert reminders.states(journal) == {}
        reminders.keep(journal, {"touch_overdue:p1:never": State(dismissed=True)})
    with Journal.open(journal_path) as journal:
        assert reminders.states(journal) == {"touch_overdue:p1:never": State(dismissed=True)}
    assert user_version(journal_path) == SCHEMA_VERSION


def test_a_version_13_journal_gets_pulses_without_losing_anything(journal_path: Path) -> None:
    """Migration 0014: an empty pulse table; every record as it was; pulses can be kept."""
    from brm_desk.domain.pulses import Pulse
    from brm_desk.services.interchange.json_io import export_journal

    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        partner = journal.partners.add(Partner(id="p1", name="Finance", notes="Keep"))
        journal.meetings.add(
            Meeting(id="m1", partner_id=partner.id, title="Review", start=datetime.now(UTC))
        )
        before = export_journal(journal, include_private=True)
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0013")
            connection.exec_driver_sql("PRAGMA user_version = 13")
    assert "pulse" not in tables(journal_path)

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        after = export_journal(journal, include_private=True)
        assert {**after, "exported_at": ""} == {**before, "exported_at": ""}
        assert journal.pulses.listing() == []
        journal.pulses.add(Pulse("q1", "p1", TODAY, 4, 3, 5, 9, "Fewer surprises"))
    with Journal.open(journal_path) as journal:
        assert journal.pulses.get("q1").comment == "Fewer surprises"


def test_a_version_14_journal_turns_each_maturity_history_into_assessments(
    journal_path: Path,
) -> None:
    """Migration 0015: every maturity_change row becomes an assessment (the BRM's view, dated
    ``since``, the partner's view unknown, no evidence), in order; a partner without history
    gets none, and every partner keeps the maturity it had, even one ahead of its history."""
    from brm_desk.domain.assessments import maturity_path
    from brm_desk.domain.enums import Maturity
    from brm_desk.domain.records import MaturityChange
    from brm_desk.services.interchange.json_io import export_journal

    history = [
        ("ad_hoc", "2024-03-01"),
        ("order_taker", "2025-01-10"),
        ("service_provider", "2025-01-10"),  # corrected the same day: both kept, in order
        ("trusted_advisor", "2026-02-01"),
    ]
    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        finance = journal.partners.add(
            Partner(id="fin", name="Finance", maturity=Maturity.TRUSTED_ADVISOR)
        )
        journal.partners.add(Partner(id="hr", name="HR", maturity=Maturity.ORDER_TAKER))
        journal.partners.add(Partner(id="it", name="IT", maturity=Maturity.STRATEGIC_PARTNER))
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0014")
            connection.exec_driver_sql("DELETE FROM maturity_change")
            pk = {uid: pk for pk, uid in connection.exec_driver_sql("SELECT id, uid FROM partner")}
            for position, (maturity, since) in enumerate(history):
                connection.exec_driver_sql(
                    "INSERT INTO maturity_change (partner_id, position, maturity, since) "
                    f"VALUES ({pk['fin']}, {position}, '{maturity}', '{since}')"
                )
            # IT's maturity runs ahead of its history (as in SPEC §6's example).
            connection.exec_driver_sql(
                "INSERT INTO maturity_change (partner_id, position, maturity, since) "
                f"VALUES ({pk['it']}, 0, 'order_taker', '2025-06-01')"
            )
            connection.exec_driver_sql("PRAGMA user_version = 14")
    assert "assessment" not in tables(journal_path)
    assert finance.maturity is Maturity.TRUSTED_ADVISOR

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        assessments = journal.assessments.of_partner("fin")
        assert maturity_path(assessments) == tuple(
            MaturityChange(Maturity(m), date.fromisoformat(s)) for m, s in history
        )
        assert {
            (a.partner_view, a.meeting_ids, a.request_ids, a.note, a.goals) for a in assessments
        } == {(None, (), (), "", ())}
        assert len({a.id for a in assessments}) == len(history)
        assert journal.assessments.of_partner("hr") == ()
        assert [(p.id, p.maturity) for p in journal.partners.listing()] == [
            ("fin", Maturity.TRUSTED_ADVISOR),
            ("hr", Maturity.ORDER_TAKER),
            ("it", Maturity.STRATEGIC_PARTNER),
        ]
        exported = {p["id"]: p for p in export_journal(journal)["partners"]}
        assert exported["it"]["maturity_history"] == [
            {"maturity": "order_taker", "since": "2025-06-01"}
        ]
        assert exported["it"]["maturity"] == "strategic_partner"
        assert "assessments" not in exported["fin"]
        # The next assessment moves the maturity, as any assessment does.
        journal.assessments.set_maturity("it", Maturity.TRUSTED_ADVISOR)
        assert journal.partners.get("it").maturity is Maturity.TRUSTED_ADVISOR
    assert "maturity_change" not in tables(journal_path)
    assert user_version(journal_path) == SCHEMA_VERSION


def _columns(path: Path, table: str) -> set[str]:
    with closing(read_only(path)) as raw:
        return {row[1] for row in raw.execute(f"PRAGMA table_info({table})")}


def test_a_version_15_journal_keeps_every_pulse_and_assessment_and_can_trash_them(
    journal_path: Path,
) -> None:
    """Migration 0016: pulse and assessment get the trash columns, every row stays live and
    as it was; afterwards a delete moves them to the trash and a restore brings them back. A
    downgrade empties the trash of them and keeps the live rows."""
    from brm_desk.domain.assessments import Assessment, MaturityGoal
    from brm_desk.domain.enums import Maturity
    from brm_desk.domain.pulses import Pulse
    from brm_desk.services.interchange.json_io import export_journal

    with Journal.create(journal_path, today=lambda: TODAY) as journal:
        journal.partners.add(Partner(id="p1", name="Finance"))
        journal.meetings.add(
            Meeting(id="m1", partner_id="p1", title="Review", start=datetime.now(UTC))
        )
        for n, day in enumerate((date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30))):
            journal.pulses.add(Pulse(f"q{n}", "p1", day, 4, 3, 5, 9 - n, f"Answer {n}"))
        journal.assessments.add(
            Assessment(
                "a1",
                "p1",
                date(2026, 10, 12),
                Maturity.SERVICE_PROVIDER,
                Maturity.ORDER_TAKER,
                meeting_ids=("m1",),
                note="Mine",
                goals=(MaturityGoal("One intake route", True),),
            )
        )
        journal.pulses.delete("q2")  # in the trash: a downgrade leaves it out
        pulses = journal.pulses.listing()
        assessments = journal.assessments.of_partner("p1")
        before = export_journal(journal, include_private=True)
        config = alembic_config()
        with journal.database.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, "0015")
            connection.exec_driver_sql("PRAGMA user_version = 15")
    for table in ("pulse", "assessment"):
        assert {"deleted_at", "deleted_batch"}.isdisjoint(_columns(journal_path, table))
    with closing(read_only(journal_path)) as raw:
        assert raw.execute("SELECT uid FROM pulse ORDER BY uid").fetchall() == [("q0",), ("q1",)]

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        assert journal.database.version == SCHEMA_VERSION
        after = export_journal(journal, include_private=True)
        assert {**after, "exported_at": ""} == {**before, "exported_at": ""}
        assert journal.pulses.listing() == pulses
        assert journal.assessments.of_partner("p1") == assessments
        assert journal.trash.listing() == []
        batch = journal.pulses.delete("q1")
        assessment_batch = journal.assessments.delete("a1")
        assert [p.id for p in journal.pulses.listing()] == ["q0"]
        journal.trash.restore(batch)
        journal.trash.restore(assessment_batch)
        assert journal.pulses.listing() == pulses
        assert journal.assessments.of_partner("p1") == assessments
    for table in ("pulse", "assessment"):
        assert {"deleted_at", "deleted_batch"} <= _columns(journal_path, table)
