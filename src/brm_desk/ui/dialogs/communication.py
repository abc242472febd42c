"""An entry of a communications plan: who hears what, by which channel, how often, and when next.

Choosing the audience of a new entry fills in its quadrant's channel and frequency; the BRM
may change both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Contact
from brm_desk.domain.stakeholders import (
    MAX_FREQUENCY_DAYS,
    Communication,
    Quadrant,
    check_communication,
    contact_quadrant,
    default_plan,
)
from brm_desk.ui.dialogs.buttons import answer_buttons
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.widgets.dates import DateField


def audience_text(entry: Communication, contacts: Sequence[Contact]) -> str:
    """ "Ada Lind (manage closely)" or "Quadrant: keep informed"."""
    if entry.quadrant is not None:
        return f"Everyone to {entry.quadrant.label.lower()}"
    contact = next((c for c in contacts if c.id == entry.contact_id), None)
    return contact.name if contact is not None else "(a contact no longer here)"


def audience_key(audience: Quadrant | str) -> str:
    """The audience box's data for a quadrant or a contact id."""
    return f"quadrant:{audience.value}" if isinstance(audience, Quadrant) else f"contact:{audience}"


class CommunicationDialog(QDialog):
    """Add or change one entry; :attr:`entry` holds the checked result once accepted."""

    def __init__(
        self,
        parent: QWidget | None,
        entry: Communication,
        contacts: Sequence[Contact],
        today: Callable[[], date],
        *,
        new: bool,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New communication" if new else "Communication")
        self.entry = entry
        self.contacts = list(contacts)
        self.audience = QComboBox()
        self.audience.setAccessibleName("Audience")
        for quadrant in Quadrant:
            self.audience.addItem(f"Everyone to {quadrant.label.lower()}", audience_key(quadrant))
        for contact in self.contacts:
            where = contact_quadrant(contact).label.lower()
            self.audience.addItem(f"{contact.name} ({where})", audience_key(contact.id))
        chosen = audience_key(entry.quadrant or entry.contact_id or "")
        self.audience.setCurrentIndex(max(0, self.audience.findData(chosen)))
        self.message = QLineEdit(entry.message)
        self.message.setAccessibleName("Message")
        self.message.setPlaceholderText("e.g. Roadmap progress and the next decisions")
        self.channel = QLineEdit(entry.channel)
        self.channel.setAccessibleName("Channel")
        self.frequency = QSpinBox()
        self.frequency.setAccessibleName("Every (days)")
        self.frequency.setRange(1, MAX_FREQUENCY_DAYS)
        self.frequency.setSuffix(" days")
        self.frequency.setValue(entry.frequency_days)
        self.next_date = DateField("Next date", entry.next_date, today, required=True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout(self)
        for label, field in (
            ("&Audience", self.audience),
            ("&Message", self.message),
            ("C&hannel", self.channel),
            ("&Every", self.frequency),
            ("&Next date", self.next_date),
        ):
            form.addRow(label, field)
        form.addRow(self.error)
        buttons = answer_buttons(self, QDialogButtonBox.StandardButton.Save)
        form.addRow(buttons)
        if new:
            self.audience.currentIndexChanged.connect(lambda _i: self._take_defaults())
            self._take_defaults()
        fit_to_screen(self, 520, 260)
        self.message.setFocus()

    def chosen_audience(self) -> tuple[Quadrant | None, str | None]:
        """The quadrant or the contact id chosen as the audience."""
        kind, _colon, value = str(self.audience.currentData()).partition(":")
        return (Quadrant(value), None) if kind == "quadrant" else (None, value)

    def _take_defaults(self) -> None:
        """The channel and frequency of the audience's quadrant."""
        quadrant, contact_id = self.chosen_audience()
        contact = next((c for c in self.contacts if c.id == contact_id), None)
        plan = default_plan(quadrant, contact)
        self.channel.setText(plan.channel)
        self.frequency.setValue(plan.cadence_days)

    def chosen_entry(self) -> Communication:
        """The entry as the fields say, checked by the domain's rule."""
        quadrant, contact_id = self.chosen_audience()
        return check_communication(
            replace(
                self.entry,
                contact_id=contact_id,
                quadrant=quadrant,
                message=self.message.text().strip(),
                channel=self.channel.text().strip(),
                frequency_days=self.frequency.value(),
                next_date=self.next_date.required_value("next date"),
            )
        )

    def accept(self) -> None:
        try:
            self.entry = self.chosen_entry()
        except ValidationError as error:
            self.error.setText(f"{error.field.replace('_', ' ').capitalize()}: {error.reason}")
            self.error.show()
            return
        super().accept()
