"""The calendar inbox view: new calendar events, each with its guess, filed by one key.

F or Enter files the selected events as guessed, C changes the guess first, I ignores them;
Ctrl+A selects them all, so a week is filed with two keys. Each is a command (undoable). An
event without a partner guess is not filed as guessed: the view says so under the list.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QLabel, QPushButton

from brm_desk.domain.calendar_inbox import InboxItem
from brm_desk.domain.errors import ValidationError
from brm_desk.services.calendar_inbox import as_guessed, waiting
from brm_desk.services.journal import Journal
from brm_desk.ui.commands import JournalCommand
from brm_desk.ui.editors.base import error_label
from brm_desk.ui.help import keys_of
from brm_desk.ui.inbox_commands import FileEvents, IgnoreEvents
from brm_desk.ui.models.inbox import InboxModel
from brm_desk.ui.models.table import RECORD_ROLE
from brm_desk.ui.views.list_page import ProxyListPage


class InboxPage(ProxyListPage):
    title = "Calendar inbox"
    default_sort = (InboxModel.WHEN, Qt.SortOrder.AscendingOrder)

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__(journal, settings, InboxModel())
        self.partner_box.hide()  # the filter box finds a partner's events as well
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.stretch_column(InboxModel.TITLE)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self.change_selected())
        self.buttons: list[QPushButton] = []
        for text, tip, slot in (
            ("&File", "File the selected events as guessed (F or Enter)", self.file_selected),
            ("&Change…", "Choose partner, type and focus, then file (C)", self.change_selected),
            ("&Ignore", "Ignore the selected events: they never return (I)", self.ignore_selected),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            self.bar.addWidget(button)
            self.buttons.append(button)
        self.message = error_label()
        self.body.addWidget(self.message)
        self.sig_selection_changed.connect(self._selection_changed)
        self._selection_changed()
        hint = QLabel(keys_of(self.title))
        hint.setEnabled(False)  # the disabled colour: a note
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self._next_row = 0

    def empty_hint(self) -> str:
        if self.holds_records():
            return "Nothing matches the filter."
        return (
            "Nothing waits. New events from the calendars you follow arrive here to be filed "
            "(File → Calendar sources…)."
        )

    def refresh(self) -> None:
        """Reload; the events selected stay selected, and after filing or ignoring the
        cursor is on the event that took the first one's place (the focus stays put)."""
        kept = {item.event_key for item in self.selected_items()}
        self.model.set_records(waiting(self.journal))
        self.restore_header()
        rows = [
            row
            for row in range(self.proxy.rowCount())
            if self.proxy.index(row, 0).data(RECORD_ROLE).event_key in kept
        ]
        if not rows and self.proxy.rowCount():
            rows = [min(self._next_row, self.proxy.rowCount() - 1)]
        selection = self.table.selectionModel()
        flag = QItemSelectionModel.SelectionFlag
        if rows:
            first = self.proxy.index(rows[0], 0)
            selection.setCurrentIndex(first, flag.ClearAndSelect | flag.Current | flag.Rows)
            for row in rows[1:]:
                selection.select(self.proxy.index(row, 0), flag.Select | flag.Rows)
            self.table.scrollTo(first)

    def selected_items(self) -> list[InboxItem]:
        """The selected events, by start."""
        rows = self.table.selectionModel().selectedRows()
        items = [self.model.record(self.proxy.mapToSource(index).row()) for index in rows]
        return sorted(cast(list[InboxItem], items), key=lambda item: item.start)

    def say(self, text: str) -> None:
        """A line under the list (why a key did nothing); '' clears it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _selection_changed(self) -> None:
        """The buttons act on the selection (its keys say why they do nothing without one)."""
        self.say("")
        chosen = self.table.selectionModel().hasSelection()
        for button in self.buttons:
            button.setEnabled(chosen)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The inbox's keys, while its list has the focus."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            key_event = cast(QKeyEvent, event)
            modifiers = key_event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            slot = {
                Qt.Key.Key_F: self.file_selected,
                Qt.Key.Key_Return: self.file_selected,
                Qt.Key.Key_Enter: self.file_selected,
                Qt.Key.Key_C: self.change_selected,
                Qt.Key.Key_I: self.ignore_selected,
            }.get(Qt.Key(key_event.key()))
            if slot is not None and modifiers == Qt.KeyboardModifier.NoModifier:
                slot()
                return True
        return super().eventFilter(watched, event)

    def file_selected(self) -> None:
        """File the selection as guessed, or say which event has no partner guess."""
        items = self.selected_items()
        if not items:
            self.say("Select the events to file (Ctrl+A: all of them).")
            return
        try:
            filings = as_guessed(items)
        except ValidationError as error:
            self.say(error.reason)
            return
        self._run(FileEvents(self.journal, filings))

    def change_selected(self) -> None:
        """Choose partner, type and focus for the selection, then file it."""
        from brm_desk.ui.dialogs.inbox_filing import FilingDialog

        items = self.selected_items()
        if not items:
            self.say("Select the events to file.")
            return
        dialog = FilingDialog(self.journal.partners.listing(), items, self)
        if dialog.exec():
            self._run(FileEvents(self.journal, dialog.filings()))

    def ignore_selected(self) -> None:
        items = self.selected_items()
        if not items:
            self.say("Select the events to ignore.")
            return
        self._run(IgnoreEvents(self.journal, [item.event_key for item in items]))

    def _run(self, command: JournalCommand) -> None:
        """Hand the command to the window (it does it and keeps it for Undo); the cursor
        stays where the first event was, on the next one."""
        rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        self._next_row = min(rows, default=0)
        self.sig_command.emit(command)
