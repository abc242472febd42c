"""The dashboard: every active partner at a glance for a period — where did the time go?"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QModelIndex, QSettings, QSortFilterProxyModel
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QVBoxLayout

from brm_desk.domain.balance import PartnerBalance
from brm_desk.services.journal import Journal
from brm_desk.ui.models.dashboard import DashboardModel
from brm_desk.ui.models.table import PARTNER_ROLE, SORT_ROLE
from brm_desk.ui.views.list_page import make_table
from brm_desk.ui.views.page import Page, heading
from brm_desk.ui.views.share_bar import ShareBarDelegate

PERIODS = ((30, "Last 30 days"), (90, "Last 90 days"), (365, "Last 365 days"))


class DashboardPage(Page):
    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__()
        self.journal = journal
        self.settings = settings
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Period")
        for days, label in PERIODS:
            self.period_box.addItem(label, days)
        remembered = settings.value("dashboard/period_days", 90, type=int)
        self.period_box.setCurrentIndex(max(self.period_box.findData(remembered), 0))
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model = DashboardModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = make_table("Partner balances")
        self.table.activated.connect(self._open_partner)
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(DashboardModel.SHARE, ShareBarDelegate(self.table))
        self.table.sortByColumn(DashboardModel.PARTNER, self.proxy.sortOrder())
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(DashboardModel.PARTNER, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(DashboardModel.SHARE, 260)
        for column in range(DashboardModel.LAST_STRATEGIC, len(DashboardModel.columns)):
            header.resizeSection(column, 120)

        bar = QHBoxLayout()
        bar.addWidget(heading("Dashboard"))
        bar.addStretch(1)
        bar.addWidget(QLabel("Period:"))
        bar.addWidget(self.period_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def period(self) -> tuple[date, date]:
        days = int(self.period_box.currentData())
        end = self.journal.today()
        return end - timedelta(days=days), end

    def _open_partner(self, index: QModelIndex) -> None:
        """Double-click or Enter on a partner's balance opens the partner."""
        partner = index.data(PARTNER_ROLE)
        if isinstance(partner, str):
            self.sig_open_record.emit("partner", partner)

    def current_partner_id(self) -> str | None:
        partner = self.table.currentIndex().data(PARTNER_ROLE)
        return partner if isinstance(partner, str) else None

    def refresh(self) -> None:
        start, end = self.period()
        balances = self.journal.balances.for_partners(start, end)
        self.model.set_records(balances)
        self.summary.setText(summary_text(balances, start, end))

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("dashboard/period_days", int(self.period_box.currentData()))


def summary_text(balances: list[PartnerBalance], start: date, end: date) -> str:
    """One line a BRM reads first: how many partners are below target or overdue."""
    if not balances:
        return "No active partners yet."
    below = sum(1 for b in balances if b.on_target is False)
    overdue = sum(1 for b in balances if b.overdue)
    return (
        f"{start:%d %b %Y} – {end:%d %b %Y} · {len(balances)} active partners · "
        f"{below} below their strategic target · {overdue} overdue for a strategic touch"
    )
