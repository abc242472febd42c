"""The partners view: the list, under it the selected partner's balance chart and health, and
the way to the prep brief, the stakeholder map, the maturity assessments and a new pulse (the
action table's Partner menu offers them here too: buttons and the rows' context menu).

The brief window's module (printing, PDF) is imported only when a brief is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QSplitter, QTabWidget

from brm_desk.services.journal import Journal
from brm_desk.ui.charts.partner_chart import PartnerChartPanel
from brm_desk.ui.models.health import health_text
from brm_desk.ui.models.partners import PartnersModel
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.health_panel import HealthPanel
from brm_desk.ui.views.list_page import ProxyListPage

if TYPE_CHECKING:
    from brm_desk.ui.maturity.assessments_dialog import AssessmentsDialog
    from brm_desk.ui.views.prep_brief import PrepBriefWindow
    from brm_desk.ui.views.stakeholder_map import StakeholderMapWindow

SPLITTER_KEY = "partners/splitter"


class PartnersPage(ProxyListPage):
    title = "Partners"
    record_kind = "partner"

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, PartnersModel())
        self.partner_box.hide()
        self.chart = PartnerChartPanel(journal, settings)
        self.health = HealthPanel(journal, settings)
        self.health.sig_command.connect(self.sig_command)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Partner's balance and health")
        self.tabs.addTab(self.chart, "Balance")
        self.tabs.addTab(self.health, "Health")
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.body.replaceWidget(self.table, self.splitter)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        state = settings.value(SPLITTER_KEY)
        if state is None or not self.splitter.restoreState(state):
            self.splitter.setSizes([300, 340])
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)

    def view_slots(self) -> dict[str, Callable[[], object]]:
        return {
            "prep_brief": self.open_prep_brief,
            "stakeholder_map": self.open_stakeholder_map,
            "maturity": self.open_assessments,
            "new_pulse": self.new_pulse,
        }

    def new_pulse(self) -> None:
        """The Health tab, with the new pulse's dialog over it."""
        if self.selected_record() is not None:
            self.tabs.setCurrentWidget(self.health)
            self.health.new_pulse()

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

    def open_stakeholder_map(self) -> StakeholderMapWindow | None:
        """The selected partner's stakeholder map, in its own window."""
        partner = self.selected_record()
        if partner is None:
            return None
        from brm_desk.ui.views.stakeholder_map import show_stakeholder_map

        return show_stakeholder_map(self, partner.id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_partner(current.data(RECORD_ROLE).id if current.isValid() else None)

    def _show_partner(self, partner_id: str | None) -> None:
        """The partner's balance chart and health panel; the Health tab says the score."""
        self.chart.set_partner(partner_id)
        self.health.set_partner(partner_id)
        trend = self.health.trend
        self.tabs.setTabText(1, f"Health {health_text(trend)}" if trend else "Health")

    def refresh(self) -> None:
        """Reload the list, keeping the partner in view selected (and their chart shown)."""
        shown = self.current_record_id()
        self.model.set_records(self.journal.partners.listing())
        self.restore_header()
        index = self.row_of(shown)
        if index is not None:
            self.table.setCurrentIndex(index)
        self._show_partner(self.current_record_id())

    def save_state(self, settings: QSettings) -> None:
        super().save_state(settings)
        settings.setValue(SPLITTER_KEY, self.splitter.saveState())
