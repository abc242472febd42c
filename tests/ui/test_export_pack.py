"""File → Export review pack…: the dialog writes the PDF for its audience, says what it leaves
out, keeps the next period with the partner, keeps private items out, cancels."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from chart_data import CET, ChartJournal, fill_for_charts
from pypdf import PdfReader
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QMenu, QPushButton
from pytestqt.qtbot import QtBot
from ui_data import type_day

from brm_desk.domain.enums import MeetingType, Stance
from brm_desk.domain.periods import Preset
from brm_desk.domain.records import Contact, Meeting
from brm_desk.services.journal import Journal
from brm_desk.services.privacy import Audience
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.export_pack import ExportPackDialog
from brm_desk.ui.main_window import MainWindow
from brm_desk.ui.views.partners import PartnersPage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

PRIVATE_TITLE = "Off the record with the CFO"
PRIVATE_NOTE = "The sponsor is leaving in spring wombatfish"


@pytest.fixture
def charted(journal: Journal) -> ChartJournal:
    charted = fill_for_charts(journal)
    journal.meetings.add(
        Meeting(
            id="",
            partner_id=charted.finance.id,
            title=PRIVATE_TITLE,
            start=datetime(2026, 10, 30, 17, 0, tzinfo=CET),
            type=MeetingType.ONE_TO_ONE,
            focus=MeetingType.ONE_TO_ONE.default_focus,
            duration_minutes=30,
            notes=PRIVATE_NOTE,
            private=True,
        )
    )
    return charted


def dialog_for(qtbot: QtBot, charted: ChartJournal, partner_id: str | None) -> ExportPackDialog:
    dialog = ExportPackDialog(
        charted.journal, QSettings(), undo_stack=QUndoStack(), partner_id=partner_id
    )
    qtbot.addWidget(dialog)
    dialog.period_box.setCurrentIndex(dialog.period_box.findData(Preset.CUSTOM.value))
    type_day(qtbot, dialog.from_edit, "2026-09-01")
    type_day(qtbot, dialog.to_edit, "2026-11-24")
    return dialog


def export(qtbot: QtBot, dialog: ExportPackDialog, target: Path) -> object:
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.sig_finished, timeout=120_000) as finished:
        assert dialog.export() is not None
    return finished.args[0] if finished.args else None


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_a_partner_pack_is_written_without_private_items_by_default(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    assert dialog.partner_box.currentText() == "Finance"
    assert dialog.audience() is Audience.PARTNER
    assert not dialog.private_box.isChecked()
    assert not dialog.log_box.isChecked()
    target = tmp_path / "finance.pdf"
    assert export(qtbot, dialog, target) == target
    text = pdf_text(target)
    assert "Partner review" in text
    assert "Finance" in text
    assert "1 Sep 2026 – 24 Nov 2026" in text
    assert "At a glance" in text
    assert "Appendix: meeting log" not in text
    assert len(PdfReader(target).pages) <= 6
    assert PRIVATE_TITLE not in text
    assert "wombatfish" not in text
    assert dialog.done_label.text() == f"Wrote finance.pdf ({len(PdfReader(target).pages)} pages)."
    assert dialog.open_button.isVisibleTo(dialog)
    assert list(tmp_path.glob(".*")) == []  # nothing left of the file being written


def test_the_log_checkbox_adds_the_meeting_log(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    dialog.log_box.setChecked(True)
    target = tmp_path / "finance.pdf"
    export(qtbot, dialog, target)
    text = pdf_text(target)
    assert "Appendix: meeting log" in text
    for title in ("Escalation 2/9", "Planning 21/10", "Roadmap 4/11"):
        assert title in text
    assert PRIVATE_TITLE not in text


def test_the_dialog_says_what_is_left_out_before_writing(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    charted.journal.contacts.add(
        Contact(id="", partner_id=charted.finance.id, name="Dana", stance=Stance.SKEPTIC)
    )
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    said = "Left out for the partner: 1 private meeting (counted in the figures), stances of 1"
    qtbot.waitUntil(lambda: dialog.left_out.text().startswith(said), timeout=10_000)
    dialog.audience_box.setCurrentIndex(dialog.audience_box.findData("internal"))
    qtbot.waitUntil(
        lambda: (
            dialog.left_out.text()
            == "Left out of the internal pack: 1 private meeting (counted in the figures)."
        ),
        timeout=10_000,
    )
    dialog.private_box.setChecked(True)
    qtbot.waitUntil(lambda: dialog.left_out.text() == "Nothing is left out.", timeout=10_000)


def test_the_internal_audience_gets_stances_and_the_next_period_is_kept(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    charted.journal.contacts.add(
        Contact(id="", partner_id=charted.finance.id, name="Dana", stance=Stance.SKEPTIC)
    )
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    dialog.audience_box.setCurrentIndex(dialog.audience_box.findData("internal"))
    dialog.next_period.setPlainText("- Agree the roadmap with Dana")
    dialog.currency.setText("CHF")
    target = tmp_path / "internal.pdf"
    export(qtbot, dialog, target)
    text = pdf_text(target)
    assert "Partner review — internal" in text
    assert "Skeptic" in text
    assert "Agree the roadmap with Dana" in text
    assert charted.journal.partners.get(charted.finance.id).next_period == (
        "- Agree the roadmap with Dana"
    )
    assert charted.journal.settings.currency() == "CHF"
    assert dialog.undo_stack.undoText() == "Edit partner 'Finance'"
    dialog.undo_stack.undo()  # the next period is an edit like any other
    assert charted.journal.partners.get(charted.finance.id).next_period == ""
    dialog.undo_stack.redo()
    again = dialog_for(qtbot, charted, charted.finance.id)
    assert again.next_period.toPlainText() == "- Agree the roadmap with Dana"
    assert again.currency.text() == "CHF"
    again.partner_box.setCurrentIndex(0)  # the portfolio: no next period, no log
    assert not again.next_period.isEnabled()
    assert not again.log_box.isEnabled()


def test_a_bad_currency_is_named_inline_and_nothing_is_written(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    dialog.currency.setText("")
    dialog.path_edit.setText(str(tmp_path / "pack.pdf"))
    assert dialog.export() is None
    assert dialog.error.text() == "currency: is required"
    assert not (tmp_path / "pack.pdf").exists()


def test_ticking_include_private_puts_private_items_in(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    dialog.private_box.setChecked(True)
    dialog.log_box.setChecked(True)
    target = tmp_path / "with-private.pdf"
    export(qtbot, dialog, target)
    text = pdf_text(target)
    assert PRIVATE_TITLE in text
    assert "wombatfish" in text


def test_the_portfolio_pack_has_every_active_partner(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, charted, None)
    assert dialog.partner_box.currentText() == "All partners — portfolio pack"
    target = tmp_path / "portfolio.pdf"
    export(qtbot, dialog, target)
    text = pdf_text(target)
    assert "Portfolio review" in text
    assert "Finance" in text
    assert "Sales" in text


def test_cancel_leaves_no_file(qtbot: QtBot, charted: ChartJournal, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, charted, None)
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "cancelled.pdf"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.sig_finished, timeout=120_000) as finished:
        dialog.export()
        assert dialog.progress is not None
        cancel = dialog.progress.dialog.findChild(QPushButton)
        assert cancel is not None
        assert cancel.text() == "Cancel"
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert finished.args == [None]
    assert list(folder.iterdir()) == []
    assert dialog.done_label.text() == "The export was cancelled; no file was written."
    assert not dialog.open_button.isVisibleTo(dialog)


def test_closing_the_dialog_during_an_export_cancels_it(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, charted, None)
    dialog.show()
    folder = tmp_path / "out"
    folder.mkdir()
    dialog.path_edit.setText(str(folder / "closed.pdf"))
    with qtbot.waitSignal(dialog.sig_finished, timeout=120_000) as finished:
        dialog.export()
        dialog.reject()  # Esc or the window's close button
        assert dialog.isVisible()  # stays until the export has stopped
    assert finished.args == [None]
    assert list(folder.iterdir()) == []


def test_a_cancelled_export_keeps_the_older_pack_of_that_name(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.pdf"
    target.write_bytes(b"the pack of last quarter")
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    dialog = dialog_for(qtbot, charted, None)
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.sig_finished, timeout=120_000):
        dialog.export()
        dialog.cancel()
    assert target.read_bytes() == b"the pack of last quarter"


def test_open_pdf_hands_the_written_file_to_the_desktop(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    class Viewer(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.opened: list[QUrl] = []

        @Slot(QUrl)
        def show(self, url: QUrl) -> None:
            self.opened.append(url)

    dialog = dialog_for(qtbot, charted, charted.finance.id)
    target = tmp_path / "open-me.pdf"
    export(qtbot, dialog, target)
    viewer = Viewer()
    QDesktopServices.setUrlHandler("file", viewer, "show")
    try:
        assert dialog.open_pdf()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in viewer.opened] == [str(target)]


def test_the_save_picker_names_a_pdf_and_its_replace_question_is_not_asked_twice(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "q3.pdf").write_bytes(b"an older pack")
    asked: list[Path] = []

    def picker(_parent: object, _title: str, suggested: Path, pattern: str) -> Path:
        asked.append(suggested)
        assert pattern == "PDF files (*.pdf)"
        return folder / "q3"  # the user typed no extension; the dialog confirmed replacing

    monkeypatch.setattr(files, "save_path", picker)
    monkeypatch.setattr(messages, "confirm", lambda *_args: pytest.fail("asked again"))
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    dialog.choose_path()
    assert asked[0].name == "Review pack - Finance - 2026-09-01 to 2026-11-24.pdf"
    assert dialog.path_edit.text() == str(folder / "q3.pdf")
    with qtbot.waitSignal(dialog.sig_finished, timeout=120_000):
        dialog.export()
    assert PdfReader(folder / "q3.pdf").pages


def test_the_folder_is_remembered_for_the_next_export(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    export(qtbot, dialog_for(qtbot, charted, charted.finance.id), folder / "first.pdf")
    again = ExportPackDialog(
        charted.journal, QSettings(), undo_stack=QUndoStack(), partner_id=charted.sales.id
    )
    qtbot.addWidget(again)
    again.period_box.setCurrentIndex(again.period_box.findData(Preset.LAST_QUARTER.value))
    assert (again.from_edit.day(), again.to_edit.day()) == (date(2026, 7, 1), date(2026, 9, 30))
    assert Path(again.path_edit.text()) == folder / (
        "Review pack - Sales - 2026-07-01 to 2026-09-30.pdf"
    )


def test_choices_that_cannot_work_are_named_inline(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    dialog.path_edit.setText(str(tmp_path / "missing" / "pack.pdf"))
    assert dialog.export() is None
    assert dialog.error.text() == f"The folder {tmp_path / 'missing'} does not exist."
    dialog.path_edit.setText(str(tmp_path / "pack.txt"))
    assert dialog.export() is None
    assert "name the file *.pdf" in dialog.error.text()
    dialog.path_edit.setText(str(tmp_path / "pack.pdf"))
    type_day(qtbot, dialog.from_edit, "2026-12-01")
    assert dialog.export() is None
    assert dialog.error.text().startswith("The period ends before it starts")
    assert list(tmp_path.iterdir()) == []


def test_a_write_error_is_shown_in_a_message_box_and_leaves_nothing(
    qtbot: QtBot, charted: ChartJournal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, title, text: shown.append((title, text)))
    monkeypatch.setattr(messages, "confirm", lambda *_args: True)
    tmp_path = tmp_path / "out"
    target = tmp_path / "taken.pdf"
    target.mkdir(parents=True)  # a folder where the PDF should go: the final move fails
    dialog = dialog_for(qtbot, charted, charted.finance.id)
    assert export(qtbot, dialog, target) is None
    assert len(shown) == 1
    assert shown[0][0] == "Cannot export the review pack"
    assert shown[0][1].startswith(f"{target}: cannot write the PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.pdf"]


def test_file_menu_opens_the_dialog_on_the_partner_in_view(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(charted.journal)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    texts = [a.text() for a in file_menu.actions()]
    assert texts.index("Export review &pack…") < texts.index("&Quit")
    window.sidebar.setCurrentRow(1)  # Partners
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    select = page.proxy.index(1, 0)
    page.table.setCurrentIndex(select)
    window.action("export_pack").trigger()
    dialog = window.findChild(ExportPackDialog)
    assert dialog is not None
    assert dialog.partner_box.currentText() == select.data() == "Sales"
