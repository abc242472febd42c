"""The requests view: the demand across all partners."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists
from brm_desk.ui.models.requests import RequestsModel
from brm_desk.ui.views.list_page import ProxyListPage


class RequestsPage(ProxyListPage):
    record_kind = "request"

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, "Requests", "requests", RequestsModel())
        self.lists = Lists(journal.database)
        self.default_sort = (RequestsModel.RECEIVED, Qt.SortOrder.DescendingOrder)
        self.stretch_column(RequestsModel.TITLE)

    def refresh(self) -> None:
        self.fill_partners()
        self.model.set_records(self.lists.requests())
        self.restore_header()
