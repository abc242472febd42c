"""Migration 0013 on a journal made by the previous version: interest and plans arrive."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from alembic import command
from tests.store.test_migrations import alembic_config, tables, user_version

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.records import Contact, Partner, StanceChange
from brm_desk.domain.stakeholders import Communication
from brm_desk.services.interchange.json_io import export_journal
from brm_desk.services.journal import Journal
from brm_desk.store.journal_file import SCHEMA_VERSION

TODAY = date(2026, 11, 24)


def test_a_version_12_journal_gets_medium_interest_and_an_empty_plan(journal_path: Path) -> None:
    """Every contact, and every step of every history, is of medium interest; nothing else
    changes, and the journal then keeps interests and plans."""
    with Journal.create(journal_path, today=lambda: date(2026, 3, 4)) as journal:
        partner = journal.partners.add(Partner(id="p1", name="Finance"))
        journal.contacts.add(
            Contact(id="anna", partner_id=partner.id, name="Anna", stance=Stance.SKEPTIC)
        )
    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        anna = journal.contacts.get("anna")
        journal.contacts.update(replace(anna, stance=Stance.CHAMPION, influence=Influence.HIGH))
        journal.contacts.add(Contact(id="bo", partner_id="p1", name="Bo"))
        journal.contacts.delete("bo")
        before = export_journal(journal, include_private=True)
        with journal.database.engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0012")  # the version before the map
            connection.exec_driver_sql("PRAGMA user_version = 12")
    assert "communication" not in tables(journal_path)

    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        after = export_journal(journal, include_private=True)
        assert {**after, "exported_at": ""} == {**before, "exported_at": ""}
        assert journal.contacts.page("anna").history == (
            StanceChange(date(2026, 3, 4), Influence.MEDIUM, Stance.SKEPTIC, Interest.MEDIUM),
            StanceChange(TODAY, Influence.HIGH, Stance.CHAMPION, Interest.MEDIUM),
        )
        journal.trash.restore(journal.trash.listing()[0].batch)
        assert journal.contacts.get("bo").interest is Interest.MEDIUM
        assert journal.stakeholders.plan("p1") == []
        journal.stakeholders.place("anna", Influence.HIGH, Interest.HIGH)
        journal.stakeholders.add(
            Communication("", "p1", "Quarterly roadmap", "In person", 14, TODAY, "anna")
        )
    with Journal.open(journal_path, today=lambda: TODAY) as journal:
        assert journal.contacts.get("anna").interest is Interest.HIGH
        assert journal.contacts.page("anna").history[-1].interest is Interest.HIGH
        [entry] = journal.stakeholders.plan("p1")
        assert (entry.contact_id, entry.quadrant) == ("anna", None)
    assert user_version(journal_path) == SCHEMA_VERSION
