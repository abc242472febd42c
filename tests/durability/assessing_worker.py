"""Run by test_assessment_drafts.py: the real app, half-way through a new assessment when killed.

``assessing_worker.py JOURNAL`` starts BRM Desk on JOURNAL as ``brm-desk --db`` does, opens the
journal's one partner's assessments from the Partners view, starts a new assessment and fills
it as :data:`TYPED` says (a goal added, another still being typed, nothing saved), and prints
``drafted`` once the draft holds every field. Then it waits for the SIGKILL that the test sends.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from brm_desk.services.drafts import for_journal
from brm_desk.ui import app
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.maturity.assessment_editor import AssessmentEditor
from brm_desk.ui.views.partners import PartnersPage

TYPED = {
    "on": "2026-11-20",
    "brm_view": "service_provider",
    "partner_view": "trusted_advisor",
    "evidence": "Ledger review",  # the meeting ticked, by its title
    "goal": "Joint roadmap with the CFO",
    "typing": "Quarterly service rev",  # a goal being typed, not yet added
    "note": "Anna rates us higher than we do",
}


def say(line: str) -> None:
    print(line, flush=True)


def assess_when_open(window: MainWindow) -> None:
    """Once the journal is in the window: open the partner's assessments from the Partners
    view, type half an assessment, and say when its draft holds every field."""
    page = window.show_page("Partners")
    if window.shell.journal is None or not isinstance(page, PartnersPage):
        QTimer.singleShot(50, lambda: assess_when_open(window))
        return
    page.refresh()
    page.select(page.proxy.index(0, 0))
    dialog = page.open_assessments()
    assert dialog is not None
    editor = dialog.add()
    fill(editor)
    wait_for_draft(window, editor)


def fill(editor: AssessmentEditor) -> None:
    editor.day.edit.clear()
    QTest.keyClicks(editor.day.edit, TYPED["on"])
    editor.brm_view.setCurrentIndex(editor.brm_view.findData(TYPED["brm_view"]))
    editor.partner_view.setCurrentIndex(editor.partner_view.findData(TYPED["partner_view"]))
    QTest.keyClicks(editor.filter, TYPED["evidence"])
    items = [editor.evidence.item(row) for row in range(editor.evidence.count())]
    [shown] = [item for item in items if not item.isHidden()]
    shown.setCheckState(Qt.CheckState.Checked)
    editor.filter.clear()
    QTest.keyClicks(editor.new_goal, TYPED["goal"])
    editor.goals_field.add()
    QTest.keyClicks(editor.new_goal, TYPED["typing"])
    QTest.keyClicks(editor.note, TYPED["note"])


def wait_for_draft(window: MainWindow, editor: AssessmentEditor) -> None:
    journal = window.shell.journal
    assert journal is not None
    draft = for_journal(journal).load(editor.draft_key)
    if draft is not None and draft.fields == editor.form_state():
        say("drafted")
        return
    QTimer.singleShot(100, lambda: wait_for_draft(window, editor))


def main() -> None:
    app.run(sys.argv[1], lambda window: QTimer.singleShot(0, lambda: assess_when_open(window)))


if __name__ == "__main__":
    main()
