"""The request editor: the want and the need side by side, the workflow, the business case.

The status combo offers only the moves the workflow allows, and the form shows exactly the
field the chosen status needs (where it was routed, why it was declined, …).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from brm_desk.domain.benefits import realization
from brm_desk.domain.enums import Focus, RequestStatus
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Request
from brm_desk.domain.rules import STATUS_REQUIRED_FIELDS, STATUS_TRANSITIONS
from brm_desk.ui.editors.base import RecordEditor
from brm_desk.ui.editors.fields import (
    PRIVATE_NOTES,
    AmountLine,
    CheckList,
    chosen,
    chosen_partner,
    combo_id,
    enum_combo,
    line_edit,
    number_box,
    parse_tags,
    partner_combo,
    private_box,
    private_notes_box,
    tags_line,
    text_box,
)
from brm_desk.ui.widgets.choices import choice_box
from brm_desk.ui.widgets.dates import DateField
from brm_desk.ui.widgets.markdown_editor import MarkdownEditor

STATUS_FIELDS = (
    "routed_to",
    "reframed_as",
    "outcome_note",
    "revisit_on",
    "delivered_on",
    "benefit_reviewed_on",
)
LINKABLE_MEETINGS = 200


class RequestEditor(RecordEditor):
    noun = "request"

    def blank(self, partner_id: str) -> Request:
        return Request(id="", partner_id=partner_id, title="", received=self.journal.today())

    def make_fields(self, request: Request) -> None:
        self.partner = partner_combo(self.journal.partners.listing(), request.partner_id or None)
        self.title = line_edit("Title", request.title)
        self.raised_by = choice_box("Raised by", [])
        today = self.journal.today
        self.received = DateField("Received", request.received, today, required=True)
        self.focus = enum_combo("Focus", Focus, request.focus)
        self.value = number_box("Value", request.value, 1, 5, width=70)
        self.urgency = number_box("Urgency", request.urgency, 1, 5, width=70)
        allowed = {request.status, *STATUS_TRANSITIONS[request.status]}
        self.status = enum_combo("Status", [s for s in RequestStatus if s in allowed])
        self.status.setCurrentIndex(self.status.findData(request.status.value))
        self.routed_to = line_edit("Routed to", request.routed_to, "the team or desk it went to")
        self.reframed_as = choice_box("Reframed as", [])
        self.outcome_note = text_box(
            "Outcome note", request.outcome_note, "why, and what the partner can do instead"
        )
        self.outcome_note.setMaximumHeight(80)
        self.revisit_on = DateField("Revisit on", request.revisit_on, today)
        self.delivered_on = DateField("Delivered on", request.delivered_on, today)
        self.benefit_reviewed_on = DateField(
            "Benefits reviewed on", request.benefit_reviewed_on, today
        )
        self.tags = tags_line(request.tags)
        self.private = private_box(request.private)

        self.want = text_box("Want", request.want, "what was asked for, in their words")
        self.need = text_box("Need", request.need, "the business need behind it")
        self.expected_benefit = text_box("Expected benefit", request.expected_benefit)
        self.expected_benefit.setMaximumHeight(70)
        self.expected_value = AmountLine("Expected value", request.expected_value_amount)
        self.realized_value = AmountLine("Realized value", request.realized_value_amount)
        self.meetings = CheckList("Linked meetings")
        self.notes = MarkdownEditor("Notes")
        self.notes.set_text(request.notes)
        self.private_notes = private_notes_box(request.private_notes)

        self.add_row("Partner", self.partner, "partner")
        self.add_row("Title", self.title, "title")
        self.add_row("Raised by", self.raised_by, "raised_by")
        self.add_row("Received", self.received, "received")
        self.add_row("Focus", self.focus, "focus")
        self.add_row("Value", self.value, "value")
        self.add_row("Urgency", self.urgency, "urgency")
        self.add_row("Status", self.status, "status")
        self.add_row("Routed to", self.routed_to, "routed_to")
        self.add_row("Reframed as", self.reframed_as, "reframed_as")
        self.add_row("Outcome note", self.outcome_note, "outcome_note")
        self.add_row("Revisit on", self.revisit_on, "revisit_on")
        self.add_row("Delivered on", self.delivered_on, "delivered_on")
        self.add_row("Reviewed on", self.benefit_reviewed_on, "benefit_reviewed_on")
        self.add_row("Tags", self.tags, "tags")
        self.add_row("", self.private, "private")
        right = QVBoxLayout()
        right.addWidget(self._want_and_need(), 2)
        self.add_block(right, "Expected benefit", self.expected_benefit, "expected_benefit")
        right.addWidget(self._amounts())
        self.add_block(right, "Discussed in meetings", self.meetings, "meetings", stretch=1)
        notes_stops = [self.notes.editor]
        self.add_block(right, "Notes", self.notes, "notes", stretch=2, tab_stops=notes_stops)
        private_stops = [self.private_notes.editor]
        self.add_block(right, PRIVATE_NOTES, self.private_notes, "private_notes", 1, private_stops)
        self.finish_two_columns(right, 740)
        self._fill_partner_lists(request)
        self._show_status_fields()
        self._show_realization()
        self.partner.currentIndexChanged.connect(lambda _i: self._fill_partner_lists(None))
        self.status.currentIndexChanged.connect(lambda _i: self._show_status_fields())
        self.expected_value.textChanged.connect(self._show_realization)
        self.realized_value.textChanged.connect(self._show_realization)
        self.title.setFocus()

    def _want_and_need(self) -> QWidget:
        """Want and need side by side: the gap between them is the BRM's work."""
        pair = QWidget()
        grid = QGridLayout(pair)
        grid.setContentsMargins(0, 0, 0, 0)
        for column, (label, box, field) in enumerate(
            (("Want", self.want, "want"), ("Need", self.need, "need"))
        ):
            caption, row = self.field_row(label, box, field)
            grid.addWidget(caption, 0, column)
            grid.addWidget(row, 1, column)
        return pair

    def _amounts(self) -> QWidget:
        """Expected and realized value on one line, with the realization they give."""
        amounts = QWidget()
        line = QHBoxLayout(amounts)
        line.setContentsMargins(0, 0, 0, 0)
        for label, box, field in (
            ("Expected value", self.expected_value, "expected_value_amount"),
            ("Realized value", self.realized_value, "realized_value_amount"),
        ):
            caption, row = self.field_row(label, box, field)
            line.addWidget(caption, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(row)
        self.realization = QLabel()
        self.realization.setAccessibleName("Realization")
        line.addWidget(self.realization, 0, Qt.AlignmentFlag.AlignTop)
        line.addStretch(1)
        return amounts

    def _fill_partner_lists(self, request: Request | None) -> None:
        """Contacts, requests and meetings of the chosen partner (kept ticks when loading)."""
        partner_id = combo_id(self.partner)
        contacts = self.journal.contacts.listing(partner_id) if partner_id else []
        self.raised_by.clear()
        self.raised_by.addItem("— nobody in particular", None)
        for contact in contacts:
            self.raised_by.addItem(contact.name, contact.id)
        others = self.journal.requests.of_partner(partner_id) if partner_id else []
        self.reframed_as.clear()
        self.reframed_as.addItem("— choose the request it became", None)
        for other in others:
            if self.record is None or other.id != self.record.id:
                self.reframed_as.addItem(f"{other.title} ({other.received})", other.id)
        meetings = (
            self.journal.meetings.of_partner(partner_id, LINKABLE_MEETINGS) if partner_id else []
        )
        self.meetings.fill(
            ((m.id, f"{m.start:%Y-%m-%d} {m.title}") for m in meetings),
            request.meeting_ids if request else (),
        )
        if request is not None:
            self.raised_by.setCurrentIndex(max(self.raised_by.findData(request.raised_by_id), 0))
            self.reframed_as.setCurrentIndex(
                max(self.reframed_as.findData(request.reframed_as_id), 0)
            )

    def _show_status_fields(self) -> None:
        status = chosen(self.status, RequestStatus)
        needed = STATUS_REQUIRED_FIELDS[status]
        if status is RequestStatus.ACCEPTED:  # why it was accepted without a business case
            needed = (*needed, "outcome_note")
        for field in STATUS_FIELDS:
            self.form.setRowVisible(self.rows[field], field in needed)

    def _show_realization(self) -> None:
        try:
            expected = self.expected_value.value("expected_value_amount")
            realized = self.realized_value.value("realized_value_amount")
        except ValidationError:
            expected = realized = None
        ratio = realization(expected, realized)
        self.realization.setText("" if ratio is None else f"Realized {ratio:.0%}")

    def build(self) -> Request:
        partner_id = chosen_partner(self.partner)
        return replace(
            self.record or self.blank(partner_id),
            partner_id=partner_id,
            title=self.title.text().strip(),
            raised_by_id=self.raised_by.currentData(),
            received=self.received.required_value("received"),
            focus=chosen(self.focus, Focus),
            want=self.want.toPlainText(),
            need=self.need.toPlainText(),
            value=self.value.value(),
            urgency=self.urgency.value(),
            status=chosen(self.status, RequestStatus),
            routed_to=self.routed_to.text().strip(),
            reframed_as_id=self.reframed_as.currentData(),
            outcome_note=self.outcome_note.toPlainText(),
            revisit_on=self.revisit_on.value("revisit_on"),
            delivered_on=self.delivered_on.value("delivered_on"),
            benefit_reviewed_on=self.benefit_reviewed_on.value("benefit_reviewed_on"),
            expected_benefit=self.expected_benefit.toPlainText(),
            expected_value_amount=self.expected_value.value("expected_value_amount"),
            realized_value_amount=self.realized_value.value("realized_value_amount"),
            meeting_ids=self.meetings.checked_ids(),
            notes=self.notes.text(),
            private_notes=self.private_notes.text(),
            private=self.private.isChecked(),
            tags=parse_tags(self.tags.text()),
        )
