"""A partner's stakeholder map and communications plan, in a window of their own.

The map tab shows the grid (drag a person, or choose them and press Ctrl+arrows, to move
them; every move is undoable and dated in their history), "Compare with" to replay the
history, and under the grid the gaps and who moved. The plan tab lists the communications
plan. It is the BRM's own view (stances show); nothing here prints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING
from weakref import WeakValueDictionary

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.enums import Influence, Interest
from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.periods import Preset, preset_period
from brm_desk.domain.records import new_id
from brm_desk.domain.stakeholders import Communication, Quadrant, default_plan
from brm_desk.services.stakeholders import StakeholderMap
from brm_desk.ui.charts.stakeholder_chart import StakeholderMapPanel, levels_after
from brm_desk.ui.commands import EditRecord, push
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.communication import CommunicationDialog, audience_text
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.models.table import Column, RecordTableModel
from brm_desk.ui.stakeholder_commands import ChangePlan
from brm_desk.ui.views.contact_page import OpensContactPages
from brm_desk.ui.views.linked_page import page_toolbar
from brm_desk.ui.widgets.choices import choice_box
from brm_desk.ui.widgets.dates import DateField, day_text

if TYPE_CHECKING:
    from brm_desk.ui.shell import Shell

COMPARE_CHOICES = (("Nothing", "none"), ("Last quarter", "quarter"), ("A date…", "date"))
MOVE_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
_open: WeakValueDictionary[str, StakeholderMapWindow] = WeakValueDictionary()


def show_stakeholder_map(widget: QObject, partner_id: str) -> StakeholderMapWindow | None:
    """The partner's map, in its own window (brought forward when open already); asked of
    the main window ``widget`` sits in (or was opened from)."""
    found: QObject | None = widget
    while found is not None and not (
        isinstance(found, OpensContactPages) and hasattr(found, "shell")
    ):
        found = found.parent()
    if found is None:
        return None
    window = _open.get(partner_id)
    if window is None:
        window = StakeholderMapWindow(found.shell, partner_id, found.open_contact_page)
        if not window.load():
            return None
        _open[partner_id] = window
        window.show()
    window.raise_()
    window.activateWindow()
    return window


class PlanModel(RecordTableModel):
    """The plan's entries: audience, message, channel, frequency, next date."""

    def __init__(self) -> None:
        super().__init__()
        self.map: StakeholderMap | None = None
        self.columns = (
            Column("Audience", self.audience, None),
            Column("Message", lambda e: e.message, None),
            Column("Channel", lambda e: e.channel, None),
            Column("Every", lambda e: f"{e.frequency_days} days", None),
            Column("Next date", lambda e: day_text(e.next_date), None),
        )

    def audience(self, entry: Communication) -> str:
        return audience_text(entry, self.map.contacts if self.map else ())

    def set_map(self, stakeholder_map: StakeholderMap) -> None:
        self.map = stakeholder_map
        self.set_records(stakeholder_map.plan)


class StakeholderMapWindow(QMainWindow):
    """The map and plan of one partner; it reloads after every change and closes with the
    journal."""

    def __init__(
        self, shell: Shell, partner_id: str, open_contact: Callable[[str], object]
    ) -> None:
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.shell = shell
        self.partner_id = partner_id
        self.map: StakeholderMap | None = None
        self.panel = StakeholderMapPanel()
        self.panel.sig_open.connect(open_contact)
        self.panel.sig_move.connect(self.move_person)
        self.panel.sig_selected.connect(self._show_selected)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Map and communications plan")
        self.tabs.addTab(self._map_page(), "&Map")
        self.tabs.addTab(self._plan_page(), "Communications &plan")
        self.setCentralWidget(self.tabs)
        page_toolbar(self, "Stakeholder map", (), self.load)
        fit_to_screen(self, 980, 760)
        shell.undo_stack.indexChanged.connect(self.load)
        shell.sig_journal_replaced.connect(self.close)

    # The map tab ----------------------------------------------------------------------

    def _map_page(self) -> QWidget:
        page = QWidget()
        self.person = choice_box("Person", [])
        self.person.setMinimumContentsLength(18)
        self.person.setToolTip("Choose a person, then Ctrl+arrows move them one level")
        self.person.currentIndexChanged.connect(
            lambda _i: self.panel.select(self.person.currentData())
        )
        self.compare = choice_box("Compare with", COMPARE_CHOICES)
        self.compare.currentIndexChanged.connect(lambda _i: self._compare_changed())
        self.compare_day = DateField("Compare with the date", None, self.shell_today)
        self.compare_day.sig_day_chosen.connect(self.load)
        self.compare_day.hide()
        bar = QHBoxLayout()
        for label, field in (("P&erson:", self.person), ("Compare &with:", self.compare)):
            caption = QLabel(label)
            caption.setBuddy(field)
            bar.addWidget(caption)
            bar.addWidget(field)
        bar.addWidget(self.compare_day)
        bar.addStretch(1)
        bar.addWidget(self.panel.table_button)
        self.gaps = QListWidget()
        self.gaps.setAccessibleName("Gaps")
        self.moves = QListWidget()
        self.moves.setAccessibleName("Who moved")
        notes = QHBoxLayout()
        for title, listing in (("Gaps", self.gaps), ("Who moved", self.moves)):
            column = QVBoxLayout()
            heading = QLabel(f"<b>{title}</b>")
            column.addWidget(heading)
            listing.setMaximumHeight(96)
            column.addWidget(listing)
            notes.addLayout(column, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.panel, 1)
        layout.addLayout(notes)
        for key in MOVE_KEYS:
            action = QAction(page, shortcut=QKeySequence(Qt.KeyboardModifier.ControlModifier | key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _on=False, key=key: self.move_chosen(key))
            page.addAction(action)
        return page

    def shell_today(self) -> date:
        journal = self.shell.journal
        return journal.today() if journal is not None else date.today()

    def compared_with(self) -> date | None:
        choice = self.compare.currentData()
        if choice == "quarter":
            return preset_period(Preset.LAST_QUARTER, self.shell_today())[0]
        if choice == "date":
            return self.compare_day.day()
        return None

    def _compare_changed(self) -> None:
        self.compare_day.setVisible(self.compare.currentData() == "date")
        if self.compare.currentData() == "date":
            if self.compare_day.day() is None:
                self.compare_day.set_day(preset_period(Preset.LAST_QUARTER, self.shell_today())[0])
            self.compare_day.setFocus()
        self.load()

    def _show_selected(self, contact_id: str) -> None:
        self.person.setCurrentIndex(max(0, self.person.findData(contact_id)))

    def move_chosen(self, key: Qt.Key) -> None:
        """Ctrl+arrow: the chosen person one level up, down, left or right."""
        contact = self.map.contact(self.person.currentData()) if self.map else None
        if contact is None:
            self.shell.say("Choose a person to move first.")
            return
        influence, interest = levels_after(contact.influence, contact.interest, key)
        if (influence, interest) != (contact.influence, contact.interest):
            self.move_person(contact.id, influence, interest)

    def move_person(self, contact_id: str, influence: object, interest: object) -> None:
        """Put the person in another cell, as one undoable change of the contact."""
        journal = self.shell.journal
        if journal is None:
            return
        assert isinstance(influence, Influence)
        assert isinstance(interest, Interest)
        try:
            before = journal.contacts.get(contact_id)
            after = replace(before, influence=influence, interest=interest)
            push(self.shell.undo_stack, EditRecord(journal, before, after, "Move"))
        except BrmDeskError as error:
            messages.show_error(self, "Cannot move", error.message)

    # The plan tab ---------------------------------------------------------------------

    def _plan_page(self) -> QWidget:
        page = QWidget()
        self.plan_model = PlanModel()
        self.plan = QTableView()
        self.plan.setAccessibleName("Communications plan")
        self.plan.setModel(self.plan_model)
        self.plan.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.plan.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.plan.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan.horizontalHeader().setStretchLastSection(False)
        self.plan.verticalHeader().hide()
        self.plan.doubleClicked.connect(lambda _index: self.edit_entry())
        buttons = QHBoxLayout()
        self.on_entry: list[QPushButton | QAction] = []  # what needs an entry chosen
        for text, key, slot, needs_entry in (
            ("&Add…", "Ctrl+N", self.add_entry, False),
            ("&Edit…", "Return", self.edit_entry, True),
            ("Mark &done", "Ctrl+D", self.mark_done, True),
            ("De&lete", "Delete", self.delete_entry, True),
            ("E&xport CSV…", "", self.export_csv, False),
        ):
            button = QPushButton(text)
            button.clicked.connect(lambda _on=False, slot=slot: slot())
            buttons.addWidget(button)
            controls: list[QPushButton | QAction] = [button]
            if key:
                action = QAction(page, shortcut=QKeySequence(key))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                action.triggered.connect(slot)
                page.addAction(action)
                controls.append(action)
            if needs_entry:
                self.on_entry += controls
        buttons.addStretch(1)
        self.plan.selectionModel().selectionChanged.connect(lambda *_args: self._follow_entry())
        self.plan_model.modelReset.connect(self._follow_entry)
        self._follow_entry()
        hint = QLabel(
            "A new entry takes its audience's quadrant's channel and frequency; "
            "Mark done moves its next date on by its frequency."
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        layout = QVBoxLayout(page)
        layout.addWidget(self.plan, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        return page

    def chosen_entry(self) -> Communication | None:
        """The entry selected in the plan (a row can be current without being selected)."""
        rows = self.plan.selectionModel().selectedRows()
        return self.plan_model.record(rows[0].row()) if rows else None

    def _follow_entry(self) -> None:
        """Edit, Mark done and Delete (buttons and keys) only with an entry chosen."""
        chosen = self.chosen_entry() is not None
        for control in self.on_entry:
            control.setEnabled(chosen)

    def add_entry(self) -> CommunicationDialog | None:
        if self.map is None:
            return None
        plan = default_plan(Quadrant.MANAGE_CLOSELY)
        blank = Communication(
            new_id(), self.partner_id, "", plan.channel, plan.cadence_days, self.shell_today(),
            quadrant=Quadrant.MANAGE_CLOSELY,
        )  # fmt: skip
        return self._ask(blank, None, "Add communication")

    def edit_entry(self) -> CommunicationDialog | None:
        entry = self.chosen_entry()
        return None if entry is None else self._ask(entry, entry, "Edit communication")

    def _ask(
        self, entry: Communication, before: Communication | None, text: str
    ) -> CommunicationDialog | None:
        assert self.map is not None
        dialog = CommunicationDialog(
            self, entry, self.map.contacts, self.shell_today, new=before is None
        )
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: self._change(text, before, dialog.entry))
        dialog.open()
        return dialog

    def mark_done(self) -> None:
        entry = self.chosen_entry()
        if entry is not None:
            self._change("Mark communication done", entry, entry.done(self.shell_today()))

    def delete_entry(self) -> None:
        entry = self.chosen_entry()
        if entry is not None:
            self._change("Delete communication", entry, None)

    def _change(self, text: str, before: Communication | None, after: Communication | None) -> None:
        journal = self.shell.journal
        if journal is None:
            return
        try:
            push(self.shell.undo_stack, ChangePlan(journal, text, before, after))
        except BrmDeskError as error:
            messages.show_error(self, "Cannot change the plan", error.message)

    def export_csv(self) -> Path | None:
        """The plan as shown, to a CSV file (it holds no stance, nothing private)."""
        from brm_desk.ui.list_export import table_contents, write_list

        name = self.map.partner.name if self.map else "partner"
        suggested = Path(f"communications plan {name}.csv".lower())
        path = files.save_path(self, "Export the plan as CSV", suggested, "CSV files (*.csv)")
        if path is None:
            return None
        try:
            rows = write_list(table_contents(self.plan), path.with_suffix(".csv"))
        except BrmDeskError as error:
            messages.show_error(self, "Cannot export", error.message)
            return None
        self.shell.say(f"Exported {rows} rows to {path.with_suffix('.csv')}")
        return path.with_suffix(".csv")

    # Loading --------------------------------------------------------------------------

    def load(self) -> bool:
        """Read the map again; a partner gone (deleted, journal closed) closes the window."""
        journal = self.shell.journal
        try:
            if journal is None:
                raise BrmDeskError("the journal is closed")
            found = journal.stakeholders.map(self.partner_id, self.compared_with())
        except BrmDeskError as error:
            self.shell.say(f"No stakeholder map: {error.message}")
            self.close()
            return False
        self.map = found
        self.setWindowTitle(f"{found.partner.name} — stakeholder map")
        chosen = self.person.currentData()
        self.person.blockSignals(True)
        self.person.clear()
        self.person.addItem("(nobody)", None)
        for contact in found.contacts:
            self.person.addItem(contact.name, contact.id)
        self.person.setCurrentIndex(max(0, self.person.findData(chosen)))
        self.person.blockSignals(False)
        self.panel.selected = self.person.currentData()
        self.panel.set_map(found)
        self._fill(self.gaps, [g.text for g in found.gaps], "No gaps.")
        if found.compared_with is None:
            self._fill(self.moves, [], "Choose “Compare with” to see who moved.")
        else:
            since = f"Nobody moved since {day_text(found.compared_with)}."
            self._fill(self.moves, [m.text for m in found.moves], since)
        self.plan_model.set_map(found)
        self.plan.resizeColumnsToContents()
        return True

    @staticmethod
    def _fill(listing: QListWidget, lines: list[str], empty: str) -> None:
        listing.clear()
        listing.addItems(lines or [empty])
