"""The dashboard: every active partner at a glance for a period — where did the time go?"""

from __future__ import annotations

from contextlib import suppress
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QSettings,
    QSortFilterProxyModel,
)
from PySide6.QtWidgets import QLabel, QTableView

from brm_desk.domain.health import at_risk
from brm_desk.domain.periods import RECENT_PERIODS, Preset, preset_period
from brm_desk.domain.words import plural
from brm_desk.services.dashboard import PartnerGlance
from brm_desk.services.journal import Journal
from brm_desk.ui.actions import shortcut_text
from brm_desk.ui.charts.portfolio_chart import PortfolioChartPanel
from brm_desk.ui.models.dashboard import DashboardModel
from brm_desk.ui.models.table import PARTNER_ROLE, SORT_ROLE
from brm_desk.ui.operations import NewestAnswer
from brm_desk.ui.views.column_fit import PADDING, ColumnFitter
from brm_desk.ui.views.delegates import BAR_WIDTH, ShareBarDelegate
from brm_desk.ui.views.header_state import restore_header, save_header
from brm_desk.ui.views.list_page import make_table
from brm_desk.ui.views.page import Page
from brm_desk.ui.widgets.choices import choice_box
from brm_desk.ui.widgets.dates import DateField, period_of, show_period

PARTNER_WIDTH = (140, 220)
"""The share bar draws itself; the partner's name comes first; the rest fit what is left."""
GIVE_WAY = (
    DashboardModel.MIX,
    DashboardModel.GAPS,
    DashboardModel.ASSESSED,
    DashboardModel.TREND,
    DashboardModel.ORDERS,
    DashboardModel.HEALTH,
    DashboardModel.REVIEWS,
    DashboardModel.WAITING,
    DashboardModel.THEY_OWE,
    DashboardModel.DRIFTING,
)
"""The columns a narrow table hides, first first: the engagement mix, the stakeholder gaps
(the map says them too), the date of the last maturity assessment (the summary line counts
who is due) and the trend are context, orders taken a count for the review, health a
quarterly figure (the summary line names who is at risk); a late touch and what we owe call
for action."""


def share_width(table: QTableView, text: str) -> int:
    """The share column's width for the bar and ``text`` beside it."""
    return BAR_WIDTH + 24 + table.fontMetrics().horizontalAdvance(text)  # as the delegate draws


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
        restore_header(self.table.horizontalHeader(), settings, "dashboard")  # its sort order
        self.table.horizontalHeader().setStretchLastSection(False)  # figures stay together
        ColumnFitter(self.table, self._fit_columns)

        period_label = QLabel("&Period:")
        period_label.setBuddy(self.period_box)
        self.dash = QLabel("–")
        for widget in (period_label, self.period_box, self.from_edit, self.dash, self.to_edit):
            self.bar.addWidget(widget)
        self.body.addWidget(self.summary)
        self.body.addWidget(self.table, 1)
        self.portfolio_chart = PortfolioChartPanel(journal)
        self.body.addWidget(self.portfolio_chart, 1)
        self.answers = NewestAnswer(self, self.refresh)

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

    def new_kind(self) -> str:
        """New adds a partner here, as the empty dashboard says."""
        return "partner"

    def current_partner_id(self) -> str | None:
        partner = self.table.currentIndex().data(PARTNER_ROLE)
        return partner if isinstance(partner, str) else None

    def refresh(self) -> None:
        """Read every partner's figures off the UI thread (at 100,000 meetings a third of a
        second); the newest reading is the one shown."""
        self._show_dates()  # a preset's dates move with today
        start, end = self.period()
        dashboard = self.journal.dashboard
        self.answers.ask(
            lambda: dashboard.glance(start, end),
            lambda rows: self._show(rows, start, end),
            lambda error: self.summary.setText(error.message),
        )
        self.portfolio_chart.set_period(start, end)

    def busy(self) -> bool:
        """The figures are being read."""
        return self.answers.busy()

    def _show(self, rows: list[PartnerGlance], start: date, end: date) -> None:
        self.model.set_records(rows)
        # Up to eight partners show whole before the chart takes its share of the height,
        # and the table grows no taller than its rows.
        frame = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        row = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(frame + row * min(len(rows), 8))
        self.table.setMaximumHeight(frame + row * max(len(rows), 3))
        self.summary.setText(summary_text(rows, start, end))

    def _fit_columns(self) -> None:
        """Each column as wide as its content when all fit. Else the share keeps its bar
        and figure (the target is the tick), then columns give way in :data:`GIVE_WAY`
        order; what they said shows in the partner's tooltip."""
        table, header = self.table, self.table.horizontalHeader()
        low, high = PARTNER_WIDTH
        for column in range(header.count()):  # a hidden column's size hints say nothing
            header.setSectionHidden(column, False)
        widths = [
            max(table.sizeHintForColumn(column) + PADDING, header.sectionSizeHint(column))
            for column in range(header.count())
        ]
        widths[DashboardModel.PARTNER] = min(
            max(table.sizeHintForColumn(DashboardModel.PARTNER) + PADDING, low), high
        )
        widths[DashboardModel.SHARE] = share_width(table, "100% (target 100%)")
        available = table.viewport().width()
        hidden: list[int] = []
        if sum(widths) > available:
            widths[DashboardModel.SHARE] = max(
                share_width(table, "100%"), header.sectionSizeHint(DashboardModel.SHARE)
            )
            for column in GIVE_WAY:
                if sum(w for c, w in enumerate(widths) if c not in hidden) <= available:
                    break
                hidden.append(column)
        self.model.hidden = frozenset(hidden)
        for column, width in enumerate(widths):
            header.setSectionHidden(column, column in hidden)
            header.resizeSection(column, width)

    def save_state(self, settings: QSettings) -> None:
        save_header(self.table.horizontalHeader(), settings, "dashboard")
        settings.setValue("dashboard/period", self.preset().value)
        if self.preset() is Preset.CUSTOM:
            start, end = self.period()
            settings.setValue("dashboard/from", start.isoformat())
            settings.setValue("dashboard/to", end.isoformat())


def summary_text(rows: list[PartnerGlance], start: date, end: date) -> str:
    """The line a BRM reads first: where attention is needed across the portfolio."""
    if not rows:
        return (
            f"No active partners yet. Press {shortcut_text('new_record')} to add your first "
            "partner, or import your calendar from the File menu."
        )
    below = sum(1 for r in rows if r.balance.on_target is False)
    drifting = sum(1 for r in rows if r.drifting)
    overdue = sum(1 for r in rows if r.balance.overdue)
    late = sum(r.debts.ours_overdue for r in rows)
    reviews = sum(r.reviews_due for r in rows)
    risky = [r.name for r in rows if at_risk(r.health)]
    # The line wraps between its parts or partners, never inside one ("1 maturity | assessment").
    parts = [
        _unbroken(part)
        for part in (
            f"{start:%d %b %Y} – {end:%d %b %Y}",
            plural(len(rows), "active partner"),
            f"{below} below target",
            f"{drifting} drifting",
            f"{overdue} overdue for a strategic touch",
            plural(late, "late follow-up on our side", "late follow-ups on our side"),
            plural(reviews, "benefits review due", "benefits reviews due"),
        )
    ]
    if risky:
        names = ", ".join(_unbroken(name) for name in risky)
        parts.append(f"{_unbroken('health at risk:')}{NO_BREAK}{names}")
    due = sum(1 for r in rows if r.assessment_due)
    if due:
        parts.append(_unbroken(plural(due, "maturity assessment due", "maturity assessments due")))
    return " · ".join(parts)


NO_BREAK = "\u00a0"


def _unbroken(text: str) -> str:
    """Spaces and hyphens that do not break a line ("follow-ups" stays whole)."""
    return text.replace(" ", NO_BREAK).replace("-", "\u2011")
