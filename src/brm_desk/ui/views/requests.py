"""The requests view: the demand across all partners, paged, sorted and filtered in SQL.

Its status filter offers the triage queue: the new requests and the deferred ones due again,
the longest waiting first, each answered with one key (:mod:`brm_desk.ui.triage`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QLabel

from brm_desk.domain.enums import RequestStatus
from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists
from brm_desk.ui.actions import triage_keys
from brm_desk.ui.models.requests import RequestsModel
from brm_desk.ui.views.list_page import PagedListPage
from brm_desk.ui.widgets.choices import choice_box

EVERY_STATUS = "every status"
TRIAGE_QUEUE = "triage"
STATUS_KEY = "requests/status"


class RequestsPage(PagedListPage):
    title = "Requests"
    record_kind = "request"
    default_sort = (RequestsModel.RECEIVED, Qt.SortOrder.DescendingOrder)
    model: RequestsModel

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, RequestsModel(Lists(journal.database), journal.today))
        self.stretch_column(RequestsModel.TITLE)
        self.status_box = choice_box(
            "Status",
            [
                ("Every status", EVERY_STATUS),
                ("Triage queue", TRIAGE_QUEUE),
                *((status.label, status.value) for status in RequestStatus),
            ],
        )
        self.status_box.setToolTip(
            "Triage queue: new requests and deferred ones due again, the longest waiting first"
        )
        kept = self.status_box.findData(settings.value(STATUS_KEY, EVERY_STATUS))
        self.status_box.setCurrentIndex(max(kept, 0))  # the filter left last time
        self.status_box.currentIndexChanged.connect(lambda _i: self._show_status())
        self.bar.insertWidget(1, self.status_box)
        self.keys_hint = QLabel(f"Answer the selected request: {triage_keys()}")
        self.keys_hint.setAccessibleName("Triage keys")
        self.keys_hint.setEnabled(False)  # drawn muted: a hint, not a control
        self.body.addWidget(self.keys_hint)

    def save_state(self, settings: QSettings) -> None:
        """Keep the columns and the status filter: a BRM who triages daily opens on the queue."""
        super().save_state(settings)
        settings.setValue(STATUS_KEY, self.status_box.currentData())

    def show_triage_queue(self) -> None:
        """The requests waiting for a decision, the longest waiting first."""
        self.status_box.setCurrentIndex(self.status_box.findData(TRIAGE_QUEUE))

    def _show_status(self) -> None:
        if self.status_box.currentData() == TRIAGE_QUEUE:
            self.table.sortByColumn(RequestsModel.WAITING, Qt.SortOrder.DescendingOrder)
        self.refresh()

    def refresh(self) -> None:
        """Reload with the status filter (the triage queue is today's); the same row stays
        selected, so the next request in the queue is the one to answer after a decision."""
        chosen = self.status_box.currentData()
        self.model.wanted = replace(
            self.model.wanted,
            status=None if chosen in (EVERY_STATUS, TRIAGE_QUEUE) else RequestStatus(chosen),
            triage_on=self.journal.today() if chosen == TRIAGE_QUEUE else None,
        )
        row = self.table.currentIndex().row()
        super().refresh()
        if row >= 0 and self.model.rowCount():
            flags = QItemSelectionModel.SelectionFlag
            self.table.selectionModel().setCurrentIndex(
                self.model.index(min(row, self.model.rowCount() - 1), 0),
                flags.ClearAndSelect | flags.Rows | flags.Current,
            )
