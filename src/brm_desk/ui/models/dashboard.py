"""The dashboard table: each active partner's balance for the chosen period."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from brm_desk.domain.balance import PartnerBalance
from brm_desk.ui.models.partners import percent
from brm_desk.ui.models.table import Column, RecordTableModel, none_last
from brm_desk.ui.palette import is_dark

SHARE_ROLE = Qt.ItemDataRole.UserRole + 10
"""(strategic share or None, target share): what the share bar delegate draws."""


def overdue_colour() -> QColor:
    """Red that keeps its contrast on both the light and the dark palette."""
    return QColor("#ff7a70") if is_dark() else QColor("#c62828")


def share_text(balance: PartnerBalance) -> str:
    return f"{percent(balance.strategic_share)} (target {percent(balance.target_strategic_share)})"


def days_text(balance: PartnerBalance) -> str:
    days = balance.days_since_strategic
    if days is None:
        return "never"
    return "today" if days == 0 else f"{days} days"


class DashboardModel(RecordTableModel):
    PARTNER, SHARE, LAST_STRATEGIC, DAYS_SINCE, REACTIVE, ROUTINE, STRATEGIC = range(7)
    columns = (
        Column("Partner", lambda b: b.name, lambda b: b.name.casefold()),
        Column(
            "Strategic share",
            share_text,
            lambda b: none_last(b.strategic_share, -1.0),
        ),
        Column(
            "Last strategic",
            lambda b: b.last_strategic.isoformat() if b.last_strategic else "—",
            lambda b: none_last(b.last_strategic, date.min),
        ),
        Column(
            "Since strategic",
            days_text,
            lambda b: none_last(b.days_since_strategic, 10**9),
            numeric=True,
        ),
        Column("Reactive", lambda b: str(b.tally.reactive), lambda b: b.tally.reactive, True),
        Column("Routine", lambda b: str(b.tally.routine), lambda b: b.tally.routine, True),
        Column("Strategic", lambda b: str(b.tally.strategic), lambda b: b.tally.strategic, True),
    )

    def extra_data(self, record: PartnerBalance, column: int, role: int) -> Any:
        if role == SHARE_ROLE and column == self.SHARE:
            return (record.strategic_share, record.target_strategic_share)
        if column == self.DAYS_SINCE and record.overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return overdue_colour()
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return (
                    f"Overdue: longer than the {record.touch_cadence_days}-day touch cadence "
                    "without a strategic engagement"
                )
        return None
