"""One assessment: the day, both views, the goals, the evidence behind the views and a note.

A record editor like the others (ui/editors/base.py): what is typed is kept as a draft, a
broken rule shows under its field, and saving is one step on the undo stack. Evidence is
picked from the partner's meetings and requests; goals are lines of text, each ticked once met.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QVBoxLayout

from brm_desk.domain.assessments import Assessment
from brm_desk.domain.enums import Maturity
from brm_desk.ui.commands import push
from brm_desk.ui.editors.base import RecordEditor
from brm_desk.ui.editors.fields import chosen, enum_combo, private_look, text_box
from brm_desk.ui.maturity.assessment_fields import EvidenceField, GoalsField
from brm_desk.ui.maturity.commands import SaveAssessment
from brm_desk.ui.widgets.dates import DateField

UNKNOWN = "Unknown"


class AssessmentEditor(RecordEditor):
    """Add (``record`` None, for ``partner_id``) or change an assessment of a partner."""

    noun = "assessment"
    shown_in: ClassVar[dict[str, str]] = {"requests": "meetings"}  # one list holds both
    record: Assessment | None

    def blank(self, partner_id: str) -> Assessment:
        """Today, starting from the partner's latest view."""
        previous = self.journal.assessments.of_partner(partner_id)
        view = previous[-1].brm_view if previous else Maturity.AD_HOC
        return Assessment("", partner_id, self.journal.today(), view)

    def window_title(self) -> str:
        if self.record is None:
            return "New assessment"
        return f"Assessment of {self.record.assessed_on:%d %b %Y}"

    def make_fields(self, start: Assessment) -> None:
        self.partner_id = start.partner_id
        self.partner_name = self.journal.partners.get(start.partner_id).name
        self.day = DateField("Assessed on", start.assessed_on, self.journal.today, required=True)
        self.brm_view = enum_combo("Your view", Maturity, start.brm_view)
        self.partner_view = QComboBox()
        self.partner_view.setAccessibleName("Partner's view")
        self.partner_view.addItem(UNKNOWN, None)
        for level in Maturity:
            self.partner_view.addItem(level.label, level.value)
        view = start.partner_view
        self.partner_view.setCurrentIndex(self.partner_view.findData(view.value if view else None))
        self.goals_field = GoalsField(start.goals)
        self.goals, self.new_goal = self.goals_field.list, self.goals_field.entry
        self.goals_field.aim_at(start.brm_view)
        self.brm_view.currentIndexChanged.connect(
            lambda _i: self.goals_field.aim_at(chosen(self.brm_view, Maturity))
        )
        self.evidence_field = EvidenceField()
        self.evidence, self.filter = self.evidence_field.list, self.evidence_field.filter
        self._offer_evidence(start)
        self.note = text_box(
            "Note (private)", start.note, "Your read: why these levels (stays in the journal)"
        )
        private_look(self.note)

        self.add_row("Assessed on", self.day, "on", tab_stops=[self.day.edit])
        self.add_row("Your view", self.brm_view, "brm_view")
        self.add_row("Partner's view", self.partner_view, "partner_view")
        below, right = QVBoxLayout(), QVBoxLayout()
        goal_stops = self.goals_field.tab_stops
        self.add_block(below, "Goals", self.goals_field, "goals", 1, goal_stops)
        evidence_stops = [self.filter, self.evidence]
        self.add_block(right, "Evidence", self.evidence_field, "meetings", 3, evidence_stops)
        self.add_block(right, "Note", self.note, "note", stretch=1)
        self.finish_two_columns(right, 640, below)
        self.day.edit.setFocus()

    def _offer_evidence(self, start: Assessment) -> None:
        """The partner's meetings and requests, and what the assessment ticked (which may be
        another partner's since, or in the trash)."""
        meetings = self.journal.meetings.of_partner(self.partner_id)
        requests = self.journal.requests.of_partner(self.partner_id)
        ticked = (*start.meeting_ids, *start.request_ids)
        offered = self.journal.assessments.evidence_of(
            [*start.meeting_ids, *(m.id for m in meetings if m.id not in ticked)],
            [*start.request_ids, *(r.id for r in requests if r.id not in ticked)],
        )
        self.evidence_field.fill(offered, ticked)

    def build(self) -> Assessment:
        """The assessment as the form has it (a date that cannot be read raises)."""
        view = self.partner_view.currentData()
        return replace(
            self.record or self.blank(self.partner_id),
            assessed_on=self.day.required_value("on"),
            brm_view=chosen(self.brm_view, Maturity),
            partner_view=Maturity(view) if view else None,
            meeting_ids=self.evidence_field.ticked("meeting"),
            request_ids=self.evidence_field.ticked("request"),
            note=self.note.toPlainText(),
            goals=self.goals_field.goals(),
        )

    def store(self, record: Any) -> Assessment:
        command = SaveAssessment(self.journal, self.record, record)
        push(self.stack, command)
        return command.after

    def form_state(self) -> dict[str, Any]:
        """The fields, and whose assessment it is (a new one is reopened for that partner),
        titled for the list of drafts a crash left."""
        title = f"{self.partner_name}, {self.day.edit.text()}"
        return {**super().form_state(), "partner_id": self.partner_id, "title": title}

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter adds a goal (or ticks nothing); it never saves half a form: Ctrl+S does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
