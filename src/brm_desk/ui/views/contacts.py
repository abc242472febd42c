"""The contacts view: Enter opens a person's page; its context menu also edits them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction

from brm_desk.services.journal import Journal
from brm_desk.ui.models.contacts import ContactsModel
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.list_page import ProxyListPage


class ContactsPage(ProxyListPage):
    title = "Contacts"
    record_kind = "contact"
    model: ContactsModel

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, ContactsModel())
        for text, slot in (("Open contact page", self._open_page), ("Edit contact…", self._edit)):
            action = QAction(text, self.table)
            action.triggered.connect(slot)
            self.table.addAction(action)
            self.sig_selection_changed.connect(
                lambda action=action: action.setEnabled(self.current_record_id() is not None)
            )
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.sig_selection_changed.emit()

    def _activated(self, index: QModelIndex) -> None:
        """Double-click or Enter on a person opens their page."""
        if index.isValid():
            self.sig_open_contact.emit(index.data(RECORD_ROLE).id)

    def _open_page(self) -> None:
        contact_id = self.current_record_id()
        if contact_id is not None:
            self.sig_open_contact.emit(contact_id)

    def _edit(self) -> None:
        contact_id = self.current_record_id()
        if contact_id is not None:
            self.sig_open_record.emit("contact", contact_id)

    def refresh(self) -> None:
        self.fill_partners()
        names = {p.id: p.name for p in self.journal.partners.listing()}
        self.model.set_contacts(self.journal.contacts.listing(), names)
        self.restore_header()
