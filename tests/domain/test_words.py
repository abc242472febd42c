"""Counts and dates in words: right plurals, days without a leading zero."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.words import day, listing, plural


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


def test_a_list_reads_as_a_sentence() -> None:
    assert listing([]) == ""
    assert listing(["3 meetings"]) == "3 meetings"
    assert listing(["3 meetings", "1 request"]) == "3 meetings and 1 request"
    assert listing(["a", "b", "c"]) == "a, b and c"


WORDS = st.text(st.characters(categories=("L",)), min_size=1, max_size=8)


@given(st.lists(WORDS, max_size=6))
def test_a_list_names_every_item_once_in_order_with_one_and(items: list[str]) -> None:
    said = listing(items)
    assert said.count(" and ") == (len(items) >= 2)
    assert said.replace(" and ", ", ").split(", ") == (items or [""])
