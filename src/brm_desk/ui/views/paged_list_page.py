"""A list read page by page from SQL; what is typed in its filter box is read off the UI thread.

Typing waits for a short pause, then the count and first page are read in a worker; only the
newest answer is shown, so a slow filter on 100,000 meetings never holds up the next
keystroke. A click (a partner, a sort order) reloads at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings, QSignalBlocker
from PySide6.QtWidgets import QLabel

from brm_desk.services.journal import Journal
from brm_desk.ui.models.paged import PagedTableModel
from brm_desk.ui.views.list_page import ListPage
from brm_desk.ui.views.newest_answer import NewestAnswer


class PagedListPage(ListPage):
    """The bar says how many ``record_kind`` lines the filter finds."""

    def __init__(
        self, journal: Journal, settings: QSettings, model: PagedTableModel[Any, Any]
    ) -> None:
        super().__init__(journal, settings)
        self.model = model
        model.setParent(self)
        self.table.setModel(model)
        self.shown_label = QLabel()
        self.bar.insertWidget(1, self.shown_label)
        self.answers = NewestAnswer(self, self.filter_in_background)
        self.search_box.textChanged.connect(lambda _text: self.answers.ask_soon())
        model.modelReset.connect(self._show_total)
        model.modelReset.connect(self.answers.supersede)  # a reload on the UI thread is newer
        self.partner_box.currentIndexChanged.connect(
            lambda _i: model.set_filter(
                partner_id=self.selected_partner(), text=self.search_box.text()
            )
        )

    def _show_total(self) -> None:
        total = self.model.total
        self.shown_label.setText(f"{total:,} {self.record_kind}" + ("" if total == 1 else "s"))

    def filter_in_background(self) -> None:
        model = self.model
        wanted = replace(model.wanted, text=self.search_box.text())
        self.answers.ask(
            lambda: model.snapshot(wanted),
            model.show,
            lambda error: self.shown_label.setText(error.message),
        )

    def busy(self) -> bool:
        """A typed filter is waiting for its pause or being read."""
        return self.answers.busy()

    def refresh(self) -> None:
        self.fill_partners()
        self.model.wanted = replace(
            self.model.wanted, text=self.search_box.text(), partner_id=self.selected_partner()
        )
        self.model.reload()
        self.restore_header()

    def show_partner(self, partner_id: str | None) -> None:
        """Every line of the partner (of all partners for None): nothing typed in the filter."""
        self.fill_partners()
        with QSignalBlocker(self.partner_box), QSignalBlocker(self.search_box):
            self.partner_box.setCurrentIndex(max(self.partner_box.findData(partner_id), 0))
            self.search_box.clear()
        self.refresh()

    def reveal(self, record_id: str, partner_id: str | None) -> None:
        """Narrow the list to the record's partner, then page rows in until the record shows."""
        self.show_partner(partner_id)
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == record_id:
                self.select(self.model.index(row, 0))
                return
