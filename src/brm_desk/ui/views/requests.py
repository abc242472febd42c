"""The requests view: the demand across all partners, paged, sorted and filtered in SQL."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists
from brm_desk.ui.models.requests import RequestsModel
from brm_desk.ui.views.list_page import PagedListPage


class RequestsPage(PagedListPage):
    title = "Requests"
    record_kind = "request"
    default_sort = (RequestsModel.RECEIVED, Qt.SortOrder.DescendingOrder)

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, RequestsModel(Lists(journal.database)))
        self.stretch_column(RequestsModel.TITLE)
