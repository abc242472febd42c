"""Fitting column widths into the visible table: the widest give way first."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from brm_desk.ui.views.column_fit import fitted_widths


def test_widths_that_fit_are_kept() -> None:
    assert fitted_widths([100, 200, 80], 500) == [100, 200, 80]


def test_the_widest_columns_are_capped_at_one_width() -> None:
    assert fitted_widths([100, 400, 300, 80], 680, floor=50) == [100, 250, 250, 80]


def test_the_floor_wins_over_fitting_on_a_tiny_window() -> None:
    assert fitted_widths([300, 300], 100, floor=96) == [96, 96]


@given(
    wanted=st.lists(st.integers(min_value=20, max_value=600), min_size=1, max_size=15),
    available=st.integers(min_value=0, max_value=4000),
    floor=st.integers(min_value=10, max_value=120),
)
def test_fitted_widths_never_grow_and_fit_unless_the_floor_binds(
    wanted: list[int], available: int, floor: int
) -> None:
    widths = fitted_widths(wanted, available, floor)
    assert len(widths) == len(wanted)
    assert all(w <= original for w, original in zip(widths, wanted, strict=True))
    if sum(wanted) <= available:
        assert widths == wanted
    else:
        cap = max(widths)
        assert all(
            w == original for w, original in zip(widths, wanted, strict=True) if original < cap
        )
        fits = sum(widths) <= available
        # Otherwise the floor stopped the fitting: wide columns sit at it, narrow ones keep theirs.
        assert fits or widths == [min(o, floor) for o in wanted]


def test_a_heading_wider_than_the_cap_keeps_its_width() -> None:
    # Capped alike, all three would be 133 px; "Since strategic" needs 140, so the others give way.
    assert fitted_widths([300, 150, 300], 400, floor=60) == [133, 133, 133]
    assert fitted_widths([300, 150, 300], 400, floor=60, minimums=[0, 140, 0]) == [130, 140, 130]


@given(
    columns=st.lists(
        st.tuples(
            st.integers(min_value=20, max_value=600), st.integers(min_value=0, max_value=200)
        ),
        min_size=1,
        max_size=15,
    ),
    available=st.integers(min_value=0, max_value=4000),
    floor=st.integers(min_value=10, max_value=120),
)
def test_no_column_is_cut_below_its_heading(
    columns: list[tuple[int, int]], available: int, floor: int
) -> None:
    wanted = [width for width, _ in columns]
    headings = [heading for _, heading in columns]
    widths = fitted_widths(wanted, available, floor, headings)
    lows = [min(w, max(floor, h)) for w, h in columns]
    assert all(low <= w <= original for w, low, original in zip(widths, lows, wanted, strict=True))
    if sum(wanted) <= available:
        assert widths == wanted
    else:
        assert sum(widths) <= available or widths == lows
        # The columns cut are cut to one common width (or their own low mark).
        cut = {w for w, low, o in zip(widths, lows, wanted, strict=True) if low < w < o}
        assert len(cut) <= 1
