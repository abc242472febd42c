"""Drafts of notes on disk: written whole, read back, discarded, never half a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from brm_desk.domain.enums import MeetingType
from brm_desk.services.agenda import agenda_template, bundled_agenda_dir, user_agenda_dir
from brm_desk.services.drafts import NEW_MEETING, Drafts, drafts_dir


def test_save_load_discard(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path / "drafts")
    assert drafts.load("abc") is None
    drafts.save("abc", "first")
    drafts.save("abc", "second — ünïcode")
    draft = drafts.load("abc")
    assert draft is not None
    assert draft.text == "second — ünïcode"
    assert draft.saved_at.utcoffset() is not None
    assert [p.name for p in (tmp_path / "drafts").iterdir()] == ["abc.json"]  # no leftovers
    drafts.discard("abc")
    drafts.discard("abc")  # twice is fine
    assert drafts.load("abc") is None


def test_a_draft_keeps_the_private_notes_too(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    drafts.save("abc", "shared", "my read")
    draft = drafts.load("abc")
    assert draft is not None
    assert (draft.text, draft.private_notes) == ("shared", "my read")


def test_a_draft_written_before_private_notes_has_none(tmp_path: Path) -> None:
    (tmp_path / "abc.json").write_text(
        '{"key": "abc", "saved_at": "2026-11-24T10:00:00+00:00", "text": "old"}', encoding="utf-8"
    )
    draft = Drafts(tmp_path).load("abc")
    assert draft is not None
    assert (draft.text, draft.private_notes) == ("old", "")


def test_a_damaged_draft_counts_as_none(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path)
    (tmp_path / f"{NEW_MEETING}.json").write_text("{not json", encoding="utf-8")
    assert drafts.load(NEW_MEETING) is None


def test_keys_cannot_leave_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a draft key"):
        Drafts(tmp_path).save("../journal", "x")


def test_default_folder_is_in_the_data_folder(private_data_dir: Path) -> None:
    assert Drafts().folder == drafts_dir()
    assert drafts_dir().is_relative_to(private_data_dir)


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
