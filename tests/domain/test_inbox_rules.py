"""The inbox's title key (what a learned rule is kept under) and its partner-from-title guess."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from brm_desk.domain.calendar_inbox import partner_named, title_key

titles = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
digits = st.text(st.sampled_from("0123456789"), min_size=1, max_size=4)


@given(titles)
def test_a_key_is_its_own_key(title: str) -> None:
    assert title_key(title_key(title)) == title_key(title)


@given(titles)
def test_case_and_spacing_do_not_count(title: str) -> None:
    assert title_key(title.casefold()) == title_key(title)
    assert title_key(f"  {' '.join(title.split())}\t") == title_key(title)
    assert not any(c.isspace() for c in title_key(title).replace(" ", ""))


@given(st.text(st.characters(whitelist_categories=("Ll", "Lu", "Zs")), max_size=20), digits, digits)
def test_numbers_and_dates_do_not_count(words: str, one: str, other: str) -> None:
    assert title_key(f"{words} {one}") == title_key(f"{words} {other}")
    assert title_key(f"{words} {one}/{other}") == title_key(f"{words} {other}.{one}.2026")
    assert not any(c.isdigit() for c in title_key(f"{words} {one}"))


def test_examples() -> None:
    assert title_key("Weekly sync with Finance — 2026-12-01") == "weekly sync with finance — #"
    assert title_key("WEEKLY  sync with finance — 03/12") == "weekly sync with finance — #"
    assert title_key("Q3 review") != title_key("QBR review")


def test_the_longest_partner_name_in_the_title_is_the_guess() -> None:
    names = {"f": "Finance", "fo": "Finance Ops", "hr": "HR", "r&d": "R&D"}
    assert partner_named("Sync with finance ops", names) == "fo"
    assert partner_named("Finance: budget", names) == "f"
    assert partner_named("R&D roadmap", names) == "r&d"
    assert partner_named("Refinance the loan", names) is None  # whole words only
    assert partner_named("Shrink", names) is None
