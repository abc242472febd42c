"""The calendar preview and CSV mapping dialogs, and the File-menu flows, on real widgets."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from brm_desk.domain.records import Contact, Partner
from brm_desk.services.interchange import import_control
from brm_desk.services.interchange.csv_read import read_csv
from brm_desk.services.interchange.ics_import import preview_calendar
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.csv_mapping import NOT_IMPORTED, CsvMappingDialog
from brm_desk.ui.dialogs.ics_preview import NO_PARTNER, CalendarEventsModel, CalendarPreviewDialog
from brm_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DATA = Path(__file__).with_name("data")
GOOGLE = DATA / "google_hr.ics"


@pytest.fixture
def partners(journal: Journal) -> dict[str, Partner]:
    finance = journal.partners.add(Partner(id="", name="Finance"))
    hr = journal.partners.add(Partner(id="", name="HR"))
    journal.contacts.add(
        Contact(id="", partner_id=hr.id, name="Ben Ortiz", email="ben.ortiz@hr.example.com")
    )
    return {"finance": finance, "hr": hr}


def preview_dialog(
    qtbot: QtBot, journal: Journal, partners: dict[str, Partner], default: str | None
) -> CalendarPreviewDialog:
    preview = preview_calendar(journal, GOOGLE)
    dialog = CalendarPreviewDialog(preview, list(partners.values()), default)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def cell(dialog: CalendarPreviewDialog, row: int, column: int) -> str:
    return str(dialog.model.index(row, column).data())


def test_the_preview_lists_events_with_their_guessed_partners(
    qtbot: QtBot, journal: Journal, partners: dict[str, Partner]
) -> None:
    dialog = preview_dialog(qtbot, journal, partners, None)
    model = dialog.model
    assert model.rowCount() == 8
    rows = {cell(dialog, r, model.TITLE): r for r in range(model.rowCount())}
    case = rows["Business case: onboarding portal"]
    assert cell(dialog, case, model.PARTNER) == "HR"
    assert cell(dialog, case, model.WHEN) == "2026-03-10 10:00 (UTC-0400)"
    assert cell(dialog, case, model.TYPE) == "Business case"
    assert cell(dialog, rows["Quarterly value review"], model.PARTNER) == NO_PARTNER
    assert "Skipped 1: 1 cancelled." in dialog.summary_label.text()
    # Two value reviews and the moved sync have no attendee to guess from.
    assert not dialog.import_button.isEnabled()
    assert dialog.problem_label.text().startswith("3 ticked events have no partner")


def test_unticking_and_giving_a_partner_decide_what_is_imported(
    qtbot: QtBot, journal: Journal, partners: dict[str, Partner]
) -> None:
    dialog = preview_dialog(qtbot, journal, partners, None)
    model = dialog.model
    reviews = [r for r in range(model.rowCount()) if "value review" in cell(dialog, r, model.TITLE)]
    moved = next(r for r in range(model.rowCount()) if "moved" in cell(dialog, r, model.TITLE))
    for row in (reviews[0], moved):
        tick = model.index(row, CalendarEventsModel.TICK)
        model.setData(tick, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert dialog.problem_label.text().startswith("1 ticked event has no partner")
    # The second review goes to Finance, picked in the Partner column's drop-down.
    second = model.index(reviews[1], CalendarEventsModel.PARTNER)
    dialog.table.setCurrentIndex(second)
    dialog.table.edit(second)
    editor = dialog.table.findChild(QComboBox)
    assert editor is not None
    finance = editor.findText("Finance")
    editor.setCurrentIndex(finance)
    editor.activated.emit(finance)  # what picking an entry with the mouse or keyboard sends
    assert cell(dialog, reviews[1], model.PARTNER) == "Finance"
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 6 meetings"
    chosen = dialog.chosen()
    assert len(chosen) == 6
    assert model.events[reviews[0]].key not in chosen
    assert chosen[model.events[reviews[1]].key] == partners["finance"].id
    # Untick all, then give every ticked event one partner from the top.
    dialog.model.set_all_ticked(False)
    assert dialog.chosen() == {}
    assert not dialog.import_button.isEnabled()
    dialog.model.set_all_ticked(True)
    dialog.partner_box.setCurrentIndex(dialog.partner_box.findText("Finance"))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert set(dialog.chosen().values()) == {partners["finance"].id}
    assert dialog.import_button.text() == "Import 8 meetings"


def open_window(
    qtbot: QtBot, journal: Journal, settings: QSettings, view: str = "Meetings"
) -> MainWindow:
    settings.setValue("main/view", view)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    window.set_journal(journal)
    return window


def test_importing_a_calendar_from_the_file_menu_is_one_undoable_step(
    qtbot: QtBot,
    journal: Journal,
    partners: dict[str, Partner],
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(qtbot, journal, qt_settings)
    actions = window.interchange
    monkeypatch.setattr(files, "open_path", lambda *_args: GOOGLE)
    with qtbot.waitSignal(actions.sig_finished, timeout=20000):
        window.action("import_calendar").trigger()
        qtbot.waitUntil(lambda: actions.preview_dialog is not None, timeout=20000)
        dialog = actions.preview_dialog
        assert dialog is not None
        dialog.partner_box.setCurrentIndex(dialog.partner_box.findText("HR"))
        dialog.apply_partner()
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    hr = partners["hr"].id
    assert len(journal.meetings.of_partner(hr)) == 8
    assert window.statusBar().currentMessage().startswith("Added 8 meetings.")
    assert window.shell.undo_stack.undoText() == "Import google_hr.ics (8 added, 0 updated)"
    window.shell.undo_stack.undo()
    assert journal.meetings.of_partner(hr) == []
    window.shell.undo_stack.redo()
    assert len(journal.meetings.of_partner(hr)) == 8


def test_a_broken_calendar_is_explained_in_a_message_box(
    qtbot: QtBot,
    journal: Journal,
    partners: dict[str, Partner],
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\n")
    shown: list[str] = []
    monkeypatch.setattr(files, "open_path", lambda *_args: broken)
    monkeypatch.setattr(messages, "show_error", lambda _parent, _title, text: shown.append(text))
    window = open_window(qtbot, journal, qt_settings)
    with qtbot.waitSignal(window.interchange.sig_finished, timeout=20000):
        window.action("import_calendar").trigger()
    assert shown == [
        f"{broken}: line 3: the file ends before END:VEVENT (BEGIN:VEVENT at line 2); "
        "the file is cut short."
    ]
    assert journal.meetings.of_partner(partners["hr"].id) == []


CSV = (
    "Number,Opened,Short description,Priority,State,Caller\n"
    "RITM1,2026-03-01 09:12:44,New starter kit,2 - High,New,Ben Ortiz\n"
    "RITM2,2026-03-02 10:00:00,Org chart tool,Low,In Progress,\n"
    "RITM3,not a date,Payroll access,Low,New,\n"
)


def mapping_dialog(
    qtbot: QtBot, journal: Journal, path: Path, partner: Partner, settings: QSettings
) -> CsvMappingDialog:
    dialog = CsvMappingDialog(journal, read_csv(path), [partner], partner.id, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_mapping_dialog_guesses_previews_and_lists_problems(
    qtbot: QtBot,
    journal: Journal,
    partners: dict[str, Partner],
    qt_settings: QSettings,
    tmp_path: Path,
) -> None:
    path = tmp_path / "requests.csv"
    path.write_text(CSV)
    dialog = mapping_dialog(qtbot, journal, path, partners["hr"], qt_settings)
    assert dialog.field_boxes["title"].currentText() == "Short description"
    assert dialog.field_boxes["received"].currentText() == "Opened"
    assert dialog.field_boxes["urgency"].currentText() == "Priority"
    assert dialog.field_boxes["want"].currentText() == NOT_IMPORTED
    assert [dialog.problems.item(i).text() for i in range(dialog.problems.count())] == [
        "row 4 (line 4), column 'Opened': 'not a date' is not a date the import can read "
        "(use YYYY-MM-DD)"
    ]
    assert not dialog.import_button.isEnabled()
    assert dialog.preview.rowCount() == 2
    assert dialog.preview.item(0, 0).text() == "New starter kit"
    assert dialog.preview.item(0, 4).text() == "4"
    # Not importing the date column clears the problem; every row then takes today's date.
    dialog.field_boxes["received"].setCurrentIndex(0)
    assert dialog.problems.count() == 0
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 3 requests"
    assert dialog.preview.item(2, 1).text() == journal.today().isoformat()
    # Without a title column nothing can be imported.
    dialog.field_boxes["title"].setCurrentIndex(0)
    assert dialog.problems.item(0).text().startswith("no column is mapped to the title")
    assert not dialog.import_button.isEnabled()


def test_a_mapping_is_remembered_for_the_same_layout(
    qtbot: QtBot,
    journal: Journal,
    partners: dict[str, Partner],
    qt_settings: QSettings,
    tmp_path: Path,
) -> None:
    path = tmp_path / "requests.csv"
    path.write_text(CSV.replace("not a date", "2026-03-03"))
    dialog = mapping_dialog(qtbot, journal, path, partners["hr"], qt_settings)
    number = dialog.field_boxes["notes"]
    number.setCurrentIndex(number.findText("Number"))
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == CsvMappingDialog.DialogCode.Accepted
    assert dialog.plan is not None
    assert [r.notes for r in dialog.plan.requests] == ["RITM1", "RITM2", "RITM3"]
    later = tmp_path / "next_week.csv"
    later.write_text(CSV.replace("not a date", "2026-03-09"))
    again = mapping_dialog(qtbot, journal, later, partners["hr"], QSettings())
    assert again.field_boxes["notes"].currentText() == "Number"
    assert again.field_boxes["title"].currentText() == "Short description"


def test_importing_csv_from_the_menu_can_be_undone(
    qtbot: QtBot,
    journal: Journal,
    partners: dict[str, Partner],
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = tmp_path / "requests.csv"
    path.write_text(CSV.replace("not a date", "2026-03-03"))
    monkeypatch.setattr(files, "open_path", lambda *_args: path)
    window = open_window(qtbot, journal, qt_settings)
    actions = window.interchange
    with qtbot.waitSignal(actions.sig_finished, timeout=20000):
        window.action("import_csv").trigger()
        dialog = actions.mapping_dialog
        assert dialog is not None
        dialog.partner_box.setCurrentIndex(dialog.partner_box.findText("HR"))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    titles = sorted(r.title for r in journal.requests.of_partner(partners["hr"].id))
    assert titles == ["New starter kit", "Org chart tool", "Payroll access"]
    assert window.statusBar().currentMessage().startswith("Added 3 requests.")
    window.shell.undo_stack.undo()
    assert journal.requests.of_partner(partners["hr"].id) == []


def test_cancelling_a_csv_import_leaves_nothing(
    qtbot: QtBot,
    journal: Journal,
    partners: dict[str, Partner],
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = tmp_path / "many.csv"
    path.write_text("Title\n" + "".join(f"Request {n}\n" for n in range(3000)))
    monkeypatch.setattr(files, "open_path", lambda *_args: path)
    window = open_window(qtbot, journal, qt_settings)
    actions = window.interchange
    window.action("import_csv").trigger()
    dialog = actions.mapping_dialog
    assert dialog is not None
    dialog.partner_box.setCurrentIndex(dialog.partner_box.findText("HR"))
    # The worker pauses right after writing its first batch (inside the transaction) until
    # Cancel has been clicked: the cancel lands mid-write, whatever the machine's speed.
    writing, cancel_clicked = threading.Event(), threading.Event()
    real_control = import_control.ImportControl

    paused_at: list[int] = []

    def paused_control(progress: Any, cancelled: Any) -> Any:
        def pause_in_first_write(done: int, total: int) -> None:
            progress(done, total)
            if done > 0 and not writing.is_set():  # a batch of 500 is written, uncommitted
                paused_at.append(done)
                writing.set()
                cancel_clicked.wait(30)

        return real_control(progress=pause_in_first_write, cancelled=cancelled)

    monkeypatch.setattr(import_control, "ImportControl", paused_control)
    failures: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _parent, _title, text: failures.append(text))
    with qtbot.waitSignal(actions.sig_finished, timeout=30000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(writing.is_set, timeout=20000)
        assert actions.progress is not None
        progress = actions.progress.dialog
        progress.show()
        cancel = progress.findChild(QPushButton)
        assert cancel is not None
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        cancel_clicked.set()
    assert failures == []
    assert paused_at == [500]
    assert journal.requests.of_partner(partners["hr"].id) == []
    assert window.statusBar().currentMessage() == "The import was cancelled; nothing was added."
    assert window.shell.undo_stack.count() == 0


def test_an_archived_partner_is_not_offered_even_when_guessed(
    qtbot: QtBot, journal: Journal, partners: dict[str, Partner]
) -> None:
    from dataclasses import replace

    journal.partners.update(replace(partners["hr"], archived=True))
    preview = preview_calendar(journal, GOOGLE)
    assert partners["hr"].id in preview.guessed_partner.values()
    active = journal.partners.listing(include_archived=False)
    dialog = CalendarPreviewDialog(preview, active, None)
    qtbot.addWidget(dialog)
    model = dialog.model
    assert {cell(dialog, r, model.PARTNER) for r in range(model.rowCount())} == {NO_PARTNER}
    assert dialog.chosen() == {}
    assert [dialog.partner_box.itemText(i) for i in range(dialog.partner_box.count())] == [
        "Finance"
    ]
