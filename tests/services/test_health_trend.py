"""Pulses and the health trend over real journals: the SQL facts equal the domain's rules."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brm_desk.domain.enums import Focus, RequestStatus, Side
from brm_desk.domain.errors import ImportFileError, NotFoundError, ValidationError
from brm_desk.domain.health import is_late
from brm_desk.domain.pulses import Pulse, Quarter
from brm_desk.domain.records import Action, Contact, Meeting, Partner, Request
from brm_desk.services.interchange.json_io import export_journal, import_journal
from brm_desk.services.journal import Journal
from empty_journal import NewJournal

TODAY = date(2026, 11, 24)
NOW = datetime(2026, 11, 24, 10, tzinfo=UTC)
EDGES = [date(2026, 6, 30), date(2026, 7, 1), date(2026, 9, 30), date(2026, 10, 1), TODAY]


def _near() -> st.SearchStrategy[date]:
    days = [d + timedelta(days=s) for d in EDGES for s in (-1, 0, 1)]
    return st.sampled_from(days) | st.dates(date(2024, 10, 1), date(2027, 3, 1))


ACTIONS = st.builds(
    Action,
    text=st.just("Send the figures"),
    side=st.sampled_from(Side),
    due=st.none() | _near(),
    done=st.none() | _near(),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings=st.lists(st.tuples(st.lists(ACTIONS, max_size=5), st.booleans()), max_size=6))
def test_follow_ups_counted_in_sql_equal_the_late_rule(
    new_journal: NewJournal, meetings: list[tuple[list[Action], bool]]
) -> None:
    with (
        tempfile.TemporaryDirectory() as folder,
        new_journal(Path(folder) / "journal.db", today=lambda: TODAY) as journal,
    ):
        partner = journal.partners.add(Partner(id="", name="Finance"))
        live: list[Action] = []
        for n, (actions, trashed) in enumerate(meetings):
            start = datetime(2026, 8, 1, 9, tzinfo=UTC) + timedelta(days=n)
            meeting = journal.meetings.add(
                Meeting(
                    id="",
                    partner_id=partner.id,
                    title="Sync",
                    start=start,
                    actions=tuple(actions),
                )
            )
            if trashed:
                journal.meetings.delete(meeting.id)
            else:
                live.extend(meeting.actions)
        trend = journal.health.trend(partner.id)
        for health in trend:
            counted = [
                (a, late)
                for a in live
                if (late := is_late(a.due, a.done, health.quarter, TODAY)) is not None
            ]
            part = next(p for p in health.parts if p.key == "follow_ups")
            if not counted:
                assert part.score is None
                continue
            late_ours = sum(1 for a, late in counted if late and a.side is not Side.PARTNER)
            late_theirs = sum(1 for a, late in counted if late and a.side is Side.PARTNER)
            assert part.detail == (
                f"{late_ours + late_theirs} of {len(counted)} late "
                f"({late_ours} ours, {late_theirs} theirs)"
            )


def pulse(partner: str, day: date, score: int = 4, nps: int = 8, **more: Any) -> Pulse:
    return Pulse("", partner, day, score, score, score, nps, **more)


def test_the_trend_reads_pulses_share_and_value_of_each_quarter(journal: Journal) -> None:
    partner = journal.partners.add(Partner(id="", name="Finance", target_strategic_share=0.5))
    journal.pulses.add(pulse(partner.id, date(2026, 8, 2), 5, 10))
    journal.pulses.add(pulse(partner.id, date(2026, 9, 20), 3, 6))
    for day, focus in ((3, Focus.STRATEGIC), (4, Focus.REACTIVE), (5, Focus.REACTIVE)):
        journal.meetings.add(
            Meeting(
                id="",
                partner_id=partner.id,
                title="Talk",
                start=datetime(2026, 8, day, 9, tzinfo=UTC),
                focus=focus,
            )
        )
    journal.requests.add(
        Request(
            id="",
            partner_id=partner.id,
            title="Close faster",
            received=date(2026, 1, 5),
            status=RequestStatus.BENEFITS_REVIEWED,
            delivered_on=date(2026, 3, 1),
            benefit_reviewed_on=date(2026, 8, 30),
            expected_value_amount=Decimal("10000"),
            realized_value_amount=Decimal("7500"),
        )
    )
    trend = journal.health.trend(partner.id)
    assert [h.quarter for h in trend][-3:] == [Quarter(2026, 2), Quarter(2026, 3), Quarter(2026, 4)]
    q3 = {p.key: p for p in trend[-2].parts}
    assert q3["pulse"].score == pytest.approx(75)  # mean 4 of 5
    assert q3["promoter"].score == pytest.approx(80)
    assert q3["share"].score == pytest.approx(100 / 3 / 0.5)  # 1 of 3, target a half
    assert q3["value"].score == pytest.approx(75)
    assert q3["follow_ups"].score is None
    assert len(trend[-2].pulses) == 2
    assert trend[-1].score is None  # nothing known of this quarter yet


def test_pulses_are_added_changed_and_deleted(journal: Journal) -> None:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    hr = journal.partners.add(Partner(id="", name="HR"))
    anna = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Anna"))
    added = journal.pulses.add(pulse(finance.id, TODAY, answered_by_id=anna.id))
    assert journal.pulses.listing(finance.id) == [added]
    changed = journal.pulses.update(replace(added, trust=2, comment="  Slower lately "))
    assert (changed.trust, changed.comment) == (2, "Slower lately")
    with pytest.raises(ValidationError, match="answered_by: Anna is a contact of another"):
        journal.pulses.add(pulse(hr.id, TODAY, answered_by_id=anna.id))
    batch = journal.pulses.delete(added.id)
    assert journal.pulses.listing() == []
    journal.trash.restore(batch)  # an undo puts it back as it was
    assert journal.pulses.listing() == [changed]
    with pytest.raises(NotFoundError):
        journal.pulses.delete("nothing")


# JSON


def test_pulses_round_trip_through_json(journal: Journal, tmp_path: Path) -> None:
    finance = journal.partners.add(Partner(id="fin", name="Finance"))
    anna = journal.contacts.add(Contact(id="anna", partner_id=finance.id, name="Anna"))
    journal.pulses.add(Pulse("q1", finance.id, date(2026, 3, 31), 4, 3, 5, 9, "Quick", anna.id))
    journal.pulses.add(Pulse("q2", finance.id, date(2026, 6, 30), 2, 2, 3, 4))
    first = export_journal(journal, now=NOW)
    assert first["pulses"][0] == {
        "id": "q1",
        "partner": "fin",
        "taken_on": "2026-03-31",
        "trust": 4,
        "responsiveness": 3,
        "value_delivered": 5,
        "net_promoter": 9,
        "comment": "Quick",
        "answered_by": "anna",
    }
    with Journal.create(tmp_path / "other.db", today=lambda: TODAY) as other:
        report = import_journal(other, first)
        assert report.added["pulses"] == 2
        assert "2 pulses" in report.summary()
        assert export_journal(other, now=NOW) == first
        again = import_journal(other, first)
        assert again.skipped["pulses"] == ["q1", "q2"]


def test_a_file_without_pulses_imports_and_exports_as_before(journal: Journal) -> None:
    old = {
        "format": "brm-desk-journal",
        "version": 1,
        "partners": [{"id": "fin", "name": "Finance"}],
    }
    report = import_journal(journal, old)
    assert "pulses" not in report.added
    assert report.summary() == "Added 1 partner, 0 contacts, 0 meetings, 0 requests. Skipped 0."
    assert "pulses" not in export_journal(journal, now=NOW)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"trust": 7}, "pulses[0].trust: must be from 1 to 5 (got 7)"),
        ({"nps": 3}, 'pulses[0] (id "q1"): unknown field "nps"'),
        ({"partner": "nobody"}, "pulses[0].partner: dangling reference"),
        ({"taken_on": "31/03/2026"}, "pulses[0].taken_on"),
    ],
)
def test_a_bad_pulse_in_a_file_is_refused_and_nothing_is_added(
    journal: Journal, change: dict[str, Any], message: str
) -> None:
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "partners": [{"id": "fin", "name": "Finance"}],
        "pulses": [
            {
                "id": "q1",
                "partner": "fin",
                "taken_on": "2026-03-31",
                "trust": 4,
                "responsiveness": 3,
                "value_delivered": 5,
                "net_promoter": 9,
            }
            | change
        ],
    }
    with pytest.raises(ImportFileError) as raised:
        import_journal(journal, document)
    assert message in str(raised.value)
    assert journal.partners.listing() == []
