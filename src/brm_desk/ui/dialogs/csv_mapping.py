"""The CSV import dialog: which column fills which field, a preview, every problem.

Two kinds of record: requests (a service tool's export, all for one partner) and pulses (a
survey tool's answers, each row naming its partner; the partner chosen here takes the rows
that name none). Columns are guessed from the header; a mapping the BRM imported with once is
remembered (QSettings, per header layout) and offered first next time. Nothing can be imported
while a row has a problem: they are listed by row and column.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.pulses import Pulse
from brm_desk.domain.records import Partner, Request
from brm_desk.domain.words import plural
from brm_desk.services.interchange.csv_import import RequestPlan, plan_requests
from brm_desk.services.interchange.csv_mapping import (
    PULSES,
    REQUESTS,
    CsvKind,
    check_mapping,
    guess_mapping,
    mapping_key,
)
from brm_desk.services.interchange.csv_pulses import PulsePlan, plan_pulses
from brm_desk.services.interchange.csv_read import CsvTable
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs.buttons import answer_buttons
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.widgets.choices import choice_box

NOT_IMPORTED = "(not imported)"
PREVIEW_ROWS = 20
SETTINGS_GROUP = "csv_import/mappings"


def settings_key(table: CsvTable, kind: CsvKind = REQUESTS) -> str:
    layout = mapping_key(table.header) + ("" if kind is REQUESTS else f"|{kind.noun}")
    digest = hashlib.sha1(layout.encode(), usedforsecurity=False)
    return f"{SETTINGS_GROUP}/{digest.hexdigest()[:16]}"


def remembered_mapping(
    settings: QSettings, table: CsvTable, kind: CsvKind = REQUESTS
) -> dict[str, str] | None:
    """The mapping last used with this header layout, if its columns are still there."""
    stored = settings.value(settings_key(table, kind), "", type=str)
    try:
        mapping = json.loads(stored) if isinstance(stored, str) and stored else None
        if not isinstance(mapping, dict):
            return None
        return check_mapping(mapping, table.header, require_title=False, kind=kind)
    except (ValueError, BrmDeskError):
        return None


_PREVIEW_COLUMNS: tuple[tuple[str, Callable[[Request], object]], ...] = (
    ("Title", lambda r: r.title),
    ("Received", lambda r: r.received.isoformat()),
    ("Status", lambda r: r.status.label),
    ("Focus", lambda r: r.focus.label),
    ("Urgency", lambda r: str(r.urgency)),
    ("Value", lambda r: str(r.value)),
    ("Want", lambda r: r.want.replace("\n", " ")[:80]),
)
_PULSE_PREVIEW: tuple[tuple[str, Callable[[Pulse], object]], ...] = (
    ("Taken on", lambda p: p.taken_on.isoformat()),
    ("Trust", lambda p: p.trust),
    ("Responsive", lambda p: p.responsiveness),
    ("Value", lambda p: p.value_delivered),
    ("NPS", lambda p: p.net_promoter),
    ("Comment", lambda p: p.comment.replace("\n", " ")[:80]),
)
FROM_EACH_ROW = "(named in each row)"


class CsvMappingDialog(QDialog):
    """Map, preview, check; ``plan`` holds the records to import once accepted."""

    def __init__(
        self,
        journal: Journal,
        table: CsvTable,
        partners: Sequence[Partner],
        default_partner: str | None,
        settings: QSettings,
        parent: QWidget | None = None,
        kind: CsvKind = REQUESTS,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.csv = table
        self.settings = settings
        self.kind = kind
        self.plan: RequestPlan | PulsePlan | None = None
        self.setWindowTitle(f"Import {kind.noun}s — {table.path.name}")
        self.setAccessibleName("CSV import")

        about = QLabel(
            f"{table.path.name}: {len(table.rows)} rows, {table.encoding}, "
            f"{table.delimiter_name}-separated."
        )
        choices = [(p.name, p.id) for p in partners]
        if kind is PULSES:
            choices.insert(0, (FROM_EACH_ROW, ""))
        self.partner_box = choice_box("Partner", choices)
        self.partner_box.setCurrentIndex(max(self.partner_box.findData(default_partner), 0))
        if kind is PULSES:
            self.partner_box.setToolTip(
                "The partner of rows that name none (a survey sent to one partner)"
            )

        start = remembered_mapping(settings, table, kind) or guess_mapping(table.header, kind)
        self.field_boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow("Partner" if kind is REQUESTS else "Rows naming none", self.partner_box)
        for field in kind.fields:
            box = QComboBox()
            box.setAccessibleName(field.label)
            box.addItem(NOT_IMPORTED, None)
            for column in table.header:
                box.addItem(column, column)
            box.setCurrentIndex(max(box.findData(start.get(field.name)), 0))
            box.currentIndexChanged.connect(self.refresh)
            self.field_boxes[field.name] = box
            form.addRow(field.label + (" *" if field.required else ""), box)
        mapping_group = QGroupBox("Columns")
        mapping_group.setLayout(form)

        names = {p.id: p.name for p in partners}
        self.preview_columns: Sequence[tuple[str, Callable[[Any], object]]] = (
            (("Partner", lambda p: names.get(p.partner_id, "")), *_PULSE_PREVIEW)
            if kind is PULSES
            else _PREVIEW_COLUMNS
        )
        self.preview = QTableWidget(0, len(self.preview_columns))
        self.preview.setAccessibleName("Preview")
        self.preview.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.preview.setHorizontalHeaderLabels([title for title, _ in self.preview_columns])
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(QLabel(f"Preview (first {PREVIEW_ROWS} {kind.noun}s)"))
        right.addWidget(self.preview, 3)
        right.addWidget(QLabel("Problems"))
        right.addWidget(self.problems, 1)
        right.addWidget(self.status_label)
        body = QHBoxLayout()
        body.addWidget(mapping_group)
        body.addLayout(right, 1)

        self.buttons = answer_buttons(self)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 1000, 620)
        self.partner_box.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def mapping(self) -> dict[str, str]:
        chosen = {name: box.currentData() for name, box in self.field_boxes.items()}
        return {name: column for name, column in chosen.items() if isinstance(column, str)}

    def refresh(self) -> None:
        """Re-read every row with the mapping as it stands now."""
        self.plan = None
        self.problems.clear()
        self.preview.setRowCount(0)
        partner = self.partner_box.currentData() or None
        try:
            plan = self._plan(partner)
        except BrmDeskError as error:
            self.problems.addItem(error.message)
            self._done(0, 1)
            return
        for problem in plan.problems:
            self.problems.addItem(str(problem))
        records = plan.pulses if isinstance(plan, PulsePlan) else plan.requests
        self._fill_preview(records[:PREVIEW_ROWS])
        self.plan = plan
        self._done(len(records), len(plan.problems))

    def _plan(self, partner: str | None) -> RequestPlan | PulsePlan:
        """Every row read with the mapping; a pulse's partner may come from its row."""
        if self.kind is PULSES:
            given = ("partner",) if partner else ()
            mapping = check_mapping(self.mapping(), self.csv.header, kind=PULSES, given=given)
            return plan_pulses(self.journal, self.csv, mapping, partner)
        mapping = check_mapping(self.mapping(), self.csv.header)
        if not isinstance(partner, str):
            raise BrmDeskError("Pick the partner these requests come from.")
        return plan_requests(self.journal, self.csv, mapping, partner)

    def _fill_preview(self, records: Sequence[Request] | Sequence[Pulse]) -> None:
        self.preview.setRowCount(len(records))
        for row, record in enumerate(records):
            for column, (_title, value) in enumerate(self.preview_columns):
                self.preview.setItem(row, column, QTableWidgetItem(str(value(record))))

    def _done(self, records: int, problems: int) -> None:
        ok = problems == 0 and records > 0
        self.import_button.setEnabled(ok)
        self.import_button.setText(f"Import {plural(records, self.kind.noun)}")
        if problems:
            self.status_label.setText(
                f"{problems} problem{'s' if problems != 1 else ''}: fix the file or the "
                "mapping; nothing is imported while a row has a problem."
            )
        else:
            self.status_label.setText("Every row can be imported." if records else "No rows.")

    def accept(self) -> None:
        if self.plan is None or self.plan.problems:
            return
        self.settings.setValue(settings_key(self.csv, self.kind), json.dumps(self.plan.mapping))
        super().accept()
