"""Stakeholder maps and communications plans: in the journal, in JSON, and due for reminders."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import Contact, Partner
from brm_desk.domain.stakeholders import Communication, Quadrant
from brm_desk.services.interchange.json_io import export_journal, import_journal
from brm_desk.services.journal import Journal
from brm_desk.services.stakeholders import communications_due

TODAY = date(2026, 11, 24)


@pytest.fixture
def dated(tmp_path: Path) -> Iterator[tuple[Journal, list[date]]]:
    """A journal whose today can be moved, with one partner and three people."""
    days = [date(2026, 6, 1)]
    with Journal.create(tmp_path / "j.db", today=lambda: days[0]) as journal:
        journal.partners.add(Partner(id="p1", name="Finance"))
        journal.partners.add(Partner(id="p2", name="Sales"))
        for uid, stance in (
            ("ada", Stance.SKEPTIC),
            ("bo", Stance.BLOCKER),
            ("cy", Stance.NEUTRAL),
        ):
            journal.contacts.add(Contact(id=uid, partner_id="p1", name=uid.title(), stance=stance))
        yield journal, days


def test_a_map_replays_the_history_and_names_its_gaps(dated: tuple[Journal, list[date]]) -> None:
    journal, days = dated
    days[0] = TODAY - timedelta(30)
    ada = journal.contacts.get("ada")
    journal.contacts.update(replace(ada, stance=Stance.CHAMPION, influence=Influence.HIGH))
    days[0] = TODAY
    journal.stakeholders.place("cy", Influence.HIGH, Interest.HIGH)
    journal.stakeholders.place("cy", Influence.LOW, Interest.LOW)  # and back the same day
    journal.stakeholders.place("cy", Influence.MEDIUM, Interest.MEDIUM)

    found = journal.stakeholders.map("p1", compared_with=TODAY - timedelta(91))
    assert [m.text for m in found.moves] == ["Ada: monitor → keep satisfied; skeptic → champion"]
    assert [h.since for h in journal.contacts.page("cy").history] == [date(2026, 6, 1)]
    assert [g.text for g in found.gaps] == [
        "Ada: high influence, never met",
        "Bo: blocker, not in the communications plan",
    ]
    assert journal.stakeholders.map("p1").moves == ()


def test_the_plan_is_kept_in_order_and_rolls_on_when_done(
    dated: tuple[Journal, list[date]],
) -> None:
    journal, days = dated
    days[0] = TODAY
    first = journal.stakeholders.add(
        Communication(
            "", "p1", "Steering notes", "E-mail update", 30, TODAY, quadrant=Quadrant.KEEP_INFORMED
        )
    )
    second = journal.stakeholders.add(
        Communication("", "p1", "Win Bo over", "In person", 14, TODAY + timedelta(3), "bo")
    )
    other = journal.stakeholders.add(
        Communication(
            "",
            "p2",
            "Newsletter",
            "Newsletter",
            90,
            TODAY - timedelta(1),
            quadrant=Quadrant.MONITOR,
        )
    )
    assert journal.stakeholders.plan("p1") == [first, second]
    assert communications_due(journal, TODAY) == [other, first]
    assert journal.stakeholders.mark_done(first.id).next_date == TODAY + timedelta(30)
    assert communications_due(journal, TODAY + timedelta(3)) == [other, second]
    assert not [g for g in journal.stakeholders.map("p1").gaps if "blocker" in g.text]
    journal.contacts.delete("bo")
    assert journal.stakeholders.plan("p1") == [journal.stakeholders.plan("p1")[0]]
    journal.partners.delete("p2")
    assert communications_due(journal, TODAY + timedelta(3)) == []
    journal.stakeholders.delete(first.id)
    assert journal.stakeholders.plan() == []


def test_interest_and_plans_round_trip_losslessly(
    dated: tuple[Journal, list[date]], tmp_path: Path
) -> None:
    journal, _days = dated
    journal.stakeholders.place("ada", Influence.HIGH, Interest.HIGH)
    journal.stakeholders.add(Communication("", "p1", "Win Bo over", "In person", 14, TODAY, "bo"))
    journal.stakeholders.add(
        Communication(
            "", "p1", "Steering notes", "Meeting", 30, TODAY, quadrant=Quadrant.KEEP_SATISFIED
        )
    )
    exported = export_journal(journal, include_private=True)
    [finance, sales] = exported["partners"]
    assert finance["communications"] == [
        {
            "contact": "bo",
            "message": "Win Bo over",
            "channel": "In person",
            "frequency_days": 14,
            "next_date": "2026-11-24",
        },
        {
            "quadrant": "keep_satisfied",
            "message": "Steering notes",
            "channel": "Meeting",
            "frequency_days": 30,
            "next_date": "2026-11-24",
        },
    ]
    assert "communications" not in sales  # only a partner with a plan has the field
    interests = {c["id"]: c.get("interest") for c in exported["contacts"]}
    assert interests == {"ada": "high", "bo": None, "cy": None}  # medium is left out
    with Journal.create(tmp_path / "copy.db") as copy_journal:
        import_journal(copy_journal, exported)
        again = export_journal(copy_journal, include_private=True)
    assert {**again, "exported_at": ""} == {**exported, "exported_at": ""}


def test_a_file_without_the_new_fields_imports_unchanged(tmp_path: Path) -> None:
    old = {
        "format": "brm-desk-journal", "version": 1, "exported_at": "2026-01-01T00:00:00+00:00",
        "partners": [{"id": "p1", "name": "Finance"}],
        "contacts": [{"id": "c1", "partner": "p1", "name": "Ann", "influence": "high"}],
        "meetings": [], "requests": [],
    }  # fmt: skip
    with Journal.create(tmp_path / "j.db") as journal:
        import_journal(journal, old)
        assert journal.contacts.get("c1").interest is Interest.MEDIUM
        assert journal.stakeholders.plan() == []
        exported = export_journal(journal, include_private=True)
    assert "interest" not in exported["contacts"][0]
    assert "communications" not in exported["partners"][0]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            {"message": "m", "channel": "c", "frequency_days": 7, "next_date": "2026-01-01"},
            "either a contact or a quadrant",
        ),
        (
            {
                "contact": "c1",
                "quadrant": "monitor",
                "message": "m",
                "channel": "c",
                "frequency_days": 7,
                "next_date": "2026-01-01",
            },
            "either a contact or a quadrant",
        ),
        (
            {
                "quadrant": "everyone",
                "message": "m",
                "channel": "c",
                "frequency_days": 7,
                "next_date": "2026-01-01",
            },
            "quadrant: must be one of",
        ),
        (
            {
                "quadrant": "monitor",
                "message": "m",
                "channel": "c",
                "frequency_days": 0,
                "next_date": "2026-01-01",
            },
            "frequency_days",
        ),
        (
            {"quadrant": "monitor", "message": "m", "channel": "c", "frequency_days": 7},
            "next_date: is required",
        ),
        (
            {
                "contact": "nobody",
                "message": "m",
                "channel": "c",
                "frequency_days": 7,
                "next_date": "2026-01-01",
            },
            "nobody",
        ),
        (
            {
                "quadrant": "monitor",
                "message": "m",
                "channel": "c",
                "frequency_days": 7,
                "next_date": "2026-01-01",
                "owner": "me",
            },
            'unknown field "owner"',
        ),
    ],
)
def test_a_bad_plan_entry_is_a_clear_error(
    tmp_path: Path, entry: dict[str, Any], message: str
) -> None:
    document: dict[str, Any] = {
        "format": "brm-desk-journal", "version": 1,
        "partners": [{"id": "p1", "name": "Finance", "communications": [copy.deepcopy(entry)]}],
        "contacts": [{"id": "c1", "partner": "p1", "name": "Ann"}], "meetings": [], "requests": [],
    }  # fmt: skip
    with Journal.create(tmp_path / "j.db") as journal:
        with pytest.raises(ImportFileError, match=message):
            import_journal(journal, document)
        assert journal.partners.listing() == []
