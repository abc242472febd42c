"""The pure arithmetic of the balance: tallies, shares, months, overdue and drifting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.balance import (
    FocusTally,
    PartnerBalance,
    assemble,
    default_period,
    drift_period,
    is_drifting,
    last_full_months,
    months_between,
    next_month,
    previous_period,
    strategic_share,
)
from brm_desk.domain.enums import Focus


def balance(last_strategic: date | None, period_to: date, cadence: int = 30) -> PartnerBalance:
    return PartnerBalance(
        partner_id="p1",
        name="Finance",
        period_from=date(2026, 1, 1),
        period_to=period_to,
        target_strategic_share=0.6,
        touch_cadence_days=cadence,
        tally=FocusTally(),
        last_strategic=last_strategic,
    )


def test_strategic_share_leaves_routine_work_out() -> None:
    assert strategic_share(reactive=1, strategic=3) == 0.75
    assert strategic_share(reactive=0, strategic=2) == 1.0
    assert strategic_share(reactive=5, strategic=0) == 0.0
    assert FocusTally(reactive=1, routine=40, strategic=1).strategic_share == 0.5


def test_strategic_share_is_none_when_there_is_nothing_reactive_or_strategic() -> None:
    assert strategic_share(0, 0) is None
    assert FocusTally(routine=12, routine_minutes=600).strategic_share is None
    assert FocusTally().strategic_share is None


def test_a_tally_reads_counts_minutes_and_hours_by_focus() -> None:
    tally = FocusTally(2, 3, 4, 90, 45, 1440)
    assert [tally.count(f) for f in Focus] == [2, 3, 4]
    assert [tally.minutes(f) for f in Focus] == [90, 45, 1440]
    assert [tally.hours(f) for f in Focus] == [1.5, 0.75, 24.0]
    assert tally.total == 9


def test_tallies_add_field_by_field() -> None:
    total = FocusTally(1, 2, 3, 10, 20, 30) + FocusTally(4, 5, 6, 40, 50, 60)
    assert total == FocusTally(5, 7, 9, 50, 70, 90)


@pytest.mark.parametrize(
    ("period_from", "period_to", "months"),
    [
        (date(2026, 3, 15), date(2026, 3, 15), [date(2026, 3, 1)]),
        (date(2026, 3, 31), date(2026, 4, 1), [date(2026, 3, 1), date(2026, 4, 1)]),
        (
            date(2025, 11, 30),
            date(2026, 2, 1),
            [date(2025, 11, 1), date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)],
        ),
        (date(2024, 2, 29), date(2024, 2, 29), [date(2024, 2, 1)]),
        (date(2026, 12, 31), date(2027, 1, 1), [date(2026, 12, 1), date(2027, 1, 1)]),
    ],
)
def test_months_between_are_every_calendar_month_the_period_touches(
    period_from: date, period_to: date, months: list[date]
) -> None:
    assert months_between(period_from, period_to) == months


@given(
    st.dates(date(1990, 1, 1), date(2090, 12, 31)),
    st.integers(min_value=0, max_value=800),
)
def test_months_between_match_the_months_of_each_day(start: date, length: int) -> None:
    end = start + timedelta(days=length)
    days = (start + timedelta(days=i) for i in range(length + 1))
    assert months_between(start, end) == sorted({d.replace(day=1) for d in days})


def test_next_month_crosses_the_year_end() -> None:
    assert next_month(date(2026, 11, 1)) == date(2026, 12, 1)
    assert next_month(date(2026, 12, 1)) == date(2027, 1, 1)


def test_last_full_months_are_the_months_before_the_current_one() -> None:
    assert last_full_months(date(2026, 11, 24), 2) == [date(2026, 9, 1), date(2026, 10, 1)]
    assert last_full_months(date(2026, 1, 1), 2) == [date(2025, 11, 1), date(2025, 12, 1)]
    assert last_full_months(date(2026, 3, 31), 1) == [date(2026, 2, 1)]


def test_drifting_is_judged_on_the_last_two_full_months() -> None:
    assert drift_period(date(2026, 11, 24)) == (date(2026, 9, 1), date(2026, 10, 31))
    assert drift_period(date(2026, 1, 1)) == (date(2025, 11, 1), date(2025, 12, 31))


def test_drifting_means_below_target_in_every_month_given() -> None:
    assert is_drifting([0.2, 0.5], 0.6)
    assert not is_drifting([0.2, 0.6], 0.6)
    assert not is_drifting([None, 0.1], 0.6)
    assert not is_drifting([], 0.6)


def test_the_previous_period_has_the_same_length_and_ends_the_day_before() -> None:
    # 92 days (July to September) before: 92 days ending on 30 June.
    assert previous_period(date(2026, 7, 1), date(2026, 9, 30)) == (
        date(2026, 3, 31),
        date(2026, 6, 30),
    )
    assert previous_period(date(2026, 1, 1), date(2026, 1, 1)) == (
        date(2025, 12, 31),
        date(2025, 12, 31),
    )


def test_the_default_period_is_the_90_days_before_today() -> None:
    today = date(2026, 11, 24)
    assert default_period(today) == (date(2026, 8, 26), today)
    assert default_period(today, date(2026, 3, 31)) == (date(2025, 12, 31), date(2026, 3, 31))
    assert default_period(today, None, date(2026, 1, 1)) == (date(2026, 1, 1), today)


def test_days_since_strategic_are_counted_to_the_end_of_the_period() -> None:
    assert balance(date(2026, 3, 1), date(2026, 3, 31)).days_since_strategic == 30
    assert balance(date(2026, 3, 31), date(2026, 3, 31)).days_since_strategic == 0
    assert balance(None, date(2026, 3, 31)).days_since_strategic is None


def test_overdue_means_more_days_than_the_cadence_or_never_strategic() -> None:
    assert not balance(date(2026, 3, 1), date(2026, 3, 31), cadence=30).overdue
    assert balance(date(2026, 3, 1), date(2026, 4, 1), cadence=30).overdue
    assert balance(None, date(2026, 3, 31)).overdue
    assert not balance(date(2026, 3, 31), date(2026, 3, 31), cadence=1).overdue


def test_on_target_compares_the_share_with_the_target() -> None:
    base = balance(None, date(2026, 3, 31))
    assert PartnerBalance(**{**_fields(base), "tally": FocusTally(2, 0, 3)}).on_target is True
    assert PartnerBalance(**{**_fields(base), "tally": FocusTally(3, 0, 2)}).on_target is False
    assert base.on_target is None


def _fields(value: PartnerBalance) -> dict[str, object]:
    return {name: getattr(value, name) for name in PartnerBalance.__dataclass_fields__}


def test_assemble_sums_months_and_fills_empty_ones() -> None:
    result = assemble(
        partner_id="p1",
        name="Finance",
        period_from=date(2025, 12, 20),
        period_to=date(2026, 2, 10),
        target_strategic_share=0.5,
        touch_cadence_days=14,
        last_strategic=date(2026, 2, 1),
        months=[
            (date(2025, 12, 1), (2, 0, 1, 120, 0, 60)),
            (date(2026, 2, 1), (0, 0, 3, 0, 0, 0)),
            (date(2026, 2, 1), (0, 1, 1, 0, 15, 45)),
        ],
    )
    assert [m.label for m in result.months] == ["2025-12", "2026-01", "2026-02"]
    assert result.months[0].tally == FocusTally(2, 0, 1, 120, 0, 60)
    assert result.months[1].tally == FocusTally()
    assert result.months[2].tally == FocusTally(0, 1, 4, 0, 15, 45)
    assert result.tally == FocusTally(2, 1, 5, 120, 15, 105)
    assert result.strategic_share == 5 / 7
    assert result.days_since_strategic == 9
    assert not result.overdue
    assert (result.partner_id, result.name, result.target_strategic_share) == ("p1", "Finance", 0.5)
