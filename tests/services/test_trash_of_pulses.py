"""Pulses and maturity assessments go to the trash like every other record: listed there,
restored, emptied for good, taken along with their partner; and every reader leaves the
trashed ones out and counts a restored one again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

import pytest

from brm_desk.domain.assessments import Assessment, MaturityGoal
from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import NotFoundError, ValidationError
from brm_desk.domain.pulses import Pulse
from brm_desk.domain.records import Meeting, Partner
from brm_desk.services.interchange.csv_assessments import export_assessments
from brm_desk.services.interchange.csv_pulses import export_pulses
from brm_desk.services.interchange.json_io import export_journal, import_journal
from brm_desk.services.journal import Journal
from brm_desk.services.maintenance import check
from brm_desk.services.prep_brief import build_prep_brief
from brm_desk.services.review_data import gather_partner

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 10, tzinfo=UTC)
Q3 = date(2026, 8, 12)
T = TypeVar("T")


def count_rows(journal: Journal, table: str) -> int:
    with journal.database.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


@pytest.fixture
def finance(journal: Journal) -> Partner:
    """Finance: a Q3 pulse; assessed Ad hoc in March, a Service provider in October."""
    partner = journal.partners.add(Partner(id="fin", name="Finance"))
    [made_with_it] = journal.assessments.of_partner("fin")
    journal.trash.empty(journal.assessments.delete(made_with_it.id))
    journal.assessments.add(Assessment("a1", "fin", date(2026, 3, 1), Maturity.AD_HOC))
    journal.meetings.add(Meeting(id="m1", partner_id="fin", title="Review", start=NOW))
    journal.pulses.add(Pulse("q3", "fin", Q3, 4, 4, 5, 9, "Better"))
    journal.assessments.add(
        Assessment(
            "a2",
            "fin",
            date(2026, 10, 12),
            Maturity.SERVICE_PROVIDER,
            Maturity.ORDER_TAKER,
            meeting_ids=("m1",),
            goals=(MaturityGoal("One intake route"),),
        )
    )
    return partner


# The trash itself


def test_a_deleted_pulse_is_in_the_trash_until_restored_or_emptied(
    journal: Journal, finance: Partner
) -> None:
    [pulse] = journal.pulses.listing()
    batch = journal.pulses.delete("q3")
    assert journal.pulses.listing() == []
    with pytest.raises(NotFoundError):
        journal.pulses.get("q3")
    [item] = journal.trash.listing()
    assert (item.batch, item.kind, item.id, item.items) == (batch, "pulse", "q3", 1)
    assert (item.title, item.partner_name) == ("2026 Q3 · 12 Aug 2026", "Finance")
    journal.trash.restore(batch)
    assert journal.pulses.listing() == [pulse]
    assert journal.trash.listing() == []

    batch = journal.pulses.delete("q3")
    assert journal.trash.empty(batch) == 1
    assert count_rows(journal, "pulse") == 0
    with pytest.raises(NotFoundError):
        journal.trash.restore(batch)


def test_a_deleted_assessment_is_in_the_trash_and_the_maturity_follows(
    journal: Journal, finance: Partner
) -> None:
    assessments = journal.assessments.of_partner("fin")
    assert journal.partners.get("fin").maturity is Maturity.SERVICE_PROVIDER
    batch = journal.assessments.delete("a2")
    assert journal.assessments.of_partner("fin") == assessments[:1]
    assert journal.partners.get("fin").maturity is Maturity.AD_HOC  # the latest left
    with pytest.raises(NotFoundError):
        journal.assessments.get("a2")
    [item] = journal.trash.listing()
    assert (item.kind, item.id, item.title, item.partner_name, item.items) == (
        "assessment",
        "a2",
        "12 Oct 2026",
        "Finance",
        1,
    )
    journal.trash.restore(batch)
    assert journal.assessments.of_partner("fin") == assessments  # goals and evidence too
    assert journal.partners.get("fin").maturity is Maturity.SERVICE_PROVIDER

    journal.trash.empty(journal.assessments.delete("a2"))
    assert count_rows(journal, "assessment") == 1
    assert count_rows(journal, "assessment_goal") == 0
    assert count_rows(journal, "assessment_evidence") == 0
    assert journal.meetings.get("m1").title == "Review"  # the evidence only, not the meeting


def test_a_partner_takes_its_pulses_and_assessments_along_and_back(
    journal: Journal, finance: Partner
) -> None:
    journal.pulses.add(Pulse("q4", "fin", date(2026, 11, 2), 3, 3, 3, 6))
    own_batch = journal.pulses.delete("q4")  # in the trash already: stays in its own batch
    pulses, assessments = journal.pulses.listing(), journal.assessments.of_partner("fin")
    assert journal.trash.taken_along("partner", "fin") == {
        "meeting": 1,
        "request": 0,
        "contact": 0,
        "pulse": 1,
        "assessment": 2,
    }
    batch = journal.partners.delete("fin")
    assert journal.pulses.listing() == []
    assert journal.assessments.of_partner("fin") == ()
    assert [(i.kind, i.items) for i in journal.trash.listing()] == [("partner", 5), ("pulse", 1)]
    with pytest.raises(ValidationError, match="restore the partner first"):
        journal.trash.restore(own_batch)

    journal.trash.restore(batch)
    assert journal.pulses.listing() == pulses
    assert journal.assessments.of_partner("fin") == assessments
    assert [i.batch for i in journal.trash.listing()] == [own_batch]

    journal.trash.empty(journal.partners.delete("fin"))
    assert (count_rows(journal, "pulse"), count_rows(journal, "assessment")) == (0, 0)


def test_an_import_taken_back_and_an_undone_add_leave_no_trash(
    journal: Journal, finance: Partner
) -> None:
    journal.pulses.add(Pulse("q4", "fin", date(2026, 11, 2), 3, 3, 3, 6))
    journal.pulses.delete_many(["q3", "q4"])
    assert journal.trash.listing() == []
    assert count_rows(journal, "pulse") == 0
    with pytest.raises(NotFoundError):  # all or none
        journal.pulses.delete_many(["nothing"])


# Every reader leaves the trash out


def _each_way(
    journal: Journal, record_id: str, delete: Callable[[str], str], seen: Callable[[], T]
) -> tuple[T, T, T]:
    """What ``seen`` reads with the record live, in the trash, and restored."""
    live = seen()
    batch = delete(record_id)
    trashed = seen()
    journal.trash.restore(batch)
    return live, trashed, seen()


def test_the_health_trend_leaves_a_trashed_pulse_out(journal: Journal, finance: Partner) -> None:
    def q3() -> tuple[int, float | None]:
        health = journal.health.trend("fin")[-2]
        return len(health.pulses), health.score

    live, trashed, restored = _each_way(journal, "q3", journal.pulses.delete, q3)
    assert live == restored
    assert live[0] == 1
    assert live[1] is not None
    assert trashed == (0, None)


def test_the_dashboard_leaves_trashed_pulses_and_assessments_out(
    journal: Journal, finance: Partner
) -> None:
    def glance() -> tuple[int, date | None]:
        [row] = journal.dashboard.glance(date(2026, 1, 1), TODAY)
        return sum(len(h.pulses) for h in row.health), row.last_assessed

    assert _each_way(journal, "q3", journal.pulses.delete, glance) == (
        (1, date(2026, 10, 12)),
        (0, date(2026, 10, 12)),
        (1, date(2026, 10, 12)),
    )
    assert _each_way(journal, "a2", journal.assessments.delete, glance) == (
        (1, date(2026, 10, 12)),
        (1, date(2026, 3, 1)),
        (1, date(2026, 10, 12)),
    )


def test_the_prep_brief_leaves_trashed_pulses_and_assessments_out(
    journal: Journal, finance: Partner
) -> None:
    def brief() -> tuple[int, str | None]:
        made = build_prep_brief(journal, "fin")
        return sum(len(h.pulses) for h in made.health), made.assessment and made.assessment.id

    assert _each_way(journal, "q3", journal.pulses.delete, brief) == (
        (1, "a2"),
        (0, "a2"),
        (1, "a2"),
    )
    assert _each_way(journal, "a2", journal.assessments.delete, brief) == (
        (1, "a2"),
        (1, "a1"),
        (1, "a2"),
    )


def test_the_review_pack_leaves_a_trashed_assessment_out(
    journal: Journal, finance: Partner
) -> None:
    def pack() -> tuple[tuple[Maturity, ...], tuple[str, ...]]:
        data = gather_partner(journal, "fin", date(2025, 12, 1), TODAY, include_private=True)
        return tuple(c.maturity for c in data.maturity_path), tuple(a.id for a in data.assessments)

    live, trashed, restored = _each_way(journal, "a2", journal.assessments.delete, pack)
    assert live == restored
    assert live[0] == (Maturity.AD_HOC, Maturity.SERVICE_PROVIDER)
    assert trashed[0] == (Maturity.AD_HOC,)
    assert "a2" in live[1]
    assert "a2" not in trashed[1]


def test_the_json_export_leaves_the_trash_out_and_round_trips(
    journal: Journal, finance: Partner, tmp_path: Path
) -> None:
    def exported() -> tuple[list[str], list[str]]:
        document = export_journal(journal, now=NOW)
        [partner] = document["partners"]
        pulses = [p["id"] for p in document.get("pulses", [])]
        return pulses, [step["since"] for step in partner["maturity_history"]]

    live = (["q3"], ["2026-03-01", "2026-10-12"])
    assert _each_way(journal, "q3", journal.pulses.delete, exported) == (
        live,
        ([], live[1]),
        live,
    )
    assert _each_way(journal, "a2", journal.assessments.delete, exported) == (
        live,
        (["q3"], ["2026-03-01"]),
        live,
    )
    # A round trip carries the live ones, and exports the same again.
    journal.pulses.add(Pulse("q4", "fin", date(2026, 11, 2), 3, 3, 3, 6))
    journal.pulses.delete("q4")
    document = export_journal(journal, now=NOW)
    assert [p["id"] for p in document["pulses"]] == ["q3"]
    with Journal.create(tmp_path / "other.db", today=lambda: TODAY) as other:
        import_journal(other, document)
        assert export_journal(other, now=NOW) == document
        assert other.trash.listing() == []
    # Importing it here again skips what the journal holds; a trashed pulse stays there.
    assert import_journal(journal, document).added["pulses"] == 0
    assert [p.id for p in journal.pulses.listing()] == ["q3"]
    assert [i.id for i in journal.trash.listing()] == ["q4"]


def test_the_csv_exports_leave_the_trash_out(
    journal: Journal, finance: Partner, tmp_path: Path
) -> None:
    path = tmp_path / "out.csv"

    def pulses() -> int:
        return export_pulses(journal, path, "fin")

    def assessments() -> tuple[int, bool]:
        return export_assessments(journal, path, "fin"), "2026-10-12" in path.read_text()

    assert _each_way(journal, "q3", journal.pulses.delete, pulses) == (1, 0, 1)
    assert _each_way(journal, "a2", journal.assessments.delete, assessments) == (
        (2, True),
        (1, False),
        (2, True),
    )


def test_brm_desk_check_passes_with_pulses_and_assessments_in_the_trash(
    journal: Journal, finance: Partner, journal_path: Path, cli: Callable[..., Any]
) -> None:
    """The check's counts are of live records: the trash changes none of them."""
    before = check(journal)
    journal.pulses.delete("q3")
    journal.assessments.delete("a2")
    after = check(journal)
    assert after.ok, after.problems
    assert after.counts == before.counts
    result = cli("check", db=journal_path)
    assert result.returncode == 0, result.stderr
    assert "OK (1 partners, 0 contacts, 1 meetings, 0 requests)" in result.stdout
