"""Named periods a BRM picks from (last 90 days, this quarter, …), as plain date arithmetic."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum


class Preset(StrEnum):
    LAST_30_DAYS = "last_30_days"
    LAST_90_DAYS = "last_90_days"
    LAST_365_DAYS = "last_365_days"
    THIS_QUARTER = "this_quarter"
    LAST_QUARTER = "last_quarter"
    CUSTOM = "custom"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    Preset.LAST_30_DAYS: "Last 30 days",
    Preset.LAST_90_DAYS: "Last 90 days",
    Preset.LAST_365_DAYS: "Last 365 days",
    Preset.THIS_QUARTER: "This quarter",
    Preset.LAST_QUARTER: "Last quarter",
    Preset.CUSTOM: "Custom…",
}
_DAYS = {Preset.LAST_30_DAYS: 30, Preset.LAST_90_DAYS: 90, Preset.LAST_365_DAYS: 365}


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def quarter_label(day: date) -> str:
    """ "Q4 2026" for any day in that quarter."""
    return f"Q{(day.month - 1) // 3 + 1} {day.year}"


def preset_period(preset: Preset, today: date) -> tuple[date, date]:
    """The inclusive [from, to] a preset means on ``today`` (CUSTOM has no meaning here)."""
    if preset in _DAYS:
        return today - timedelta(days=_DAYS[preset]), today
    if preset is Preset.THIS_QUARTER:
        return quarter_start(today), today
    if preset is Preset.LAST_QUARTER:
        end = quarter_start(today) - timedelta(days=1)
        return quarter_start(end), end
    raise ValueError(f"{preset.label} is chosen with dates, not computed")
