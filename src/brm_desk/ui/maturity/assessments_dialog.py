"""A partner's maturity assessments: the list (day, both views, gap, open goals), the path
chart of both views, and adding, changing and removing them, each undoable."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.assessments import Assessment, assessment_due, gap_text, latest
from brm_desk.domain.errors import BrmDeskError
from brm_desk.ui.commands import push
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.maturity.assessment_editor import AssessmentEditor
from brm_desk.ui.maturity.commands import DeleteAssessment
from brm_desk.ui.maturity.path_chart import MaturityChartPanel

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

HEADINGS = ("Assessed", "Your view", "Partner's view", "Gap", "Open goals")


class AssessmentsDialog(QDialog):
    """Every assessment of one partner, the latest first, over the maturity path chart."""

    def __init__(
        self, journal: Journal, stack: QUndoStack, partner_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.stack = stack
        self.partner_id = partner_id
        self.assessments: tuple[Assessment, ...] = ()
        partner = journal.partners.get(partner_id)
        self.setWindowTitle(f"Maturity — {partner.name}")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADINGS))
        self.table.setAccessibleName("Assessments")
        self.table.setHorizontalHeaderLabels(list(HEADINGS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.chart = MaturityChartPanel(journal.today, self.edit)
        buttons = QHBoxLayout()
        for text, tip, action in (
            ("Add…", "Assess the relationship today", self.add),
            ("Edit…", "Change the selected assessment (Enter)", self.edit_selected),
            ("Delete", "Remove the selected assessment (Undo brings it back)", self.delete),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(action)
            buttons.addWidget(button)
        buttons.addStretch(1)
        export = QPushButton("Export CSV…")
        export.setToolTip("The assessments to a CSV file (their notes stay in the journal)")
        export.clicked.connect(self.export_csv)
        buttons.addWidget(export)
        self.undo_button = QPushButton("Undo")
        self.undo_button.clicked.connect(stack.undo)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.chart.table_button)
        QShortcut(QKeySequence.StandardKey.Undo, self, stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, stack.redo)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.delete)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.summary)
        top_layout.addWidget(self.table, 1)
        top_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(top)
        splitter.addWidget(self.chart)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(close)
        stack.indexChanged.connect(self.refresh)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_button.setEnabled(stack.canUndo())
        self.refresh()
        fit_to_screen(self, 760, 640)
        splitter.setSizes([300, 300])

    def refresh(self, _index: int = 0) -> None:
        """Reload the partner's assessments (after any change, an undo too)."""
        selected = self.selected()
        self.assessments = tuple(reversed(self.journal.assessments.of_partner(self.partner_id)))
        self.table.setRowCount(len(self.assessments))
        for row, a in enumerate(self.assessments):
            cells = (
                f"{a.assessed_on:%d %b %Y}",
                a.brm_view.label,
                a.partner_view.label if a.partner_view else "Unknown",
                gap_text(a.gap),
                str(len(a.open_goals)) if a.goals else "—",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        ids = [a.id for a in self.assessments]
        if selected is not None and selected.id in ids:
            self.table.selectRow(ids.index(selected.id))
        elif ids:
            self.table.selectRow(0)
        self.summary.setText(self.summary_text())
        self.chart.set_assessments(tuple(reversed(self.assessments)))

    def export_csv(self) -> Path | None:
        """The partner's assessments to a CSV file: both views, the gap, goals, evidence."""
        from brm_desk.services.interchange.csv_assessments import export_assessments

        name = self.journal.partners.get(self.partner_id).name
        suggested = Path(f"maturity assessments {name}.csv".lower())
        path = files.save_path(self, "Export assessments as CSV", suggested, "CSV files (*.csv)")
        if path is None:
            return None
        try:
            count = export_assessments(self.journal, path, self.partner_id)
        except BrmDeskError as error:
            messages.show_error(self, "Cannot export", error.message)
            return None
        messages.show_info(self, "Export assessments", f"Wrote {count} assessments to {path}.")
        return path

    def summary_text(self) -> str:
        last = latest(self.assessments)
        today = self.journal.today()
        if last is None:
            return "Not assessed yet. Add an assessment: your view, the partner's, and the goals."
        due = " A yearly reassessment is due." if assessment_due(last.assessed_on, today) else ""
        return (
            f"Latest {last.assessed_on:%d %b %Y}: {last.brm_view.label} in your view; "
            f"{gap_text(last.gap)}; {len(last.open_goals)} open goals.{due}"
        )

    def selected(self) -> Assessment | None:
        row = self.table.currentRow()
        return self.assessments[row] if 0 <= row < len(self.assessments) else None

    def add(self) -> AssessmentEditor:
        return self._open(None)

    def edit(self, assessment: Assessment) -> AssessmentEditor:
        return self._open(assessment)

    def edit_selected(self) -> AssessmentEditor | None:
        selected = self.selected()
        return self._open(selected) if selected is not None else None

    def _open(self, assessment: Assessment | None) -> AssessmentEditor:
        editor = AssessmentEditor(
            self.journal, self.stack, assessment, self, partner_id=self.partner_id
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.open()
        return editor

    def delete(self) -> None:
        selected = self.selected()
        if selected is None:
            return
        try:
            push(self.stack, DeleteAssessment(self.journal, selected))
        except Exception as error:
            messages.show_error(self, "Cannot delete", str(error))


def open_assessments(widget: QWidget, journal: Journal, partner_id: str) -> AssessmentsDialog:
    """The partner's assessments over the window ``widget`` is in, on its undo stack (the main
    window's shell), so the Edit menu undoes them too."""
    shell = getattr(widget.window(), "shell", None)
    stack = getattr(shell, "undo_stack", None)
    if not isinstance(stack, QUndoStack):
        stack = QUndoStack(widget)
    dialog = AssessmentsDialog(journal, stack, partner_id, widget.window())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


def reopen_assessment(
    widget: QWidget, journal: Journal, record_id: str, partner_id: str
) -> AssessmentEditor | None:
    """The editor a draft was typed in, over the partner's assessments as it was opened: the
    assessment ``record_id``, or a new one when that is "" (none yet, or deleted since)."""
    try:
        record = journal.assessments.get(record_id) if record_id else None
        dialog = open_assessments(widget, journal, record.partner_id if record else partner_id)
    except BrmDeskError as error:  # e.g. the partner went to the trash since
        messages.show_error(widget, "Cannot open", error.message)
        return None
    return dialog.edit(record) if record is not None else dialog.add()
