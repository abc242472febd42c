"""Editing never loses a word: the real app, killed mid-edit, offers every field back at the
next start, and an encrypted journal's drafts never reach the disk in the clear."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import killed_app
import pytest
from editing_worker import MEETING, REQUEST, SECRET
from pytestqt.qtbot import QtBot

from brm_desk.domain.enums import Focus, MeetingType, RequestStatus, Side
from brm_desk.domain.records import Action, Contact, Partner, Request
from brm_desk.services.journal import Journal
from brm_desk.services.locations import data_dir
from brm_desk.ui.dialogs import drafts_offer, passphrase
from brm_desk.ui.editors.meeting_editor import MeetingEditor
from brm_desk.ui.editors.request_editor import RequestEditor
from brm_desk.ui.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("ui_settings"),
]
WORKER = Path(__file__).with_name("editing_worker.py")
PASSPHRASE = "drafts after a crash"


def started_journal(path: Path, key: str | None) -> tuple[Contact, Request]:
    """Finance, with Anna and one request, as the BRM had them before typing."""
    with Journal.create(path, passphrase=key) as journal:
        finance = journal.partners.add(Partner(id="", name="Finance"))
        anna = journal.contacts.add(Contact(id="", partner_id=finance.id, name="Anna"))
        request = journal.requests.add(
            Request(id="", partner_id=finance.id, title="Ledger export", received=date(2026, 11, 2))
        )
    return anna, request


def kill_when_drafted(path: Path, key: str | None, tmp_path: Path) -> None:
    """Run the app typing into its editors; SIGKILL it once it says both are drafted."""
    killed_app.kill_when_drafted(WORKER, [str(path), *([key] if key else [])], tmp_path)


def files_holding(text: str, *folders: Path) -> list[Path]:
    return [
        path
        for folder in folders
        for path in folder.rglob("*")
        if path.is_file() and text.encode() in path.read_bytes()
    ]


@pytest.mark.parametrize("key", [None, PASSPHRASE], ids=["plain", "encrypted"])
def test_a_killed_app_offers_every_field_back_at_the_next_start(
    qtbot: QtBot,
    tmp_path: Path,
    journal_path: Path,
    open_into: Any,
    monkeypatch: pytest.MonkeyPatch,
    key: str | None,
) -> None:
    anna, request = started_journal(journal_path, key)
    kill_when_drafted(journal_path, key, tmp_path)
    if key is not None:
        assert files_holding(SECRET, tmp_path) == []  # drafts too are encrypted
    else:
        assert files_holding(SECRET, data_dir())  # a plain journal's drafts are plain

    offered: list[str] = []

    def restore(_parent: object, left: drafts_offer.Left) -> str:
        offered.append(drafts_offer.summary(left))
        return "restore"

    monkeypatch.setattr(drafts_offer, "ask", restore)
    monkeypatch.setattr(passphrase, "ask", lambda *_args, **_kwargs: key)
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_into(window, journal_path)  # the next start, with no Ctrl+N pressed
    [question] = offered
    assert question.startswith("2 unsaved edits from ")
    assert "'Budget steering' (meeting)" in question
    assert "'Ledger export, reframed' (request)" in question
    editors = {type(editor): editor for editor in window.record_actions.editors}
    meeting_editor, request_editor = editors[MeetingEditor], editors[RequestEditor]
    assert all(editor.isVisible() for editor in editors.values())

    meeting = meeting_editor.build()
    assert meeting.id == ""  # still the new meeting it was
    assert meeting.title == MEETING["title"]
    assert meeting.start.replace(tzinfo=None) == datetime(2026, 11, 30, 14, 15)
    assert meeting.duration_minutes == MEETING["duration_minutes"]
    assert (meeting.type, meeting.focus) == (MeetingType.PLANNING, Focus.REACTIVE)
    assert meeting.location == MEETING["location"]
    assert meeting.attendee_ids == (anna.id,)
    assert meeting.tags == ("budget", "q1")
    assert meeting.satisfaction == MEETING["satisfaction"]
    assert meeting.private
    assert meeting.notes == MEETING["notes"]
    assert meeting.private_notes == MEETING["private_notes"]
    assert meeting.actions == (
        Action("Send the figures", Side.PARTNER, "Anna", date(2026, 12, 4), None),
    )

    edited = request_editor.build()
    assert edited.id == request.id
    assert (edited.title, edited.want, edited.need) == (
        REQUEST["title"],
        REQUEST["want"],
        REQUEST["need"],
    )
    assert (edited.value, edited.urgency) == (REQUEST["value"], REQUEST["urgency"])
    assert (edited.status, edited.routed_to) == (RequestStatus.REDIRECTED, REQUEST["routed_to"])
    assert edited.expected_benefit == REQUEST["expected_benefit"]
    assert edited.expected_value_amount == Decimal("12000")
    assert edited.tags == ("ledger",)
    assert (edited.notes, edited.private_notes) == (REQUEST["notes"], REQUEST["private_notes"])

    for editor in (request_editor, meeting_editor):
        assert editor.save()
        editor.done(0)
    journal = window.shell.journal
    assert journal is not None
    assert journal.requests.get(request.id).need == REQUEST["need"]
    [saved] = journal.meetings.of_partner(anna.partner_id)
    assert saved.private_notes == MEETING["private_notes"]
    window.record_actions.offer_drafts()
    assert offered == [question]  # saved: no draft is left to offer
