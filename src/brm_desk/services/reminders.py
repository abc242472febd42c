"""What is due now, for the app's reminders, its Today view and ``brm-desk due``.

One function builds the list all three show (:func:`due`), from the journal and the rules
that already decide what is overdue; the BRM's snoozes and dismissals are kept in the journal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from brm_desk.domain import reminders
from brm_desk.domain.records import Meeting
from brm_desk.domain.reminders import Reminder, State
from brm_desk.domain.rules import line_text
from brm_desk.store import (
    contact_rows,
    meeting_rows,
    partner_rows,
    reminder_rows,
    request_rows,
    stakeholder_rows,
)

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal


@dataclass(frozen=True, slots=True)
class Day:
    """The BRM's day: its meetings (with their partners' names) and what is due."""

    meetings: tuple[Meeting, ...]
    partners: dict[str, str]
    due: tuple[Reminder, ...]

    def digest(self) -> str:
        return reminders.digest_line(len(self.meetings), self.due)


def due(journal: Journal, now: datetime) -> list[Reminder]:
    """Everything due at ``now`` (aware), most pressing first, less what the BRM snoozed
    until later or dismissed."""
    return list(today(journal, now).due)


def today(journal: Journal, now: datetime) -> Day:
    """The day of ``now`` (aware, in the BRM's own offset) in a few queries."""
    day = now.date()
    start = reminders.start_of(day, now)
    last = day + timedelta(days=reminders.COMING_DUE_DAYS)
    with journal.database.snapshot() as tx:
        names = {partner.id: partner.name for partner in partner_rows.listing(tx)}
        follow_ups = reminder_rows.follow_ups_due_by(tx, last)
        delivered = request_rows.delivered(tx)
        meetings = meeting_rows.starting(
            tx, min(start, now), max(start + timedelta(days=1), now + reminders.MEETING_SOON)
        )
        states = reminder_rows.states(tx)
        messages = stakeholder_rows.due(tx, day)
        audiences = {c.id: c.name for c in contact_rows.listing(tx)} if messages else {}
    balances = journal.balances.for_partners(day, day)
    found = [
        *reminders.meeting_reminders(meetings, names, now),
        *reminders.follow_up_reminders(follow_ups, now),
        *reminders.review_reminders(delivered, names, now),
        *reminders.touch_reminders(balances, now),
        *reminders.message_reminders(messages, names, audiences, now),
    ]
    return Day(
        meetings=tuple(m for m in meetings if m.start.astimezone(now.tzinfo).date() == day),
        partners=names,
        due=tuple(reminders.showing(reminders.in_order(found), states, now)),
    )


def states(journal: Journal) -> dict[str, State]:
    """What the BRM did with reminders, by key (a key left out: nothing, it shows when due)."""
    with journal.database.snapshot() as tx:
        return reminder_rows.states(tx)


def keep(journal: Journal, changes: Mapping[str, State | None]) -> None:
    """Remember for each reminder key a snooze, a dismissal, or (None) neither, at once."""
    for key in changes:
        line_text("reminder", key, limit=2000, required=True)
    with journal.database.transaction() as tx:
        for key, state in changes.items():
            reminder_rows.put(tx, key, state)
