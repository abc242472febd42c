"""A maturity assessment typed half-way is never lost: the real app, killed mid-assessment,
offers it back at the next start over the partner's assessments, and saving it leaves no draft."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from assessing_worker import TYPED
from killed_app import kill_when_drafted
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from brm_desk.domain.assessments import MaturityGoal
from brm_desk.domain.enums import Maturity, MeetingType
from brm_desk.domain.records import Meeting, Partner, Request
from brm_desk.services.drafts import for_journal
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import drafts_offer
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.maturity.assessment_editor import AssessmentEditor
from brm_desk.ui.maturity.assessments_dialog import AssessmentsDialog

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("ui_settings"),
]
WORKER = Path(__file__).with_name("assessing_worker.py")


def finance_journal(path: Path) -> tuple[str, str]:
    """Finance with a meeting and a request to cite; its first assessment came with it."""
    with Journal.create(path) as journal:
        finance = journal.partners.add(Partner(id="", name="Finance"))
        start = datetime(2026, 11, 10, 9, tzinfo=UTC)
        meeting = journal.meetings.add(
            Meeting("", finance.id, "Ledger review", start, type=MeetingType.PLANNING)
        )
        journal.requests.add(
            Request(id="", partner_id=finance.id, title="Forecasting", received=date(2026, 11, 2))
        )
    return finance.id, meeting.id


def offer_restoring(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answer "Restore" to the offer of drafts; what it offered is listed."""
    offered: list[str] = []

    def restore(_parent: object, left: drafts_offer.Left) -> str:
        offered.append(drafts_offer.summary(left))
        return "restore"

    monkeypatch.setattr(drafts_offer, "ask", restore)
    return offered


def test_a_half_typed_assessment_comes_back_after_a_kill_and_goes_once_saved(
    qtbot: QtBot,
    tmp_path: Path,
    journal_path: Path,
    open_into: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    finance_id, meeting_id = finance_journal(journal_path)
    kill_when_drafted(WORKER, [str(journal_path)], tmp_path)

    offered = offer_restoring(monkeypatch)
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_into(window, journal_path)  # the next start
    assert offered[0].startswith("1 unsaved edit from ")
    assert offered[0].endswith(f"'Finance, {TYPED['on']}' (assessment)")
    [dialog] = window.findChildren(AssessmentsDialog)
    [editor] = dialog.findChildren(AssessmentEditor)
    assert dialog.isVisible()
    assert editor.isVisible()
    assert dialog.windowTitle() == "Maturity — Finance"
    assessment = editor.build()
    assert (assessment.id, assessment.partner_id) == ("", finance_id)  # still a new one
    assert assessment.assessed_on == date(2026, 11, 20)
    assert assessment.brm_view is Maturity.SERVICE_PROVIDER
    assert assessment.partner_view is Maturity.TRUSTED_ADVISOR
    assert (assessment.meeting_ids, assessment.request_ids) == ((meeting_id,), ())
    assert assessment.goals == (MaturityGoal(TYPED["goal"]),)
    assert editor.new_goal.text() == TYPED["typing"]
    assert assessment.note == TYPED["note"]

    assert editor.save()
    journal = window.shell.journal
    assert journal is not None
    saved = editor.record
    assert saved is not None
    assert saved.goals == assessment.goals
    assert saved in journal.assessments.of_partner(finance_id)
    stack = window.shell.undo_stack
    assert stack.text(stack.index() - 1) == "Add assessment of 20 Nov 2026"
    assert for_journal(journal).listing() == []
    window.record_actions.offer_drafts()
    assert len(offered) == 1  # saved: no draft is left to offer


def test_a_changed_assessment_left_unsaved_comes_back_saying_it_changed_since(
    qtbot: QtBot, journal_path: Path, open_into: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The editor ends without a save or a discard (as a crash ends it); the assessment is
    changed meanwhile elsewhere. The next start reopens it with the typed note, and says so."""
    finance_id, _meeting = finance_journal(journal_path)
    with Journal.open(journal_path) as journal:
        [first] = journal.assessments.of_partner(finance_id)
        editor = AssessmentEditor(journal, QUndoStack(), first)
        qtbot.addWidget(editor)
        editor.note.setPlainText("Typed, never saved")
        editor.keep_draft()  # the timer's work
        editor.draft_timer.stop()
        editor.done(0)  # no discard: the draft stays
        journal.assessments.update(replace(first, brm_view=Maturity.ORDER_TAKER))

    offered = offer_restoring(monkeypatch)
    window = MainWindow()
    qtbot.addWidget(window)
    assert open_into(window, journal_path)
    assert offered[0].endswith("(assessment, changed since)")
    [editor] = window.findChildren(AssessmentEditor)
    assert editor.record is not None
    assert editor.record.id == first.id
    assert editor.build().note == "Typed, never saved"
    assert "This assessment was changed since" in editor.general_error.text()
