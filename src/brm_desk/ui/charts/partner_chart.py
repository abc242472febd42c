"""Under the partners list: the selected partner's balance, month by month, over a period.

Counts or hours; hovering a month shows its figures, clicking it lists what it counts.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from contextlib import suppress
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton

from brm_desk.domain.balance import PartnerBalance
from brm_desk.domain.enums import FOCUS_ORDER
from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.periods import REVIEW_PERIODS, Preset, preset_period
from brm_desk.domain.words import plural
from brm_desk.reports.chart_labels import month_at, month_text
from brm_desk.reports.charts import BALANCE_MARGINS, Unit, draw_balance
from brm_desk.services.journal import Journal
from brm_desk.ui.charts.panel import ChartPanel, Figures, hover_note
from brm_desk.ui.widgets.choices import choice_box

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent

    from brm_desk.reports.charts import ChartPalette
    from brm_desk.ui.charts.canvas import ChartCanvas

UNITS: tuple[tuple[Unit, str, str], ...] = (
    ("count", "Engagements", "Count meetings and requests"),
    ("hours", "Hours", "Meeting hours"),
)
PERIOD_KEY = "partners/chart_period"
NO_PARTNER = "Select a partner to see their balance month by month."


# Fusion draws a checked tool button barely darker in a dark palette; the highlight colour
# says which unit is shown in either.
CHECKED_STYLE = (
    "QToolButton { padding: 3px 9px; }"
    "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
    " border: 1px solid palette(highlight); border-radius: 3px; }"
)


def month_end(month: date) -> date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


class PartnerChartPanel(ChartPanel):
    """Stacked reactive / routine / strategic per month with the strategic share and target,
    for one partner (:meth:`set_partner`) over a period chosen here and kept in settings.

    Hovering a month shows its figures; clicking it lists that month's meetings and
    requests of the partner.
    """

    margins = BALANCE_MARGINS

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__("Balance chart")
        self.journal = journal
        self.settings = settings
        self.partner_id: str | None = None
        self.balance: PartnerBalance | None = None
        self.unit: Unit = "count"
        self.unit_buttons = QButtonGroup(self)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.title.font()
        bold.setBold(True)
        self.title.setFont(bold)
        periods = [(p.label, p.value) for p in REVIEW_PERIODS if p is not Preset.CUSTOM]
        self.period_box = choice_box("Chart period", periods)
        remembered = settings.value(PERIOD_KEY, Preset.LAST_12_MONTHS.value, type=str)
        found = self.period_box.findData(remembered)
        self.period_box.setCurrentIndex(found if found >= 0 else 2)
        self.period_box.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.header = QHBoxLayout()
        self.header.addWidget(self.title, 1)
        self.header.addWidget(self.period_box)
        for number, (unit, label, tip) in enumerate(UNITS):
            button = QToolButton()
            button.setText(label)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setChecked(unit == self.unit)
            button.setAccessibleName(f"Show {label.lower()}")
            button.setStyleSheet(CHECKED_STYLE)
            self.unit_buttons.addButton(button, number)
            self.header.addWidget(button)
        self.header.addWidget(self.table_button)
        self.unit_buttons.idClicked.connect(lambda number: self.set_unit(UNITS[number][0]))
        self.layout_.insertLayout(0, self.header)
        self.layout_.insertWidget(1, self.summary)
        self.layout_.setContentsMargins(0, 6, 0, 0)
        self.show_message(NO_PARTNER)

    def period(self) -> tuple[date, date]:
        return preset_period(Preset(self.period_box.currentData()), self.journal.today())

    def set_partner(self, partner_id: str | None) -> None:
        """Show this partner's balance (reloaded even when it is the partner shown)."""
        self.partner_id = partner_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the partner's balance (after a change in the journal, or a new period)."""
        self.balance = None
        if self.partner_id is not None:
            with suppress(BrmDeskError):  # deleted meanwhile: nothing to show
                self.balance = self.journal.balances.for_partner(self.partner_id, *self.period())
        self.title.setText(self.balance.name if self.balance else "")
        self.summary.setText(summary_text(self.balance) if self.balance else "")
        if self.balance is None:
            self.show_message(NO_PARTNER)
        self.redraw()

    def _period_changed(self) -> None:
        self.settings.setValue(PERIOD_KEY, self.period_box.currentData())
        self.refresh()

    def set_unit(self, unit: Unit) -> None:
        """Counts or hours (the toggle's buttons follow)."""
        self.unit = unit
        for number, (each, _label, _tip) in enumerate(UNITS):
            self.unit_buttons.button(number).setChecked(each == unit)
        self.redraw()

    def draw(self, canvas: ChartCanvas, palette: ChartPalette) -> bool:
        if self.balance is None:
            return False
        draw_balance(canvas.figure, self.balance, unit=self.unit, palette=palette)
        return True

    def bars_axes(self) -> Any:
        return self.canvas.figure.axes[0] if self.canvas and self.canvas.figure.axes else None

    def hover(self, event: MouseEvent) -> tuple[str, Callable[[], list[Any]] | None]:
        index = self.row_under(event)
        axes = self.bars_axes()
        if index is None or self.balance is None or axes is None:
            return "", None
        text = month_text(self.balance, index)
        tally = self.balance.months[index].tally
        top = sum(tally.count(f) if self.unit == "count" else tally.hours(f) for f in FOCUS_ORDER)

        def draw_note() -> list[Any]:
            palette = self.palette_for_chart()
            column = axes.axvspan(
                index - 0.45, index + 0.45, color=palette.grid, alpha=0.35, zorder=1
            )
            # On the share axes, which lie over the bars' (else their lines cross the note).
            over = axes.figure.axes[-1]
            y = min(max(top / axes.get_ylim()[1], 0.3), 0.7)
            return [column, hover_note(over, index, y, text, palette, y_in_axes=True)]

        return text, draw_note

    def figures(self) -> Figures:
        balance = self.balance
        if balance is None:
            return (), []
        share = f"Strategic share (target {balance.target_strategic_share:.0%})"
        headings = ("Month", *(f.label for f in FOCUS_ORDER), "Engagements", "Meeting hours", share)
        rows = []
        for month in balance.months:
            tally = month.tally
            hours = sum(tally.minutes(f) for f in FOCUS_ORDER) / 60
            rows.append(
                (
                    f"{month.month:%B %Y}",
                    *(str(tally.count(f)) for f in FOCUS_ORDER),
                    str(tally.total),
                    f"{hours:.1f} h",
                    "—" if tally.strategic_share is None else f"{tally.strategic_share:.0%}",
                )
            )
        return headings, rows

    def list_row(self, row: int) -> None:
        """The month's meetings and requests."""
        if self.balance is None:
            return
        month = self.balance.months[row].month
        since = max(month, self.balance.period_from)
        until = min(month_end(month), self.balance.period_to)
        self.show_engagements(self.balance.partner_id, since, until)

    def row_under(self, event: MouseEvent) -> int | None:
        if self.balance is None or event.inaxes is None:
            return None
        return month_at(self.balance, event.xdata)


def summary_text(balance: PartnerBalance) -> str:
    """The figures beside the chart: share against target, volume, last strategic touch."""
    share = balance.strategic_share
    parts = [
        f"{balance.period_from.day} {balance.period_from:%b %Y} – "
        f"{balance.period_to.day} {balance.period_to:%b %Y}",
        plural(balance.tally.total, "engagement"),
        "no strategic share yet" if share is None else f"strategic share {share:.0%}",
        f"target {balance.target_strategic_share:.0%}",
    ]
    days = balance.days_since_strategic
    parts.append(
        "no strategic touch yet" if days is None else f"last strategic touch {days} days ago"
    )
    return " · ".join(parts) + ". Point at a month for its figures; click it to list them."
