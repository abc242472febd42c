"""Type in a partner's pulse: three 1–5 scores, the net promoter 0–10, a comment.

Each score starts blank, so an answer is never taken for one the BRM did not type; a rule
the pulse breaks shows under the field it names, and the dialog stays open.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import BrmDeskError, ValidationError
from brm_desk.domain.pulses import NET_PROMOTER_RANGE, SCORE_LABELS, SCORE_RANGE, Pulse, check_pulse
from brm_desk.domain.records import Contact
from brm_desk.ui.dialogs.buttons import answer_buttons
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.editors.base import FieldRow, error_label
from brm_desk.ui.widgets.dates import DateField

SCORE_TIPS = {
    "trust": "Do they trust us to do what we say? 1 not at all … 5 completely",
    "responsiveness": "Do we answer and act quickly enough? 1 far too slow … 5 always",
    "value_delivered": "Does our work bring their business value? 1 none … 5 a great deal",
    "net_promoter": "How likely are they to recommend working with us? 0 not at all … 10 surely",
}


def score_box(field: str, low: int, high: int, value: int | None) -> QSpinBox:
    """A score from ``low`` to ``high``, blank (—) until one is typed."""
    box = QSpinBox()
    box.setRange(low - 1, high)
    box.setSpecialValueText("—")
    box.setValue(low - 1 if value is None else value)
    box.setAccessibleName(SCORE_LABELS[field])
    box.setToolTip(SCORE_TIPS[field])
    box.setMaximumWidth(90)
    return box


class PulseDialog(QDialog):
    """A new pulse of ``partner_id``, or changes to ``pulse``; :meth:`pulse` is the result."""

    def __init__(
        self,
        partner_id: str,
        partner_name: str,
        contacts: list[Contact],
        today: date,
        pulse: Pulse | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"{'Edit' if pulse else 'New'} pulse — {partner_name}")
        self.original = pulse or Pulse("", partner_id, today, 0, 0, 0, -1)
        self.result_pulse: Pulse | None = None
        self.taken_on = DateField("Taken on", self.original.taken_on, lambda: today, required=True)
        self.scores = {
            field: score_box(
                field,
                *(NET_PROMOTER_RANGE if field == "net_promoter" else SCORE_RANGE),
                getattr(pulse, field) if pulse else None,
            )
            for field in SCORE_LABELS
        }
        self.answered_by = QComboBox()
        self.answered_by.setAccessibleName("Answered by")
        self.answered_by.addItem("Not named", None)
        for contact in contacts:
            self.answered_by.addItem(contact.name, contact.id)
        found = self.answered_by.findData(self.original.answered_by_id)
        self.answered_by.setCurrentIndex(max(found, 0))
        self.comment = QPlainTextEdit(self.original.comment)
        self.comment.setAccessibleName("Comment")
        self.comment.setPlaceholderText("What they said, in their words")
        self.comment.setTabChangesFocus(True)
        widgets: dict[str, tuple[str, QWidget]] = {
            "taken_on": ("Taken on", self.taken_on),
            **{field: (label, self.scores[field]) for field, label in SCORE_LABELS.items()},
            "answered_by": ("Answered by", self.answered_by),
            "comment": ("Comment", self.comment),
        }
        self.rows = {field: FieldRow(label, widget) for field, (label, widget) in widgets.items()}
        form = QFormLayout()
        for field, (label, _widget) in widgets.items():
            form.addRow(f"{label}:", self.rows[field])
        self.general_error = error_label()
        buttons = answer_buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general_error)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 460)

    def build(self) -> Pulse:
        """The pulse as typed, checked; a blank score is refused as required."""
        for field, box in self.scores.items():
            if box.value() < box.minimum() + 1:
                raise ValidationError(field, "is required")
        scores = {field: box.value() for field, box in self.scores.items()}
        return check_pulse(
            replace(
                self.original,
                taken_on=self.taken_on.required_value("taken_on"),
                trust=scores["trust"],
                responsiveness=scores["responsiveness"],
                value_delivered=scores["value_delivered"],
                net_promoter=scores["net_promoter"],
                answered_by_id=self.answered_by.currentData(),
                comment=self.comment.toPlainText(),
            )
        )

    def accept(self) -> None:
        for row in self.rows.values():
            row.clear_error()
        self.general_error.hide()
        try:
            self.result_pulse = self.build()
        except ValidationError as error:
            self.show_error(error)
            return
        except BrmDeskError as error:
            self.general_error.setText(error.message)
            self.general_error.show()
            return
        super().accept()

    def show_error(self, error: ValidationError) -> None:
        """The message under the field it names, which takes the focus."""
        row = self.rows.get(error.field)
        if row is None:
            self.general_error.setText(error.message)
            self.general_error.show()
            return
        row.show_error(error.reason)
        row.widget.setFocus()

    def error_text(self, field: str) -> str:
        """What shows under ``field`` ("" when nothing): what tests and screen readers read."""
        row = self.rows[field]
        return row.error.text() if not row.error.isHidden() else ""

    def pulse(self) -> Pulse | None:
        """The pulse typed in, once the dialog was accepted."""
        return self.result_pulse
