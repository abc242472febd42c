"""A list read page by page from SQL; what is typed in its filter box is read off the UI thread.

Typing waits for a short pause, then a :class:`QueryOp` counts and reads the first page in a
worker; only the newest answer is shown, so a slow filter on 100,000 meetings never holds up
the next keystroke. A click (a partner, a sort order) reloads at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QLabel

from brm_desk.domain.errors import BrmDeskError
from brm_desk.services.journal import Journal
from brm_desk.ui.models.paged import PagedTableModel, Snapshot
from brm_desk.ui.operations import QueryOp
from brm_desk.ui.views.list_page import ListPage

TYPING_PAUSE_MS = 150


class PagedListPage(ListPage):
    """Subclasses name their ``noun`` and hand their model to :meth:`connect_model`."""

    noun = "item"
    model: PagedTableModel[Any, Any]

    def __init__(self, journal: Journal, settings: QSettings, title: str, key: str) -> None:
        super().__init__(journal, settings, title, key)
        self.generation = 0
        self.filtering = 0  # filters being read off the UI thread
        self.shown_label = QLabel()
        self.bar.insertWidget(1, self.shown_label)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.filter_in_background)
        self.search_box.textChanged.connect(lambda _text: self._typing.start())

    def connect_model(self, model: PagedTableModel[Any, Any]) -> None:
        self.model = model
        self.table.setModel(model)
        model.modelReset.connect(self._show_total)
        model.modelReset.connect(self._newer_than_pending)
        self.partner_box.currentIndexChanged.connect(
            lambda _i: self.model.set_filter(
                partner_id=self.selected_partner(), text=self.search_box.text()
            )
        )

    def _newer_than_pending(self) -> None:
        """A reload on the UI thread supersedes any filter still being read."""
        self.generation += 1

    def _show_total(self) -> None:
        total = self.model.total
        self.shown_label.setText(f"{total:,} {self.noun}" + ("" if total == 1 else "s"))

    def filter_in_background(self) -> None:
        self.generation += 1
        generation = self.generation
        model = self.model
        wanted = _with_text(model.wanted, self.search_box.text())

        def show(snapshot: Snapshot[Any, Any]) -> None:
            if generation == self.generation:
                model.show(snapshot)

        def failed(error: BrmDeskError) -> None:
            if generation == self.generation:
                self.shown_label.setText(error.message)

        op = QueryOp(self, lambda: model.snapshot(wanted)).success(show).failure(failed)
        op.sig_finished.connect(self._filtered)
        op.sig_finished.connect(op.deleteLater)
        self.filtering += 1
        op.run_in_background()

    def _filtered(self) -> None:
        self.filtering -= 1

    def busy(self) -> bool:
        """A typed filter is waiting for its pause or being read."""
        return self._typing.isActive() or self.filtering > 0

    def refresh(self) -> None:
        self.fill_partners()
        self.model.wanted = _with_text(self.model.wanted, self.search_box.text())
        self.model.wanted = _with_partner(self.model.wanted, self.selected_partner())
        self.model.reload()
        self.restore_header()


def _with_text(wanted: Any, text: str) -> Any:
    return replace(wanted, text=text)


def _with_partner(wanted: Any, partner_id: str | None) -> Any:
    return replace(wanted, partner_id=partner_id)
