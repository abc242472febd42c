"""The stakeholder map of a partner and their communications plan.

The map is the BRM's own view (it shows stances): the prep brief, the dashboard and the
internal pack read it; the partner pack never does.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from brm_desk.domain.enums import Influence, Interest
from brm_desk.domain.records import Contact, Partner, StanceChange, new_id
from brm_desk.domain.stakeholders import (
    Communication,
    Gap,
    Move,
    check_communication,
    gaps,
    moves,
)
from brm_desk.services.contacts import Contacts
from brm_desk.store import contact_rows, partner_rows, stakeholder_rows
from brm_desk.store.database import Database, Transaction
from brm_desk.store.schema import ContactRow, PartnerRow


@dataclass(frozen=True, slots=True)
class StakeholderMap:
    """One partner's people as of ``today``, where they stood on ``compared_with`` (when
    asked), the plan, and the gaps the map shows."""

    partner: Partner
    today: date
    contacts: tuple[Contact, ...]
    plan: tuple[Communication, ...]
    gaps: tuple[Gap, ...]
    compared_with: date | None = None
    moves: tuple[Move, ...] = ()

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.contacts if c.id == contact_id), None)


class Stakeholders:
    """Stakeholder maps and communications plans; each call is one transaction."""

    def __init__(self, database: Database, contacts: Contacts, today: Callable[[], date]) -> None:
        self._db = database
        self._contacts = contacts
        self._today = today

    def map(self, partner_id: str, compared_with: date | None = None) -> StakeholderMap:
        """The partner's map now; with ``compared_with``, who moved since that day."""
        today = self._today()
        with self._db.snapshot() as tx:
            partner = partner_rows.get(tx, partner_id)
            contacts = contact_rows.listing(tx, partner_id)
            plan = stakeholder_rows.listing(tx, partner_id)
            met = stakeholder_rows.last_met(tx, partner_id, today)
            histories = (
                {}
                if compared_with is None
                else contact_rows.histories(
                    tx, PartnerRow.uid == partner_id, ContactRow.deleted_at.is_(None)
                )
            )
        moved = () if compared_with is None else tuple(moves(contacts, histories, compared_with))
        return StakeholderMap(
            partner=partner,
            today=today,
            contacts=tuple(contacts),
            plan=tuple(plan),
            gaps=tuple(gaps(contacts, met, plan, today)),
            compared_with=compared_with,
            moves=moved,
        )

    def history(self, contact_id: str) -> list[StanceChange]:
        with self._db.snapshot() as tx:
            return contact_rows.history(tx, contact_id)

    def place(self, contact_id: str, influence: Influence, interest: Interest) -> Contact:
        """Put a contact in another cell of the map (kept, dated today, in their history)."""
        contact = self._contacts.get(contact_id)
        return self._contacts.update(replace(contact, influence=influence, interest=interest))

    # The communications plan ---------------------------------------------------------

    def plan(self, partner_id: str | None = None) -> list[Communication]:
        with self._db.snapshot() as tx:
            return stakeholder_rows.listing(tx, partner_id)

    def add(self, entry: Communication) -> Communication:
        """A new entry (a fresh id unless it brings one, as an undone delete does)."""
        entry = check_communication(replace(entry, id=entry.id or new_id()))
        with self._db.transaction() as tx:
            stakeholder_rows.insert_many(tx, [entry])
            return stakeholder_rows.get(tx, entry.id)

    def update(self, entry: Communication) -> Communication:
        entry = check_communication(entry)
        with self._db.transaction() as tx:
            stakeholder_rows.update_one(tx, entry)
            return stakeholder_rows.get(tx, entry.id)

    def delete(self, entry_id: str) -> None:
        with self._db.transaction() as tx:
            stakeholder_rows.delete_one(tx, entry_id)


def gaps_by_partner(tx: Transaction, today: date) -> dict[str, list[Gap]]:
    """Every live partner's gaps, by partner id (partners without contacts have none listed:
    with nobody to map there is no champion to miss)."""
    contacts = contact_rows.in_journal_order(tx)
    plans = stakeholder_rows.listing(tx)
    met = stakeholder_rows.last_met(tx, None, today)
    people: dict[str, list[Contact]] = {}
    for contact in contacts:
        people.setdefault(contact.partner_id, []).append(contact)
    return {
        partner_id: gaps(found, met, [e for e in plans if e.partner_id == partner_id], today)
        for partner_id, found in people.items()
    }
