"""One assessment: the day, both views, the evidence behind them, a note and the goals.

Evidence is picked from the partner's meetings and requests (a filter narrows the list); one
that went to the trash stays ticked and says so, and comes back with a restore. Goals are
lines of text, each ticked once met. A rule the assessment breaks shows under its field.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.assessments import Assessment, MaturityGoal, next_level
from brm_desk.domain.enums import Maturity
from brm_desk.domain.errors import BrmDeskError, ValidationError
from brm_desk.services.assessments import Evidence
from brm_desk.ui.commands import push
from brm_desk.ui.dialogs import messages
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.editors.base import FieldRow, error_label, nested_detail
from brm_desk.ui.editors.fields import chosen, enum_combo
from brm_desk.ui.maturity.commands import SaveAssessment
from brm_desk.ui.widgets.dates import DateField

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

ID_ROLE = Qt.ItemDataRole.UserRole
UNKNOWN = "Unknown"


def evidence_item(evidence: Evidence, ticked: bool) -> QListWidgetItem:
    item = QListWidgetItem(evidence.label)
    item.setData(ID_ROLE, (evidence.kind, evidence.id))
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
    if evidence.in_trash:
        item.setToolTip("In the trash: restore it to see it again; the link is kept")
    return item


def goal_item(goal: MaturityGoal) -> QListWidgetItem:
    item = QListWidgetItem(goal.text)
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
    item.setCheckState(Qt.CheckState.Checked if goal.met else Qt.CheckState.Unchecked)
    item.setToolTip("Tick once met; double-click or F2 to change the text")
    return item


class AssessmentEditor(QDialog):
    """Add (``assessment`` None) or change an assessment of ``partner_id``."""

    def __init__(
        self,
        journal: Journal,
        stack: QUndoStack,
        partner_id: str,
        assessment: Assessment | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.stack = stack
        self.partner_id = partner_id
        previous = journal.assessments.of_partner(partner_id)
        self.assessment = assessment
        start = assessment or Assessment(
            "", partner_id, journal.today(), previous[-1].brm_view if previous else Maturity.AD_HOC
        )
        self.setWindowTitle("Edit assessment" if assessment else "New assessment")
        self.rows: dict[str, FieldRow] = {}
        self.form = QGridLayout()
        self.form.setColumnStretch(1, 1)

        self.day = DateField("Assessed on", start.assessed_on, journal.today, required=True)
        self.brm_view = enum_combo("Your view", Maturity, start.brm_view)
        self.partner_view = QComboBox()
        self.partner_view.setAccessibleName("Partner's view")
        self.partner_view.addItem(UNKNOWN, None)
        for level in Maturity:
            self.partner_view.addItem(level.label, level.value)
        view = start.partner_view
        self.partner_view.setCurrentIndex(self.partner_view.findData(view.value if view else None))
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Filter meetings and requests")
        self.filter.setAccessibleName("Filter evidence")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_evidence)
        self.evidence = QListWidget()
        self.evidence.setAccessibleName("Evidence")
        self.evidence.setMinimumHeight(150)
        self._fill_evidence(start)
        evidence_box = QWidget()
        evidence_layout = QVBoxLayout(evidence_box)
        evidence_layout.setContentsMargins(0, 0, 0, 0)
        evidence_layout.addWidget(self.filter)
        evidence_layout.addWidget(self.evidence, 1)
        self.note = QPlainTextEdit(start.note)
        self.note.setAccessibleName("Note (private)")
        self.note.setPlaceholderText("Your read: why these levels (stays in the journal)")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(70)
        self.goals = QListWidget()
        self.goals.setAccessibleName("Goals for the next level")
        self.goals.setMaximumHeight(110)
        for goal in start.goals:
            self.goals.addItem(goal_item(goal))
        self.new_goal = QLineEdit()
        self.new_goal.setAccessibleName("New goal")
        self.new_goal.setPlaceholderText(self._goal_hint())
        self.new_goal.returnPressed.connect(self.add_goal)
        add = QPushButton("Add goal")
        add.clicked.connect(self.add_goal)
        remove = QPushButton("Remove")
        remove.setAccessibleName("Remove goal")
        remove.clicked.connect(self.remove_goal)
        goals_box = QWidget()
        goals_layout = QVBoxLayout(goals_box)
        goals_layout.setContentsMargins(0, 0, 0, 0)
        goals_layout.addWidget(self.goals, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.new_goal, 1)
        entry.addWidget(add)
        entry.addWidget(remove)
        goals_layout.addLayout(entry)
        self.brm_view.currentIndexChanged.connect(
            lambda _i: self.new_goal.setPlaceholderText(self._goal_hint())
        )

        self._row("Assessed on", self.day, "on")
        self._row("Your view", self.brm_view, "brm_view")
        self._row("Partner's view", self.partner_view, "partner_view")
        self._row("Evidence", evidence_box, "meetings")
        self.form.setRowStretch(3, 1)  # the evidence list takes the height there is
        self._row("Note", self.note, "note")
        self._row("Goals", goals_box, "goals")
        self.general_error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        order = [self.day.edit, self.brm_view, self.partner_view, self.filter, self.evidence]
        order += [self.note, self.goals, self.new_goal, add, remove, *self.buttons.buttons()]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)
        fit_to_screen(self, 640, 660)
        self.day.edit.setFocus()
        self.opened_with = self._current()

    def _row(self, label: str, widget: QWidget, field: str) -> None:
        row = FieldRow(label, widget)
        self.rows[field] = row
        caption = QLabel(f"{label}:")
        caption.setBuddy(widget)
        line = len(self.rows) - 1
        top_right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        self.form.addWidget(caption, line, 0, top_right)
        self.form.addWidget(row, line, 1)

    def _goal_hint(self) -> str:
        above = next_level(chosen(self.brm_view, Maturity))
        if above is None:
            return "What keeps the partnership strategic"
        return f"What it takes to reach {above.label}"

    def _fill_evidence(self, start: Assessment) -> None:
        meetings = self.journal.meetings.of_partner(self.partner_id)
        requests = self.journal.requests.of_partner(self.partner_id)
        offered = self.journal.assessments.evidence_of(
            [*start.meeting_ids, *(m.id for m in meetings if m.id not in start.meeting_ids)],
            [*start.request_ids, *(r.id for r in requests if r.id not in start.request_ids)],
        )
        ticked = {*start.meeting_ids, *start.request_ids}
        offered.sort(key=lambda e: (e.id not in ticked, -e.day.toordinal()))
        for evidence in offered:
            self.evidence.addItem(evidence_item(evidence, evidence.id in ticked))

    def _filter_evidence(self, text: str) -> None:
        words = text.casefold().split()
        for row in range(self.evidence.count()):
            item = self.evidence.item(row)
            shown = all(word in item.text().casefold() for word in words)
            item.setHidden(not shown and item.checkState() != Qt.CheckState.Checked)

    def add_goal(self) -> None:
        text = self.new_goal.text().strip()
        if text:
            self.goals.addItem(goal_item(MaturityGoal(text)))
            self.new_goal.clear()

    def remove_goal(self) -> None:
        row = self.goals.currentRow()
        if row >= 0:
            self.goals.takeItem(row)

    def build(self) -> Assessment:
        """The assessment as the form has it (a date that cannot be read raises)."""
        ticked = [
            self.evidence.item(row).data(ID_ROLE)
            for row in range(self.evidence.count())
            if self.evidence.item(row).checkState() == Qt.CheckState.Checked
        ]
        view = self.partner_view.currentData()
        goals = [self.goals.item(row) for row in range(self.goals.count())]
        base = self.assessment or Assessment(
            "", self.partner_id, self.journal.today(), Maturity.AD_HOC
        )
        return replace(
            base,
            assessed_on=self.day.required_value("on"),
            brm_view=chosen(self.brm_view, Maturity),
            partner_view=Maturity(view) if view else None,
            meeting_ids=tuple(uid for kind, uid in ticked if kind == "meeting"),
            request_ids=tuple(uid for kind, uid in ticked if kind == "request"),
            note=self.note.toPlainText(),
            goals=tuple(
                MaturityGoal(item.text(), item.checkState() == Qt.CheckState.Checked)
                for item in goals
            ),
        )

    def _current(self) -> Assessment | None:
        """The form as an assessment; none while its date cannot be read."""
        try:
            return self.build()
        except ValidationError:
            return None

    def changed(self) -> bool:
        """Whether the form holds something other than when it opened (or was saved)."""
        return self._current() != self.opened_with

    def reject(self) -> None:
        """Escape, Cancel or closing: a changed form asks first, as every editor does."""
        if self.changed():
            answer = messages.ask_to_save(self, self.windowTitle())
            if answer == "save":
                self.accept()
            if answer != "discard":
                return
        super().reject()

    def save(self) -> bool:
        """Save through an undoable command; ``False`` with the reason shown inline."""
        for row in self.rows.values():
            row.clear_error()
        self.general_error.hide()
        try:
            assessment = self.build()
            if assessment == self.assessment:
                return True
            command = SaveAssessment(self.journal, self.assessment, assessment)
            push(self.stack, command)
        except BrmDeskError as error:
            self.show_error(error)
            return False
        self.assessment = self.opened_with = command.after
        return True

    def show_error(self, error: BrmDeskError) -> None:
        if isinstance(error, ValidationError):
            key = error.field.split("[", 1)[0].split(".", 1)[0]
            key = "meetings" if key == "requests" else key
            row = self.rows.get(key)
            if row is not None:
                row.show_error(error.reason, nested_detail(error.field[len(key) :]))
                return
        self.general_error.setText(error.message)
        self.general_error.show()

    def error_text(self, field: str) -> str:
        row = self.rows[field]
        return row.error.text() if not row.error.isHidden() else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter adds a goal (or ticks nothing); it never saves half a form: Ctrl+S does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if self.save():
            super().accept()
