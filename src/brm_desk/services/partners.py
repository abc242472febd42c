"""Partners: add, change, find, archive, delete to the trash.

A partner's maturity changes through its assessments (``services.assessments``) only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.records import Partner, new_id
from brm_desk.domain.rules import check_partner
from brm_desk.services.assessments import first_assessment
from brm_desk.services.records import Records
from brm_desk.store import assessment_rows, partner_rows
from brm_desk.store.database import Database, Transaction


class Partners(Records[Partner]):
    """The partners of a journal."""

    def __init__(self, database: Database, today: Callable[[], date]) -> None:
        super().__init__(database, "partner", partner_rows, check_partner)
        self._today = today

    def add(self, partner: Partner) -> Partner:
        """Store a new partner; its maturity is its first assessment, dated today."""
        partner = check_partner(replace(partner, id=partner.id or new_id()))
        with self._db.transaction() as tx:
            self._check_references(tx, partner)
            partner_rows.insert_many(tx, [partner])
            first = first_assessment(partner.id, partner.maturity, self._today())
            assessment_rows.insert_many(tx, [first])
            return partner_rows.get(tx, partner.id)

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
