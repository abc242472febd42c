"""Under the partners list: the selected partner's balance, month by month, over a period."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from brm_desk.domain.balance import PartnerBalance
from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.periods import REVIEW_PERIODS, Preset, preset_period
from brm_desk.services.journal import Journal
from brm_desk.ui.charts.partner_chart import PartnerChartPanel

SETTINGS_KEY = "partners/chart_period"


class PartnerDetail(QWidget):
    """The chart of one partner (``set_partner``), with a period choice kept in settings."""

    def __init__(self, journal: Journal, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.journal = journal
        self.settings = settings
        self.partner_id: str | None = None
        self.chart = PartnerChartPanel()
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Chart period")
        for period in REVIEW_PERIODS:
            if period is not Preset.CUSTOM:
                self.period_box.addItem(period.label, period.value)
        remembered = settings.value(SETTINGS_KEY, Preset.LAST_12_MONTHS.value, type=str)
        found = self.period_box.findData(remembered)
        self.period_box.setCurrentIndex(found if found >= 0 else 2)
        self.period_box.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.chart.header.insertWidget(1, self.period_box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart.layout_.insertWidget(1, self.summary)
        bold = self.chart.title.font()
        bold.setBold(True)
        self.chart.title.setFont(bold)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.chart)

    def period(self) -> tuple[date, date]:
        return preset_period(Preset(self.period_box.currentData()), self.journal.today())

    def set_partner(self, partner_id: str | None) -> None:
        """Show this partner's balance (reloaded even when it is the partner shown)."""
        self.partner_id = partner_id
        self.refresh()

    def refresh(self) -> None:
        """Reload the partner's balance (after a change in the journal, or a new period)."""
        balance: PartnerBalance | None = None
        if self.partner_id is not None:
            start, end = self.period()
            try:
                balance = self.journal.balances.for_partner(self.partner_id, start, end)
            except BrmDeskError:  # deleted meanwhile: nothing to show
                balance = None
        self.chart.title.setText(balance.name if balance else "")
        self.summary.setText(summary_text(balance) if balance else "")
        self.chart.set_balance(balance)

    def _period_changed(self) -> None:
        self.settings.setValue(SETTINGS_KEY, self.period_box.currentData())
        self.refresh()


def summary_text(balance: PartnerBalance) -> str:
    """The figures beside the chart: share against target, volume, last strategic touch."""
    share = balance.strategic_share
    parts = [
        f"{balance.period_from.day} {balance.period_from:%b %Y} – "
        f"{balance.period_to.day} {balance.period_to:%b %Y}",
        f"{balance.tally.total} engagement" + ("" if balance.tally.total == 1 else "s"),
        "no strategic share yet" if share is None else f"strategic share {share:.0%}",
        f"target {balance.target_strategic_share:.0%}",
    ]
    days = balance.days_since_strategic
    parts.append(
        "no strategic touch yet" if days is None else f"last strategic touch {days} days ago"
    )
    return " · ".join(parts) + ". Point at a month for its figures; click it for its meetings."
