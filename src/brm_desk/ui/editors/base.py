"""What every record editor shares: a form whose rows show the core's messages inline, and
a draft of what is typed, so that no word is lost.

The editor builds a record from its fields and hands it to a command; a
:class:`ValidationError` from the core names the JSON field, and the red line under that
field says what is wrong. Nothing is saved while a rule is broken. Every second, what the
fields hold goes to a draft if it changed (services/drafts.py): a crash loses at most that
second, and the next start offers the draft back. Saving or discarding drops the draft;
Escape, Cancel or closing a changed editor asks which (Save / Discard / Cancel).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import suppress
from datetime import UTC, datetime
from itertools import pairwise
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import BrmDeskError, ValidationError
from brm_desk.services.drafts import Draft, fingerprint, for_journal
from brm_desk.ui.commands import AddRecord, EditRecord, push
from brm_desk.ui.dialogs import messages
from brm_desk.ui.dialogs.fitting import fit_to_screen, scrolling
from brm_desk.ui.editors.fields import field_value, set_field_value
from brm_desk.ui.palette import ERROR_STYLE

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal

DRAFT_EVERY_MS = 1000
"""How often what the form holds is compared with the last draft (the promise is 2 s)."""


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setAccessibleName("Error")
    label.hide()
    return label


class FieldRow(QWidget):
    """A field with the red line under it where a broken rule is explained."""

    def __init__(self, label: str, widget: QWidget) -> None:
        super().__init__()
        self.label = label
        self.widget = widget
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)

    def show_error(self, reason: str, detail: str = "") -> None:
        """``Name is required``; a nested field adds where: ``Actions, row 2 text is required``."""
        self.error.setText(f"{self.label}{detail} {reason}")
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()


def nested_detail(rest: str) -> str:
    """``[1].due`` → ``, row 2 due``: where in a list field the problem is."""
    if not rest:
        return ""
    detail = ""
    if rest.startswith("["):
        number, _, rest = rest[1:].partition("]")
        if number.isdigit():
            detail = f", row {int(number) + 1}"
    sub = rest.lstrip(".")
    return f"{detail} {sub.replace('_', ' ')}" if sub else detail


class RecordEditor(QDialog):
    """A dialog over one record; ``record`` is ``None`` for a new one.

    Subclasses give a new record's :meth:`blank` values and :meth:`make_fields`: each field
    placed with :meth:`add_row` (in ``form``) or :meth:`add_block` (stacked in a column), then
    :meth:`finish` or :meth:`finish_two_columns`. Tab goes through the fields in the order
    they were placed, then to Save and Cancel. A draft keeps each field's value by its name,
    and puts them back in the same order (a partner before the contacts it offers).
    :meth:`build` reads the record back; a kind saved by a command of its own (an assessment)
    gives :meth:`store`.
    """

    sig_saved = Signal(object)
    noun = "record"
    shown_in: ClassVar[Mapping[str, str]] = {}
    """Where an error on a field the form has no row for shows: the field whose row it is."""

    def __init__(
        self,
        journal: Journal,
        stack: QUndoStack,
        record: Any = None,
        parent: QWidget | None = None,
        *,
        partner_id: str | None = None,
    ) -> None:
        """``partner_id`` is a new record's partner, where records belong to one."""
        super().__init__(parent)
        self.journal = journal
        self.stack = stack
        self.record = record
        self.rows: dict[str, FieldRow] = {}
        self.tab_stops: list[QWidget] = []
        self.setWindowTitle(self.window_title())
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.general_error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, self.accept)
        self.make_fields(record or self.blank(partner_id or ""))
        self.drafts = for_journal(journal)
        self.draft_key = record.id if record is not None else f"new-{self.noun}"
        self.opened_with = self._drafted = self.form_state()
        self.draft_timer = QTimer(self)
        self.draft_timer.timeout.connect(self.keep_draft)
        self.draft_timer.start(DRAFT_EVERY_MS)

    def blank(self, partner_id: str) -> Any:
        """A new record as the form starts it."""
        raise NotImplementedError

    def make_fields(self, record: Any) -> None:
        """Make and place the fields showing ``record``, then finish the layout."""
        raise NotImplementedError

    def window_title(self) -> str:
        if self.record is None:
            return f"New {self.noun}"
        name = getattr(self.record, "name", None) or getattr(self.record, "title", "")
        return f"{self.noun.capitalize()} — {name}"

    def field_row(
        self, label: str, widget: QWidget, field: str, tab_stops: Sequence[QWidget] | None = None
    ) -> tuple[QLabel, FieldRow]:
        """A caption for ``widget`` and the row holding it, where errors on ``field`` show.

        Tab stops at ``tab_stops`` (the widget itself unless given) in the order rows are made.
        """
        row = FieldRow(label, widget)
        caption = QLabel(f"{label}:" if label else "")
        caption.setBuddy(widget)
        self.rows[field] = row
        self.tab_stops.extend([widget] if tab_stops is None else tab_stops)
        return caption, row

    def add_row(
        self, label: str, widget: QWidget, field: str, tab_stops: Sequence[QWidget] | None = None
    ) -> FieldRow:
        """Add ``widget`` to the form under ``label`` (see :meth:`field_row`)."""
        caption, row = self.field_row(label, widget, field, tab_stops)
        self.form.addRow(caption, row)
        return row

    def add_block(
        self,
        layout: QVBoxLayout,
        label: str,
        widget: QWidget,
        field: str,
        stretch: int = 0,
        tab_stops: Sequence[QWidget] | None = None,
    ) -> FieldRow:
        """A captioned field stacked in a column (notes, tables): it grows with ``stretch``."""
        caption, row = self.field_row(label, widget, field, tab_stops)
        layout.addWidget(caption)
        layout.addWidget(row, stretch)
        return row

    def finish(self, width: int, height: int) -> None:
        """The form (scrolling when the screen is short), the general error line, the buttons."""
        body = QWidget()
        body.setLayout(self.form)
        self._finish(scrolling(body))
        fit_to_screen(self, width, height)

    def finish_two_columns(
        self, right: QVBoxLayout, height: int, below: QVBoxLayout | None = None
    ) -> None:
        """The form on the left (over the blocks ``below`` it, which take the height left),
        the long texts on the right, the divider movable; each side scrolls when the
        screen is short."""
        left_side, right_side = QWidget(), QWidget()
        left = QVBoxLayout(left_side)
        left.setContentsMargins(0, 0, 8, 0)
        left.addLayout(self.form)
        if below is not None:
            left.addLayout(below, 1)
        else:
            left.addStretch(1)
        right_side.setLayout(right)
        right.setContentsMargins(8, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scrolling(left_side))
        splitter.addWidget(scrolling(right_side))
        splitter.setStretchFactor(0, 2)  # a narrower window takes from both sides
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self._finish(splitter)
        fit_to_screen(self, 1060, height)
        splitter.setSizes([430, 630])

    def _finish(self, body: QWidget) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(body, 1)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        for first, second in pairwise([*self.tab_stops, *self.buttons.buttons()]):
            QWidget.setTabOrder(first, second)

    def show_error(self, error: BrmDeskError) -> None:
        """Put the message under the field a broken rule names, else above the buttons."""
        if isinstance(error, ValidationError):
            key = error.field.split("[", 1)[0].split(".", 1)[0]
            row = self.rows.get(self.shown_in.get(key, key))
            if row is not None:
                row.show_error(error.reason, nested_detail(error.field[len(key) :]))
                row.widget.setFocus()
                return
        self.general_error.setText(error.message)
        self.general_error.show()

    def clear_errors(self) -> None:
        for row in self.rows.values():
            row.clear_error()
        self.general_error.clear()
        self.general_error.hide()

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" when none): what tests and screen readers read."""
        row = self.rows.get(field)
        return row.error.text() if row is not None and not row.error.isHidden() else ""

    def build(self) -> Any:
        """The record as the form has it; raises ValidationError for what cannot be parsed."""
        raise NotImplementedError

    def save(self) -> bool:
        """Save through a command; ``False`` (and the message inline) when a rule refuses it."""
        self.clear_errors()
        try:
            record = self.build()
            if record == self.record:  # nothing changed: nothing to undo either
                self.saved(record)
                return True
            self.record = self.store(record)
        except BrmDeskError as error:  # a broken rule, or e.g. the partner deleted meanwhile
            self.show_error(error)
            return False
        self.saved(self.record)
        self.sig_saved.emit(self.record)
        return True

    def store(self, record: Any) -> Any:
        """Put ``record`` in the journal through an undoable command; returns it as stored."""
        if self.record is None:
            added = AddRecord(self.journal, record)
            push(self.stack, added)
            return added.record
        edited = EditRecord(self.journal, self.record, record)
        push(self.stack, edited)
        return edited.after

    def saved(self, record: Any) -> None:
        """The form now holds what the journal holds: its draft goes."""
        self.drop_draft()
        self.draft_key = record.id
        self.opened_with = self._drafted = self.form_state()

    def accept(self) -> None:
        if self.save():
            super().accept()

    def reject(self) -> None:
        """Escape, Cancel or closing: a changed form asks first whether to save it."""
        if self.changed():
            answer = messages.ask_to_save(self, self.windowTitle())
            if answer == "save":
                self.accept()
            if answer != "discard":
                return
        self.draft_timer.stop()
        self.drop_draft()
        super().reject()

    # The draft --------------------------------------------------------------------------

    def form_state(self) -> dict[str, Any]:
        """Every field's value by its name, as a draft keeps it."""
        return {field: field_value(row.widget) for field, row in self.rows.items()}

    def changed(self) -> bool:
        """Whether the form holds something other than it held when it opened (or was saved)."""
        return self.form_state() != self.opened_with

    def keep_draft(self) -> None:
        """Write the form as a draft when it changed since the last one (the timer's work)."""
        state = self.form_state()
        if state == self._drafted:
            return
        try:
            if state == self.opened_with:
                self.drafts.discard(self.draft_key)
            else:
                self.drafts.save(
                    Draft(
                        self.draft_key,
                        self.noun,
                        datetime.now(UTC),
                        state,
                        getattr(self.record, "id", ""),
                        fingerprint(self.record),
                    )
                )
        except OSError as error:
            self.general_error.setText(f"The draft could not be written ({error}): save soon.")
            self.general_error.show()
            return
        self._drafted = state

    def restore(self, draft: Draft, note: str = "") -> None:
        """Put a draft's fields back (in the order the form has them); ``note`` says what
        became of the record since, above the buttons."""
        self.draft_key = draft.key
        for field, row in self.rows.items():
            if field in draft.fields:
                set_field_value(row.widget, draft.fields[field])
        self.restored()
        if note:
            self.general_error.setText(note)
            self.general_error.show()

    def restored(self) -> None:
        """Hook: after a draft was put back."""

    def drop_draft(self) -> None:
        with suppress(OSError):  # a draft file that cannot be removed is offered once more
            self.drafts.discard(self.draft_key)
        self._drafted = self.opened_with
