"""Form fields the editors share: amounts, tags, checkable lists, pickers, and what each
field holds as a draft keeps it (:func:`field_value`)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any, Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import ValidationError
from brm_desk.domain.records import Partner
from brm_desk.ui.widgets.choices import choice_box
from brm_desk.ui.widgets.dates import DateField
from brm_desk.ui.widgets.markdown_editor import MarkdownEditor

PRIVATE_NOTES = "Private notes — never exported or printed"
PRIVATE_HINT = "Private: never exported, printed or copied unless you include private items"
PRIVATE_LOOK = (
    "QPlainTextEdit, QTextBrowser { border: 1px dashed #a15c00; "
    "background-color: rgba(161, 92, 0, 0.08); }"
)
"""How the BRM's private fields stand apart from what may be shared, in light and dark mode."""
_Member = TypeVar("_Member", bound=Enum)
_MOMENT = "yyyy-MM-ddTHH:mm"


@runtime_checkable
class KeepsDraft(Protocol):
    """A field made of several widgets, which says itself what a draft keeps of it."""

    def draft_value(self) -> Any: ...
    def set_draft_value(self, value: Any) -> None: ...


def field_value(widget: QWidget) -> Any:
    """What a field holds, as JSON values (None for a widget that holds nothing, a label)."""
    if isinstance(widget, KeepsDraft):
        return widget.draft_value()
    if isinstance(widget, DateField):
        return widget.edit.text()  # as typed: "fri" stays "fri"
    if isinstance(widget, MarkdownEditor):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText() if widget.isEditable() else widget.currentData()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QDateTimeEdit):
        return widget.dateTime().toString(_MOMENT)
    return None


def set_field_value(widget: QWidget, value: Any) -> None:
    """Put back what :func:`field_value` read; a choice no longer offered is left as it is."""
    if isinstance(widget, KeepsDraft):
        widget.set_draft_value(value)
    elif isinstance(widget, DateField):
        widget.edit.setText(value)
    elif isinstance(widget, MarkdownEditor):
        widget.set_text(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox) and widget.isEditable():
        widget.setCurrentText(value)
    elif isinstance(widget, QComboBox) and widget.findData(value) >= 0:
        widget.setCurrentIndex(widget.findData(value))
    elif isinstance(widget, QSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(value)
    elif isinstance(widget, QDateTimeEdit):
        widget.setDateTime(QDateTime.fromString(value, _MOMENT))


class FieldBox(QWidget):
    """Widgets shown as one field (a start and its UTC offset, a list and its add line); the
    first, ``main``, holds the value and takes the focus."""

    def __init__(self, main: QWidget, *others: QWidget, vertical: bool = False) -> None:
        super().__init__()
        self.main = main
        layout = QVBoxLayout(self) if vertical else QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(main, 1)
        for other in others:
            layout.addWidget(other)
        self.setFocusProxy(main)
        self.setAccessibleName(main.accessibleName())

    def draft_value(self) -> Any:
        return field_value(self.main)

    def set_draft_value(self, value: Any) -> None:
        set_field_value(self.main, value)


def line_edit(name: str, text: str, placeholder: str = "") -> QLineEdit:
    """A one-line text field, named for screen readers."""
    edit = QLineEdit(text)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def tags_line(tags: Iterable[str]) -> QLineEdit:
    return line_edit("Tags", ", ".join(tags), "comma, separated")


def text_box(name: str, text: str, placeholder: str = "") -> QPlainTextEdit:
    """A plain text field of a few lines; Tab moves on rather than typing a tab."""
    box = QPlainTextEdit(text)
    box.setAccessibleName(name)
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    return box


def number_box(
    name: str, value: int, low: int, high: int, suffix: str = "", width: int | None = None
) -> QSpinBox:
    """A whole number in [low, high], shown with its unit (``suffix``)."""
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setValue(value)
    if width is not None:
        spin.setMaximumWidth(width)
    return spin


def check_box(text: str, name: str, checked: bool) -> QCheckBox:
    box = QCheckBox(text)
    box.setAccessibleName(name)
    box.setChecked(checked)
    return box


def private_box(checked: bool) -> QCheckBox:
    return check_box("Private (left out of exports and review packs)", "Private", checked)


def private_look(widget: QWidget) -> None:
    """Mark a field as private: its own look, and a tip saying it stays in the journal."""
    widget.setStyleSheet(PRIVATE_LOOK)
    widget.setToolTip(PRIVATE_HINT)


def private_notes_box(text: str) -> MarkdownEditor:
    """The BRM's own thinking, in Markdown like the notes, in a box that looks apart."""
    box = MarkdownEditor("Private notes")
    private_look(box)
    box.editor.setPlaceholderText(PRIVATE_HINT)
    box.set_text(text)
    return box


class AmountLine(QLineEdit):
    """An optional amount of money, kept exact as a Decimal."""

    def __init__(self, name: str, value: Decimal | None = None) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.setPlaceholderText("amount")
        self.setMaximumWidth(180)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.set_value(value)

    def value(self, field: str) -> Decimal | None:
        text = self.text().strip().replace(",", "").replace(" ", "").replace("_", "")
        if not text:
            return None
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValidationError(
                field, f"must be an amount like 12500.00 (got '{text}')"
            ) from None

    def set_value(self, value: Decimal | None) -> None:
        self.setText("" if value is None else f"{value:,}")


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags; the core trims them and drops repeats."""
    return tuple(tag.strip() for tag in text.split(",") if tag.strip())


def enum_combo(name: str, members: Iterable[Enum], current: Enum | None = None) -> QComboBox:
    """A combo of labelled choices; item data is the member's value (Qt keeps strings)."""
    combo = choice_box(name, ((getattr(m, "label", str(m.value)), m.value) for m in members))
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current.value), 0))
    return combo


def chosen(combo: QComboBox, kind: type[_Member]) -> _Member:
    """The member an :func:`enum_combo` shows."""
    return kind(combo.currentData())


def partner_combo(partners: Iterable[Partner], current: str | None) -> QComboBox:
    """Pick a partner: the active ones, plus the current one even when archived."""
    combo = QComboBox()
    combo.setAccessibleName("Partner")
    for partner in partners:
        if not partner.archived or partner.id == current:
            combo.addItem(partner.name, partner.id)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


def combo_id(combo: QComboBox) -> str:
    data = combo.currentData()
    return data if isinstance(data, str) else ""


def chosen_partner(combo: QComboBox) -> str:
    """The id a :func:`partner_combo` shows; there is none before a partner is added, nor
    while the name typed in an editable one is no partner's."""
    typed = combo.currentText().strip()
    if combo.isEditable() and typed and typed != combo.itemText(combo.currentIndex()):
        raise ValidationError("partner", f"'{typed}' is not a partner yet: create it or pick one")
    partner_id = combo_id(combo)
    if not partner_id:
        raise ValidationError("partner", "is required (add a partner first)")
    return partner_id


class CheckList(QListWidget):
    """A list of records to tick (attendees, linked meetings); item data is the id."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setMinimumHeight(72)

    def fill(self, choices: Iterable[tuple[str, str]], checked: Iterable[str]) -> None:
        self.clear()
        for record_id, text in choices:
            item = QListWidgetItem(text, self)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        self.set_draft_value(checked)

    def checked_ids(self) -> tuple[str, ...]:
        found = []
        for row in range(self.count()):
            item = self.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                found.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return tuple(found)

    def set_checked(self, record_id: str) -> None:
        self.set_draft_value([*self.checked_ids(), record_id])

    def draft_value(self) -> list[str]:
        return list(self.checked_ids())

    def set_draft_value(self, checked: Iterable[str]) -> None:
        """Tick exactly the records ``checked``."""
        wanted = set(checked)
        for row in range(self.count()):
            item = self.item(row)
            ticked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
