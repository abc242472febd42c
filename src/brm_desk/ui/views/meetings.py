"""The meetings view: every meeting, paged, sorted and filtered in SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QLabel, QToolButton

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
        self.days_button = QToolButton()
        self.days_button.setToolTip("Show meetings of every date")
        self.days_button.clicked.connect(lambda: self.show_between(self.selected_partner()))
        self.days_button.hide()
        self.bar.insertWidget(2, self.days_button)
        self.model.modelReset.connect(self._show_total)
        self.partner_box.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(partner_id=self.selected_partner())
        )

    def _show_total(self) -> None:
        total = self.model.total
        self.shown_label.setText(f"{total:,} meeting" + ("" if total == 1 else "s"))

    def show_between(
        self, partner_id: str | None, since: date | None = None, until: date | None = None
    ) -> None:
        """List the partner's meetings (all partners' for None) of [since, until], every
        date when both are None; a button names the dates and clears them."""
        self.fill_partners()
        self.partner_box.blockSignals(True)
        self.partner_box.setCurrentIndex(max(self.partner_box.findData(partner_id), 0))
        self.partner_box.blockSignals(False)
        self.search_box.blockSignals(True)
        self.search_box.clear()
        self.search_box.blockSignals(False)
        self.model.set_filter(text="", partner_id=self.selected_partner(), days=(since, until))
        self.restore_header()
        shown = since is not None or until is not None
        self.days_button.setText(f"{days_text(since, until)}  ✕" if shown else "")
        self.days_button.setAccessibleName(f"Dates {days_text(since, until)}: show every date")
        self.days_button.setVisible(shown)

    def _apply_text(self) -> None:
        self.model.set_filter(text=self.search_box.text())

    def refresh(self) -> None:
        self.fill_partners()
        self.model.wanted = replace(
            self.model.wanted, text=self.search_box.text(), partner_id=self.selected_partner()
        )
        self.model.reload()
        self.restore_header()


def days_text(since: date | None, until: date | None) -> str:
    """ "1–30 Jun 2026", "from 1 Jun 2026", "until 30 Jun 2026"."""
    if since and until:
        if (since.year, since.month) == (until.year, until.month):
            return f"{since.day}–{until.day} {until:%b %Y}"
        return f"{since:%d %b %Y} – {until:%d %b %Y}"
    if since:
        return f"from {since:%d %b %Y}"
    return f"until {until:%d %b %Y}" if until else ""
