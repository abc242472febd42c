"""Typed dates: what "fri", "+3d" and "2026-12-01" mean, for every day they are typed on."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.day_phrases import WEEKDAYS, add_months, read_day
from brm_desk.domain.errors import ValidationError

TODAY = date(2026, 11, 24)  # a Tuesday
DAYS = st.dates(date(1900, 1, 1), date(2999, 12, 31))


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("20261201", date(2026, 12, 1)),
        ("today", TODAY),
        ("Tomorrow", date(2026, 11, 25)),
        ("yesterday", date(2026, 11, 23)),
        ("fri", date(2026, 11, 27)),
        ("FRIDAY", date(2026, 11, 27)),
        ("tue", date(2026, 12, 1)),  # never today: the next Tuesday
        ("thurs", date(2026, 11, 26)),
        ("+3d", date(2026, 11, 27)),
        ("3d", date(2026, 11, 27)),
        ("+2w", date(2026, 12, 8)),
        ("2 weeks", date(2026, 12, 8)),
        ("-1d", date(2026, 11, 23)),
        ("+1m", date(2026, 12, 24)),
        ("+3 months", date(2027, 2, 24)),
        ("+1y", date(2027, 11, 24)),
        ("  +3D ", date(2026, 11, 27)),
    ],
)
def test_phrases_a_person_types(typed: str, meant: date) -> None:
    assert read_day("revisit_on", typed, TODAY) == meant


@pytest.mark.parametrize("typed", ["", "   ", "\t\n"])
def test_nothing_typed_is_no_date(typed: str) -> None:
    assert read_day("revisit_on", typed, TODAY) is None


@pytest.mark.parametrize(
    "typed", ["fr", "t", "next week", "2026-02-30", "+3x", "soon", "+ 3d", "+9999999d", "+9999y"]
)
def test_what_is_not_a_date_is_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        read_day("revisit_on", typed, TODAY)
    assert caught.value.field == "revisit_on"
    assert "2026-12-01, fri, +3d" in caught.value.reason


@given(day=DAYS, today=DAYS)
def test_a_written_date_is_that_date_whatever_the_day(day: date, today: date) -> None:
    assert read_day("due", day.isoformat(), today) == day
    assert read_day("due", day.strftime("%Y%m%d"), today) == day


@given(today=DAYS, count=st.integers(0, 3000), unit=st.sampled_from(["d", "day", "days"]))
def test_days_ahead_and_back(today: date, count: int, unit: str) -> None:
    assert read_day("due", f"+{count}{unit}", today) == today + timedelta(days=count)
    assert read_day("due", f"{count} {unit}", today) == today + timedelta(days=count)
    assert read_day("due", f"-{count}{unit}", today) == today - timedelta(days=count)


@given(today=DAYS, count=st.integers(0, 400))
def test_weeks_are_seven_days(today: date, count: int) -> None:
    assert read_day("due", f"+{count}w", today) == today + timedelta(weeks=count)


@given(today=DAYS, weekday=st.integers(0, 6), length=st.integers(3, 9))
def test_a_weekday_is_the_next_such_day_within_a_week(
    today: date, weekday: int, length: int
) -> None:
    name = WEEKDAYS[weekday][:length]
    day = read_day("due", name.upper(), today)
    assert day is not None
    assert day.weekday() == weekday
    assert 1 <= (day - today).days <= 7


@given(day=DAYS, months=st.integers(-1200, 1200))
def test_months_keep_the_day_or_take_the_months_last(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(later.year, later.month)[1]
    assert later.day == min(day.day, last)
    assert read_day("due", f"{months:+d}m", day) == later


@given(typed=st.text(max_size=30), today=DAYS)
def test_any_text_is_a_date_none_or_a_clear_error(typed: str, today: date) -> None:
    try:
        day = read_day("due", typed, today)
    except ValidationError as error:
        field = error.field
    else:
        field = "due"
        assert day is None or isinstance(day, date)
    assert field == "due"


PHRASES = st.sampled_from(["fri", "Tomorrow", "+3d", "2 weeks", "-1m", "2026-12-01", "mon"])


@given(typed=PHRASES, today=DAYS, before=st.sampled_from(["", " ", "\t"]))
def test_case_and_spaces_do_not_matter(typed: str, today: date, before: str) -> None:
    expected = read_day("due", typed, today)
    assert read_day("due", f"{before}{typed.upper()}  ", today) == expected
    assert read_day("due", typed.lower(), today) == expected
