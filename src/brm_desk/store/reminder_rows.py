"""Reminders' raw material (open follow-ups with due dates) and what the BRM did with them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import delete, insert, select

from brm_desk.domain.enums import Side
from brm_desk.domain.records import Action
from brm_desk.domain.reminders import FollowUp, State
from brm_desk.store import pack_queries
from brm_desk.store.database import Transaction
from brm_desk.store.schema import ActionRow, MeetingRow, PartnerRow, ReminderStateRow


def follow_ups_due_by(tx: Transaction, last: date) -> list[FollowUp]:
    """Open follow-ups of live meetings due on or before ``last``, the first due first."""
    statement = (
        pack_queries.open_actions()
        .add_columns(
            MeetingRow.uid, MeetingRow.title, MeetingRow.private, PartnerRow.uid, PartnerRow.name
        )
        .where(ActionRow.due <= last)
        .order_by(ActionRow.due, MeetingRow.id, ActionRow.position)
    )
    return [
        FollowUp(Action(text, Side(side), owner, due), meeting, title, partner, name, private)
        for text, side, owner, due, meeting, title, private, partner, name in tx.execute(statement)
    ]


def states(tx: Transaction) -> dict[str, State]:
    """Every reminder snoozed or dismissed, by key."""
    return {
        key: State(datetime.fromisoformat(until) if until else None, dismissed)
        for key, until, dismissed in tx.execute(select(ReminderStateRow.__table__))
    }


def put(tx: Transaction, key: str, state: State | None) -> None:
    """Keep ``state`` for the reminder ``key`` (None: forget it, the reminder shows again)."""
    tx.execute(delete(ReminderStateRow).where(ReminderStateRow.key == key))
    if state is not None:
        until = state.snoozed_until.isoformat() if state.snoozed_until else None
        tx.execute(
            insert(ReminderStateRow).values(key=key, snoozed_until=until, dismissed=state.dismissed)
        )
