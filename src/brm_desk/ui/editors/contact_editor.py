"""The contact editor: a person on the partner side, their weight and their stance.

The stance and the notes are the BRM's own read of a person: private, and marked so."""

from __future__ import annotations

from dataclasses import replace

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.records import Contact
from brm_desk.ui.editors.base import RecordEditor
from brm_desk.ui.editors.fields import (
    chosen,
    chosen_partner,
    enum_combo,
    line_edit,
    partner_combo,
    private_look,
    text_box,
)


class ContactEditor(RecordEditor):
    noun = "contact"

    def blank(self, partner_id: str) -> Contact:
        return Contact(id="", partner_id=partner_id, name="")

    def make_fields(self, contact: Contact) -> None:
        self.partner = partner_combo(self.journal.partners.listing(), contact.partner_id or None)
        self.name = line_edit("Name", contact.name)
        self.role = line_edit("Role", contact.role)
        self.email = line_edit("E-mail", contact.email)
        self.phone = line_edit("Phone", contact.phone)
        self.influence = enum_combo("Influence", Influence, contact.influence)
        self.interest = enum_combo("Interest", Interest, contact.interest)
        self.stance = enum_combo("Stance", Stance, contact.stance)
        self.notes = text_box("Notes", contact.notes)
        private_look(self.stance)
        private_look(self.notes)

        self.add_row("Partner", self.partner, "partner")
        self.add_row("Name", self.name, "name")
        self.add_row("Role", self.role, "role")
        self.add_row("E-mail", self.email, "email")
        self.add_row("Phone", self.phone, "phone")
        self.add_row("Influence", self.influence, "influence")
        self.add_row("Interest", self.interest, "interest")
        self.add_row("Stance (private)", self.stance, "stance")
        self.add_row("Notes (private)", self.notes, "notes")
        self.finish(520, 480)
        self.name.setFocus()

    def build(self) -> Contact:
        partner_id = chosen_partner(self.partner)
        return replace(
            self.record or self.blank(partner_id),
            partner_id=partner_id,
            name=self.name.text().strip(),
            role=self.role.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            influence=chosen(self.influence, Influence),
            interest=chosen(self.interest, Interest),
            stance=chosen(self.stance, Stance),
            notes=self.notes.toPlainText(),
        )
