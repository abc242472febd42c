"""The CSV import dialog: which column fills which request field, a preview, every problem.

Columns are guessed from the header (ServiceNow, Jira and plain names); a mapping the BRM
imported with once is remembered (QSettings, per header layout) and offered first next time.
Nothing can be imported while a row has a problem: they are listed by row and column.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence

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
from brm_desk.domain.records import Partner, Request
from brm_desk.domain.words import plural
from brm_desk.services.interchange.csv_import import RequestPlan, plan_requests
from brm_desk.services.interchange.csv_mapping import (
    FIELDS,
    check_mapping,
    guess_mapping,
    mapping_key,
)
from brm_desk.services.interchange.csv_read import CsvTable
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs.fitting import fit_to_screen
from brm_desk.ui.widgets.choices import choice_box

NOT_IMPORTED = "(not imported)"
PREVIEW_ROWS = 20
SETTINGS_GROUP = "csv_import/mappings"


def settings_key(table: CsvTable) -> str:
    digest = hashlib.sha1(mapping_key(table.header).encode(), usedforsecurity=False)
    return f"{SETTINGS_GROUP}/{digest.hexdigest()[:16]}"


def remembered_mapping(settings: QSettings, table: CsvTable) -> dict[str, str] | None:
    """The mapping last used with this header layout, if its columns are still there."""
    stored = settings.value(settings_key(table), "", type=str)
    try:
        mapping = json.loads(stored) if isinstance(stored, str) and stored else None
        return check_mapping(mapping, table.header) if isinstance(mapping, dict) else None
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


class CsvMappingDialog(QDialog):
    """Map, preview, check; ``plan`` holds the requests to import once accepted."""

    def __init__(
        self,
        journal: Journal,
        table: CsvTable,
        partners: Sequence[Partner],
        default_partner: str | None,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.csv = table
        self.settings = settings
        self.plan: RequestPlan | None = None
        self.setWindowTitle(f"Import requests — {table.path.name}")
        self.setAccessibleName("CSV import")

        about = QLabel(
            f"{table.path.name}: {len(table.rows)} rows, {table.encoding}, "
            f"{table.delimiter_name}-separated."
        )
        self.partner_box = choice_box("Partner", [(p.name, p.id) for p in partners])
        self.partner_box.setCurrentIndex(max(self.partner_box.findData(default_partner), 0))

        start = remembered_mapping(settings, table) or guess_mapping(table.header)
        self.field_boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        form.addRow("Partner", self.partner_box)
        for field in FIELDS:
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

        self.preview = QTableWidget(0, len(_PREVIEW_COLUMNS))
        self.preview.setAccessibleName("Preview")
        self.preview.setTabKeyNavigation(False)  # Tab moves on to the buttons
        self.preview.setHorizontalHeaderLabels([title for title, _ in _PREVIEW_COLUMNS])
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setStretchLastSection(True)
        self.problems = QListWidget()
        self.problems.setAccessibleName("Problems")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(QLabel(f"Preview (first {PREVIEW_ROWS} requests)"))
        right.addWidget(self.preview, 3)
        right.addWidget(QLabel("Problems"))
        right.addWidget(self.problems, 1)
        right.addWidget(self.status_label)
        body = QHBoxLayout()
        body.addWidget(mapping_group)
        body.addLayout(right, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
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
        partner = self.partner_box.currentData()
        try:
            mapping = check_mapping(self.mapping(), self.csv.header)
            if not isinstance(partner, str):
                raise BrmDeskError("Pick the partner these requests come from.")
            plan = plan_requests(self.journal, self.csv, mapping, partner)
        except BrmDeskError as error:
            self.problems.addItem(error.message)
            self._done(0, 1)
            return
        for problem in plan.problems:
            self.problems.addItem(str(problem))
        self._fill_preview(plan.requests[:PREVIEW_ROWS])
        self.plan = plan
        self._done(len(plan.requests), len(plan.problems))

    def _fill_preview(self, requests: Sequence[Request]) -> None:
        self.preview.setRowCount(len(requests))
        for row, request in enumerate(requests):
            for column, (_title, value) in enumerate(_PREVIEW_COLUMNS):
                self.preview.setItem(row, column, QTableWidgetItem(str(value(request))))

    def _done(self, requests: int, problems: int) -> None:
        ok = problems == 0 and requests > 0
        self.import_button.setEnabled(ok)
        self.import_button.setText(f"Import {plural(requests, 'request')}")
        if problems:
            self.status_label.setText(
                f"{problems} problem{'s' if problems != 1 else ''}: fix the file or the "
                "mapping; nothing is imported while a row has a problem."
            )
        else:
            self.status_label.setText("Every row can be imported." if requests else "No rows.")

    def accept(self) -> None:
        if self.plan is None or self.plan.problems:
            return
        self.settings.setValue(settings_key(self.csv), json.dumps(self.plan.mapping))
        super().accept()
