"""Contacts: the people on the partner side."""

from __future__ import annotations

from dataclasses import replace

from brm_desk.domain.records import Contact, new_id
from brm_desk.domain.rules import check_contact
from brm_desk.store import contact_rows, partner_rows, trash_rows
from brm_desk.store.database import Database


class Contacts:
    """The contacts of a journal."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def add(self, contact: Contact) -> Contact:
        contact = check_contact(replace(contact, id=contact.id or new_id()))
        with self._db.transaction() as tx:
            partner_rows.get(tx, contact.partner_id)
            contact_rows.insert_many(tx, [contact])
            return contact_rows.get(tx, contact.id)

    def update(self, contact: Contact) -> Contact:
        contact = check_contact(contact)
        with self._db.transaction() as tx:
            contact_rows.update_one(tx, contact)
            return contact_rows.get(tx, contact.id)

    def get(self, contact_id: str) -> Contact:
        with self._db.transaction() as tx:
            return contact_rows.get(tx, contact_id)

    def listing(self, partner_id: str | None = None) -> list[Contact]:
        with self._db.transaction() as tx:
            return contact_rows.listing(tx, partner_id)

    def delete(self, contact_id: str) -> str:
        with self._db.transaction() as tx:
            return trash_rows.soft_delete(tx, "contact", contact_id)
