"""The periods a BRM reviews a partner over, as plain date arithmetic (no Qt).

Month-based periods start on the first of a month, so a chart of them has only whole months
but the current one, which runs to today.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from brm_desk.domain.balance import month_start


class ReviewPeriod(StrEnum):
    LAST_QUARTER = "last_quarter"
    LAST_6_MONTHS = "last_6_months"
    LAST_12_MONTHS = "last_12_months"
    YEAR_TO_DATE = "year_to_date"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ReviewPeriod.LAST_QUARTER: "Last quarter",
    ReviewPeriod.LAST_6_MONTHS: "Last 6 months",
    ReviewPeriod.LAST_12_MONTHS: "Last 12 months",
    ReviewPeriod.YEAR_TO_DATE: "Year to date",
    ReviewPeriod.CUSTOM: "Custom…",
}
_MONTHS = {ReviewPeriod.LAST_6_MONTHS: 6, ReviewPeriod.LAST_12_MONTHS: 12}


def months_back(today: date, count: int) -> date:
    """The first day of the month ``count - 1`` months before today's: ``count`` months
    including the current one."""
    index = today.year * 12 + today.month - 1 - (count - 1)
    return date(index // 12, index % 12 + 1, 1)


def review_period(period: ReviewPeriod, today: date) -> tuple[date, date]:
    """The inclusive [from, to] a named period means on ``today`` (not CUSTOM)."""
    if period in _MONTHS:
        return months_back(today, _MONTHS[period]), today
    if period is ReviewPeriod.YEAR_TO_DATE:
        return date(today.year, 1, 1), today
    if period is ReviewPeriod.LAST_QUARTER:
        this_quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
        end = this_quarter - timedelta(days=1)
        return month_start(date(end.year, 3 * ((end.month - 1) // 3) + 1, 1)), end
    raise ValueError(f"{period.label} is chosen with dates, not computed")
