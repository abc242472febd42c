"""File → Calendar sources…: the calendars a journal follows; add, remove, refresh now.

A source is an ICS feed address (what Outlook's "Publish calendar" or Google's "Secret address
in iCal format" gives), or a CalDAV calendar with a user name and password (the password goes
to the system keyring through the service, never to the journal). What is wrong with an
address is said under the form, naming it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.calendar_sources import CalendarSource
from brm_desk.domain.errors import BrmDeskError, ValidationError
from brm_desk.services.calendar_sources import add_source, remove_source, sources
from brm_desk.ui.dialogs import messages
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.editors.base import error_label
from brm_desk.ui.models.table import Column, RecordTableModel
from brm_desk.ui.views.list_page import make_table

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.calendar_refresh import CalendarRefresh

NO_PARTNER = "(none: guess from attendees and title)"


def _synced(source: CalendarSource) -> str:
    return f"{source.synced_at[:16].replace('T', ' ')} UTC" if source.synced_at else "never"


class SourcesModel(RecordTableModel):
    """The sources followed, one a row."""

    NUMBER, ADDRESS, PARTNER, SYNCED, PROBLEM = range(5)
    name_column = ADDRESS
    columns = (
        Column("#", lambda s: str(s.id), numeric=True),
        Column("Address", lambda s: s.url + (f" (CalDAV, {s.user_name})" if s.user_name else "")),
        Column("Partner", lambda s: s.partner_name or "—"),
        Column("Last sync", _synced),
        Column("Last problem", lambda s: s.problem or "—"),
    )

    def extra_data(self, record: Any, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.ADDRESS, self.PROBLEM):
            return self.columns[column].display(record)
        return None


class CalendarSourcesDialog(QDialog):
    """The sources, and a form to add one; ``refresh`` (the window's) runs "Refresh now"."""

    def __init__(
        self,
        journal: Journal,
        refresh: CalendarRefresh | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Calendar sources")
        self.model = SourcesModel(self)
        self.table = make_table("Calendar sources")
        self.table.setSortingEnabled(False)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in (SourcesModel.ADDRESS, SourcesModel.PROBLEM):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.remove_button = QPushButton("&Remove…")
        self.remove_button.setToolTip("Stop following the selected calendar (its meetings stay)")
        self.remove_button.clicked.connect(self.remove_selected)
        self.refresh_button = QPushButton("Refresh &now")
        self.refresh_button.setToolTip("Read every calendar now; new events go to the inbox")
        self.refresh_button.setVisible(refresh is not None)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._refresh = refresh
        if refresh is not None:
            self.refresh_button.clicked.connect(self.refresh_now)
            refresh.sig_done.connect(self._refreshed)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addWidget(self.refresh_button)
        row.addWidget(self.status, 1)

        self.url = QLineEdit()
        self.url.setAccessibleName("Address")
        self.url.setPlaceholderText("https://… or webcal://… (a feed, or a CalDAV calendar)")
        self.user = QLineEdit()
        self.user.setAccessibleName("User name")
        self.user.setPlaceholderText("CalDAV only; empty for a feed")
        self.password = QLineEdit()
        self.password.setAccessibleName("Password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("CalDAV only; kept in the system keyring")
        self.partner = QComboBox()
        self.partner.setAccessibleName("Default partner")
        self.partner.addItem(NO_PARTNER, "")
        for partner in journal.partners.listing(include_archived=False):
            self.partner.addItem(partner.name, partner.name)
        self.problem = error_label()
        add_button = QPushButton("&Add calendar")
        add_button.clicked.connect(self.add)
        form = QFormLayout()
        form.addRow("A&ddress", self.url)
        form.addRow("&User name", self.user)
        form.addRow("Pass&word", self.password)
        form.addRow("Default &partner", self.partner)
        form.addRow("", self.problem)
        adds = QHBoxLayout()
        adds.addStretch(1)
        adds.addWidget(add_button)
        form.addRow(adds)
        adding = QGroupBox("Follow a calendar")
        adding.setLayout(form)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("New events of these calendars wait in the Calendar inbox."))
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(adding)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.load()
        fit_to_screen(self, 820, 560)
        self.url.setFocus()

    def load(self) -> None:
        """(Re)fill the list of sources from the journal (the selected row stays selected)."""
        selected = [index.row() for index in self.table.selectionModel().selectedRows()]
        self.model.set_records(sources(self.journal))
        if selected and selected[0] < self.model.rowCount():
            self.table.selectRow(selected[0])
        if not self.model.rowCount():
            self.status.setText("No calendars followed yet: add one below.")
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        self.refresh_button.setEnabled(self.model.rowCount() > 0)

    def add(self) -> None:
        """Follow the calendar the form names, or say inline what is wrong."""
        url = self.url.text().strip()
        try:
            source = add_source(
                self.journal,
                url,
                str(self.partner.currentData() or ""),
                self.user.text(),
                self.password.text(),
            )
        except ValidationError as error:
            where = f"'{url}': " if error.field == "url" and url else ""
            self._problem(where + error.reason.replace("with --user", "as the user name"))
            return
        except BrmDeskError as error:
            self._problem(error.message)
            return
        self._problem("")
        for field in (self.url, self.user, self.password):
            field.clear()
        self.load()
        self.status.setText(f"Added calendar {source.id}. Refresh now to read its events.")

    def _problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        source: CalendarSource = self.model.record(rows[0].row())
        if not messages.confirm(
            self,
            "Remove calendar",
            f"Stop following calendar {source.id} ({source.url})?\n\nIts meetings stay in the "
            "journal; the events of it still waiting in the inbox leave.",
        ):
            return
        try:
            remove_source(self.journal, source.id)
        except BrmDeskError as error:
            self.status.setText(error.message)
        self.load()

    def refresh_now(self) -> None:
        if self._refresh is not None:
            self.status.setText("Reading the calendars…")
            self._refresh.refresh()

    def _refreshed(self) -> None:
        self.status.setText("Read just now.")
        self.load()
