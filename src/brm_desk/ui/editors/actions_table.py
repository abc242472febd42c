"""The follow-ups of a meeting: what was agreed, who owes it, by when, and whether it is done."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.day_phrases import DAY_HINT, read_day
from brm_desk.domain.enums import Side
from brm_desk.domain.records import Action
from brm_desk.ui.editors.fields import chosen, enum_combo
from brm_desk.ui.widgets.dates import DayCells, day_text

TEXT, SIDE, OWNER, DUE, DONE = range(5)
HEADERS = ("Follow-up", "Who owes it", "Owner", "Due", "Done")


class ActionsTable(QWidget):
    """A small editable table; a row left blank is ignored rather than refused."""

    def __init__(
        self, parent: QWidget | None = None, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.setAccessibleName("Follow-ups")
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setAccessibleName("Actions")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((SIDE, 130), (OWNER, 120), (DUE, 100), (DONE, 100)):
            self.table.setColumnWidth(column, width)
        self.table.setToolTip(f"Dates as {DAY_HINT}")
        for column in (DUE, DONE):
            cells = DayCells(HEADERS[column], today, self.table)
            self.table.setItemDelegateForColumn(column, cells)
        self.add_button = QPushButton("Add follow-up")
        self.add_button.clicked.connect(lambda: self.add_action(Action(text="")))
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove follow-up")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_follow_ups(self, actions: Sequence[Action]) -> None:
        self.table.setRowCount(0)
        for action in actions:
            self.add_action(action)

    def add_action(self, action: Action) -> None:
        """A row for ``action``; a new, empty one is edited at once."""
        self._add_row(
            action.text,
            action.side.value,
            action.owner,
            day_text(action.due),
            day_text(action.done),
        )
        if not action.text:
            self.table.setCurrentCell(self.table.rowCount() - 1, TEXT)
            self.table.editItem(self.table.currentItem())

    def _add_row(self, text: str, side: str, owner: str, due: str, done: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, SIDE, enum_combo("Who owes it", Side, Side(side)))
        for column, cell in ((TEXT, text), (OWNER, owner), (DUE, due), (DONE, done)):
            self.table.setItem(row, column, QTableWidgetItem(cell))

    def draft_value(self) -> list[list[str]]:
        """Each row's cells as typed, the side as its value."""
        return [
            [self._cell(row, TEXT), self._side(row).value]
            + [self._cell(row, column) for column in (OWNER, DUE, DONE)]
            for row in range(self.table.rowCount())
        ]

    def set_draft_value(self, rows: Sequence[Sequence[str]]) -> None:
        self.table.setRowCount(0)
        for cells in rows:
            self._add_row(*cells)

    def remove_selected(self) -> None:
        rows = sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True)
        for row in rows or ([self.table.currentRow()] if self.table.currentRow() >= 0 else []):
            self.table.removeRow(row)

    def _cell(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _side(self, row: int) -> Side:
        side = self.table.cellWidget(row, SIDE)
        assert isinstance(side, QComboBox)
        return chosen(side, Side)

    def follow_ups(self) -> tuple[Action, ...]:
        """The rows as actions; a date that is not one raises, naming ``actions[i].due``."""
        found: list[Action] = []
        for row in range(self.table.rowCount()):
            cells = [self._cell(row, c) for c in (TEXT, OWNER, DUE, DONE)]
            if not any(cells):
                continue
            field = f"actions[{len(found)}]"
            found.append(
                Action(
                    text=cells[0],
                    side=self._side(row),
                    owner=cells[1],
                    due=read_day(f"{field}.due", cells[2], self.today()),
                    done=read_day(f"{field}.done", cells[3], self.today()),
                )
            )
        return tuple(found)
