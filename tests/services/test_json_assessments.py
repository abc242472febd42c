"""Maturity in the JSON format: SPEC §6's history as before, assessments in full beside it."""

from __future__ import annotations

import copy
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from test_json_io import NOW, other_journal, sample_document, snapshot

from brm_desk.domain.assessments import Assessment, MaturityGoal, maturity_path
from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import ImportFileError
from brm_desk.domain.records import MaturityChange
from brm_desk.services.interchange.json_io import export_journal, import_journal
from brm_desk.services.journal import Journal

ASSESSMENTS = [
    {
        "on": "2025-01-10",
        "brm_view": "order_taker",
        "partner_view": None,
        "meetings": [],
        "requests": [],
        "note": "",
        "goals": [],
    },
    {
        "on": "2026-02-01",
        "brm_view": "service_provider",
        "partner_view": "trusted_advisor",
        "meetings": ["m-1"],
        "requests": ["r-1"],
        "note": "Clara rates us above what the roadmap shows.",
        "goals": [
            {"text": "Quarterly service review with the CFO", "met": True},
            {"text": "Joint roadmap for the close", "met": False},
        ],
    },
]


def with_assessments(history: bool = True) -> dict[str, Any]:
    document = sample_document()
    finance = document["partners"][0]
    finance["assessments"] = copy.deepcopy(ASSESSMENTS)
    if not history:
        del finance["maturity_history"]
    return document


def test_assessments_round_trip_in_full(journal: Journal, tmp_path: Path) -> None:
    import_journal(journal, with_assessments())
    first = snapshot(journal)
    finance = first["partners"][0]
    assert finance["assessments"] == ASSESSMENTS
    assert finance["maturity_history"] == sample_document()["partners"][0]["maturity_history"]
    assert "assessments" not in first["partners"][1]  # nothing but the history to say
    with other_journal(tmp_path, "second.db") as second:
        import_journal(second, first)
        assert snapshot(second) == first
        shared = export_journal(second, now=NOW)
    # Without private items: the note stays in the journal, and the file still round-trips.
    assert all("note" not in a for a in shared["partners"][0]["assessments"])
    with other_journal(tmp_path, "third.db") as third:
        import_journal(third, shared)
        assert export_journal(third, now=NOW)["partners"] == shared["partners"]


def test_assessments_win_and_set_the_path_without_a_history(journal: Journal) -> None:
    import_journal(journal, with_assessments(history=False))
    [first, latest] = journal.assessments.of_partner("p-fin")
    assert latest == Assessment(
        latest.id,
        "p-fin",
        date(2026, 2, 1),
        Maturity.SERVICE_PROVIDER,
        Maturity.TRUSTED_ADVISOR,
        ("m-1",),
        ("r-1",),
        "Clara rates us above what the roadmap shows.",
        (
            MaturityGoal("Quarterly service review with the CFO", True),
            MaturityGoal("Joint roadmap for the close"),
        ),
    )
    assert first.partner_view is None
    assert snapshot(journal)["partners"][0]["maturity_history"] == [
        {"maturity": "order_taker", "since": "2025-01-10"},
        {"maturity": "service_provider", "since": "2026-02-01"},
    ]


def test_an_old_file_imports_its_history_as_assessments(journal: Journal) -> None:
    import_journal(journal, sample_document())
    assessments = journal.assessments.of_partner("p-fin")
    assert maturity_path(assessments) == (
        MaturityChange(Maturity.ORDER_TAKER, date(2025, 1, 10)),
        MaturityChange(Maturity.SERVICE_PROVIDER, date(2026, 2, 1)),
    )
    assert {a.partner_view for a in assessments} == {None}
    assert journal.assessments.of_partner("p-hr") == ()  # an import does not start a history
    assert all("assessments" not in p for p in snapshot(journal)["partners"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda f: f["maturity_history"][1].update(maturity="trusted_advisor"),
            "partners[0].maturity_history[1]: says trusted_advisor since 2026-02-01, but the "
            "assessments say service_provider on 2026-02-01",
        ),
        (
            lambda f: f["maturity_history"].pop(),
            "partners[0].maturity_history: has 1 step but 2 assessments are given",
        ),
        (
            lambda f: f["assessments"][1].update(when="2026-02-01"),
            'partners[0].assessments[1] (in partner "p-fin"): unknown field "when"',
        ),
        (
            lambda f: f["assessments"][1].update(partner_view="guru"),
            "partners[0].assessments[1].partner_view: must be one of ad_hoc",
        ),
        (
            lambda f: f["assessments"][1]["goals"][0].update(text=" "),
            "partners[0].assessments[1].goals[0].text: is required",
        ),
        (
            lambda f: f["assessments"][1].update(meetings=["m-nowhere"]),
            'partners[0].assessments[1].meetings: dangling reference: no meeting with the id '
            '"m-nowhere"',
        ),
        (
            lambda f: f["assessments"][1].update(meetings=["m-3"]),
            "partners[0].assessments: meetings the meeting 'm-3' is another partner's",
        ),
    ],
    ids=["history disagrees", "history short", "unknown field", "bad view", "empty goal",
         "dangling", "another partner's"],
)  # fmt: skip
def test_a_conflict_or_fault_is_named_and_nothing_is_imported(
    journal: Journal, change: Any, message: str
) -> None:
    document = with_assessments()
    change(document["partners"][0])
    with pytest.raises(ImportFileError) as refused:
        import_journal(journal, document)
    assert message in str(refused.value)
    assert journal.partners.listing() == []


def test_evidence_not_exported_is_left_out_of_the_file(journal: Journal) -> None:
    import_journal(journal, with_assessments())
    journal.meetings.delete("m-1")
    finance = export_journal(journal, include_private=True, now=NOW)["partners"][0]
    assert finance["assessments"][1]["meetings"] == []
    # In the journal the link stays, so a restore brings it back.
    assert journal.assessments.of_partner("p-fin")[1].meeting_ids == ("m-1",)
    journal.trash.restore(journal.trash.listing()[0].batch)
    finance = export_journal(journal, include_private=True, now=NOW)["partners"][0]
    assert finance["assessments"][1]["meetings"] == ["m-1"]
