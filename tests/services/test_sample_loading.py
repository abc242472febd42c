"""The first run's sample: a copy of the bundled journal, moved by whole weeks to end today."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from brm_desk.domain.errors import JournalFileError
from brm_desk.resource_files import resource, resources_dir
from brm_desk.services.interchange.json_io import export_journal
from brm_desk.services.sample_journal import (
    load_sample,
    read_sample,
    sample_end,
    shift_dates,
    whole_weeks_to,
)

SAMPLE_END = date(2026, 11, 20)


def test_resources_are_found_in_a_checkout() -> None:
    assert resources_dir().is_dir()
    assert resource("sample", "sample_journal.json").is_file()


def test_resources_come_from_a_bundle_when_frozen(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys._MEIPASS", str(tmp_path), raising=False)
    assert resources_dir() == tmp_path / "resources"


@pytest.mark.parametrize(
    ("today", "weeks"),
    [
        (date(2026, 11, 20), 0),
        (date(2026, 11, 26), 0),
        (date(2026, 11, 27), 1),
        (date(2027, 3, 3), 14),
        (date(2026, 1, 5), -46),
    ],
)
def test_the_shift_is_whole_weeks_and_never_past_today(today: date, weeks: int) -> None:
    shift = whole_weeks_to(SAMPLE_END, today)
    assert shift == timedelta(weeks=weeks)
    assert SAMPLE_END + shift <= today < SAMPLE_END + shift + timedelta(weeks=1)


def test_shifting_moves_every_date_and_keeps_weekdays_and_offsets() -> None:
    document = read_sample()
    assert sample_end(document) == SAMPLE_END
    shifted = shift_dates(document, timedelta(weeks=3))
    before, after = document["meetings"][0], shifted["meetings"][0]
    assert before["start"] == "2024-12-02T09:00:00+01:00"
    assert after["start"] == "2024-12-23T09:00:00+01:00"
    assert after["actions"][0]["due"] == "2024-12-30"
    assert document["meetings"][0]["start"] == before["start"], "the original is left alone"
    finance = shifted["partners"][0]
    assert finance["maturity_history"][0]["since"] == "2024-12-22"
    delivered = next(r for r in shifted["requests"] if r["delivered_on"])
    original = next(r for r in document["requests"] if r["id"] == delivered["id"])
    moved = date.fromisoformat(delivered["delivered_on"]) - date.fromisoformat(
        original["delivered_on"]
    )
    assert moved == timedelta(weeks=3)
    assert sample_end(shifted) == SAMPLE_END + timedelta(weeks=3)


def test_load_sample_creates_a_journal_ending_this_week(tmp_path: Path) -> None:
    today = date(2027, 2, 10)
    target = tmp_path / "data" / "sample.brmdesk"
    with load_sample(target, today) as journal:
        assert len(journal.partners.listing()) == 7
        document = export_journal(journal, include_private=True)
    latest = max(date.fromisoformat(m["start"][:10]) for m in document["meetings"])
    assert today - timedelta(days=7) <= latest < today
    original = read_sample()
    weekdays = sorted(date.fromisoformat(m["start"][:10]).weekday() for m in original["meetings"])
    moved = sorted(date.fromisoformat(m["start"][:10]).weekday() for m in document["meetings"])
    assert moved == weekdays


def test_load_sample_never_overwrites_a_file(tmp_path: Path) -> None:
    target = tmp_path / "sample.brmdesk"
    target.write_text("my own file")
    with pytest.raises(JournalFileError):
        load_sample(target, date(2026, 11, 24))
    assert target.read_text() == "my own file"
