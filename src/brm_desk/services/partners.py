"""Partners: add, change, find, archive, delete to the trash."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import MaturityChange, Partner, new_id
from brm_desk.domain.rules import check_partner
from brm_desk.services.records import Records
from brm_desk.store import partner_rows
from brm_desk.store.database import Database, Transaction


class Partners(Records[Partner]):
    """The partners of a journal."""

    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        super().__init__(database, "partner", partner_rows, check_partner)
        self._today = today

    def add(self, partner: Partner) -> Partner:
        """Store a new partner; its maturity starts its history today."""
        partner = check_partner(replace(partner, id=partner.id or new_id()))
        if not partner.maturity_history:
            partner = replace(
                partner, maturity_history=(MaturityChange(partner.maturity, self._today()),)
            )
        with self._db.transaction() as tx:
            return self._insert(tx, partner)

    def update(self, partner: Partner) -> Partner:
        """Save changes; a change of maturity is added to the history with today's date."""
        partner = check_partner(partner)
        with self._db.transaction() as tx:
            old = partner_rows.get(tx, partner.id)
            if (
                old.maturity != partner.maturity
                and partner.maturity_history == old.maturity_history
            ):
                change = MaturityChange(partner.maturity, self._today())
                kept = tuple(c for c in partner.maturity_history if c.since != change.since)
                partner = replace(partner, maturity_history=(*kept, change))
            return self._update(tx, partner)

    def listing(self, *, include_archived: bool = True) -> list[Partner]:
        with self._db.snapshot() as tx:
            return partner_rows.listing(tx, include_archived=include_archived)

    def find(self, name: str) -> Partner:
        """A partner by name (exact, else ignoring case), archived ones included."""
        with self._db.snapshot() as tx:
            found = partner_rows.find_by_name(tx, name.strip())
        if found is None:
            raise NotFoundError(f"no partner named '{name.strip()}' in this journal")
        return found

    def _check_references(self, tx: Transaction, partner: Partner) -> None:
        """A partner's name is unique in the journal."""
        other = partner_rows.find_by_name(tx, partner.name)
        if other is not None and other.id != partner.id:
            raise ValidationError("name", f"a partner named '{other.name}' already exists")
