"""A partner's relationship health: the score with its parts and weights, the trend, and the
pulses behind it, which the BRM types in, changes and deletes here (each undoable).

Nothing is a black box: every part shows its figure, its weight and what it was made of, and a
part left out for lack of data says so.
"""

from __future__ import annotations

from contextlib import suppress

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.health import QuarterHealth, at_risk, latest, weights_text
from brm_desk.domain.pulses import Pulse, Quarter
from brm_desk.domain.records import Contact
from brm_desk.services.journal import Journal
from brm_desk.ui.charts.health_chart import HealthChartPanel
from brm_desk.ui.charts.panel import figures_table, fill_table
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.pulse import PulseDialog
from brm_desk.ui.models.health import health_text
from brm_desk.ui.pulse_commands import AddPulse, DeletePulse, EditPulse, ImportPulses

PULSE_HEADINGS = ("Taken on", "Trust", "Responsive", "Value", "NPS", "Answered by", "Comment")
PART_HEADINGS = ("Part", "Weight", "Score", "Based on")


def compact(table: QTableWidget) -> QTableWidget:
    """One line a row: a cut text shows whole in its tooltip."""
    table.setWordWrap(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


def left_aligned(table: QTableWidget, *columns: int) -> None:
    """Words read from the left (``fill_table`` aligns figures to the right); the last
    column takes the width that is left."""
    left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    for column in columns:
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if item is not None:
                item.setTextAlignment(left)
                item.setToolTip(item.text())  # whole, where the cell cuts it
    table.horizontalHeader().setSectionResizeMode(columns[-1], QHeaderView.ResizeMode.Stretch)


def left_out_text(health: QuarterHealth | None) -> str:
    """Which parts the quarter lacks, and that the other weights were rescaled."""
    if health is None:
        return weights_text()
    missing = ", ".join(part.label.lower() for part in health.left_out)
    if not missing:
        return "Every part counted at its stated weight."
    return f"Left out (no data): {missing}; → the others' weights rescaled."


class HealthPanel(QWidget):
    """The health of one partner (:meth:`set_partner`); ``sig_command`` carries an undoable
    command for the window's undo stack, as a page's does."""

    sig_command = Signal(object)

    def __init__(self, journal: Journal, settings: QSettings) -> None:
        super().__init__()
        self.setAccessibleName("Relationship health")
        self.journal = journal
        self.settings = settings
        self.partner_id: str | None = None
        self.partner_name = ""
        self.trend: list[QuarterHealth] = []
        self.pulses: list[Pulse] = []
        self.quarter: Quarter | None = None
        self.headline = QLabel()
        bold = self.headline.font()
        bold.setBold(True)
        self.headline.setFont(bold)
        self.headline.setTextFormat(Qt.TextFormat.PlainText)
        self.headline.setWordWrap(True)  # a long partner name never widens the window
        self.chart = HealthChartPanel()
        self.chart.sig_quarter_chosen.connect(self.show_quarter)
        self.new_button = QPushButton("New pulse…")
        self.new_button.setToolTip("Type in the partner's view for a quarter (Ctrl+Shift+P)")
        self.new_button.clicked.connect(self.new_pulse)
        self.import_button = QPushButton("Import survey…")
        self.import_button.setToolTip(
            "Pulses from a survey tool's CSV export (Microsoft Forms, SurveyMonkey…)"
        )
        self.import_button.clicked.connect(self.import_survey)
        self.edit_button = QPushButton("Edit…")
        self.edit_button.clicked.connect(self.edit_pulse)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete_pulse)
        top = QHBoxLayout()  # the headline, then what adds pulses and the chart's table
        top.addWidget(self.headline, 1)
        for widget in (self.new_button, self.import_button, self.chart.table_button):
            top.addWidget(widget)

        self.parts = compact(figures_table("Health parts"))
        self.parts.setToolTip(weights_text())
        self.weights = QLabel()
        self.weights.setWordWrap(True)
        self.weights.setEnabled(False)  # a quiet note under the parts
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.parts, 1)
        left_layout.addWidget(self.weights)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setChildrenCollapsible(False)
        upper.addWidget(left)
        upper.addWidget(self.chart)
        upper.setSizes([480, 440])

        self.pulse_title = QLabel()
        self.all_button = QPushButton("All quarters")
        self.all_button.clicked.connect(lambda: self.show_quarter(None))
        self.export_button = QPushButton("Export CSV…")
        self.export_button.setToolTip("This partner's pulses as a CSV file")
        self.export_button.clicked.connect(self.export_csv)
        self.pulse_table = compact(figures_table("Pulses"))
        self.pulse_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pulse_table.activated.connect(lambda _index: self.edit_pulse())
        self.pulse_table.itemSelectionChanged.connect(self._follow_selection)
        QShortcut(QKeySequence.StandardKey.Delete, self.pulse_table, self.delete_pulse)
        pulses_bar = QHBoxLayout()
        pulses_bar.addWidget(self.pulse_title, 1)
        for widget in (self.all_button, self.edit_button, self.delete_button, self.export_button):
            pulses_bar.addWidget(widget)  # what acts on the pulses, beside them
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(pulses_bar)
        lower_layout.addWidget(self.pulse_table, 1)
        body = QSplitter(Qt.Orientation.Vertical)
        body.setChildrenCollapsible(False)
        body.addWidget(upper)
        body.addWidget(lower)
        body.setStretchFactor(0, 5)  # the parts and the chart first; the pulses scroll
        body.setStretchFactor(1, 2)
        body.setSizes([500, 200])
        self.pulse_table.setMinimumHeight(60)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(body, 1)
        self.set_partner(None)

    def set_partner(self, partner_id: str | None) -> None:
        """Show this partner's health (reloaded even when it is the partner shown)."""
        if partner_id != self.partner_id:
            self.quarter = None
        self.partner_id = partner_id
        self.trend, self.pulses, self.partner_name = [], [], ""
        if partner_id is not None:
            with suppress(BrmDeskError):  # deleted meanwhile: nothing to show
                self.partner_name = self.journal.partners.get(partner_id).name
                self.trend = self.journal.health.trend(partner_id)
                self.pulses = self.journal.pulses.listing(partner_id)
        self.new_button.setEnabled(bool(self.partner_name))
        self.export_button.setEnabled(bool(self.pulses))
        self.headline.setText(self.headline_text())
        self._fill_parts()
        self.chart.set_trend(self.trend)
        self._fill_pulses()

    def headline_text(self) -> str:
        if not self.partner_name:
            return "Select a partner to see the health of the relationship."
        now = latest(self.trend)
        if now is None:
            return f"{self.partner_name}: no health score yet — record a pulse to start one"
        text = f"{self.partner_name}: health {health_text(self.trend)} ({now.quarter.label})"
        if at_risk(self.trend):
            text += " — the score fell two quarters in a row"
        return text

    def _fill_parts(self) -> None:
        now = latest(self.trend)
        rows: list[tuple[str, ...]] = []
        if now is not None:
            for part in now.parts:
                weight = f"{part.weight:.0%}"
                if part.counted and now.share_of(part) != part.weight:
                    weight += f" → {now.share_of(part):.0%}"
                score = "left out" if part.score is None else str(round(part.score))
                rows.append((part.label, weight, score, part.detail))
        fill_table(self.parts, PART_HEADINGS, rows)
        left_aligned(self.parts, 3)
        self.weights.setText(left_out_text(now))

    def show_quarter(self, index: int | Quarter | None) -> None:
        """The pulses of one quarter of the trend (by its index), or of all quarters."""
        if isinstance(index, int):
            index = self.trend[index].quarter if 0 <= index < len(self.trend) else None
        self.quarter = index
        self._fill_pulses()

    def shown_pulses(self) -> list[Pulse]:
        if self.quarter is None:
            return self.pulses
        return [p for p in self.pulses if p.quarter == self.quarter]

    def _fill_pulses(self) -> None:
        shown = self.shown_pulses()
        names = {c.id: c.name for c in self._contacts()}
        fill_table(
            self.pulse_table,
            PULSE_HEADINGS,
            [
                (
                    p.taken_on.isoformat(),
                    str(p.trust),
                    str(p.responsiveness),
                    str(p.value_delivered),
                    str(p.net_promoter),
                    names.get(p.answered_by_id or "", ""),
                    p.comment.replace("\n", " "),
                )
                for p in shown
            ],
        )
        left_aligned(self.pulse_table, 5, 6)
        where = "all quarters" if self.quarter is None else self.quarter.label
        self.pulse_title.setText(f"Pulses: {where} ({len(shown)})")
        self.all_button.setVisible(self.quarter is not None)
        self._follow_selection()

    def _contacts(self) -> list[Contact]:
        if self.partner_id is None or not self.partner_name:
            return []
        return self.journal.contacts.listing(self.partner_id)

    def _follow_selection(self) -> None:
        chosen = self.selected_pulse() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected_pulse(self) -> Pulse | None:
        rows = self.pulse_table.selectionModel().selectedRows()
        shown = self.shown_pulses()
        return shown[rows[0].row()] if rows and rows[0].row() < len(shown) else None

    def _dialog(self, pulse: Pulse | None) -> PulseDialog | None:
        if self.partner_id is None or not self.partner_name:
            return None
        return PulseDialog(
            self.partner_id,
            self.partner_name,
            self._contacts(),
            self.journal.today(),
            pulse,
            self,
        )

    def new_pulse(self) -> None:
        dialog = self._dialog(None)
        if dialog is not None and dialog.exec() and (pulse := dialog.pulse()) is not None:
            self.sig_command.emit(AddPulse(self.journal, pulse))

    def edit_pulse(self) -> None:
        before = self.selected_pulse()
        dialog = self._dialog(before)
        if before is None or dialog is None or not dialog.exec():
            return
        after = dialog.pulse()
        if after is not None and after != before:
            self.sig_command.emit(EditPulse(self.journal, before, after))

    def delete_pulse(self) -> None:
        pulse = self.selected_pulse()
        if pulse is not None:
            self.sig_command.emit(DeletePulse(self.journal, pulse))

    def import_survey(self) -> None:
        """A survey's answers as pulses, through the CSV import's mapping dialog; rows that
        name no partner are the partner's in view."""
        from brm_desk.services.interchange.csv_mapping import PULSES
        from brm_desk.services.interchange.csv_pulses import PulsePlan, import_pulses
        from brm_desk.services.interchange.csv_read import read_csv
        from brm_desk.ui.dialogs.csv_mapping import CsvMappingDialog

        pattern = "CSV files (*.csv *.txt);;All (*)"
        path = files.open_path(self, "Import pulses from a survey", pattern)
        if path is None:
            return
        try:
            table = read_csv(path)
        except BrmDeskError as error:
            messages.show_error(self, "Cannot import", error.message)
            return
        partners = self.journal.partners.listing(include_archived=False)
        dialog = CsvMappingDialog(
            self.journal, table, partners, self.partner_id, self.settings, self, PULSES
        )
        plan = dialog.plan if dialog.exec() else None
        if not isinstance(plan, PulsePlan):
            return
        try:
            report = import_pulses(self.journal, plan)
        except BrmDeskError as error:
            messages.show_error(self, "Cannot import", error.message)
            return
        self.sig_command.emit(ImportPulses(self.journal, plan, report))

    def export_csv(self) -> None:
        """The partner's pulses to a CSV file a spreadsheet (or the import) reads."""
        from pathlib import Path

        from brm_desk.services.interchange.csv_pulses import export_pulses

        suggested = Path(f"pulses {self.partner_name}.csv")
        path = files.save_path(self, "Export pulses as CSV", suggested, "CSV files (*.csv)")
        if path is None or self.partner_id is None:
            return
        try:
            count = export_pulses(self.journal, path, self.partner_id)
        except BrmDeskError as error:
            messages.show_error(self, "Cannot export", error.message)
            return
        messages.show_info(self, "Export pulses", f"Wrote {count} pulses to {path}.")
