"""Named periods a BRM picks from (last 90 days, last quarter, year to date, …) as date arithmetic.

The dashboard offers days back from today; a review pack and a partner's chart offer whole
months, so their charts hold whole months but the current one, which runs to today.
"""

from __future__ import annotations

from datetime import date, timedelta

from brm_desk.domain.day_phrases import add_months
from brm_desk.domain.enums import LabelledEnum
from brm_desk.domain.pulses import Quarter


class Preset(LabelledEnum):
    LAST_30_DAYS = "last_30_days"
    LAST_90_DAYS = "last_90_days"
    LAST_365_DAYS = "last_365_days"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    LAST_6_MONTHS = "last_6_months"
    LAST_12_MONTHS = "last_12_months"
    YEAR_TO_DATE = "year_to_date"
    CUSTOM = "custom"


RECENT_PERIODS = (
    Preset.LAST_30_DAYS,
    Preset.LAST_90_DAYS,
    Preset.LAST_365_DAYS,
    Preset.THIS_QUARTER,
    Preset.LAST_QUARTER,
    Preset.CUSTOM,
)
"""What the dashboard offers."""

REVIEW_PERIODS = (
    Preset.LAST_QUARTER,
    Preset.LAST_6_MONTHS,
    Preset.LAST_12_MONTHS,
    Preset.YEAR_TO_DATE,
    Preset.CUSTOM,
)
"""What a review pack and a partner's chart offer: whole months."""

_DAYS = {Preset.LAST_30_DAYS: 30, Preset.LAST_90_DAYS: 90, Preset.LAST_365_DAYS: 365}
_MONTHS = {Preset.LAST_6_MONTHS: 6, Preset.LAST_12_MONTHS: 12}


def months_back(today: date, count: int) -> date:
    """The first day of the month ``count - 1`` months before today's: ``count`` months
    including the current one."""
    return add_months(today.replace(day=1), 1 - count)


def preset_period(preset: Preset, today: date) -> tuple[date, date]:
    """The inclusive [from, to] a preset means on ``today`` (CUSTOM has no meaning here)."""
    if preset in _DAYS:
        return today - timedelta(days=_DAYS[preset]), today
    if preset in _MONTHS:
        return months_back(today, _MONTHS[preset]), today
    if preset is Preset.YEAR_TO_DATE:
        return date(today.year, 1, 1), today
    if preset is Preset.THIS_QUARTER:
        return Quarter.of(today).start, today
    if preset is Preset.LAST_QUARTER:
        last = Quarter.of(today).previous()
        return last.start, last.end
    raise ValueError(f"{preset.label} is chosen with dates, not computed")
