"""Contacts: the people on the partner side."""

from __future__ import annotations

from brm_desk.domain.records import Contact
from brm_desk.domain.rules import check_contact
from brm_desk.services.records import Records
from brm_desk.store import contact_rows, partner_rows
from brm_desk.store.database import Database, Transaction


class Contacts(Records[Contact]):
    """The contacts of a journal."""

    def __init__(self, database: Database) -> None:
        super().__init__(database, "contact", contact_rows, check_contact)

    def listing(self, partner_id: str | None = None) -> list[Contact]:
        with self._db.snapshot() as tx:
            return contact_rows.listing(tx, partner_id)

    def _check_references(self, tx: Transaction, contact: Contact) -> None:
        partner_rows.get(tx, contact.partner_id)
