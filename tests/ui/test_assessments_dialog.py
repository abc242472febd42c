"""Maturity assessments in the app: the dialog, its editor, undo, evidence in the trash, the
path chart's figures, the dashboard's marker and the prep brief's section."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.assessments import Assessment, MaturityGoal
from brm_desk.domain.enums import Maturity
from brm_desk.services.drafts import for_journal
from brm_desk.services.prep_brief import build_prep_brief
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.maturity.assessment_editor import AssessmentEditor
from brm_desk.ui.maturity.assessments_dialog import AssessmentsDialog
from brm_desk.ui.models.dashboard import DashboardModel, assessed_text
from brm_desk.ui.views.prep_brief_html import brief_html

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("no_message_boxes"),
]


def tick(editor: AssessmentEditor, title: str) -> None:
    for row in range(editor.evidence.count()):
        item = editor.evidence.item(row)
        if title in item.text():
            item.setCheckState(Qt.CheckState.Checked)
            return
    raise AssertionError(title)


def test_an_assessment_is_added_with_both_views_evidence_and_goals_and_undone(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    dialog = AssessmentsDialog(journal, stack, filled.finance.id)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1  # the first assessment, from when the partner was added
    editor = dialog.add()  # the dialog's child: closed with it
    editor.brm_view.setCurrentIndex(editor.brm_view.findData("service_provider"))
    editor.partner_view.setCurrentIndex(editor.partner_view.findData("trusted_advisor"))
    editor.filter.setText("budget")
    hidden = [editor.evidence.item(r).isHidden() for r in range(editor.evidence.count())]
    assert hidden.count(False) == 1  # only the planning meeting shows
    tick(editor, "Budget planning 2027")
    editor.filter.clear()
    tick(editor, "Forecasting dashboard")
    qtbot.keyClicks(editor.new_goal, "Joint roadmap with the CFO")
    qtbot.keyClick(editor.new_goal, Qt.Key.Key_Return)
    editor.goals_field.add()  # nothing typed: nothing added
    assert editor.goals.count() == 1
    editor.note.setPlainText("Anna rates us higher")
    assert editor.save()
    latest = journal.assessments.of_partner(filled.finance.id)[-1]
    assert (latest.brm_view, latest.partner_view, latest.gap) == (
        Maturity.SERVICE_PROVIDER,
        Maturity.TRUSTED_ADVISOR,
        1,
    )
    assert latest.meeting_ids == (filled.meeting_ids[1],)
    assert latest.request_ids == (filled.request.id,)
    assert latest.goals == (MaturityGoal("Joint roadmap with the CFO"),)
    assert journal.partners.get(filled.finance.id).maturity is Maturity.SERVICE_PROVIDER
    assert dialog.table.rowCount() == 2
    assert [stack.text(i) for i in range(stack.count())] == ["Add assessment of 24 Nov 2026"]
    assert dialog.table.item(0, 3).text() == "partner sees 1 level higher"
    headings, rows = dialog.chart.figures()
    assert headings[:3] == ("Assessed", "Your view", "Partner's view")
    assert [row[1:3] for row in rows] == [
        ("Ad hoc", "Unknown"),
        ("Service provider", "Trusted advisor"),
    ]
    stack.undo()
    assert len(journal.assessments.of_partner(filled.finance.id)) == 1
    assert journal.partners.get(filled.finance.id).maturity is Maturity.AD_HOC
    assert dialog.table.rowCount() == 1
    stack.redo()
    assert journal.assessments.of_partner(filled.finance.id)[-1] == latest


def test_editing_and_deleting_are_undoable(qtbot: QtBot, filled: Filled, stack: QUndoStack) -> None:
    journal = filled.journal
    dialog = AssessmentsDialog(journal, stack, filled.finance.id)
    qtbot.addWidget(dialog)
    [first] = journal.assessments.of_partner(filled.finance.id)
    editor = dialog.edit_selected()
    assert editor is not None
    editor.brm_view.setCurrentIndex(editor.brm_view.findData("order_taker"))
    assert editor.save()
    assert journal.partners.get(filled.finance.id).maturity is Maturity.ORDER_TAKER
    dialog.delete()
    assert journal.assessments.of_partner(filled.finance.id) == ()
    assert "Not assessed yet" in dialog.summary.text()
    stack.undo()
    stack.undo()
    assert journal.assessments.of_partner(filled.finance.id) == (first,)
    assert journal.partners.get(filled.finance.id).maturity is Maturity.AD_HOC


def test_a_broken_rule_shows_under_its_field(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    editor = AssessmentEditor(filled.journal, stack, partner_id=filled.finance.id)
    qtbot.addWidget(editor)
    editor.show()
    editor.goals.addItem("placeholder")
    editor.goals.item(0).setText("   ")
    assert not editor.save()
    assert editor.error_text("goals") == "Goals, row 1 text is required"
    assert editor.rows["goals"].error.isVisible()
    editor.day.edit.setText("not a day")
    assert not editor.save()
    assert "Assessed on" in editor.error_text("on")
    assert stack.count() == 0


def test_evidence_in_the_trash_shows_as_such_and_comes_back(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    journal = filled.journal
    meeting = filled.meeting_ids[0]
    saved = journal.assessments.add(
        Assessment(
            "", filled.finance.id, date(2026, 11, 20), Maturity.ORDER_TAKER, meeting_ids=(meeting,)
        )
    )
    batch = journal.meetings.delete(meeting)
    editor = AssessmentEditor(journal, stack, saved)
    qtbot.addWidget(editor)
    item = editor.evidence.item(0)
    assert item.text().endswith("Month-end close outage (in the trash)")
    assert item.checkState() == Qt.CheckState.Checked
    editor.note.setPlainText("kept")
    assert editor.save()
    assert journal.assessments.get(saved.id).meeting_ids == (meeting,)  # the link is kept
    journal.trash.restore(batch)
    [evidence] = journal.assessments.evidence(journal.assessments.get(saved.id))
    assert (evidence.title, evidence.in_trash) == ("Month-end close outage", False)


def test_the_dashboard_marks_who_is_due_and_the_brief_has_a_maturity_section(
    filled: Filled,
) -> None:
    journal = filled.journal
    journal.assessments.add(
        Assessment(
            "",
            filled.hr.id,
            date(2020, 1, 6),
            Maturity.ORDER_TAKER,
            Maturity.SERVICE_PROVIDER,
            goals=(MaturityGoal("One intake route"), MaturityGoal("Service review", True)),
            note="My own read",
        )
    )
    [hr] = [a for a in journal.assessments.of_partner(filled.hr.id) if a.assessed_on.year == 2020]
    journal.assessments.delete(journal.assessments.of_partner(filled.hr.id)[-1].id)
    rows = {r.name: r for r in journal.dashboard.glance(date(2026, 9, 1), date(2026, 11, 30))}
    assert assessed_text(rows["Human Resources"]) == "Due · Jan 2020"
    assert not rows["Finance"].assessment_due
    model = DashboardModel()
    model.set_records(list(rows.values()))
    row = [model.record(n).name for n in range(model.rowCount())].index("Human Resources")
    index = model.index(row, DashboardModel.ASSESSED)
    assert index.data(Qt.ItemDataRole.FontRole).bold()
    assert "yearly reassessment is due" in index.data(Qt.ItemDataRole.ToolTipRole)

    brief = build_prep_brief(journal, filled.hr.id, date(2026, 11, 24))
    assert brief.assessment == hr
    html = brief_html(brief)
    assert "<h2>Maturity</h2>" in html
    assert "partner sees 1 level higher" in html
    assert "One intake route" in html
    assert "Service review" not in html  # met: not an open goal
    assert "a yearly reassessment is due" in html
    assert "My own read" in html
    assert "My own read" not in brief_html(brief.shared(False))


def test_the_path_chart_names_an_assessment_on_hover_and_opens_it_on_click(
    qtbot: QtBot, filled: Filled, stack: QUndoStack
) -> None:
    from test_charts_on_screen import chart_point, move_mouse

    from brm_desk.domain.assessments import rank
    from brm_desk.reports.maturity_chart import x_of

    journal = filled.journal
    earlier = journal.assessments.add(
        Assessment(
            "",
            filled.finance.id,
            date(2025, 6, 2),
            Maturity.ORDER_TAKER,
            Maturity.SERVICE_PROVIDER,
            goals=(MaturityGoal("Monthly service review", True),),
        )
    )
    dialog = AssessmentsDialog(journal, stack, filled.finance.id)
    qtbot.addWidget(dialog)
    dialog.resize(900, 640)
    dialog.show()
    chart = dialog.chart
    canvas = chart.ensure_canvas()
    axes = canvas.figure.axes[0]
    assert [t.get_text() for t in axes.get_yticklabels()] == [m.label for m in Maturity]
    assert [line.get_linestyle() for line in axes.get_lines()] == ["-", "--"]
    assert [line.get_marker() for line in axes.get_lines()] == ["o", "s"]
    point = chart_point(chart, x_of(earlier), rank(earlier.brm_view))
    move_mouse(canvas, point)
    qtbot.waitUntil(lambda: chart.hover_text != "")
    assert chart.hover_text.splitlines()[:3] == [
        "Assessed 02 Jun 2025",
        "Your view: Order taker",
        "Partner's view: Service provider (partner sees 1 level higher)",
    ]
    assert "1 of 1 met" in chart.hover_text
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=point)
    editor = dialog.findChild(AssessmentEditor)
    assert editor is not None
    assert editor.record == earlier
    chart.table_button.setChecked(True)
    assert chart.figures_table.rowCount() == 2
    assert chart.figures_table.item(0, 2).text() == "Service provider"


def test_the_assessments_export_as_csv_without_their_private_note(
    qtbot: QtBot,
    filled: Filled,
    stack: QUndoStack,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Both views, the gap, the goals (met ones marked) and how much evidence; the note, the
    BRM's own thinking, stays in the journal."""
    journal = filled.journal
    journal.assessments.add(
        Assessment(
            id="",
            partner_id=filled.finance.id,
            assessed_on=date(2026, 11, 20),
            brm_view=Maturity.SERVICE_PROVIDER,
            partner_view=Maturity.ORDER_TAKER,
            meeting_ids=(filled.meeting_ids[1],),
            request_ids=(filled.request.id,),
            note="Anna still sees us as the help desk",
            goals=(MaturityGoal("Joint roadmap", met=True), MaturityGoal("Quarterly review")),
        )
    )
    dialog = AssessmentsDialog(journal, stack, filled.finance.id)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(files, "save_path", lambda *_args: tmp_path / "assessed.csv")
    told: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, _title, text: told.append(text))
    assert dialog.export_csv() == tmp_path / "assessed.csv"
    assert told == [f"Wrote 2 assessments to {tmp_path / 'assessed.csv'}."]
    text = (tmp_path / "assessed.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines()))
    assert rows[0] == [
        "Partner", "Assessed", "Your view", "Partner's view", "Gap",
        "Goals for the next level", "Open goals", "Evidence",
    ]  # fmt: skip
    assert rows[1] == [  # oldest first: before the one from when the partner was added
        "Finance", "2026-11-20", "Service provider", "Order taker",
        "partner sees 1 level lower", "Joint roadmap (met); Quarterly review", "1", "2",
    ]  # fmt: skip
    assert len(rows) == 3
    assert "help desk" not in text


def test_a_changed_assessment_asks_before_it_is_closed(
    qtbot: QtBot, filled: Filled, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Escape on a goal typed in asks Save / Discard / Cancel, as every editor does; Cancel
    keeps the words, Save saves, and an unchanged editor closes without a question."""
    asked: list[str] = []
    answers = [""]

    def ask(_parent: object, what: str) -> str:
        asked.append(what)
        return answers[0]

    monkeypatch.setattr(messages, "ask_to_save", ask)
    dialog = AssessmentsDialog(filled.journal, stack, filled.finance.id)
    qtbot.addWidget(dialog)
    unchanged = dialog.add()
    unchanged.show()
    unchanged.reject()
    assert asked == []
    assert not unchanged.isVisible()

    editor = dialog.add()
    editor.show()
    qtbot.keyClicks(editor.new_goal, "Joint roadmap with the CFO")
    qtbot.keyClick(editor.new_goal, Qt.Key.Key_Return)
    editor.reject()
    assert asked == ["New assessment"]
    assert editor.isVisible()
    assert editor.goals.item(0).text() == "Joint roadmap with the CFO"
    answers[0] = "save"
    editor.reject()
    assert not editor.isVisible()
    assert filled.journal.assessments.of_partner(filled.finance.id)[-1].goals == (
        MaturityGoal("Joint roadmap with the CFO"),
    )


def test_what_is_typed_is_drafted_and_the_draft_goes_on_save_and_on_discard(
    qtbot: QtBot, filled: Filled, stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Within the draft timer's round a typed goal and a ticked meeting are on disk; saving
    drops the draft, and so does closing with Discard (the assessment then stays as it was)."""
    journal = filled.journal
    drafts = for_journal(journal)
    dialog = AssessmentsDialog(journal, stack, filled.finance.id)
    qtbot.addWidget(dialog)
    editor = dialog.add()
    tick(editor, "Budget planning 2027")
    qtbot.keyClicks(editor.new_goal, "Joint roadmap")
    qtbot.waitUntil(lambda: drafts.load("new-assessment") is not None)
    draft = drafts.load("new-assessment")
    assert draft is not None
    assert draft.kind == "assessment"
    assert draft.fields["meetings"] == [["meeting", filled.meeting_ids[1]]]
    assert draft.fields["goals"] == {"goals": [], "typing": "Joint roadmap"}
    assert draft.fields["partner_id"] == filled.finance.id
    editor.goals_field.add()
    assert editor.save()
    assert drafts.listing() == []
    saved = editor.record
    assert saved is not None
    editor.done(0)

    monkeypatch.setattr(messages, "ask_to_save", lambda _parent, _what: "discard")
    editor = dialog.edit(saved)
    editor.note.setPlainText("Second thoughts")
    qtbot.waitUntil(lambda: drafts.load(saved.id) is not None)
    editor.reject()
    assert drafts.listing() == []
    assert journal.assessments.get(saved.id) == saved
