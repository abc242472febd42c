"""The JSON format of SPEC §6: lossless round trip, skip-don't-update, and clear refusals."""

from __future__ import annotations

import copy
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from brm_desk.domain.enums import Focus, Maturity, MeetingType, RequestStatus
from brm_desk.domain.errors import BrmDeskError, ImportFileError
from brm_desk.domain.records import Partner
from brm_desk.services.interchange.json_io import (
    ExportReport,
    ImportReport,
    export_journal,
    import_journal,
    read_import_file,
    write_export,
)
from brm_desk.services.journal import Journal

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)

# The field order of SPEC §6, written out here so the test does not trust the code's own table.
SPEC_TOP = ["format", "version", "exported_at", "partners", "contacts", "meetings", "requests"]
SPEC_PARTNER = [
    "id", "name", "business_unit", "sponsor", "maturity", "maturity_history",
    "target_strategic_share", "touch_cadence_days", "notes", "archived",
]  # fmt: skip
SPEC_CONTACT = ["id", "partner", "name", "role", "email", "phone", "influence", "stance", "notes"]
SPEC_MEETING = [
    "id", "partner", "title", "start", "duration_minutes", "type", "focus", "location",
    "attendees", "notes", "private_notes", "private", "tags", "satisfaction", "actions",
]  # fmt: skip
SPEC_ACTION = ["text", "side", "owner", "due", "done"]
SPEC_REQUEST = [
    "id", "partner", "title", "raised_by", "received", "focus", "want", "need", "value",
    "urgency", "status", "routed_to", "delivered_on", "revisit_on", "reframed_as",
    "outcome_note", "expected_benefit", "expected_value_amount", "realized_value_amount",
    "benefit_reviewed_on", "meetings", "notes", "private_notes", "private", "tags",
]  # fmt: skip


def sample_document() -> dict[str, Any]:
    """A small journal like the sample one: every kind, status, offset and optional field."""
    return {
        "format": "brm-desk-journal",
        "version": 1,
        "exported_at": "2026-11-24T10:00:00+00:00",
        "partners": [
            {
                "id": "p-fin",
                "name": "Finance",
                "business_unit": "Group Finance",
                "sponsor": "Clara CFO",
                "maturity": "service_provider",
                "maturity_history": [
                    {"maturity": "order_taker", "since": "2025-01-10"},
                    {"maturity": "service_provider", "since": "2026-02-01"},
                ],
                "target_strategic_share": 0.55,
                "touch_cadence_days": 21,
                "notes": "# Finance\n\nQuarter close is **sacred**.",
                "archived": False,
            },
            {"id": "p-hr", "name": "Ressources humaines — Élodie", "maturity": "ad_hoc"},
            {"id": "p-old", "name": "Legacy Ops", "archived": True, "target_strategic_share": 1},
        ],
        "contacts": [
            {
                "id": "c-clara",
                "partner": "p-fin",
                "name": "Clara Núñez",
                "role": "CFO",
                "email": "clara@example.org",
                "phone": "+44 20 7946 0000",
                "influence": "high",
                "stance": "champion",
                "notes": "Prefers one-page briefs.",
            },
            {"id": "c-bob", "partner": "p-fin", "name": "Bob", "stance": "skeptic"},
            {"id": "c-yuki", "partner": "p-hr", "name": "佐藤 由紀", "influence": "low"},
        ],
        "meetings": [
            {
                "id": "m-1",
                "partner": "p-fin",
                "title": "Month-end outage",
                "start": "2026-03-02T09:00:00+01:00",
                "duration_minutes": 60,
                "type": "escalation",
                "focus": "reactive",
                "location": "Room 4",
                "attendees": ["c-clara", "c-bob"],
                "notes": "Ledger sync failed.\n\n- root cause: batch window",
                "private_notes": "## My read\n\nClara blames the vendor; *partly* right.",
                "private": False,
                "tags": ["outage", "close"],
                "satisfaction": 2,
                "actions": [
                    {
                        "text": "Send incident report",
                        "side": "mine",
                        "owner": "me",
                        "due": "2026-03-09",
                        "done": "2026-03-08",
                    },
                    {"text": "Fix batch window", "side": "provider", "owner": "Ops"},
                ],
            },
            {
                "id": "m-2",
                "partner": "p-fin",
                "title": "Roadmap 2027",
                "start": "2026-06-15T23:30:00+14:00",
                "type": "roadmap",
                "attendees": ["c-clara"],
                "satisfaction": 5,
            },
            {
                "id": "m-3",
                "partner": "p-hr",
                "title": "Private one-to-one",
                "start": "2026-07-01T08:00:00-12:00",
                "type": "one_to_one",
                "focus": "strategic",
                "private": True,
                "notes": "Reorg rumours — keep private.",
            },
            {
                "id": "m-4",
                "partner": "p-old",
                "title": "Decommission",
                "start": "2025-12-31T23:59:59Z",
            },
        ],
        "requests": [
            {
                "id": "r-1",
                "partner": "p-fin",
                "title": "Faster ledger sync",
                "raised_by": "c-clara",
                "received": "2026-03-01",
                "focus": "reactive",
                "want": "Make the sync nightly",
                "need": "Close the books a day earlier",
                "value": 4,
                "urgency": 5,
                "status": "redirected",
                "routed_to": "Service desk",
                "meetings": ["m-1"],
                "private_notes": "Bob pushes this to look busy before the audit.",
                "tags": ["ledger"],
            },
            {
                "id": "r-2",
                "partner": "p-fin",
                "title": "Close dashboard",
                "received": "2026-01-10",
                "focus": "strategic",
                "status": "benefits_reviewed",
                "delivered_on": "2026-04-01",
                "expected_benefit": "Two days saved each close",
                "expected_value_amount": 120000,
                "realized_value_amount": 98500.5,
                "benefit_reviewed_on": "2026-07-15",
                "meetings": ["m-2"],
            },
            {
                "id": "r-3",
                "partner": "p-fin",
                "title": "Close dashboard v2",
                "status": "reframed",
                "reframed_as": "r-2",
                "received": "2025-12-01",
            },
            {
                "id": "r-4",
                "partner": "p-hr",
                "title": "New HR tool",
                "status": "declined",
                "outcome_note": "Covered by the group HR platform; ask for a licence.",
                "raised_by": "c-yuki",
                "private": True,
            },
            {
                "id": "r-5",
                "partner": "p-hr",
                "title": "Payroll analytics",
                "status": "deferred",
                "revisit_on": "2027-01-15",
                "received": "2026-10-01",
            },
            {
                "id": "r-6",
                "partner": "p-fin",
                "title": "Audit trail",
                "status": "delivered",
                "received": "2026-05-01",
                "delivered_on": "2026-09-30",
                "expected_value_amount": 0.5,
            },
            {"id": "r-7", "partner": "p-hr", "title": "Onboarding portal", "status": "accepted"},
        ],
    }


def write_json(folder: Path, data: object, name: str = "import.json") -> Path:
    path = folder / name
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path


def snapshot(journal: Journal) -> dict[str, Any]:
    """Everything the journal holds that an export can show, private records included."""
    return export_journal(journal, include_private=True, now=NOW)


def other_journal(folder: Path, name: str) -> Journal:
    return Journal.create(folder / name, today=lambda: date(2026, 11, 24))


@pytest.fixture
def loaded(journal: Journal) -> Journal:
    import_journal(journal, sample_document())
    return journal


# Round trip


def test_export_import_export_gives_the_same_document(loaded: Journal, tmp_path: Path) -> None:
    first = tmp_path / "first.json"
    write_export(loaded, first, include_private=True)
    with other_journal(tmp_path, "second.db") as second:
        report = import_journal(second, read_import_file(first))
        assert report.added == {"partners": 3, "contacts": 3, "meetings": 4, "requests": 7}
        again = tmp_path / "again.json"
        write_export(second, again, include_private=True)
    strip = [line for line in first.read_text("utf-8").splitlines() if "exported_at" not in line]
    again_lines = [
        line for line in again.read_text("utf-8").splitlines() if "exported_at" not in line
    ]
    assert strip == again_lines


def test_export_keeps_what_was_imported(loaded: Journal) -> None:
    exported = snapshot(loaded)
    meeting = exported["meetings"][0]
    assert meeting["attendees"] == ["c-clara", "c-bob"]
    assert meeting["tags"] == ["outage", "close"]
    assert meeting["actions"][0] == {
        "text": "Send incident report",
        "side": "mine",
        "owner": "me",
        "due": "2026-03-09",
        "done": "2026-03-08",
    }
    partner = exported["partners"][0]
    assert partner["maturity_history"] == [
        {"maturity": "order_taker", "since": "2025-01-10"},
        {"maturity": "service_provider", "since": "2026-02-01"},
    ]
    assert partner["target_strategic_share"] == 0.55
    assert exported["partners"][2]["archived"] is True
    assert exported["partners"][2]["target_strategic_share"] == 1.0
    reviewed = exported["requests"][1]
    assert reviewed["expected_value_amount"] == 120000
    assert isinstance(reviewed["expected_value_amount"], int)
    assert reviewed["realized_value_amount"] == 98500.5
    assert exported["requests"][2]["reframed_as"] == "r-2"
    assert exported["requests"][5]["expected_value_amount"] == 0.5


def test_export_has_exactly_the_spec_fields_in_order(loaded: Journal) -> None:
    exported = snapshot(loaded)
    assert list(exported) == SPEC_TOP
    assert exported["format"] == "brm-desk-journal"
    assert exported["version"] == 1
    assert all(list(p) == SPEC_PARTNER for p in exported["partners"])
    assert all(list(c) == SPEC_CONTACT for c in exported["contacts"])
    assert all(list(m) == SPEC_MEETING for m in exported["meetings"])
    assert all(list(a) == SPEC_ACTION for m in exported["meetings"] for a in m["actions"])
    assert all(list(r) == SPEC_REQUEST for r in exported["requests"])
    assert all(
        list(change) == ["maturity", "since"]
        for p in exported["partners"]
        for change in p["maturity_history"]
    )


def test_exported_at_is_utc_with_seconds(journal: Journal) -> None:
    now = datetime(2026, 11, 24, 11, 0, 0, 123456, tzinfo=timezone(timedelta(hours=1)))
    assert export_journal(journal, now=now)["exported_at"] == "2026-11-24T10:00:00+00:00"
    stamp = datetime.fromisoformat(export_journal(journal)["exported_at"])
    assert stamp.utcoffset() == timedelta(0)


def test_export_is_in_journal_order_not_by_name(journal: Journal) -> None:
    journal.partners.add(Partner(id="z", name="Zeta"))
    journal.partners.add(Partner(id="a", name="Alpha"))
    assert [p["id"] for p in export_journal(journal)["partners"]] == ["z", "a"]


def test_far_off_offsets_are_kept_exactly(loaded: Journal) -> None:
    starts = {m["id"]: m["start"] for m in snapshot(loaded)["meetings"]}
    assert starts["m-2"] == "2026-06-15T23:30:00+14:00"
    assert starts["m-3"] == "2026-07-01T08:00:00-12:00"
    assert starts["m-4"] == "2025-12-31T23:59:59+00:00"
    assert loaded.meetings.get("m-2").local_date == date(2026, 6, 15)
    assert loaded.meetings.get("m-3").local_date == date(2026, 7, 1)


def test_written_file_is_utf8_indented_and_complete(loaded: Journal, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old content", encoding="utf-8")
    report = write_export(loaded, target)
    text = target.read_text("utf-8")
    assert "佐藤 由紀" in text
    assert "Élodie" in text
    assert text.startswith('{\n  "format": "brm-desk-journal",\n  "version": 1,')
    assert json.loads(text)["partners"][0]["name"] == "Finance"
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".json") == ["out.json"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.json")]
    assert report == ExportReport(
        path=target,
        counts={"partners": 3, "contacts": 3, "meetings": 3, "requests": 6},
        private_left_out=2,
    )


def test_export_to_a_missing_folder_is_a_clear_error(loaded: Journal, tmp_path: Path) -> None:
    with pytest.raises(BrmDeskError, match="cannot be written"):
        write_export(loaded, tmp_path / "nowhere" / "out.json")


# Private and trashed records


def test_private_records_are_left_out_unless_asked_for(loaded: Journal) -> None:
    public = export_journal(loaded, now=NOW)
    assert [m["id"] for m in public["meetings"]] == ["m-1", "m-2", "m-4"]
    assert "r-4" not in [r["id"] for r in public["requests"]]
    assert "Reorg" not in json.dumps(public, ensure_ascii=False)
    everything = export_journal(loaded, include_private=True, now=NOW)
    assert [m["id"] for m in everything["meetings"]] == ["m-1", "m-2", "m-3", "m-4"]
    assert "r-4" in [r["id"] for r in everything["requests"]]


def test_private_notes_and_contacts_read_are_left_out_unless_asked_for(loaded: Journal) -> None:
    """The fields themselves stay out of the file, rather than go out empty."""
    public = export_journal(loaded, now=NOW)
    text = json.dumps(public, ensure_ascii=False)
    for private in ("My read", "look busy", "one-page briefs", "champion", "skeptic"):
        assert private not in text
    assert all(
        list(c) == [f for f in SPEC_CONTACT if f not in ("stance", "notes")]
        for c in public["contacts"]
    )
    assert all(
        list(m) == [f for f in SPEC_MEETING if f != "private_notes"] for m in public["meetings"]
    )
    assert all(
        list(r) == [f for f in SPEC_REQUEST if f != "private_notes"] for r in public["requests"]
    )
    everything = json.dumps(export_journal(loaded, include_private=True, now=NOW))
    for private in ("My read", "look busy", "one-page briefs", "champion", "skeptic"):
        assert private in everything


def test_a_partners_next_period_is_written_only_when_there_is_one(loaded: Journal) -> None:
    """An optional partner field: SPEC §6's exports stay as they are without one."""
    partner = loaded.partners.listing()[0]
    loaded.partners.update(replace(partner, next_period="- Agree the roadmap\n- Review benefits"))
    exported = snapshot(loaded)
    written = [p for p in exported["partners"] if "next_period" in p]
    assert [(p["id"], p["next_period"]) for p in written] == [
        (partner.id, "- Agree the roadmap\n- Review benefits")
    ]
    assert list(written[0]) == [*SPEC_PARTNER, "next_period"]
    with Journal.create(loaded.path.with_name("again.db")) as again:
        import_journal(again, exported)
        assert again.partners.get(partner.id).next_period.startswith("- Agree the roadmap")
        assert snapshot(again)["partners"] == exported["partners"]


def test_private_notes_come_back_from_an_import(loaded: Journal) -> None:
    meeting, request = loaded.meetings.get("m-1"), loaded.requests.get("r-1")
    assert meeting.private_notes == "## My read\n\nClara blames the vendor; *partly* right."
    assert request.private_notes == "Bob pushes this to look busy before the audit."
    assert loaded.meetings.get("m-2").private_notes == ""


def test_references_to_left_out_records_are_dropped(journal: Journal) -> None:
    document = sample_document()
    document["meetings"][1]["private"] = True  # m-2, linked from r-2
    document["requests"][0]["private"] = True  # r-1
    import_journal(journal, document)
    public = export_journal(journal, now=NOW)
    by_id = {r["id"]: r for r in public["requests"]}
    assert by_id["r-2"]["meetings"] == []
    assert "r-1" not in by_id


def test_trashed_records_are_not_exported(loaded: Journal, tmp_path: Path) -> None:
    loaded.contacts.delete("c-bob")
    loaded.partners.delete("p-hr")
    exported = snapshot(loaded)
    assert [p["id"] for p in exported["partners"]] == ["p-fin", "p-old"]
    assert [c["id"] for c in exported["contacts"]] == ["c-clara"]
    assert exported["meetings"][0]["attendees"] == ["c-clara"]
    assert {r["partner"] for r in exported["requests"]} == {"p-fin"}
    with other_journal(tmp_path, "copy.db") as copy_of:
        import_journal(copy_of, exported)
        assert snapshot(copy_of) == exported


# Defaults


def test_left_out_fields_take_their_defaults(journal: Journal) -> None:
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "partners": [{"id": "p", "name": "  Sales  "}],
        "contacts": [{"id": "c", "partner": "p", "name": "Ann"}],
        "meetings": [
            {"id": "m", "partner": "p", "title": "Chat", "start": "2026-01-05T10:00:00+00:00"},
            {
                "id": "e",
                "partner": "p",
                "title": "Fire",
                "start": "2026-01-06T10:00:00+00:00",
                "type": "escalation",
                "actions": [{"text": "call back"}],
            },
        ],
        "requests": [{"id": "r", "partner": "p", "title": "Laptops"}],
    }
    import_journal(journal, document)
    exported = snapshot(journal)
    partner = exported["partners"][0]
    assert partner == {
        "id": "p",
        "name": "Sales",
        "business_unit": "",
        "sponsor": "",
        "maturity": "ad_hoc",
        "maturity_history": [],
        "target_strategic_share": 0.6,
        "touch_cadence_days": 30,
        "notes": "",
        "archived": False,
    }
    assert exported["contacts"][0]["influence"] == "medium"
    assert exported["contacts"][0]["stance"] == "neutral"
    chat, fire = exported["meetings"]
    assert (chat["type"], chat["focus"], chat["duration_minutes"]) == ("other", "routine", 30)
    assert (chat["private"], chat["tags"], chat["satisfaction"]) == (False, [], None)
    assert (fire["type"], fire["focus"]) == ("escalation", "reactive")
    assert fire["actions"] == [
        {"text": "call back", "side": "mine", "owner": "", "due": None, "done": None}
    ]
    request = journal.requests.get("r")
    assert request.received == date(2026, 11, 24)
    assert (request.status, request.focus) == (RequestStatus.NEW, Focus.ROUTINE)
    assert (request.value, request.urgency, request.raised_by_id) == (3, 3, None)


def test_focus_given_overrides_the_type_default(journal: Journal) -> None:
    document = sample_document()
    import_journal(journal, document)
    meeting = journal.meetings.get("m-3")
    assert meeting.type == MeetingType.ONE_TO_ONE
    assert meeting.focus == Focus.STRATEGIC
    assert journal.meetings.get("m-2").focus == Focus.STRATEGIC
    assert journal.partners.get("p-fin").maturity == Maturity.SERVICE_PROVIDER


# Skipped records


def test_records_already_in_the_journal_are_skipped_not_updated(loaded: Journal) -> None:
    before = snapshot(loaded)
    document = sample_document()
    document["partners"][0]["name"] = "Finance (renamed)"
    document["meetings"][0]["title"] = "Changed"
    document["meetings"].append(
        {"id": "m-new", "partner": "p-fin", "title": "New one", "start": "2026-11-01T09:00:00Z"}
    )
    document["requests"].append(
        {"id": "r-new", "partner": "p-hr", "title": "New ask", "raised_by": "c-yuki"}
    )
    report = import_journal(loaded, document)
    assert report.added == {"partners": 0, "contacts": 0, "meetings": 1, "requests": 1}
    assert report.skipped == {
        "partners": ["p-fin", "p-hr", "p-old"],
        "contacts": ["c-clara", "c-bob", "c-yuki"],
        "meetings": ["m-1", "m-2", "m-3", "m-4"],
        "requests": ["r-1", "r-2", "r-3", "r-4", "r-5", "r-6", "r-7"],
    }
    assert report.summary() == (
        "Added 0 partners, 0 contacts, 1 meeting, 1 request. "
        "Skipped 17 already in the journal: 3 partners, 3 contacts, 4 meetings, 7 requests."
    )
    after = snapshot(loaded)
    assert after["partners"] == before["partners"]
    assert after["meetings"][:4] == before["meetings"]
    assert loaded.requests.get("r-new").raised_by_id == "c-yuki"


def test_new_records_may_refer_to_records_only_in_the_journal(loaded: Journal) -> None:
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "meetings": [
            {
                "id": "m-9",
                "partner": "p-fin",
                "title": "Follow-up",
                "start": "2026-11-20T09:00:00+01:00",
                "attendees": ["c-bob"],
            }
        ],
        "requests": [
            {"id": "r-9", "partner": "p-fin", "title": "Again", "meetings": ["m-9", "m-1"]}
        ],
    }
    report = import_journal(loaded, document)
    assert report.summary() == "Added 0 partners, 0 contacts, 1 meeting, 1 request. Skipped 0."
    assert loaded.requests.get("r-9").meeting_ids == ("m-9", "m-1")
    assert loaded.meetings.get("m-9").attendee_ids == ("c-bob",)


def test_ids_in_the_trash_are_skipped_too(loaded: Journal) -> None:
    loaded.meetings.delete("m-2")
    report = import_journal(loaded, sample_document())
    assert "m-2" in report.skipped["meetings"]
    assert "m-2" not in [m["id"] for m in snapshot(loaded)["meetings"]]


def test_a_new_record_of_a_partner_in_the_trash_is_refused(loaded: Journal) -> None:
    loaded.partners.delete("p-old")
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "meetings": [{"id": "m-x", "partner": "p-old", "title": "t", "start": "2026-01-01T09:00Z"}],
    }
    with pytest.raises(ImportFileError, match=r'meetings\[0\]\.partner: .*"p-old" is in the trash'):
        import_journal(loaded, document)


def test_a_new_request_reframed_as_one_in_the_trash_is_refused(loaded: Journal) -> None:
    loaded.requests.delete("r-2")
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "requests": [
            {
                "id": "r-x",
                "partner": "p-fin",
                "title": "t",
                "status": "reframed",
                "reframed_as": "r-2",
            }
        ],
    }
    with pytest.raises(ImportFileError, match=r'reframed_as: the request "r-2" is in the trash'):
        import_journal(loaded, document)


def test_a_new_record_may_link_to_records_in_the_trash(loaded: Journal) -> None:
    loaded.contacts.delete("c-bob")
    document = {
        "format": "brm-desk-journal",
        "version": 1,
        "meetings": [
            {
                "id": "m-x",
                "partner": "p-fin",
                "title": "t",
                "start": "2026-01-01T09:00:00+01:00",
                "attendees": ["c-bob", "c-clara"],
            }
        ],
    }
    import_journal(loaded, document)
    assert loaded.meetings.get("m-x").attendee_ids == ("c-clara",)
    loaded.trash.restore(loaded.trash.listing()[0].batch)
    assert loaded.meetings.get("m-x").attendee_ids == ("c-bob", "c-clara")


def test_summary_wording() -> None:
    report = ImportReport(
        added={"partners": 6, "contacts": 24, "meetings": 380, "requests": 120},
        skipped={"partners": [], "contacts": [], "meetings": [], "requests": []},
    )
    assert (
        report.summary() == "Added 6 partners, 24 contacts, 380 meetings, 120 requests. Skipped 0."
    )


# Refusals: every one names the place and field, and leaves the journal as it was


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change to the sample document: ``meetings.0.title`` set to ``value``."""

    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        target[int(last) if last.isdigit() else last] = value

    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(document: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        del target[last]

    return change


REFUSALS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    # unknown fields, at every level
    ("top", _set("partnrs", []), 'the file: unknown field "partnrs"'),
    ("partner", _set("partners.0.nmae", "x"), 'partners[0] (id "p-fin"): unknown field "nmae"'),
    (
        "maturity",
        _set("partners.0.maturity_history.1.when", "x"),
        'partners[0].maturity_history[1] (in partner "p-fin"): unknown field "when"',
    ),
    ("contact", _set("contacts.2.mail", "x"), 'contacts[2] (id "c-yuki"): unknown field "mail"'),
    (
        "meeting",
        _set("meetings.3.titel", "x"),
        'meetings[3] (id "m-4"): unknown field "titel" (did you mean "title"?)',
    ),
    (
        "action",
        _set("meetings.0.actions.1.deu", "x"),
        'meetings[0].actions[1] (in meeting "m-1"): unknown field "deu"',
    ),
    ("request", _set("requests.6.prio", 1), 'requests[6] (id "r-7"): unknown field "prio"'),
    # wrong types
    ("name number", _set("partners.0.name", 42), "partners[0].name: must be text, not a number"),
    ("archived 0", _set("partners.1.archived", 0), "partners[1].archived: must be true or false"),
    ("private 1", _set("meetings.0.private", 1), "meetings[0].private: must be true or false"),
    (
        "cadence text",
        _set("partners.0.touch_cadence_days", "30"),
        "touch_cadence_days: must be a whole",
    ),
    (
        "duration float",
        _set("meetings.0.duration_minutes", 30.0),
        "duration_minutes: must be a whole",
    ),
    ("value bool", _set("requests.0.value", True), "requests[0].value: must be a whole number"),
    (
        "satisfaction text",
        _set("meetings.1.satisfaction", "5"),
        "meetings[1].satisfaction: must be",
    ),
    (
        "share text",
        _set("partners.0.target_strategic_share", "0.6"),
        "target_strategic_share: must",
    ),
    ("share bool", _set("partners.0.target_strategic_share", True), "target_strategic_share: must"),
    ("tags text", _set("meetings.0.tags", "outage"), "meetings[0].tags: must be a list"),
    ("tag number", _set("meetings.0.tags.1", 7), "meetings[0].tags[1]: must be text"),
    (
        "attendee number",
        _set("meetings.0.attendees.0", 7),
        "meetings[0].attendees[0]: must be an id",
    ),
    (
        "amount text",
        _set("requests.1.expected_value_amount", "100"),
        "expected_value_amount: must be a number",
    ),
    ("id number", _set("meetings.2.id", 3), "meetings[2].id: must be an id (text), not a number"),
    ("id empty", _set("contacts.0.id", ""), "contacts[0].id: must be a non-empty id"),
    ("null name", _set("contacts.0.name", None), "contacts[0].name: must be text, not null"),
    ("actions object", _set("meetings.0.actions", {}), "meetings[0].actions: must be a list"),
    (
        "action text",
        _set("meetings.0.actions.0", "do it"),
        "meetings[0].actions[0]: must be an object",
    ),
    ("record list", _set("partners.0", []), "partners[0]: must be an object"),
    ("partners object", _set("partners", {}), "partners: must be a list"),
    # enums
    (
        "maturity",
        _set("partners.0.maturity", "expert"),
        "partners[0].maturity: must be one of ad_hoc, order_taker",
    ),
    (
        "history maturity",
        _set("partners.0.maturity_history.0.maturity", "x"),
        "maturity_history[0].maturity: must be one of",
    ),
    ("type", _set("meetings.0.type", "Escalation"), "meetings[0].type: must be one of escalation"),
    (
        "focus",
        _set("meetings.0.focus", "tactical"),
        "meetings[0].focus: must be one of reactive, routine, strategic",
    ),
    (
        "side",
        _set("meetings.0.actions.0.side", "theirs"),
        "actions[0].side: must be one of mine, partner, provider",
    ),
    (
        "status",
        _set("requests.0.status", "open"),
        "requests[0].status: must be one of new, deferred",
    ),
    ("influence", _set("contacts.0.influence", 3), "contacts[0].influence: must be one of low"),
    ("stance", _set("contacts.0.stance", "fan"), "contacts[0].stance: must be one of champion"),
    # dates and times
    (
        "bad day",
        _set("requests.0.received", "2026-02-30"),
        'requests[0].received: "2026-02-30" is not a real date',
    ),
    (
        "short day",
        _set("requests.0.received", "2026-3-1"),
        "requests[0].received: must be a date written YYYY-MM-DD",
    ),
    (
        "datetime day",
        _set("meetings.0.actions.0.due", "2026-03-09T10:00"),
        "actions[0].due: must be a date",
    ),
    (
        "since null",
        _set("partners.0.maturity_history.0.since", None),
        "maturity_history[0].since: must be a date",
    ),
    (
        "naive start",
        _set("meetings.0.start", "2026-03-02T09:00:00"),
        "meetings[0].start: needs a UTC offset",
    ),
    (
        "start day only",
        _set("meetings.0.start", "2026-03-02"),
        "meetings[0].start: must be a date and time",
    ),
    (
        "start hour 25",
        _set("meetings.0.start", "2026-03-02T25:00+01:00"),
        'meetings[0].start: "2026-03-02T25:00+01:00" is not a real',
    ),
    ("start number", _set("meetings.0.start", 1767000000), "meetings[0].start: must be text"),
    (
        "exported_at",
        _set("exported_at", "yesterday"),
        'exported_at: "yesterday" is not a date and time',
    ),
    # missing required fields
    ("no name", _drop("partners.1.name"), "partners[1].name: is required"),
    ("no partner", _drop("contacts.0.partner"), "contacts[0].partner: is required"),
    ("no start", _drop("meetings.1.start"), "meetings[1].start: is required"),
    ("no title", _drop("requests.3.title"), "requests[3].title: is required"),
    ("blank title", _set("requests.3.title", "   "), "requests[3].title: is required"),
    (
        "no action text",
        _drop("meetings.0.actions.1.text"),
        "meetings[0].actions[1].text: is required",
    ),
    ("no id", _drop("meetings.0.id"), "meetings[0].id: is required"),
    # domain rules, placed in the file
    (
        "redirected",
        _set("requests.0.routed_to", ""),
        "requests[0].routed_to: is required when the status is 'redirected'",
    ),
    (
        "declined",
        _drop("requests.3.outcome_note"),
        "requests[3].outcome_note: is required when the status",
    ),
    (
        "deferred",
        _set("requests.4.revisit_on", None),
        "requests[4].revisit_on: is required when the status",
    ),
    (
        "delivered",
        _drop("requests.5.delivered_on"),
        "requests[5].delivered_on: is required when the status",
    ),
    (
        "reframed",
        _set("requests.2.reframed_as", None),
        "requests[2].reframed_as: is required when the status",
    ),
    (
        "reframed self",
        _set("requests.2.reframed_as", "r-3"),
        "requests[2].reframed_as: cannot point to the request itself",
    ),
    (
        "early delivery",
        _set("requests.5.delivered_on", "2026-04-30"),
        "requests[5].delivered_on: cannot be before",
    ),
    (
        "satisfaction 6",
        _set("meetings.0.satisfaction", 6),
        "meetings[0].satisfaction: must be from 1 to 5",
    ),
    (
        "duration 0",
        _set("meetings.0.duration_minutes", 0),
        "meetings[0].duration_minutes: must be from 1 to 1440",
    ),
    ("value 9", _set("requests.0.value", 9), "requests[0].value: must be from 1 to 5"),
    (
        "share 1.5",
        _set("partners.0.target_strategic_share", 1.5),
        "partners[0].target_strategic_share: must be from 0 to 1",
    ),
    (
        "email",
        _set("contacts.0.email", "clara at example"),
        "contacts[0].email: 'clara at example' is not an e-mail",
    ),
    (
        "negative amount",
        _set("requests.1.realized_value_amount", -1),
        "realized_value_amount: cannot be negative",
    ),
    ("two-line title", _set("meetings.0.title", "a\nb"), "meetings[0].title: must be one line"),
    (
        "control in notes",
        _set("meetings.0.notes", "bell \x07"),
        "meetings[0].notes: contains a control character",
    ),
    (
        "surrogate",
        _set("meetings.0.notes", "half \ud800 char"),
        "meetings[0].notes: contains an invalid character",
    ),
    ("long name", _set("partners.0.name", "x" * 201), "partners[0].name: is too long"),
    # references
    (
        "contact partner",
        _set("contacts.0.partner", "p-nope"),
        'contacts[0].partner: dangling reference: no partner with the id "p-nope"',
    ),
    (
        "meeting partner",
        _set("meetings.0.partner", "p-nope"),
        "meetings[0].partner: dangling reference",
    ),
    (
        "attendee",
        _set("meetings.0.attendees.1", "c-nope"),
        'meetings[0].attendees: dangling reference: no contact with the id "c-nope"',
    ),
    (
        "request partner",
        _set("requests.0.partner", "p-nope"),
        "requests[0].partner: dangling reference",
    ),
    (
        "raised by",
        _set("requests.0.raised_by", "c-nope"),
        "requests[0].raised_by: dangling reference",
    ),
    (
        "reframed as",
        _set("requests.2.reframed_as", "r-nope"),
        "requests[2].reframed_as: dangling reference",
    ),
    (
        "request meetings",
        _set("requests.0.meetings", ["m-1", "m-nope"]),
        "requests[0].meetings: dangling reference",
    ),
    (
        "wrong kind",
        _set("meetings.0.partner", "c-clara"),
        'meetings[0].partner: "c-clara" is a contact, not a partner',
    ),
    (
        "wrong kind list",
        _set("requests.0.meetings", ["r-2"]),
        'requests[0].meetings: "r-2" is a request, not a meeting',
    ),
    # ids and names
    (
        "duplicate id",
        _set("meetings.2.id", "m-1"),
        'meetings[2]: the id "m-1" is already used by meetings[0]',
    ),
    (
        "id across kinds",
        _set("requests.6.id", "p-hr"),
        'requests[6]: the id "p-hr" is already used by partners[1]',
    ),
    (
        "same name",
        _set("partners.2.name", "FINANCE"),
        'partners[2].name: "FINANCE" is also the name of partners[0]',
    ),
    (
        "same name unicode",
        _set("partners.2.name", "RESSOURCES HUMAINES — ÉLODIE"),
        "partners[2].name: ",
    ),
    # the top level
    ("newer", _set("version", 2), "version: the file was made by a newer version of BRM Desk"),
    ("version text", _set("version", "1"), 'version: must be 1, not "1"'),
    ("version bool", _set("version", True), "version: must be 1, not true"),
    ("no version", _drop("version"), "version: is missing"),
    ("format", _set("format", "brm-desk"), 'format: must be "brm-desk-journal", not "brm-desk"'),
    ("no format", _drop("format"), "format: is missing"),
]


@pytest.mark.parametrize(
    ("change", "message"), [(c, m) for _, c, m in REFUSALS], ids=[i for i, _, _ in REFUSALS]
)
def test_a_fault_is_refused_with_its_place_and_nothing_changes(
    journal: Journal, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    journal.partners.add(Partner(id="p-existing", name="Existing"))
    before = snapshot(journal)
    document = sample_document()
    change(document)
    with pytest.raises(ImportFileError) as refused:
        import_journal(journal, document)
    assert message in str(refused.value)
    assert snapshot(journal) == before


@pytest.mark.parametrize("data", [[], "brm", 3, None, True], ids=repr)
def test_anything_but_an_object_is_refused(journal: Journal, data: object) -> None:
    with pytest.raises(ImportFileError, match="must hold one JSON object"):
        import_journal(journal, data)


def test_a_partner_name_taken_in_the_journal_is_refused(journal: Journal) -> None:
    journal.partners.add(Partner(id="p-mine", name="finance"))
    before = snapshot(journal)
    with pytest.raises(
        ImportFileError,
        match=r'partners\[0\]\.name: the journal already has a partner named "Finance" '
        r'\(id "p-mine"\)',
    ):
        import_journal(journal, sample_document())
    assert snapshot(journal) == before


def test_an_id_held_by_another_kind_in_the_journal_is_refused(journal: Journal) -> None:
    journal.partners.add(Partner(id="m-3", name="Odd"))
    with pytest.raises(ImportFileError, match=r'meetings\[2\]: the id "m-3" belongs to a partner'):
        import_journal(journal, sample_document())


def test_an_error_in_the_last_record_leaves_the_journal_unchanged(loaded: Journal) -> None:
    before = snapshot(loaded)
    text = json.dumps(sample_document(), ensure_ascii=False)
    for prefix in ("p-", "c-", "m-", "r-"):
        text = text.replace(f'"{prefix}', f'"new-{prefix}')
    document = json.loads(text)
    for partner in document["partners"]:
        partner["name"] += " (copy)"
    document["requests"][-1]["urgency"] = 0
    with pytest.raises(ImportFileError, match=r"requests\[6\]\.urgency: must be from 1 to 5"):
        import_journal(loaded, document)
    assert snapshot(loaded) == before
    document["requests"][-1]["urgency"] = 2
    document["requests"][-1]["raised_by"] = "nobody"
    with pytest.raises(ImportFileError, match=r"requests\[6\]\.raised_by: dangling reference"):
        import_journal(loaded, document)
    assert snapshot(loaded) == before
    document["requests"][-1]["raised_by"] = None
    assert import_journal(loaded, document).added == {
        "partners": 3,
        "contacts": 3,
        "meetings": 4,
        "requests": 7,
    }


# Reading files


def test_a_file_is_read_as_strict_json(tmp_path: Path) -> None:
    path = write_json(tmp_path, sample_document())
    data = read_import_file(path)
    assert data["requests"][1]["realized_value_amount"] == Decimal("98500.5")
    assert data["partners"][0]["target_strategic_share"] == Decimal("0.55")


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(sample_document()).encode())
    assert read_import_file(path)["format"] == "brm-desk-journal"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b'{"format": "brm-desk-journal",\n "version": 1,,}',
            "is not valid JSON: .* line 2, column 15",
        ),
        (b"", "is not valid JSON: .* line 1, column 1"),
        (b'{"format": "brm-desk-journal", "version": 1', "is not valid JSON"),
        (b'{"x": NaN}', "NaN is not a number JSON allows"),
        (b'{"x": Infinity}', "Infinity is not a number JSON allows"),
        (b'{"x": [-Infinity]}', "-Infinity is not a number JSON allows"),
        (b'{"id": "m-1", "title": "a", "title": "b"}', 'the key "title" appears twice .*id "m-1"'),
        (b'{"format": "caf\xe9"}', "is not UTF-8 text \\(byte 16"),
        (b"[" * 100_000 + b"]" * 100_000, "is nested too deeply"),
        (b'{"x": 1' + b"0" * 5000 + b"}", '"x": a number of 5,001 digits is longer than'),
    ],
    ids=[
        "syntax",
        "empty",
        "truncated",
        "nan",
        "infinity",
        "minus-infinity",
        "duplicate-key",
        "latin-1",
        "deep",
        "huge-integer",
    ],
)
def test_a_bad_file_is_refused_with_a_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=f"^{re.escape(str(path))}: {message}"):
        read_import_file(path)


def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        read_import_file(tmp_path / "absent.json")
    with pytest.raises(ImportFileError, match="is a folder"):
        read_import_file(tmp_path)


# Speed


def _bulk_document(meetings: int) -> dict[str, Any]:
    words = ["value", "demand", "roadmap", "incident", "review", "budget", "outage", "risk"]
    notes = " ".join(words[i % len(words)] for i in range(150))
    return {
        "format": "brm-desk-journal",
        "version": 1,
        "partners": [{"id": f"p{i}", "name": f"Partner {i}"} for i in range(6)],
        "contacts": [{"id": f"c{i}", "partner": f"p{i % 6}", "name": f"C {i}"} for i in range(24)],
        "meetings": [
            {
                "id": f"m{i}",
                "partner": f"p{i % 6}",
                "title": f"Meeting {i}",
                "start": f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T09:00:00+01:00",
                "type": "planning",
                "attendees": [f"c{i % 24}"],
                "notes": notes,
                "tags": ["a"],
            }
            for i in range(meetings)
        ],
        "requests": [
            {"id": f"r{i}", "partner": f"p{i % 6}", "title": f"R {i}", "meetings": [f"m{i}"]}
            for i in range(min(meetings, 120))
        ],
    }


def test_a_large_import_goes_in_bulk(journal: Journal, tmp_path: Path) -> None:
    """5,000 meetings with 150-word notes: a guard against per-record writes (about 1 s)."""
    path = write_json(tmp_path, _bulk_document(5_000))
    started = time.perf_counter()
    report = import_journal(journal, read_import_file(path))
    assert time.perf_counter() - started < 15
    assert report.added["meetings"] == 5_000


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("BRM_DESK_BENCH"), reason="set BRM_DESK_BENCH=1 to run")
def test_a_hundred_thousand_meetings_import_in_under_30_seconds(
    journal: Journal, tmp_path: Path
) -> None:
    path = write_json(tmp_path, _bulk_document(100_000))
    started = time.perf_counter()
    import_journal(journal, read_import_file(path))
    assert time.perf_counter() - started < 30


def test_the_sample_document_is_not_changed_by_an_import(journal: Journal) -> None:
    document = sample_document()
    kept = copy.deepcopy(document)
    import_journal(journal, document)
    assert document == kept
