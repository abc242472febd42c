"""File calendar inbox events with a partner, type and focus of the BRM's choosing (key C)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from brm_desk.domain.calendar_inbox import InboxItem, guessed_focus
from brm_desk.domain.enums import FOCUS_ORDER, Focus, MeetingType
from brm_desk.domain.records import Partner
from brm_desk.services.calendar_inbox import Filing
from brm_desk.ui.editors.base import error_label
from brm_desk.ui.editors.fields import chosen, combo_id, enum_combo, partner_combo


class FilingDialog(QDialog):
    """The guess of the first event, to change; "File" files every event given with it."""

    def __init__(
        self, partners: Sequence[Partner], items: Sequence[InboxItem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        first = items[0]
        self.items = list(items)
        self.setWindowTitle("File calendar events" if len(items) > 1 else "File calendar event")
        what = (
            f"{len(items)} events, from '{first.title}' on"
            if len(items) > 1
            else f"'{first.title}', {first.start.strftime('%a %d %b %Y, %H:%M')}"
        )
        heading = QLabel(f"File {what} as meetings of:" if len(items) > 1 else f"File {what} as:")
        heading.setWordWrap(True)
        self.partner = partner_combo(partners, first.partner_id)
        if first.partner_id is None:
            self.partner.setCurrentIndex(-1)
            self.partner.setPlaceholderText("choose the partner")
        self.type = enum_combo("Type", list(MeetingType), first.type)
        self.focus = enum_combo("Focus", FOCUS_ORDER, first.focus)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.problem = error_label()
        form = QFormLayout()
        form.addRow("&Partner", self.partner)
        form.addRow("&Type", self.type)
        form.addRow("&Focus", self.focus)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        file_button = buttons.addButton("&File", QDialogButtonBox.ButtonRole.AcceptRole)
        file_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        (self.partner if first.partner_id is None else self.type).setFocus()

    def _type_changed(self) -> None:
        kind = chosen(self.type, MeetingType)
        focus = guessed_focus(kind, self.items[0].recurring)
        self.focus.setCurrentIndex(max(self.focus.findData(focus.value), 0))

    def accept(self) -> None:
        if not combo_id(self.partner):
            self.problem.setText("Choose the partner to file with.")
            self.problem.show()
            self.partner.setFocus()
            return
        super().accept()

    def filings(self) -> list[Filing]:
        """Every event given, with the partner, type and focus chosen."""
        kind, focus = chosen(self.type, MeetingType), chosen(self.focus, Focus)
        partner = combo_id(self.partner)
        return [Filing(item.event_key, partner, kind, focus) for item in self.items]
