"""The partners view: the list, and under it the selected partner's balance chart."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QSplitter

from brm_desk.services.journal import Journal
from brm_desk.ui.charts.partner_detail import PartnerDetail
from brm_desk.ui.models.partners import PartnersModel
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.list_page import ProxyListPage
from brm_desk.ui.views.prep_brief_entry import add_prep_brief_action

SPLITTER_KEY = "partners/splitter"


class PartnersPage(ProxyListPage):
    title = "Partners"
    record_kind = "partner"

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, PartnersModel())
        self.partner_box.hide()
        self.prep_brief_action = add_prep_brief_action(self)
        self.detail = PartnerDetail(journal, settings)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.body.replaceWidget(self.table, self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        state = settings.value(SPLITTER_KEY)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([300, 340])
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.set_partner(self.current_record_id() if current.isValid() else None)

    def refresh(self) -> None:
        """Reload the list, keeping the partner in view selected (and their chart shown)."""
        shown = self.current_record_id()
        self.model.set_records(self.journal.partners.listing())
        self.restore_header()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if shown is not None and getattr(index.data(RECORD_ROLE), "id", None) == shown:
                self.table.setCurrentIndex(index)
                break
        self.detail.set_partner(self.current_record_id())

    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
