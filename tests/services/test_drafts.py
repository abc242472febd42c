"""Drafts of editors on disk: written whole, read back, listed, discarded, per journal."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from brm_desk.domain.enums import MeetingType
from brm_desk.domain.records import Meeting, Partner
from brm_desk.services.agenda import agenda_template, bundled_agenda_dir, user_agenda_dir
from brm_desk.services.drafts import (
    CHANGED,
    DELETED,
    NEW_MEETING,
    Draft,
    Drafts,
    adopt_old_drafts,
    drafts_dir,
    fingerprint,
    for_journal,
    plain_drafts_dir,
    since,
)
from brm_desk.services.journal import Journal


def draft(key: str, **fields: object) -> Draft:
    return Draft(key, "meeting", datetime.now(UTC), dict(fields))


def test_save_load_discard(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path / "drafts")
    assert drafts.load("abc") is None
    drafts.save(draft("abc", notes="first"))
    drafts.save(draft("abc", notes="second — ünïcode"))
    loaded = drafts.load("abc")
    assert loaded is not None
    assert loaded.fields["notes"] == "second — ünïcode"
    assert loaded.saved_at.utcoffset() is not None
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == ["abc.json"]  # no leftovers
    drafts.discard("abc")
    drafts.discard("abc")  # twice is fine
    assert drafts.load("abc") is None


def test_a_draft_keeps_every_field_and_its_record(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    fields = {"title": " Steering group ", "notes": "shared", "private_notes": "my read"}
    fields |= {"satisfaction": None, "private": True, "attendees": ["a1"], "duration": 45}
    fields |= {"actions": [["Send the deck", "mine", "", "2026-12-01", ""]]}
    written = Draft("m1", "meeting", datetime.now(UTC), fields, "m1", "f00d")
    drafts.save(written)
    assert drafts.load("m1") == written
    assert written.title == "Steering group"


def test_a_draft_written_before_drafts_kept_every_field_holds_the_notes(tmp_path: Path) -> None:
    (tmp_path / "abc.json").write_text(
        '{"key": "abc", "saved_at": "2026-11-24T10:00:00+00:00", "text": "old"}', encoding="utf-8"
    )
    (tmp_path / f"{NEW_MEETING}.json").write_text(
        '{"key": "new-meeting", "saved_at": "2026-11-24T10:00:00+00:00", "text": "new",'
        ' "private_notes": "mine"}',
        encoding="utf-8",
    )
    old = Drafts(tmp_path).load("abc")
    assert old is not None
    assert (old.kind, old.record_id) == ("meeting", "abc")
    assert old.fields == {"notes": "old", "private_notes": ""}
    new = Drafts(tmp_path).load(NEW_MEETING)
    assert new is not None
    assert (new.record_id, new.fields) == ("", {"notes": "new", "private_notes": "mine"})


def test_a_damaged_draft_counts_as_none(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    (tmp_path / f"{NEW_MEETING}.json").write_text("{not json", encoding="utf-8")
    assert drafts.load(NEW_MEETING) is None
    assert drafts.listing() == []


def test_the_listing_is_oldest_first(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    now = datetime.now(UTC)
    drafts.save(Draft("later", "request", now, {"title": "Ledger"}))
    drafts.save(Draft("sooner", "meeting", now - timedelta(minutes=5), {"title": "Steering"}))
    assert [d.key for d in drafts.listing()] == ["sooner", "later"]
    assert Drafts(tmp_path / "none yet").listing() == []


def test_keys_cannot_leave_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a draft key"):
        Drafts(tmp_path).save(draft("../journal", notes="x"))


def test_default_folder_is_in_the_data_folder(private_data_dir: Path) -> None:
    assert Drafts().folder == drafts_dir()
    assert drafts_dir().is_relative_to(private_data_dir)


def test_each_plain_journal_has_drafts_of_its_own(tmp_path: Path) -> None:
    one, other = tmp_path / "one.brmdesk", tmp_path / "other.brmdesk"
    for path in (one, other):
        Journal.create(path).close()
    with Journal.open(one) as journal:
        for_journal(journal).save(draft(NEW_MEETING, notes="typed in one"))
    with Journal.open(other) as journal:
        assert for_journal(journal).listing() == []
    assert plain_drafts_dir(one).is_relative_to(drafts_dir())
    assert plain_drafts_dir(one) != plain_drafts_dir(other)


def test_since_says_whether_the_record_changed_or_went(journal: Journal) -> None:
    partner = journal.partners.add(Partner(id="", name="Finance"))
    start = datetime(2026, 11, 2, 9, tzinfo=UTC)
    meeting = journal.meetings.add(Meeting(id="", partner_id=partner.id, title="A", start=start))
    typed = Draft(meeting.id, "meeting", start, {}, meeting.id, fingerprint(meeting))
    assert since(journal, typed) == ""
    assert since(journal, Draft(NEW_MEETING, "meeting", start, {})) == ""
    journal.meetings.update(replace(meeting, title="B"))
    assert since(journal, typed) == CHANGED
    journal.meetings.delete(meeting.id)
    assert since(journal, typed) == DELETED


def test_an_older_brm_desks_drafts_of_this_journal_become_its_own(journal: Journal) -> None:
    partner = journal.partners.add(Partner(id="", name="Finance"))
    start = datetime(2026, 11, 2, 9, tzinfo=UTC)
    meeting = journal.meetings.add(Meeting(id="", partner_id=partner.id, title="A", start=start))
    shared = drafts_dir()
    shared.mkdir(parents=True)
    for key in (NEW_MEETING, meeting.id, "another-journals-meeting"):
        (shared / f"{key}.json").write_text(
            json.dumps({"key": key, "saved_at": "2026-11-24T10:00:00+00:00", "text": key}),
            encoding="utf-8",
        )
    adopt_old_drafts(journal)
    mine = for_journal(journal)
    assert sorted(d.fields["notes"] for d in mine.listing()) == sorted([NEW_MEETING, meeting.id])
    assert [p.name for p in shared.glob("*.json")] == ["another-journals-meeting.json"]


@pytest.mark.parametrize("kind", list(MeetingType))
def test_every_meeting_type_has_an_agenda(kind: MeetingType) -> None:
    assert (bundled_agenda_dir() / f"{kind.value}.md").is_file()
    assert agenda_template(kind).startswith("## ")


def test_agendas_differ_by_type() -> None:
    assert "benefit" in agenda_template(MeetingType.VALUE_REVIEW).lower()
    assert "impact" in agenda_template(MeetingType.ESCALATION).lower()
    assert len({agenda_template(kind) for kind in MeetingType}) == len(MeetingType)


def test_the_users_own_agenda_wins() -> None:
    user_agenda_dir().mkdir(parents=True)
    (user_agenda_dir() / "escalation.md").write_text("## My escalation\n", encoding="utf-8")
    assert agenda_template(MeetingType.ESCALATION) == "## My escalation\n"
