"""Meetings: the engagements the balance is made of."""

from __future__ import annotations

from datetime import date

from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import Meeting
from brm_desk.domain.rules import check_meeting
from brm_desk.services.records import Records
from brm_desk.store import contact_rows, meeting_rows, partner_rows
from brm_desk.store.database import Database, Transaction


class Meetings(Records[Meeting]):
    """The meetings of a journal."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, "meeting", meeting_rows, check_meeting)

    def of_partner(
        self, partner_id: str, limit: int | None = None, *, since: date | None = None
    ) -> list[Meeting]:
        """A partner's meetings (those on or after ``since``, if given), latest first."""
        with self._db.snapshot() as tx:
            return meeting_rows.of_partner(tx, partner_id, limit, since=since)

    def _check_references(self, tx: Transaction, meeting: Meeting) -> None:
        partner_rows.get(tx, meeting.partner_id)
        for contact_id in meeting.attendee_ids:
            try:
                contact_rows.get(tx, contact_id)
            except NotFoundError:
                raise ValidationError("attendees", f"no contact with id '{contact_id}'") from None
