"""File → Export review pack…: a partner's (or the portfolio's) PDF for a period.

The BRM chooses the audience (the partner, or their own manager), writes the "next period"
section (kept with the partner for next time) and sees what will be left out before writing.
The pack is written in the background behind a progress dialog whose Cancel stops it; it is
written beside its target under a temporary name and moved into place only when complete
and not cancelled, so a cancelled or failed export leaves no file (and any older pack of the
same name untouched).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.domain.errors import BrmDeskError
from brm_desk.domain.files import replacing
from brm_desk.domain.periods import REVIEW_PERIODS, Preset, preset_period
from brm_desk.domain.words import plural
from brm_desk.services.privacy import Audience
from brm_desk.ui.commands import EditRecord, push
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.progress import ProgressTask
from brm_desk.ui.editors.fields import check_box, line_edit, text_box
from brm_desk.ui.operations import NewestAnswer
from brm_desk.ui.widgets.dates import DateField, period_of, show_period

if TYPE_CHECKING:
    from brm_desk.services.journal import Journal
    from brm_desk.ui.shell import Shell

FOLDER_KEY = "export_pack/folder"
PERIOD_KEY = "export_pack/period"
PORTFOLIO = "All partners — portfolio pack"
AUDIENCES = {
    Audience.PARTNER: "The partner (nothing private, no stances or satisfaction scores)",
    Audience.INTERNAL: "Internal, for my manager (adds stances and satisfaction)",
}
UNSAFE_IN_NAMES = str.maketrans(dict.fromkeys('<>:"/\\|?*', "-"))


class ExportCancelled(BrmDeskError):
    """The user cancelled the export; nothing was written."""


def open_export_dialog(shell: Shell) -> ExportPackDialog | None:
    """File → Export review pack…, on the partner in view."""
    if shell.journal is None:
        return None
    dialog = ExportPackDialog(
        shell.journal,
        shell.settings,
        shell.window,
        undo_stack=shell.undo_stack,
        partner_id=shell.partner_in_view(),
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def suggested_name(partner: str | None, start: date, end: date) -> str:
    """ "Review pack - Finance - 2026-01-01 to 2026-03-31.pdf", safe on every file system."""
    what = f"Review pack - {partner}" if partner else "Portfolio review"
    return f"{what} - {start:%Y-%m-%d} to {end:%Y-%m-%d}.pdf".translate(UNSAFE_IN_NAMES)


class ExportPackDialog(QDialog):
    """Choose what to export, then write it with a progress dialog; offers to open it.

    ``sig_finished(path or None)`` follows each export: the PDF written, or None when it was
    cancelled or failed.
    """

    sig_finished = Signal(object)

    def __init__(
        self,
        journal: Journal,
        settings: QSettings,
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack,
        partner_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.settings = settings
        self.undo_stack = undo_stack
        self.written: Path | None = None
        self._confirmed: Path | None = None
        self.progress: ProgressTask | None = None
        self.setWindowTitle("Export review pack")

        self.partner_box = QComboBox()
        self.partner_box.setAccessibleName("Partner")
        self.partner_box.addItem(PORTFOLIO, None)
        for partner in journal.partners.listing(include_archived=False):
            self.partner_box.addItem(partner.name, partner.id)
        self.partner_box.setCurrentIndex(max(self.partner_box.findData(partner_id), 0))
        self.period_box = QComboBox()
        self.period_box.setAccessibleName("Period")
        for period in REVIEW_PERIODS:
            self.period_box.addItem(period.label, period.value)
        remembered = settings.value(PERIOD_KEY, Preset.LAST_QUARTER.value, type=str)
        self.period_box.setCurrentIndex(max(self.period_box.findData(remembered), 0))
        self.from_edit = DateField("From", journal.today(), journal.today, required=True)
        self.to_edit = DateField("To", journal.today(), journal.today, required=True)
        dates = QHBoxLayout()
        dates.addWidget(self.from_edit)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.to_edit)
        dates.addStretch(1)
        self.audience_box = QComboBox()
        self.audience_box.setAccessibleName("Audience")
        for audience, label in AUDIENCES.items():
            self.audience_box.addItem(label, audience.value)
        self.private_box = check_box("Include private items", "Include private items", False)
        self.private_box.setToolTip(
            "Private meetings, requests and private notes are left out unless you tick this"
        )
        self.log_box = check_box(
            "Add the meeting log as an appendix (shareable notes only)", "With the log", False
        )
        self.next_period = text_box(
            "Next period",
            "",
            "What you plan with the partner next period: printed in the pack, kept for next time",
        )
        self.next_period.setFixedHeight(80)
        self.currency = line_edit("Currency", journal.settings.currency())
        self.currency.setMaximumWidth(90)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.left_out.setAccessibleName("Left out")
        self.asker = NewestAnswer(self, self._ask_left_out)
        self.path_edit = QLineEdit()
        self.path_edit.setAccessibleName("Save as")
        self.path_edit.setPlaceholderText("Where to save the PDF")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self.choose_path)
        where = QHBoxLayout()
        where.addWidget(self.path_edit, 1)
        where.addWidget(choose)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c0392b")
        self.error.hide()
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        self.done_label.hide()

        form = QFormLayout()
        form.addRow("&Partner:", self.partner_box)
        form.addRow("P&eriod:", self.period_box)
        form.addRow("", dates)
        form.addRow("&Audience:", self.audience_box)
        form.addRow("", self.private_box)
        form.addRow("", self.log_box)
        form.addRow("&Next period:", self.next_period)
        form.addRow("&Currency:", self.currency)
        form.addRow("", self.left_out)
        save_label = QLabel("&Save as:")
        save_label.setBuddy(self.path_edit)
        form.addRow(save_label, where)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton(
            "Export", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button = self.buttons.addButton(
            "Open PDF", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.open_button.hide()
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.export)
        self.open_button.clicked.connect(self.open_pdf)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.done_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

        self.period_box.currentIndexChanged.connect(lambda _i: self._period_changed())
        self.partner_box.currentIndexChanged.connect(lambda _i: self._partner_changed())
        for edit in (self.from_edit, self.to_edit):
            edit.sig_day_chosen.connect(self._choices_changed)
        self.audience_box.currentIndexChanged.connect(lambda _i: self.asker.ask_soon())
        self.private_box.toggled.connect(lambda _on: self.asker.ask_soon())
        self._partner_changed()
        self._period_changed()

    # Choices --------------------------------------------------------------------------

    def chosen_period(self) -> Preset:
        return Preset(self.period_box.currentData())

    def period(self) -> tuple[date, date]:
        period = self.chosen_period()
        if period is Preset.CUSTOM:
            return period_of(self.from_edit, self.to_edit)
        return preset_period(period, self.journal.today())

    def partner_id(self) -> str | None:
        data = self.partner_box.currentData()
        return data if isinstance(data, str) else None

    def audience(self) -> Audience:
        return Audience(self.audience_box.currentData())

    def _partner_changed(self) -> None:
        """The next period is a partner's: shown for one, closed for the portfolio."""
        partner_id = self.partner_id()
        planned = self.journal.partners.get(partner_id).next_period if partner_id else ""
        self.next_period.setPlainText(planned)
        for widget in (self.next_period, self.log_box):
            widget.setEnabled(partner_id is not None)
        self._choices_changed()

    def _choices_changed(self) -> None:
        self._suggest_path()
        self.asker.ask_soon()

    def _ask_left_out(self) -> None:
        """Say what the pack will leave out (worked out off the UI thread)."""
        from brm_desk.services.review_data import left_out

        journal, partner_id, audience = self.journal, self.partner_id(), self.audience()
        private = self.private_box.isChecked()
        start, end = self.period()
        if end < start:
            self.left_out.setText("")
            return

        def question() -> str:
            found = left_out(
                journal, partner_id, start, end, audience=audience, include_private=private
            )
            return found.describe(audience)

        self.asker.ask(question, self.left_out.setText, lambda e: self.left_out.setText(e.message))

    def _period_changed(self) -> None:
        """A named period shows its dates, read-only; Custom makes them editable."""
        custom = self.chosen_period() is Preset.CUSTOM
        show_period(self.from_edit, self.to_edit, None if custom else self.period())
        self._choices_changed()

    def _folder(self) -> Path:
        remembered = str(self.settings.value(FOLDER_KEY, "", type=str))
        return Path(remembered) if remembered else files.documents_folder()

    def _suggest_path(self) -> None:
        """Follow the choices with the file name, in the folder chosen last time."""
        start, end = self.period()
        current = self.path_edit.text().strip()
        folder = Path(current).parent if current else self._folder()
        partner = self.partner_box.currentText() if self.partner_id() else None
        self.path_edit.setText(str(folder / suggested_name(partner, start, end)))

    def choose_path(self) -> None:
        current = Path(self.path_edit.text().strip() or self._folder())
        chosen = files.save_path(self, "Save the review pack", current, "PDF files (*.pdf)")
        if chosen is not None:
            if chosen.suffix.lower() != ".pdf":
                chosen = chosen.with_name(chosen.name + ".pdf")
            self.path_edit.setText(str(chosen))
            self._confirmed = chosen  # the file dialog asked about replacing it already

    def _target(self) -> Path | None:
        """The file to write, or None (and an inline error) when the choices cannot work."""
        start, end = self.period()
        text = self.path_edit.text().strip()
        problem = ""
        if end < start:
            problem = "The period ends before it starts: check the From and To dates."
        elif not text:
            problem = "Choose where to save the PDF."
        elif Path(text).suffix.lower() != ".pdf":
            problem = f"{Path(text).name}: the review pack is a PDF; name the file *.pdf."
        elif not Path(text).parent.is_dir():
            problem = f"The folder {Path(text).parent} does not exist."
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        return None if problem else Path(text)

    # Exporting ------------------------------------------------------------------------

    def export(self) -> ProgressTask | None:
        """Write the pack in the background; None when the choices need fixing first."""
        target = self._target()
        if target is None:
            return None
        if (
            target.exists()
            and target != self._confirmed
            and not messages.confirm(
                self, "Replace the file?", f"{target.name} exists already. Replace it?"
            )
        ):
            return None
        journal, partner_id = self.journal, self.partner_id()
        try:
            if self.currency.text().strip() != journal.settings.currency():
                journal.settings.set_currency(self.currency.text())
            if partner_id is not None:
                self._keep_next_period(partner_id)
        except BrmDeskError as error:
            self.error.setText(error.message)
            self.error.show()
            return None
        self.settings.setValue(FOLDER_KEY, str(target.parent))
        self.settings.setValue(PERIOD_KEY, self.chosen_period().value)
        self.done_label.hide()
        self.open_button.hide()
        self.written = None
        start, end = self.period()
        audience, include_private = self.audience(), self.private_box.isChecked()
        with_log = self.log_box.isChecked()
        task = ProgressTask(
            self, "Exporting the review pack", "Gathering the figures…", shown_after_ms=0
        )

        def progress(done: int, total: int, what: str) -> None:
            if task.cancelled():
                raise ExportCancelled("The export was cancelled; no file was written.")
            task.report(done, total, what)

        def write() -> int:
            from brm_desk.reports.review_pack import write_partner_pack, write_portfolio_pack

            try:
                with replacing(target) as staging:
                    if partner_id is None:
                        pages = write_portfolio_pack(
                            journal, start, end, staging, audience=audience,
                            include_private=include_private, progress=progress,
                        )  # fmt: skip
                    else:
                        pages = write_partner_pack(
                            journal, partner_id, start, end, staging, audience=audience,
                            include_private=include_private, with_log=with_log,
                            progress=progress,
                        )  # fmt: skip
                    if task.cancelled():
                        raise ExportCancelled("The export was cancelled; no file was written.")
            except OSError as error:
                raise BrmDeskError(f"{target}: cannot write the PDF ({error.strerror})") from None
            return pages

        self.progress = task
        self.export_button.setEnabled(False)
        task.sig_finished.connect(self._export_ended)
        task.run(write, lambda pages: self._written(target, pages), self._failed)
        task.dialog.show()
        return task

    def cancel(self) -> None:
        """Stop the export at its next step; nothing is written."""
        if self.progress is not None:
            self.progress.cancel()

    def reject(self) -> None:
        """Closing while an export runs cancels it first (the dialog waits for its end)."""
        if self.progress is not None:
            self.cancel()
            return
        super().reject()

    def _keep_next_period(self, partner_id: str) -> None:
        """Keep the BRM's next period with the partner, as an edit Undo can take back."""
        before = self.journal.partners.get(partner_id)
        planned = self.next_period.toPlainText()
        if planned != before.next_period:
            after = replace(before, next_period=planned)
            push(self.undo_stack, EditRecord(self.journal, before, after))

    def _export_ended(self) -> None:
        self.export_button.setEnabled(True)
        self.progress = None

    def _written(self, target: Path, pages: int) -> None:
        self.written = target
        self.done_label.setText(f"Wrote {target.name} ({plural(pages, 'page')}).")
        self.done_label.show()
        self.open_button.show()
        self.open_button.setDefault(True)
        self.sig_finished.emit(target)

    def _failed(self, error: BrmDeskError) -> None:
        if isinstance(error, ExportCancelled):
            self.done_label.setText(error.message)
            self.done_label.show()
        else:
            messages.show_error(self, "Cannot export the review pack", error.message)
        self.sig_finished.emit(None)

    def open_pdf(self) -> bool:
        """Show the PDF just written in the system's viewer."""
        if self.written is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))
