"""The calendar import preview: tick the events to import and pick each one's partner.

Each event's partner is guessed from its attendees' e-mails (the partner most of them work
for); events nobody could place take the partner chosen at the top, and the BRM can change
any row's partner in place (double-click or F2 on the Partner cell).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.records import Partner
from brm_desk.domain.words import plural
from brm_desk.services.interchange import ics_import
from brm_desk.services.interchange.ics_events import CalendarEvent
from brm_desk.services.interchange.ics_import import CalendarPreview
from brm_desk.services.interchange.ics_meeting_type import guess_meeting_type
from brm_desk.ui.dialogs.buttons import answer_buttons
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.models.meetings import duration_text
from brm_desk.ui.models.table import AnyIndex, Column, RecordTableModel
from brm_desk.ui.widgets.choices import choice_box

NO_PARTNER = "— pick a partner —"
SHOWN_CUTS = 8  # series cut short, listed by name; the command line lists them all


class CalendarEventsModel(RecordTableModel):
    """One row per event: ticked or not, and the partner it goes to."""

    TICK, WHEN, TITLE, LENGTH, TYPE, PARTNER = range(6)

    def __init__(
        self, preview: CalendarPreview, partners: Sequence[Partner], default: str | None
    ) -> None:
        super().__init__()
        self.events: list[CalendarEvent] = list(preview.events)
        self.set_records(self.events)
        self.names = {partner.id: partner.name for partner in partners}
        self.ticked = {event.key for event in self.events}
        guesses = {event.key: preview.guessed_partner.get(event.key) for event in self.events}
        self.partner: dict[str, str | None] = {  # a guess of an archived partner is no guess
            key: guess if guess in self.names else default for key, guess in guesses.items()
        }
        self.columns = (
            Column("Import", lambda _event: ""),
            Column("When", lambda event: event.start.strftime("%Y-%m-%d %H:%M (UTC%z)")),
            Column("Title", lambda event: event.title),
            Column("Length", lambda event: duration_text(event.duration_minutes)),
            Column("Type", lambda event: guess_meeting_type(event.title).label),
            Column(
                "Partner", lambda event: self.names.get(self.partner[event.key] or "", NO_PARTNER)
            ),
        )

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == self.TICK:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.PARTNER:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def extra_data(self, event: CalendarEvent, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == self.TICK:
            return Qt.CheckState.Checked if event.key in self.ticked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.EditRole and column == self.PARTNER:
            return self.partner[event.key]
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return ", ".join(event.emails) or "No attendees"
        return None

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        key = self.events[index.row()].key
        if index.column() == self.TICK and role == Qt.ItemDataRole.CheckStateRole:
            if Qt.CheckState(value) == Qt.CheckState.Checked:
                self.ticked.add(key)
            else:
                self.ticked.discard(key)
        elif index.column() == self.PARTNER and role == Qt.ItemDataRole.EditRole:
            self.partner[key] = value if value in self.names else None
        else:
            return False
        self.dataChanged.emit(index, index, [role, Qt.ItemDataRole.DisplayRole])
        return True

    def set_all_ticked(self, ticked: bool) -> None:
        self.ticked = {event.key for event in self.events} if ticked else set()
        self._changed(self.TICK)

    def set_partner_of_ticked(self, partner_id: str) -> None:
        self.partner.update(dict.fromkeys(self.ticked, partner_id))
        self._changed(self.PARTNER)

    def _changed(self, column: int) -> None:
        if self.events:
            self.dataChanged.emit(self.index(0, column), self.index(len(self.events) - 1, column))

    def chosen(self) -> dict[str, str]:
        """Event key → partner id, for the ticked events that have a partner."""
        keys = [event.key for event in self.events if event.key in self.ticked]
        chosen = {key: self.partner[key] for key in keys}
        return {key: partner for key, partner in chosen.items() if partner}

    def ticked_without_partner(self) -> int:
        return sum(1 for key in self.ticked if not self.partner[key])


class PartnerDelegate(QStyledItemDelegate):
    """Edits the Partner column with a drop-down of the journal's partners."""

    def __init__(self, partners: Sequence[Partner], parent: QWidget) -> None:
        super().__init__(parent)
        self.partners = list(partners)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        box = choice_box("Partner", [(partner.name, partner.id) for partner in self.partners])
        box.setParent(parent)
        box.activated.connect(lambda _row: self.commitData.emit(box))
        return box

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(editor.findData(index.data(Qt.ItemDataRole.EditRole)), 0))

    def setModelData(self, editor: QWidget, model: Any, index: AnyIndex) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class CalendarPreviewDialog(QDialog):
    """Shows what a calendar file holds; ``chosen()`` says what to import, and to whom."""

    def __init__(
        self,
        preview: CalendarPreview,
        partners: Sequence[Partner],
        default_partner: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import calendar — {preview.path.name}")
        self.setAccessibleName("Calendar import preview")
        self.model = CalendarEventsModel(preview, partners, default_partner)
        self.table = QTableView()
        self.table.setAccessibleName("Events")
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows walk the cells
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(
            CalendarEventsModel.PARTNER, PartnerDelegate(partners, self.table)
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(
            CalendarEventsModel.TITLE, QHeaderView.ResizeMode.Stretch
        )
        self.table.resizeColumnsToContents()

        choices = [(partner.name, partner.id) for partner in partners]
        self.partner_box = choice_box("Partner for the ticked events", choices)
        self.partner_box.setCurrentIndex(max(self.partner_box.findData(default_partner), 0))
        self.apply_button = QPushButton("Give the ticked events this partner")
        self.apply_button.clicked.connect(self.apply_partner)
        self.apply_button.setEnabled(bool(partners))
        tick_all = QPushButton("Tick all")
        tick_all.clicked.connect(lambda: self.model.set_all_ticked(True))
        tick_none = QPushButton("Untick all")
        tick_none.clicked.connect(lambda: self.model.set_all_ticked(False))
        top = QHBoxLayout()
        top.addWidget(QLabel("Partner:"))
        top.addWidget(self.partner_box, 1)
        top.addWidget(self.apply_button)
        top.addStretch(1)
        top.addWidget(tick_all)
        top.addWidget(tick_none)

        left_out = "\n".join(ics_import.left_out(preview.skipped, preview.cuts, SHOWN_CUTS))
        self.summary_label = QLabel(
            f"{len(preview.events)} events found. {left_out}\n"
            "Events imported before are updated, not added again."
        )
        self.summary_label.setWordWrap(True)
        self.problem_label = QLabel()
        self.problem_label.setStyleSheet("color: #c62828")
        self.buttons = answer_buttons(self)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 560)
        self.model.dataChanged.connect(self._update)
        self._update()

    def apply_partner(self) -> None:
        partner = self.partner_box.currentData()
        if isinstance(partner, str):
            self.model.set_partner_of_ticked(partner)

    def chosen(self) -> dict[str, str]:
        return self.model.chosen()

    def _update(self) -> None:
        count = len(self.model.chosen())
        missing = self.model.ticked_without_partner()
        self.import_button.setText(f"Import {plural(count, 'meeting')}")
        self.import_button.setEnabled(count > 0 and missing == 0)
        self.problem_label.setText(
            f"{missing} ticked event{'s have' if missing != 1 else ' has'} no partner: pick "
            "one above or in the Partner column, or untick them."
            if missing
            else ""
        )
        self.problem_label.setVisible(bool(missing))
