"""Pick a backup to restore: each listed with when it was taken, why, and what it holds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brm_desk.ui.dialogs.fitting import fit_to_screen

if TYPE_CHECKING:
    from brm_desk.services.backups import BackupInfo

COLUMNS = ("Taken", "Kind", "Holds")


class RestoreDialog(QDialog):
    """A table of backups, newest first; only a readable backup can be restored."""

    def __init__(self, backups: Sequence[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = list(backups)
        self.setWindowTitle("Restore from a backup")
        self.setAccessibleName("Restore from a backup")
        fit_to_screen(self, 640, 360)
        intro = QLabel(
            "The backup you pick replaces the journal. The journal as it is now is kept as "
            "a backup first, so this can be undone by restoring that one."
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.backups), len(COLUMNS))
        self.table.setAccessibleName("Backups")
        self.table.setTabKeyNavigation(False)  # Tab moves on; arrows walk the rows
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self.backups):
            cells = (f"{info.taken:%Y-%m-%d %H:%M}", info.kind, info.describe_counts())
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            "&Restore", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not self.backups:
            layout.addWidget(QLabel("There are no backups of this journal yet."))
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)

    def chosen(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        info = self.chosen()
        self.restore_button.setEnabled(info is not None and info.counts is not None)


def choose(parent: QWidget | None, backups: Sequence[BackupInfo]) -> Path | None:
    """The backup the user picked, or ``None``."""
    dialog = RestoreDialog(backups, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    info = dialog.chosen()
    return info.path if info is not None else None
