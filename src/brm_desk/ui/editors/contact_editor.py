"""The contact editor: a person on the partner side, their weight and their stance."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from brm_desk.domain.enums import Influence, Stance
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Contact
from brm_desk.services.journal import Journal
from brm_desk.ui.editors.base import RecordEditor, make_form
from brm_desk.ui.editors.fields import chosen, combo_id, enum_combo, partner_combo


class ContactEditor(RecordEditor):
    noun = "contact"

    def __init__(
        self,
        journal: Journal,
        stack: QUndoStack,
        record: Contact | None = None,
        parent: QWidget | None = None,
        *,
        partner_id: str | None = None,
    ) -> None:
        super().__init__(journal, stack, record, parent)
        contact = record or Contact(id="", partner_id=partner_id or "", name="")
        self.partner = partner_combo(journal.partners.listing(), contact.partner_id or None)
        self.name = QLineEdit(contact.name)
        self.name.setAccessibleName("Name")
        self.role = QLineEdit(contact.role)
        self.role.setAccessibleName("Role")
        self.email = QLineEdit(contact.email)
        self.email.setAccessibleName("E-mail")
        self.phone = QLineEdit(contact.phone)
        self.phone.setAccessibleName("Phone")
        self.influence = enum_combo("Influence", Influence, contact.influence)
        self.stance = enum_combo("Stance", Stance, contact.stance)
        self.notes = QPlainTextEdit(contact.notes)
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)

        form = make_form()
        self.add_row(form, "Partner", self.partner, "partner")
        self.add_row(form, "Name", self.name, "name")
        self.add_row(form, "Role", self.role, "role")
        self.add_row(form, "E-mail", self.email, "email")
        self.add_row(form, "Phone", self.phone, "phone")
        self.add_row(form, "Influence", self.influence, "influence")
        self.add_row(form, "Stance", self.stance, "stance")
        self.add_row(form, "Notes", self.notes, "notes")
        self.finish_layout(form)
        self.resize(520, 480)
        self.set_tab_order(
            self.partner,
            self.name,
            self.role,
            self.email,
            self.phone,
            self.influence,
            self.stance,
            self.notes,
        )
        self.name.setFocus()

    def build(self) -> Contact:
        partner_id = combo_id(self.partner)
        if not partner_id:
            raise ValidationError("partner", "is required (add a partner first)")
        base = self.record or Contact(id="", partner_id=partner_id, name="")
        return replace(
            base,
            partner_id=partner_id,
            name=self.name.text().strip(),
            role=self.role.text().strip(),
            email=self.email.text().strip(),
            phone=self.phone.text().strip(),
            influence=chosen(self.influence, Influence),
            stance=chosen(self.stance, Stance),
            notes=self.notes.toPlainText(),
        )
