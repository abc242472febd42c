"""The dashboard: every active partner at a glance for a period — where did the time go?"""

from __future__ import annotations

from contextlib import suppress
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
    QTimer,
)
from PySide6.QtWidgets import QLabel

from brm_desk.domain.periods import RECENT_PERIODS, Preset, preset_period
from brm_desk.services.dashboard import PartnerGlance
from brm_desk.services.journal import Journal
from brm_desk.ui.charts.portfolio_chart import PortfolioChartPanel
from brm_desk.ui.models.dashboard import DashboardModel
from brm_desk.ui.models.table import PARTNER_ROLE, SORT_ROLE
from brm_desk.ui.views.column_fit import fit_columns
from brm_desk.ui.views.delegates import BAR_WIDTH, ShareBarDelegate
from brm_desk.ui.views.list_page import make_table
from brm_desk.ui.views.page import Page
from brm_desk.ui.widgets.choices import choice_box
from brm_desk.ui.widgets.dates import DateField, period_of, show_period

PARTNER_WIDTH = (140, 220)
"""The share bar draws itself; the partner's name comes first; the rest fit what is left."""


class DashboardPage(Page):
    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__("Dashboard")
        self.journal = journal
        self.settings = settings
        self.period_box = choice_box(
            "Period", [(preset.label, preset.value) for preset in RECENT_PERIODS]
        )
        start, end = preset_period(Preset.LAST_90_DAYS, journal.today())  # until one is chosen
        self.from_edit = DateField("Period from", start, journal.today, required=True)
        self.to_edit = DateField("Period to", end, journal.today, required=True)
        self._restore_period(settings)
        self.period_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.from_edit.sig_day_chosen.connect(self._custom_changed)
        self.to_edit.sig_day_chosen.connect(self._custom_changed)
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
        state = settings.value("dashboard/header")
        self._fit_pending = state is None or not header.restoreState(state)

        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period_box)
        self.dash = QLabel("–")
        for widget in (period_label, self.period_box, self.from_edit, self.dash, self.to_edit):
            self.bar.addWidget(widget)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.table, 1)
        self.portfolio_chart = PortfolioChartPanel(journal)
        self.body.addWidget(self.portfolio_chart)

    def preset(self) -> Preset:
        return Preset(self.period_box.currentData())

    def period(self) -> tuple[date, date]:
        """The period shown: a preset on today's date, or the custom dates."""
        preset = self.preset()
        if preset is Preset.CUSTOM:
            start, end = period_of(self.from_edit, self.to_edit)
            return (start, end) if start <= end else (end, start)
        return preset_period(preset, self.journal.today())

    def _restore_period(self, settings: QSettings) -> None:
        remembered = settings.value("dashboard/period", Preset.LAST_90_DAYS.value, type=str)
        index = self.period_box.findData(remembered)
        self.period_box.setCurrentIndex(index if index >= 0 else 1)
        for edit, key in ((self.from_edit, "dashboard/from"), (self.to_edit, "dashboard/to")):
            with suppress(ValueError):
                edit.set_day(date.fromisoformat(str(settings.value(key, "", type=str))))
        self._show_dates()

    def _show_dates(self) -> None:
        """Custom dates are editable; a preset shows the dates it stands for, read-only."""
        custom = self.preset() is Preset.CUSTOM
        show_period(self.from_edit, self.to_edit, None if custom else self.period())

    def _custom_changed(self) -> None:
        if self.preset() is Preset.CUSTOM:
            self.refresh()

    def _open_partner(self, index: QModelIndex) -> None:
        """Double-click or Enter on a partner's balance opens the partner."""
        partner = index.data(PARTNER_ROLE)
        if isinstance(partner, str):
            self.sig_open_record.emit("partner", partner)

    def current_partner_id(self) -> str | None:
        partner = self.table.currentIndex().data(PARTNER_ROLE)
        return partner if isinstance(partner, str) else None

    def refresh(self) -> None:
        self._show_dates()  # a preset's dates move with today
        start, end = self.period()
        rows = self.journal.dashboard.glance(start, end)
        self.model.set_records(rows)
        self.summary.setText(summary_text(rows, start, end))
        self.portfolio_chart.set_period(start, end)
        if self._fit_pending and rows:
            self._fit_pending = False
            QTimer.singleShot(0, self.table, self._fit_columns)

    def _fit_columns(self) -> None:
        low, high = PARTNER_WIDTH
        name = self.table.sizeHintForColumn(DashboardModel.PARTNER) + 20
        share = BAR_WIDTH + 34 + self.table.fontMetrics().horizontalAdvance("100% (target 100%)")
        fit_columns(
            self.table,
            {DashboardModel.SHARE: share, DashboardModel.PARTNER: min(max(name, low), high)},
            floor=72,
        )

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("dashboard/header", self.table.horizontalHeader().saveState())
        settings.setValue("dashboard/period", self.preset().value)
        if self.preset() is Preset.CUSTOM:
            start, end = self.period()
            settings.setValue("dashboard/from", start.isoformat())
            settings.setValue("dashboard/to", end.isoformat())


def _count(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def summary_text(rows: list[PartnerGlance], start: date, end: date) -> str:
    """The line a BRM reads first: where attention is needed across the portfolio."""
    if not rows:
        return "No active partners yet. Add a partner, or import your calendar, to begin."
    below = sum(1 for r in rows if r.balance.on_target is False)
    drifting = sum(1 for r in rows if r.drifting)
    overdue = sum(1 for r in rows if r.balance.overdue)
    late = sum(r.debts.ours_overdue for r in rows)
    reviews = sum(r.reviews_due for r in rows)
    parts = [
        f"{start:%d %b %Y} – {end:%d %b %Y}",
        _count(len(rows), "active partner", "active partners"),
        f"{below} below target",
        f"{drifting} drifting",
        f"{overdue} overdue for a strategic touch",
        _count(late, "late follow-up on our side", "late follow-ups on our side"),
        _count(reviews, "benefits review due", "benefits reviews due"),
    ]
    return " · ".join(parts)
