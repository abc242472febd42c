"""Counts and dates in words: right plurals, days without a leading zero."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.words import day, plural


def test_plurals_are_right() -> None:
    assert plural(1, "day") == "1 day"
    assert plural(0, "day") == "0 days"
    assert plural(2, "person", "people") == "2 people"
    assert plural(1, "person", "people") == "1 person"
    assert plural(1000, "meeting") == "1,000 meetings"


@given(st.integers(min_value=0, max_value=10**6))
def test_one_is_singular_and_every_other_count_plural(count: int) -> None:
    assert plural(count, "day").endswith("day" if count == 1 else "days")


def test_a_day_reads_as_an_executive_writes_it() -> None:
    assert day(date(2026, 11, 3)) == "3 Nov 2026"
    assert day(None) == "—"
