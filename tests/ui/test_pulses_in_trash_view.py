"""Pulses and maturity assessments deleted in the app go to the Trash: Ctrl+Z brings them
back, the Trash view names them, restores them and the restore is undoable too."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.assessments import Assessment
from brm_desk.domain.enums import Maturity
from brm_desk.domain.pulses import Pulse
from brm_desk.ui.commands import push
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.maturity.assessments_dialog import AssessmentsDialog
from brm_desk.ui.maturity.commands import SaveAssessment
from brm_desk.ui.models.trash import TrashModel
from brm_desk.ui.pulse_commands import AddPulse
from brm_desk.ui.views.partners import PartnersPage
from brm_desk.ui.views.trash import TrashPage

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("no_message_boxes"),
]

Q3 = date(2026, 8, 12)


def test_a_pulse_deleted_on_the_health_tab_goes_to_the_trash_and_ctrl_z_restores_it(
    qtbot: QtBot, filled: Filled
) -> None:
    journal = filled.journal
    pulse = journal.pulses.add(Pulse("", filled.finance.id, Q3, 4, 4, 5, 9, "Better"))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts go to the active window only
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    model = page.table.model()
    [row] = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "Finance"]
    page.table.setFocus()
    page.table.setCurrentIndex(model.index(row, 0))
    assert page.health.pulse_table.rowCount() == 1
    page.health.pulse_table.selectRow(0)
    page.health.delete_pulse()

    assert journal.pulses.listing() == []
    [item] = journal.trash.listing()
    assert (item.kind, item.id, item.title) == ("pulse", pulse.id, "2026 Q3 · 12 Aug 2026")
    assert page.health.pulse_table.rowCount() == 0
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.pulses.listing() == [pulse]
    assert journal.trash.listing() == []
    window.action("redo").trigger()
    assert [i.id for i in journal.trash.listing()] == [pulse.id]


def test_the_trash_view_names_a_pulse_and_an_assessment_and_restores_them(
    qtbot: QtBot, filled: Filled
) -> None:
    journal = filled.journal
    pulse = journal.pulses.add(Pulse("", filled.finance.id, Q3, 4, 4, 5, 9))
    assessment = journal.assessments.add(
        Assessment("", filled.hr.id, date(2026, 10, 12), Maturity.SERVICE_PROVIDER)
    )
    journal.pulses.delete(pulse.id)
    journal.assessments.delete(assessment.id)
    page = TrashPage(journal, QSettings())
    qtbot.addWidget(page)
    page.refresh()
    shown = {
        tuple(page.model.index(r, c).data() for c in (1, 2, 3))
        for r in range(page.model.rowCount())
    }
    assert shown == {
        ("Pulse", "2026 Q3 · 12 Aug 2026", "Finance"),
        ("Maturity assessment", "12 Oct 2026", "Human Resources"),
    }
    stack = QUndoStack()
    page.sig_command.connect(lambda command: push(stack, command))
    for _ in range(2):
        page.table.selectRow(0)
        page.restore_button.click()
        page.refresh()
    assert journal.trash.listing() == []
    assert journal.pulses.listing() == [pulse]
    assert assessment in journal.assessments.of_partner(filled.hr.id)
    stack.undo()  # the last restore goes back to the trash
    assert len(journal.trash.listing()) == 1
    assert page.model.columnCount() == len(TrashModel.columns)


def test_deleting_an_assessment_in_its_dialog_goes_to_the_trash_and_undo_restores_it(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    dialog = AssessmentsDialog(journal, stack, filled.finance.id)
    qtbot.addWidget(dialog)
    [first] = journal.assessments.of_partner(filled.finance.id)
    dialog.delete()
    assert journal.assessments.of_partner(filled.finance.id) == ()
    [item] = journal.trash.listing()
    assert (item.kind, item.id) == ("assessment", first.id)
    stack.undo()
    assert journal.assessments.of_partner(filled.finance.id) == (first,)
    assert journal.trash.listing() == []


def test_an_undone_add_leaves_nothing_in_the_trash_and_redo_adds_it_again(
    filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    push(stack, AddPulse(journal, Pulse("", filled.finance.id, Q3, 4, 4, 5, 9)))
    added = Assessment("", filled.hr.id, date(2026, 10, 12), Maturity.SERVICE_PROVIDER)
    push(stack, SaveAssessment(journal, None, added))
    [pulse] = journal.pulses.listing()
    assessments = journal.assessments.of_partner(filled.hr.id)
    stack.undo()
    stack.undo()
    assert journal.pulses.listing() == []
    assert len(journal.assessments.of_partner(filled.hr.id)) == len(assessments) - 1
    assert journal.trash.listing() == []
    stack.redo()
    stack.redo()
    assert journal.pulses.listing() == [pulse]
    assert journal.assessments.of_partner(filled.hr.id) == assessments
