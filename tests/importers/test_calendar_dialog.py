"""What a calendar import leaves out shows in the preview and the File-menu messages, in the
words the command line prints."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from brm_desk.domain.records import Partner
from brm_desk.services.interchange.ics_import import left_out, preview_calendar
from brm_desk.services.journal import Journal
from brm_desk.ui.dialogs import files, messages
from brm_desk.ui.dialogs.ics_preview import CalendarPreviewDialog
from brm_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def calendar(tmp_path: Path, event: str) -> Path:
    path = tmp_path / "bounded.ics"
    path.write_text(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
        + event.replace("\n", "\r\n")
        + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    return path


def test_the_preview_lists_the_series_cut_short_as_the_command_line_does(
    qtbot: QtBot, journal: Journal, tmp_path: Path
) -> None:
    hr = journal.partners.add(Partner(id="", name="HR"))
    path = calendar(
        tmp_path, "UID:d@x\nDTSTART:20260101T090000Z\nRRULE:FREQ=DAILY;COUNT=10000\nSUMMARY:Daily"
    )
    preview = preview_calendar(journal, path)
    dialog = CalendarPreviewDialog(preview, [hr], hr.id)
    qtbot.addWidget(dialog)
    assert dialog.summary_label.text() == (
        "500 events found. Skipped 0.\n"
        "Series 'Daily' (line 4): 500 occurrences read; left out: 193 over the limit of 500 "
        "a series, 9,307 beyond 2027-11-24.\n"
        "Events imported before are updated, not added again."
    )


def test_a_calendar_with_nothing_to_import_says_what_it_left_out(
    qtbot: QtBot,
    journal: Journal,
    qt_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path = calendar(
        tmp_path, "UID:h@x\nDTSTART;VALUE=DATE:20260101\nRRULE:FREQ=WEEKLY\nSUMMARY:Gym"
    )
    shown: list[str] = []
    monkeypatch.setattr(files, "open_path", lambda *_args: path)
    monkeypatch.setattr(messages, "show_info", lambda _parent, _title, text: shown.append(text))
    window = MainWindow(qt_settings)
    qtbot.addWidget(window)
    window.set_journal(journal)
    with qtbot.waitSignal(window.interchange.sig_finished, timeout=20000):
        window.action("import_calendar").trigger()
    preview = preview_calendar(journal, path)
    assert shown == [
        "bounded.ics holds no meetings to import. Skipped 99: 99 all-day.\n"
        "Series 'Gym' (line 4): 99 occurrences read; left out: all beyond 2027-11-24."
    ]
    assert shown[0].endswith("\n".join(left_out(preview.skipped, preview.cuts)))
