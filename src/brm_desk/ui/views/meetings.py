"""The meetings view: every meeting, paged, sorted and filtered in SQL."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel

from brm_desk.services.journal import Journal
from brm_desk.services.lists import Lists
from brm_desk.ui.models.meetings import MeetingsModel
from brm_desk.ui.views.list_page import ListPage

TYPING_PAUSE_MS = 150


class MeetingsPage(ListPage):
    record_kind = "meeting"

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, "Meetings", "meetings")
        self.model = MeetingsModel(Lists(journal.database), self)
        self.table.setModel(self.model)
        self.default_sort = (MeetingsModel.START, Qt.SortOrder.DescendingOrder)
        self.stretch_column(MeetingsModel.TITLE)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._apply_text)
        self.search_box.textChanged.connect(lambda _text: self._typing.start())
        self.shown_label = QLabel()
        self.bar.insertWidget(1, self.shown_label)
        self.model.modelReset.connect(self._show_total)
        self.partner_box.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(partner_id=self.selected_partner())
        )

    def _show_total(self) -> None:
        total = self.model.total
        self.shown_label.setText(f"{total:,} meeting" + ("" if total == 1 else "s"))

    def _apply_text(self) -> None:
        self.model.set_filter(text=self.search_box.text())

    def refresh(self) -> None:
        self.fill_partners()
        self.model.wanted = replace(
            self.model.wanted, text=self.search_box.text(), partner_id=self.selected_partner()
        )
        self.model.reload()
        self.restore_header()
