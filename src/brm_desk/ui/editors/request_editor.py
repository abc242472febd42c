"""The request editor: the want and the need side by side, the workflow, the business case.

The status combo offers only the moves the workflow allows, and the form shows exactly the
field the chosen status needs (where it was routed, why it was declined, …).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.enums import Focus, RequestStatus
from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Request
from brm_desk.domain.rules import STATUS_REQUIRED_FIELDS, STATUS_TRANSITIONS
from brm_desk.services.journal import Journal
from brm_desk.ui.editors.base import FieldRow, RecordEditor, make_form
from brm_desk.ui.editors.fields import (
    AmountLine,
    CheckList,
    DateLine,
    chosen,
    combo_id,
    enum_combo,
    parse_tags,
    partner_combo,
)
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


def text_box(name: str, text: str, placeholder: str = "") -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


def score_spin(name: str, value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(1, 5)
    spin.setValue(value)
    spin.setMaximumWidth(70)
    return spin


class RequestEditor(RecordEditor):
    noun = "request"

    def __init__(
        self,
        journal: Journal,
        stack: QUndoStack,
        record: Request | None = None,
        parent: QWidget | None = None,
        *,
        partner_id: str | None = None,
    ) -> None:
        super().__init__(journal, stack, record, parent)
        request = record or Request(
            id="", partner_id=partner_id or "", title="", received=journal.today()
        )
        self.partner = partner_combo(journal.partners.listing(), request.partner_id or None)
        self.title = QLineEdit(request.title)
        self.title.setAccessibleName("Title")
        self.raised_by = QComboBox()
        self.raised_by.setAccessibleName("Raised by")
        received = request.received
        self.received = QDateEdit(QDate(received.year, received.month, received.day))
        self.received.setAccessibleName("Received")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.focus = enum_combo("Focus", Focus, request.focus)
        self.value = score_spin("Value", request.value)
        self.urgency = score_spin("Urgency", request.urgency)
        allowed = {request.status, *STATUS_TRANSITIONS[request.status]}
        self.status = enum_combo("Status", [s for s in RequestStatus if s in allowed])
        self.status.setCurrentIndex(self.status.findData(request.status.value))
        self.routed_to = QLineEdit(request.routed_to)
        self.routed_to.setAccessibleName("Routed to")
        self.routed_to.setPlaceholderText("the team or desk it went to")
        self.reframed_as = QComboBox()
        self.reframed_as.setAccessibleName("Reframed as")
        self.outcome_note = text_box(
            "Outcome note", request.outcome_note, "why, and what the partner can do instead"
        )
        self.outcome_note.setMaximumHeight(80)
        self.revisit_on = DateLine("Revisit on")
        self.revisit_on.set_value(request.revisit_on)
        self.delivered_on = DateLine("Delivered on")
        self.delivered_on.set_value(request.delivered_on)
        self.benefit_reviewed_on = DateLine("Benefits reviewed on")
        self.benefit_reviewed_on.set_value(request.benefit_reviewed_on)
        self.tags = QLineEdit(", ".join(request.tags))
        self.tags.setAccessibleName("Tags")
        self.tags.setPlaceholderText("comma, separated")
        self.private = QCheckBox("Private (left out of exports and review packs)")
        self.private.setAccessibleName("Private")
        self.private.setChecked(request.private)

        self.want = text_box("Want", request.want, "what was asked for, in their words")
        self.need = text_box("Need", request.need, "the business need behind it")
        self.expected_benefit = text_box("Expected benefit", request.expected_benefit)
        self.expected_benefit.setMaximumHeight(70)
        self.expected_value = AmountLine("Expected value")
        self.expected_value.set_value(request.expected_value_amount)
        self.realized_value = AmountLine("Realized value")
        self.realized_value.set_value(request.realized_value_amount)
        self.meetings = CheckList("Linked meetings")
        self.notes = MarkdownEditor("Notes")
        self.notes.set_text(request.notes)

        left = make_form()
        self.add_row(left, "Partner", self.partner, "partner")
        self.add_row(left, "Title", self.title, "title")
        self.add_row(left, "Raised by", self.raised_by, "raised_by")
        self.add_row(left, "Received", self.received, "received")
        self.add_row(left, "Focus", self.focus, "focus")
        self.add_row(left, "Value", self.value, "value")
        self.add_row(left, "Urgency", self.urgency, "urgency")
        self.add_row(left, "Status", self.status, "status")
        self.add_row(left, "Routed to", self.routed_to, "routed_to")
        self.add_row(left, "Reframed as", self.reframed_as, "reframed_as")
        self.add_row(left, "Outcome note", self.outcome_note, "outcome_note")
        self.add_row(left, "Revisit on", self.revisit_on, "revisit_on")
        self.add_row(left, "Delivered on", self.delivered_on, "delivered_on")
        self.add_row(left, "Reviewed on", self.benefit_reviewed_on, "benefit_reviewed_on")
        self.add_row(left, "Tags", self.tags, "tags")
        self.add_row(left, "", self.private, "private")
        self.left_form = left

        left_side = QWidget()
        left_column = QVBoxLayout(left_side)
        left_column.setContentsMargins(0, 0, 8, 0)
        left_column.addLayout(left)
        left_column.addStretch(1)
        right_side = QWidget()
        right = QVBoxLayout(right_side)
        right.setContentsMargins(8, 0, 0, 0)
        right.addWidget(self._want_and_need(), 2)
        self.add_block(right, "Expected benefit", self.expected_benefit, "expected_benefit")
        right.addWidget(self._amounts())
        self.add_block(right, "Discussed in meetings", self.meetings, "meetings", stretch=1)
        self.add_block(right, "Notes", self.notes, "notes", stretch=2)

        self.finish_two_columns(left_side, right_side, 740)

        self.set_tab_order(
            self.partner,
            self.title,
            self.raised_by,
            self.received,
            self.focus,
            self.value,
            self.urgency,
            self.status,
            self.routed_to,
            self.reframed_as,
            self.outcome_note,
            self.revisit_on,
            self.delivered_on,
            self.benefit_reviewed_on,
            self.tags,
            self.private,
            self.want,
            self.need,
            self.expected_benefit,
            self.expected_value,
            self.realized_value,
            self.meetings,
            self.notes.editor,
        )
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
            caption = QLabel(f"{label}:")
            caption.setBuddy(box)
            grid.addWidget(caption, 0, column)
            row = FieldRow(label, box)
            self.rows[field] = row
            grid.addWidget(row, 1, column)
        return pair

    def _amounts(self) -> QWidget:
        """Expected and realized value on one line, with the realization they give."""
        amounts = QWidget()
        line = QHBoxLayout(amounts)
        line.setContentsMargins(0, 0, 0, 0)
        for caption, box, field in (
            ("Expected value:", self.expected_value, "expected_value_amount"),
            ("Realized value:", self.realized_value, "realized_value_amount"),
        ):
            label = QLabel(caption)
            label.setBuddy(box)
            row = FieldRow(caption.rstrip(":"), box)
            self.rows[field] = row
            line.addWidget(label, 0, Qt.AlignmentFlag.AlignTop)
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
        needed = STATUS_REQUIRED_FIELDS[chosen(self.status, RequestStatus)]
        for field in STATUS_FIELDS:
            self.left_form.setRowVisible(self.rows[field], field in needed)

    def _show_realization(self) -> None:
        try:
            expected = self.expected_value.value("expected_value_amount")
            realized = self.realized_value.value("realized_value_amount")
        except ValidationError:
            expected = realized = None
        if expected and realized is not None:
            self.realization.setText(f"Realized {realized / expected:.0%}")
        else:
            self.realization.setText("")

    def build(self) -> Request:
        partner_id = combo_id(self.partner)
        if not partner_id:
            raise ValidationError("partner", "is required (add a partner first)")
        received = self.received.date()
        base = self.record or Request(id="", partner_id=partner_id, title="", received=date.today())
        return replace(
            base,
            partner_id=partner_id,
            title=self.title.text().strip(),
            raised_by_id=self.raised_by.currentData(),
            received=date(received.year(), received.month(), received.day()),
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
            private=self.private.isChecked(),
            tags=parse_tags(self.tags.text()),
        )
