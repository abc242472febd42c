"""Stakeholder maps and communications plans: in the journal, in JSON, and due for reminders."""

from __future__ import annotations

import copy
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import Contact, Partner
from brm_desk.domain.stakeholders import Communication, Quadrant, due
from brm_desk.services.interchange.json_io import export_journal, import_journal
from brm_desk.services.journal import Journal
from brm_desk.store import stakeholder_rows

TODAY = date(2026, 11, 24)


def communications_due(journal: Journal, on: date) -> list[Communication]:
    """The plan entries due on or before ``on``, as the reminders read them."""
    with journal.database.snapshot() as tx:
        return stakeholder_rows.due(tx, on)


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
    assert journal.stakeholders.update(first.done(TODAY)).next_date == TODAY + timedelta(30)
    assert communications_due(journal, TODAY + timedelta(3)) == [other, second]
    assert not [g for g in journal.stakeholders.map("p1").gaps if "blocker" in g.text]
    journal.contacts.delete("bo")
    assert journal.stakeholders.plan("p1") == [journal.stakeholders.plan("p1")[0]]
    journal.partners.delete("p2")
    assert communications_due(journal, TODAY + timedelta(3)) == []
    journal.stakeholders.delete(first.id)
    assert journal.stakeholders.plan() == []


ENTRIES = st.lists(
    st.tuples(
        st.sampled_from(["p1", "p2"]),
        st.integers(-5, 5),
        st.sampled_from([None, "ada", "bo"]),
    ),
    max_size=8,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries=ENTRIES, on=st.integers(-6, 6), gone=st.sampled_from([None, "p2", "bo"]))
def test_communications_due_in_sql_equal_the_due_rule(
    entries: list[tuple[str, int, str | None]], on: int, gone: str | None
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        Journal.create(Path(folder) / "journal.db", today=lambda: TODAY) as journal,
    ):
        journal.partners.add(Partner(id="p1", name="Finance"))
        journal.partners.add(Partner(id="p2", name="Sales"))
        for uid in ("ada", "bo"):
            journal.contacts.add(Contact(id=uid, partner_id="p1", name=uid.title()))
        for partner_id, days, contact_id in entries:
            quadrant = Quadrant.MONITOR if contact_id is None or partner_id == "p2" else None
            journal.stakeholders.add(
                Communication(
                    "",
                    partner_id,
                    "Update",
                    "E-mail",
                    30,
                    TODAY + timedelta(days),
                    None if quadrant else contact_id,
                    quadrant,
                )
            )
        if gone == "p2":
            journal.partners.delete(gone)
        elif gone == "bo":
            journal.contacts.delete(gone)
        day = TODAY + timedelta(on)
        assert communications_due(journal, day) == due(journal.stakeholders.plan(), day)


def test_interest_and_plans_round_trip_losslessly(
    dated: tuple[Journal, list[date]], tmp_path: Path
) -> None:
    journal, days = dated
    days[0] = TODAY
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
    ada = exported["contacts"][0]
    assert ada["history"] == [
        {"since": "2026-06-01", "influence": "medium", "stance": "skeptic", "interest": "medium"},
        {"since": "2026-11-24", "influence": "high", "stance": "skeptic", "interest": "high"},
    ]
    assert "history" not in exported["contacts"][1]  # one step: the contact's own fields
    shared = export_journal(journal, include_private=False)
    assert "history" not in shared["contacts"][0]  # it holds stances: private
    for today in (TODAY, TODAY + timedelta(days=40)):  # imported the same day or later
        with Journal.create(tmp_path / f"{today}.db", today=lambda day=today: day) as copied:
            import_journal(copied, exported)
            again = export_journal(copied, include_private=True)
            assert [h.since for h in copied.contacts.page("ada").history] == [
                date(2026, 6, 1), TODAY,
            ]  # fmt: skip
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
        (
            {"history": [{"since": "2026-02-01"}, {"since": "2026-01-01"}]},
            r"history\[1\]\.since: must be later",
        ),
        ({"history": [{"influence": "high"}]}, r"history\[0\]\.since: is required"),
        ({"history": [{"since": "2026-02-01", "mood": "good"}]}, 'unknown field "mood"'),
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
    if "history" in entry:  # a contact's field
        document["contacts"][0]["history"] = entry["history"]
        document["partners"][0].pop("communications")
    with Journal.create(tmp_path / "j.db") as journal:
        with pytest.raises(ImportFileError, match=message):
            import_journal(journal, document)
        assert journal.partners.listing() == []


def test_the_sample_tells_a_sceptic_turned_champion_and_two_plans(tmp_path: Path) -> None:
    from brm_desk.services.sample_journal import load_sample

    with load_sample(tmp_path / "sample.brmdesk", date(2026, 11, 24)) as journal:
        finance = journal.stakeholders.map("p-finance", compared_with=date(2026, 7, 1))
        moved = [m.text for m in finance.moves]
        assert "Tobias Brandt: keep satisfied → manage closely; skeptic → champion" in moved
        planned = {e.partner_id for e in journal.stakeholders.plan()}
        assert planned == {"p-finance", "p-sales"}
        sales = journal.stakeholders.map("p-sales", compared_with=date(2026, 7, 1))
        assert "Jennifer Walsh: keep satisfied → manage closely; skeptic → blocker" in [
            m.text for m in sales.moves
        ]
        assert communications_due(journal, date(2026, 11, 24))


def test_the_dashboard_counts_each_partners_gaps(dated: tuple[Journal, list[date]]) -> None:
    journal, days = dated
    days[0] = TODAY
    journal.stakeholders.place("ada", Influence.HIGH, Interest.HIGH)
    rows = {row.name: row for row in journal.dashboard.glance(TODAY - timedelta(90), TODAY)}
    assert rows["Finance"].gaps == (
        "Ada: high influence, never met",
        "No champion",
        "Bo: blocker, not in the communications plan",
    )
    assert rows["Sales"].gaps == ()  # nobody to map
    assert rows["Finance"].gaps == tuple(g.text for g in journal.stakeholders.map("p1").gaps)
