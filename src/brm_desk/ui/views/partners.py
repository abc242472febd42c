"""The partners view: the list, under it the selected partner's balance chart, and the way to
the prep brief (a button, the rows' context menu, Ctrl+B).

The brief window's module (printing, PDF) is imported only when a brief is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QSplitter, QToolButton

from brm_desk.services.journal import Journal
from brm_desk.ui.charts.partner_chart import PartnerChartPanel
from brm_desk.ui.icons import icon
from brm_desk.ui.models.partners import PartnersModel
from brm_desk.ui.views.list_page import ProxyListPage

if TYPE_CHECKING:
    from brm_desk.ui.maturity.assessments_dialog import AssessmentsDialog
    from brm_desk.ui.views.prep_brief import PrepBriefWindow

SPLITTER_KEY = "partners/splitter"


class PartnersPage(ProxyListPage):
    title = "Partners"
    record_kind = "partner"

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, PartnersModel())
        self.partner_box.hide()
        self.prep_brief_action = self._add_selection_action(
            QAction(icon("prep-brief"), "Prep brief…", self),
            "One page on the selected partner before you meet them (Ctrl+B)",
            self.open_prep_brief,
            place=2,
        )
        self.prep_brief_action.setShortcut(QKeySequence("Ctrl+B"))
        self.prep_brief_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.prep_brief_action)
        self.maturity_action = self._add_selection_action(
            QAction(icon("balance"), "Maturity…", self),
            "Assessments of the selected partner: both views, evidence, goals, the path",
            self.open_assessments,
            place=3,
        )
        self.chart = PartnerChartPanel(journal, settings)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.body.replaceWidget(self.table, self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        state = settings.value(SPLITTER_KEY)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([300, 340])
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def _add_selection_action(
        self, action: QAction, tip: str, run: Callable[[], object], *, place: int
    ) -> QAction:
        """A button at ``place`` in the bar and a context-menu entry, enabled while a partner
        is selected."""
        action.setToolTip(tip)
        action.triggered.connect(run)
        self.table.addAction(action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(action.text().rstrip("…"))
        self.bar.insertWidget(place, button)

        def follow_selection() -> None:
            action.setEnabled(self.selected_record() is not None)

        self.table.selectionModel().selectionChanged.connect(lambda *_args: follow_selection())
        self.proxy.modelReset.connect(follow_selection)
        follow_selection()
        return action

    def open_assessments(self) -> AssessmentsDialog | None:
        partner = self.selected_record()
        if partner is None:
            return None
        from brm_desk.ui.maturity.assessments_dialog import open_assessments

        return open_assessments(self, self.journal, partner.id)

    def open_prep_brief(self) -> PrepBriefWindow | None:
        """The brief of the selected partner, in its own window."""
        partner = self.selected_record()
        if partner is None:
            return None
        from brm_desk.ui.views.prep_brief import show_prep_brief

        return show_prep_brief(self.window(), self.journal, partner.id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.chart.set_partner(self.current_record_id() if current.isValid() else None)

    def refresh(self) -> None:
        """Reload the list, keeping the partner in view selected (and their chart shown)."""
        shown = self.current_record_id()
        self.model.set_records(self.journal.partners.listing())
        self.restore_header()
        index = self.row_of(shown)
        if index is not None:
            self.table.setCurrentIndex(index)
        self.chart.set_partner(self.current_record_id())

    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
