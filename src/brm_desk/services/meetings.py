"""Meetings: the engagements the balance is made of."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import Meeting, new_id
from brm_desk.domain.rules import check_meeting
from brm_desk.store import contact_rows, meeting_rows, partner_rows, trash_rows
from brm_desk.store.database import Database, Transaction


class Meetings:
    """The meetings of a journal."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, meeting: Meeting) -> Meeting:
        meeting = check_meeting(replace(meeting, id=meeting.id or new_id()))
        with self._db.transaction() as tx:
            _check_references(tx, meeting)
            meeting_rows.insert_many(tx, [meeting])
            return meeting_rows.get(tx, meeting.id)

    def update(self, meeting: Meeting) -> Meeting:
        meeting = check_meeting(meeting)
        with self._db.transaction() as tx:
            _check_references(tx, meeting)
            meeting_rows.update_one(tx, meeting)
            return meeting_rows.get(tx, meeting.id)

    def get(self, meeting_id: str) -> Meeting:
        with self._db.transaction() as tx:
            return meeting_rows.get(tx, meeting_id)

    def of_partner(
        self, partner_id: str, limit: int | None = None, *, since: date | None = None
    ) -> list[Meeting]:
        """A partner's meetings (those on or after ``since``, if given), latest first."""
        with self._db.transaction() as tx:
            return meeting_rows.of_partner(tx, partner_id, limit, since=since)

    def delete(self, meeting_id: str) -> str:
        with self._db.transaction() as tx:
            return trash_rows.soft_delete(tx, "meeting", meeting_id)


def _check_references(tx: Transaction, meeting: Meeting) -> None:
    partner_rows.get(tx, meeting.partner_id)
    for contact_id in meeting.attendee_ids:
        try:
            contact_rows.get(tx, contact_id)
        except NotFoundError:
            raise ValidationError("attendees", f"no contact with id '{contact_id}'") from None
