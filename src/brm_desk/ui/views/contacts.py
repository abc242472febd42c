"""The contacts view."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from brm_desk.services.journal import Journal
from brm_desk.ui.models.contacts import ContactsModel
from brm_desk.ui.views.list_page import ProxyListPage


class ContactsPage(ProxyListPage):
    title = "Contacts"
    record_kind = "contact"
    model: ContactsModel

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, ContactsModel())

    def refresh(self) -> None:
        self.fill_partners()
        names = {p.id: p.name for p in self.journal.partners.listing()}
        self.model.set_contacts(self.journal.contacts.listing(), names)
        self.restore_header()
