"""The contacts list: the people on the partner side, their influence, interest and stance."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.records import Contact
from brm_desk.ui.models.table import Column, RecordTableModel

_INFLUENCE_RANK = {value: i for i, value in enumerate(Influence)}
_INTEREST_RANK = {value: i for i, value in enumerate(Interest)}
_STANCE_RANK = {value: i for i, value in enumerate(Stance)}


class ContactsModel(RecordTableModel):
    NAME, PARTNER, ROLE, INFLUENCE, INTEREST, STANCE, EMAIL = range(7)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._partner_names: Mapping[str, str] = {}
        self.columns = (
            Column("Name", lambda c: c.name, lambda c: c.name.casefold()),
            Column("Partner", self.partner_name, lambda c: self.partner_name(c).casefold()),
            Column("Role", lambda c: c.role, lambda c: c.role.casefold()),
            Column(
                "Influence", lambda c: c.influence.label, lambda c: _INFLUENCE_RANK[c.influence]
            ),
            Column("Interest", lambda c: c.interest.label, lambda c: _INTEREST_RANK[c.interest]),
            Column("Stance", lambda c: c.stance.label, lambda c: _STANCE_RANK[c.stance]),
            Column("Email", lambda c: c.email, lambda c: c.email.casefold()),
        )

    def partner_name(self, contact: Contact) -> str:
        return self._partner_names.get(contact.partner_id, "")

    def set_contacts(self, contacts: Sequence[Contact], partner_names: Mapping[str, str]) -> None:
        self._partner_names = dict(partner_names)
        self.set_records(contacts)
