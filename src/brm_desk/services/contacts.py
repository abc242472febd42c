"""Contacts: the people on the partner side, and the page that gathers what a BRM knows of one."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from brm_desk.domain.records import (
    AgreedAction,
    Contact,
    Meeting,
    Request,
    StanceChange,
    open_follow_ups,
)
from brm_desk.domain.rules import check_contact
from brm_desk.services.records import Records
from brm_desk.store import contact_rows, meeting_rows, partner_rows, request_rows
from brm_desk.store.database import Database, Transaction


@dataclass(frozen=True, slots=True)
class ContactPage:
    """One person as of ``today``: the meetings they attended and requests they raised
    (latest first), the open follow-ups of those meetings both ways, and how their influence
    and stance moved. The BRM's own view: it is shown, never exported (stances are private).
    """

    contact: Contact
    partner_name: str
    today: date
    meetings: tuple[Meeting, ...]
    requests: tuple[Request, ...]
    we_owe: tuple[AgreedAction, ...]
    they_owe: tuple[AgreedAction, ...]
    history: tuple[StanceChange, ...]

    @property
    def last_touch(self) -> Meeting | None:
        """The latest meeting they attended, up to today."""
        return next((m for m in self.meetings if m.local_date <= self.today), None)


class Contacts(Records[Contact]):
    """The contacts of a journal; a change of influence or stance is kept with today's date."""

    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        super().__init__(database, "contact", contact_rows, check_contact)
        self._today = today

    def _insert(self, tx: Transaction, contact: Contact) -> Contact:
        added = super()._insert(tx, contact)
        contact_rows.note_stance(tx, added, self._today())
        return added

    def _update(self, tx: Transaction, contact: Contact) -> Contact:
        contact_rows.note_stance(tx, contact, self._today())
        return super()._update(tx, contact)

    def listing(self, partner_id: str | None = None) -> list[Contact]:
        with self._db.snapshot() as tx:
            return contact_rows.listing(tx, partner_id)

    def page(self, contact_id: str) -> ContactPage:
        """Everything the contact page shows, in one snapshot."""
        today = self._today()
        with self._db.snapshot() as tx:
            contact = contact_rows.get(tx, contact_id)
            meetings = meeting_rows.attended_by(tx, contact_id)
            requests = request_rows.raised_by(tx, contact_id)
            history = contact_rows.history(tx, contact_id)
            partner = partner_rows.get(tx, contact.partner_id)
        we_owe, they_owe = open_follow_ups(meetings)
        return ContactPage(
            contact=contact,
            partner_name=partner.name,
            today=today,
            meetings=tuple(meetings),
            requests=tuple(requests),
            we_owe=we_owe,
            they_owe=they_owe,
            history=tuple(history),
        )

    def _check_references(self, tx: Transaction, contact: Contact) -> None:
        partner_rows.get(tx, contact.partner_id)
