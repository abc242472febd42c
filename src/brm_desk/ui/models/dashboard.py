"""The dashboard table: each active partner at a glance for the chosen period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from brm_desk.domain.health import at_risk
from brm_desk.services.dashboard import PartnerGlance
from brm_desk.ui.models.health import health_column, health_tooltip
from brm_desk.ui.models.partners import percent
from brm_desk.ui.models.table import Column, RecordTableModel, none_last
from brm_desk.ui.palette import is_dark

SHARE_ROLE = Qt.ItemDataRole.UserRole + 10
"""(strategic share or None, target share): what the share bar delegate draws."""


def overdue_colour() -> QColor:
    """Red that keeps its contrast on both the light and the dark palette."""
    return QColor("#ff7a70") if is_dark() else QColor("#c62828")


def warning_colour() -> QColor:
    return QColor("#f0b445") if is_dark() else QColor("#a15c00")


def good_colour() -> QColor:
    return QColor("#6fcf97") if is_dark() else QColor("#1e7b45")


def share_text(row: PartnerGlance) -> str:
    balance = row.balance
    return f"{percent(balance.strategic_share)} (target {percent(balance.target_strategic_share)})"


def trend_text(row: PartnerGlance) -> str:
    """Percentage points against the previous period: ▲ 12 pts, ▼ 5 pts, = 0 pts."""
    trend = row.trend
    if trend is None:
        return "—"
    points = round(trend * 100)
    arrow = "▲" if points > 0 else "▼" if points < 0 else "="
    return f"{arrow} {abs(points)} pts"


def days_text(row: PartnerGlance) -> str:
    days = row.balance.days_since_strategic
    if days is None:
        return "never"
    return "today" if days == 0 else f"{days} days"


def debt_text(open_count: int, overdue: int) -> str:
    if open_count == 0:
        return "—"
    return f"{open_count} ({overdue} late)" if overdue else str(open_count)


def debt_column(title: str, debts: Callable[[PartnerGlance], tuple[int, int]], tip: str) -> Column:
    """Follow-ups one side owes, given as (open, late); sorted by late, then open."""
    return Column(
        title,
        lambda r: debt_text(*debts(r)),
        lambda r: tuple(reversed(debts(r))),
        numeric=True,
        tip=tip,
    )


def count_column(title: str, count: Callable[[PartnerGlance], int], tip: str) -> Column:
    """A count a partner may have none of: a dash for none, sorted by the count."""
    return Column(title, lambda r: str(count(r)) if count(r) else "—", count, numeric=True, tip=tip)


def waiting_text(row: PartnerGlance) -> str:
    waiting = row.waiting
    if waiting.open == 0:
        return "—"
    if waiting.over_90_days:
        return f"{waiting.open} · {waiting.over_90_days} > 90 d"
    if waiting.over_30_days:
        return f"{waiting.open} · {waiting.over_30_days} > 30 d"
    return str(waiting.open)


def mix_text(row: PartnerGlance) -> str:
    tally = row.balance.tally
    return f"{tally.reactive} · {tally.routine} · {tally.strategic}"


def assessed_text(row: PartnerGlance) -> str:
    """ "Mar 2026", or "Due · Mar 2025" when not assessed in a year, or "Due · never"."""
    last = f"{row.last_assessed:%b %Y}" if row.last_assessed else "never"
    return f"Due · {last}" if row.assessment_due else last


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class DashboardModel(RecordTableModel):
    PARTNER, SHARE, TREND, DAYS_SINCE, DRIFTING, WE_OWE, THEY_OWE, WAITING, REVIEWS = range(9)
    ORDERS, MIX, GAPS, HEALTH, ASSESSED = 9, 10, 11, 12, 13
    # Long headings take two lines, so the figures, not their labels, decide the widths.
    columns = (
        Column("Partner", lambda r: r.name, lambda r: r.name.casefold()),
        Column(
            "Strategic share",
            share_text,
            lambda r: none_last(r.balance.strategic_share, -1.0),
            tip="Strategic ÷ (reactive + strategic) engagements in the period, against target",
        ),
        Column(
            "Trend",
            trend_text,
            lambda r: none_last(r.trend, -2.0),
            numeric=True,
            tip="Change in strategic share against the previous period of the same length",
        ),
        Column(
            "Since\nstrategic",
            days_text,
            lambda r: none_last(r.balance.days_since_strategic, 10**9),
            numeric=True,
            tip="Days from the last strategic engagement to the end of the period",
        ),
        Column(
            "Drifting",
            lambda r: "Drifting" if r.drifting else "",
            lambda r: r.drifting,
            tip="Below target in each of the last two full months",
        ),
        debt_column(
            "We\nowe",
            lambda r: (r.debts.ours_open, r.debts.ours_overdue),
            "Open follow-ups on my side or the provider's (late: past their due date)",
        ),
        debt_column(
            "They\nowe",
            lambda r: (r.debts.theirs_open, r.debts.theirs_overdue),
            "Open follow-ups the partner owes (late: past their due date)",
        ),
        Column(
            "Open\nrequests",
            waiting_text,
            lambda r: none_last(r.waiting.oldest_received, date.max).toordinal() * -1,
            numeric=True,
            tip="Requests still new, deferred or accepted, and how many waited long",
        ),
        count_column(
            "Reviews\ndue",
            lambda r: r.reviews_due,
            "Delivered requests whose benefits review is due: go back to the business case",
        ),
        count_column(
            "Order\ntaking",
            lambda r: r.order_taking,
            "Requests received in the period and accepted without a business case "
            "(no need, or no expected benefit): orders taken",
        ),
        Column(
            "Engagements",
            mix_text,
            lambda r: r.balance.tally.total,
            numeric=True,
            tip="Engagements in the period: reactive · routine · strategic",
        ),
        Column(
            "Gaps",
            lambda r: str(len(r.gaps)) if r.gaps else "—",
            lambda r: len(r.gaps),
            numeric=True,
            tip="What the stakeholder map says to do: high-influence people not met within "
            "their quadrant's cadence, no champion, blockers the plan does not reach",
        ),
        health_column(lambda r: r.health),
        Column(
            "Assessed",
            assessed_text,
            lambda r: none_last(r.last_assessed, date.min).toordinal(),
            tip="The latest maturity assessment; due when none in the last year",
        ),
    )

    hidden: frozenset[int] = frozenset()
    """The columns a narrow table hides: the partner's tooltip says what they would."""

    def extra_data(self, record: PartnerGlance, column: int, role: int) -> Any:
        if role == SHARE_ROLE and column == self.SHARE:
            return (record.balance.strategic_share, record.balance.target_strategic_share)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(record, column)
        if role == Qt.ItemDataRole.FontRole and self._alarming(record, column):
            return _bold()
        return None

    def _alarming(self, row: PartnerGlance, column: int) -> bool:
        """Cells that call for action now: shown bold in red or amber."""
        return (
            (column == self.DAYS_SINCE and row.balance.overdue)
            or (column == self.DRIFTING and row.drifting)
            or (column == self.WE_OWE and row.debts.ours_overdue > 0)
            or (column == self.REVIEWS and row.reviews_due > 0)
            or (column == self.HEALTH and at_risk(row.health))
            or (column == self.ASSESSED and row.assessment_due)
        )

    def _colour(self, row: PartnerGlance, column: int) -> QColor | None:
        if column == self.TREND and row.trend is not None and round(row.trend * 100):
            return good_colour() if row.trend > 0 else overdue_colour()
        if column in (self.DAYS_SINCE, self.WE_OWE) and self._alarming(row, column):
            return overdue_colour()
        if column in (self.DRIFTING, self.REVIEWS, self.ASSESSED) and self._alarming(row, column):
            return warning_colour()
        if column == self.ORDERS and row.order_taking:
            return warning_colour()
        if column == self.THEY_OWE and row.debts.theirs_overdue:
            return warning_colour()
        if column == self.GAPS and row.gaps:
            return warning_colour()
        if column == self.HEALTH and at_risk(row.health):
            return overdue_colour()
        return None

    def _tooltip(self, row: PartnerGlance, column: int) -> str | None:
        balance = row.balance
        if column == self.PARTNER and self.hidden:
            return "\n".join(
                f"{self.columns[c].title.replace(chr(10), ' ')}: {self.columns[c].display(row)}"
                for c in sorted(self.hidden)
            )
        if column == self.SHARE:
            return f"Strategic share {share_text(row)}"
        if column == self.TREND:
            return f"Previous period: {percent(row.previous_share)}"
        if column == self.DAYS_SINCE:
            last = balance.last_strategic
            text = f"Last strategic engagement: {last.isoformat() if last else 'none yet'}"
            if balance.overdue:
                text += (
                    f"\nOverdue: longer than the {balance.touch_cadence_days}-day touch "
                    "cadence without a strategic engagement"
                )
            return text
        if column == self.DRIFTING and row.drifting:
            return "Strategic share below target in each of the last two full months"
        if column == self.WAITING and row.waiting.open:
            oldest = row.waiting.oldest_received
            return (
                f"{row.waiting.open} open · {row.waiting.over_30_days} waiting over 30 days · "
                f"{row.waiting.over_90_days} over 90 days\n"
                f"Oldest received {oldest.isoformat() if oldest else '—'}"
            )
        if column == self.GAPS and row.gaps:
            return "\n".join(row.gaps)
        if column == self.ASSESSED:
            last = row.last_assessed
            said = f"Latest maturity assessment: {last:%d %b %Y}" if last else "Never assessed"
            return said + ("\nA yearly reassessment is due" if row.assessment_due else "")
        if column == self.REVIEWS and row.reviews_due:
            return "Benefits review due: go back to the business case with the partner"
        if column == self.HEALTH:
            return health_tooltip(row.health)
        if column == self.MIX:
            tally = balance.tally
            return (
                f"Reactive {tally.reactive} · routine {tally.routine} · "
                f"strategic {tally.strategic}\nMeeting hours: "
                f"{tally.reactive_minutes / 60:.1f} · {tally.routine_minutes / 60:.1f} · "
                f"{tally.strategic_minutes / 60:.1f}"
            )
        return None
