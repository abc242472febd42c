"""The named periods of the dashboard, the partner chart and the export dialog."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.periods import (
    RECENT_PERIODS,
    REVIEW_PERIODS,
    Preset,
    months_back,
    preset_period,
)

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("period", "expected"),
    [
        (Preset.LAST_QUARTER, (date(2026, 7, 1), date(2026, 9, 30))),
        (Preset.LAST_6_MONTHS, (date(2026, 6, 1), TODAY)),
        (Preset.LAST_12_MONTHS, (date(2025, 12, 1), TODAY)),
        (Preset.YEAR_TO_DATE, (date(2026, 1, 1), TODAY)),
        (Preset.LAST_30_DAYS, (date(2026, 10, 25), TODAY)),
        (Preset.LAST_90_DAYS, (date(2026, 8, 26), TODAY)),
        (Preset.LAST_365_DAYS, (date(2025, 11, 24), TODAY)),
        (Preset.THIS_QUARTER, (date(2026, 10, 1), TODAY)),
    ],
)
def test_each_named_period_on_a_november_day(period: Preset, expected: tuple[date, date]) -> None:
    assert preset_period(period, TODAY) == expected


def test_last_quarter_in_the_first_quarter_is_the_previous_years_fourth() -> None:
    assert preset_period(Preset.LAST_QUARTER, date(2027, 2, 10)) == (
        date(2026, 10, 1),
        date(2026, 12, 31),
    )


def test_each_screen_offers_custom_last() -> None:
    assert RECENT_PERIODS[-1] is REVIEW_PERIODS[-1] is Preset.CUSTOM
    assert Preset.CUSTOM.label == "Custom…"
    assert [p.label for p in REVIEW_PERIODS[:-1]] == [
        "Last quarter",
        "Last 6 months",
        "Last 12 months",
        "Year to date",
    ]


def test_custom_is_chosen_with_dates() -> None:
    with pytest.raises(ValueError, match="chosen with dates"):
        preset_period(Preset.CUSTOM, TODAY)


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 31)), st.integers(1, 36))
def test_n_months_back_start_on_a_first_and_hold_n_calendar_months(today: date, n: int) -> None:
    start = months_back(today, n)
    assert start.day == 1
    assert start <= today
    months = (today.year - start.year) * 12 + today.month - start.month + 1
    assert months == n


@given(st.dates(min_value=date(1901, 1, 1), max_value=date(9998, 12, 31)))
def test_last_quarter_is_three_whole_months_ending_before_this_quarter(today: date) -> None:
    start, end = preset_period(Preset.LAST_QUARTER, today)
    assert start.day == 1
    assert start.month in (1, 4, 7, 10)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == 2
    assert end < today
    assert (end + timedelta(days=1)).day == 1
    assert (today.year * 12 + today.month) - (end.year * 12 + end.month) in (1, 2, 3)
