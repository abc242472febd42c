"""A journal's settings, one row a setting."""

from __future__ import annotations

from sqlalchemy import delete, insert, select

from brm_desk.store.database import Transaction
from brm_desk.store.schema import JournalSettingRow


def get(tx: Transaction, name: str) -> str | None:
    """The setting's value, or None when it was never set."""
    statement = select(JournalSettingRow.value).where(JournalSettingRow.name == name)
    return tx.execute(statement).scalar_one_or_none()


def put(tx: Transaction, name: str, value: str) -> None:
    tx.execute(delete(JournalSettingRow).where(JournalSettingRow.name == name))
    tx.execute(insert(JournalSettingRow).values(name=name, value=value))
