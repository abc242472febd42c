"""The trash view: deleted records, and a way to bring them back."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton

from brm_desk.services.journal import Journal
from brm_desk.ui.commands import RestoreFromTrash
from brm_desk.ui.models.trash import TrashModel
from brm_desk.ui.views.list_page import ProxyListPage


class TrashPage(ProxyListPage):
    title = "Trash"
    default_sort = (TrashModel.DELETED, Qt.SortOrder.DescendingOrder)

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, TrashModel())
        self.partner_box.hide()
        self.stretch_column(TrashModel.TITLE)
        self.restore_button = QPushButton("Restore")
        self.restore_button.setToolTip("Put the selected item back, with what went with it")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.bar.addWidget(self.restore_button)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected_record() is not None)

    def refresh(self) -> None:
        self.model.set_records(self.journal.trash.listing())
        self.restore_header()
        self._selection_changed()

    def restore_selected(self) -> None:
        """Restoring is a command too, so it can be undone (the item goes back to the trash)."""
        item = self.selected_record()
        if item is None:
            return
        self.sig_command.emit(
            RestoreFromTrash(self.journal, item.batch, item.kind, item.id, item.title)
        )
