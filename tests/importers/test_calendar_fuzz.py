"""Damaged calendar files: whatever is cut, dropped or garbled, the import says so clearly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.errors import ImportFileError
from brm_desk.services.interchange.ics_events import scan_calendar
from brm_desk.services.interchange.ics_read import read_calendar

DATA = Path(__file__).with_name("data")
ORIGINALS = [
    (DATA / name).read_bytes() for name in ("outlook_finance.ics", "google_hr_updated.ics")
]
TODAY = date(2026, 11, 24)


def damaged() -> st.SearchStrategy[bytes]:
    original = st.sampled_from(ORIGINALS)
    cut = st.tuples(original, st.floats(0, 1)).map(lambda t: t[0][: int(len(t[0]) * t[1])])
    dropped = st.tuples(original, st.integers(0, 400)).map(
        lambda t: b"\r\n".join(
            line for i, line in enumerate(t[0].split(b"\r\n")) if i != t[1] % 140
        )
    )
    garbled = st.tuples(original, st.integers(0, 10**6), st.binary(min_size=1, max_size=8)).map(
        lambda t: t[0][: t[1] % len(t[0])] + t[2] + t[0][t[1] % len(t[0]) + len(t[2]) :]
    )
    return st.one_of(cut, dropped, garbled)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=damaged())
def test_a_damaged_calendar_is_read_or_refused_with_a_message(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "damaged.ics"
    path.write_bytes(data)
    refusals: list[str] = []
    events = ()
    try:
        events = scan_calendar(read_calendar(path), TODAY).events
    except ImportFileError as error:
        refusals.append(error.message)
    assert all(message.startswith(f"{path}: ") for message in refusals)
    assert all(event.start.tzinfo is not None for event in events)
    assert all(1 <= event.duration_minutes <= 1440 for event in events)
