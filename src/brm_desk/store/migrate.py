"""Bring a journal's schema to this version with Alembic (imported only when needed)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine

from brm_desk.store.journal_file import SCHEMA_VERSION

MIGRATIONS = Path(__file__).with_name("migrations")


def upgrade(engine: Engine) -> None:
    """Run every pending migration and stamp the schema version, in one transaction."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        stamp_version(connection)


def stamp_version(connection: Connection) -> None:
    connection.exec_driver_sql(f"PRAGMA user_version = {SCHEMA_VERSION}")
