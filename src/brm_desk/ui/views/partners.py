"""The partners view."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from brm_desk.services.journal import Journal
from brm_desk.ui.models.partners import PartnersModel
from brm_desk.ui.views.list_page import ProxyListPage
from brm_desk.ui.views.prep_brief_entry import add_prep_brief_action


class PartnersPage(ProxyListPage):
    record_kind = "partner"

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, "Partners", "partners", PartnersModel())
        self.partner_box.hide()
        self.prep_brief_action = add_prep_brief_action(self)

    def refresh(self) -> None:
        self.model.set_records(self.journal.partners.listing())
        self.restore_header()
