"""Triage with boxing gloves, driven by its keys in the Requests view of the main window.

Each answer (R redirect, D defer, F reframe, X decline, A accept) asks what its status needs,
refuses a broken rule inline, and is one step on the undo stack.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.enums import RequestStatus
from brm_desk.domain.records import Request
from brm_desk.ui.dialogs import messages
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.triage import Answer
from brm_desk.ui.views.requests import RequestsPage

pytestmark = [
    pytest.mark.qt_log_ignore("does not support propagateSizeHints"),
    pytest.mark.usefixtures("no_message_boxes"),
]


def _ask(filled: Filled, title: str, received: date, **fields: object) -> Request:
    request = replace(filled.request, id="", title=title, received=received)
    return filled.journal.requests.add(replace(request, **fields))  # type: ignore[arg-type]


@pytest.fixture
def queue(qtbot: QtBot, filled: Filled) -> tuple[MainWindow, RequestsPage]:
    """The Requests view of a journal with a few requests, showing its triage queue."""
    _ask(filled, "Laptop for the CFO", date(2026, 10, 2), want="A new laptop")
    _ask(filled, "Parked idea", date(2026, 9, 1), status=RequestStatus.DEFERRED,
         revisit_on=date(2026, 11, 20))  # fmt: skip
    _ask(filled, "Parked until spring", date(2026, 8, 1), status=RequestStatus.DEFERRED,
         revisit_on=date(2027, 3, 1))  # fmt: skip
    _ask(filled, "Old report", date(2026, 7, 1), status=RequestStatus.REDIRECTED,
         routed_to="Service desk")  # fmt: skip
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(filled.journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Requests"))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.current_page()
    assert isinstance(page, RequestsPage)
    page.show_triage_queue()
    return window, page


def titles(page: RequestsPage) -> list[str]:
    return [page.model.record(row).title for row in range(page.model.rowCount())]


def press(qtbot: QtBot, page: RequestsPage, title: str, key: Qt.Key) -> Answer | None:
    """Select the request ``title`` in the list and press ``key``: the answer it opens."""
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(titles(page).index(title), 0))
    qtbot.keyClick(page.table, key)
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, Answer):
        return None
    qtbot.waitUntil(dialog.isActiveWindow)  # its keys go to the active window
    return dialog


def answer(qtbot: QtBot, dialog: Answer) -> None:
    """Ctrl+Enter, as from any field of the answer."""
    qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def every_request(filled: Filled) -> list[Request]:
    return filled.journal.requests.of_partner(filled.finance.id)


def status(filled: Filled, title: str) -> RequestStatus:
    return next(r.status for r in every_request(filled) if r.title == title)


def test_the_queue_is_new_and_due_requests_oldest_first_with_their_age(
    queue: tuple[MainWindow, RequestsPage],
) -> None:
    _window, page = queue
    assert titles(page) == ["Parked idea", "Laptop for the CFO", "Forecasting dashboard"]
    assert page.model.index(0, page.model.RECEIVED).data() == "2026-09-01"
    assert page.model.index(0, page.model.WAITING).data() == "84 d"
    assert page.keys_hint.text() == (
        "Answer the selected request: R redirect · D defer · F reframe · X decline · A accept"
    )
    page.status_box.setCurrentIndex(page.status_box.findData(RequestStatus.REDIRECTED.value))
    assert titles(page) == ["Old report"]
    page.status_box.setCurrentIndex(page.status_box.findData("every status"))
    assert len(titles(page)) == 5


def test_r_redirects_to_a_place_used_before_and_undo_puts_it_back(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], filled: Filled
) -> None:
    window, page = queue
    dialog = press(qtbot, page, "Laptop for the CFO", Qt.Key.Key_R)
    assert dialog is not None
    routed_to = dialog.findChild(QComboBox)
    assert [routed_to.itemText(i) for i in range(routed_to.count())] == ["Service desk"]
    assert routed_to.currentText() == ""  # offered, not chosen
    answer(qtbot, dialog)
    assert dialog.rows["routed_to"].error.isVisible()
    qtbot.keyClicks(routed_to, "Serv")  # completes to the target used before
    assert routed_to.currentText() == "Service desk"
    answer(qtbot, dialog)
    laptop = next(r for r in every_request(filled) if r.title == "Laptop for the CFO")
    assert laptop.routed_to == "Service desk"
    assert status(filled, "Laptop for the CFO") is RequestStatus.REDIRECTED
    assert titles(page) == ["Parked idea", "Forecasting dashboard"]  # it left the queue
    assert page.model.record(page.table.currentIndex().row()).title == "Forecasting dashboard"
    window.activateWindow()  # as the window manager does when the dialog closes
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert status(filled, "Laptop for the CFO") is RequestStatus.NEW
    assert "Laptop for the CFO" in titles(page)


def test_d_defers_to_a_typed_day(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], filled: Filled
) -> None:
    window, page = queue
    dialog = press(qtbot, page, "Forecasting dashboard", Qt.Key.Key_D)
    assert dialog is not None
    qtbot.keyClicks(QApplication.focusWidget(), "fri")  # the date field has the focus
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    deferred = filled.journal.requests.get(filled.request.id)
    assert (deferred.status, deferred.revisit_on) == (RequestStatus.DEFERRED, date(2026, 11, 27))
    assert window.action("undo").text() == "&Undo Defer request 'Forecasting dashboard'"
    window.action("undo").trigger()
    assert filled.journal.requests.get(filled.request.id) == filled.request


def test_f_reframes_into_a_new_request_and_undo_takes_it_away(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], filled: Filled
) -> None:
    window, page = queue
    dialog = press(qtbot, page, "Laptop for the CFO", Qt.Key.Key_F)
    assert dialog is not None
    answer(qtbot, dialog)  # no need stated yet: refused, under the field
    assert dialog.isVisible()
    assert dialog.rows["need"].error.text().startswith("Need is required to reframe")
    need = dialog.rows["need"].widget
    assert isinstance(need, QPlainTextEdit)
    qtbot.keyClicks(need, "Work on the road during the close")
    answer(qtbot, dialog)
    assert not dialog.isVisible()
    old = next(r for r in every_request(filled) if r.title == "Laptop for the CFO"
               and r.status is RequestStatus.REFRAMED)  # fmt: skip
    new = filled.journal.requests.get(old.reframed_as_id or "")
    assert (new.status, new.need, new.want) == (
        RequestStatus.NEW, "Work on the road during the close", "A new laptop"
    )  # fmt: skip
    window.action("undo").trigger()
    assert status(filled, "Laptop for the CFO") is RequestStatus.NEW
    assert len(every_request(filled)) == 5
    window.action("redo").trigger()
    assert filled.journal.requests.get(new.id).need == new.need  # the same request again


def test_x_declines_with_what_to_do_instead(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], filled: Filled
) -> None:
    window, page = queue
    dialog = press(qtbot, page, "Forecasting dashboard", Qt.Key.Key_X)
    assert dialog is not None
    answer(qtbot, dialog)
    assert dialog.rows["outcome_note"].error.isVisible()
    qtbot.keyClicks(dialog.rows["outcome_note"].widget, "Use the BI self-service portal")
    answer(qtbot, dialog)
    declined = filled.journal.requests.get(filled.request.id)
    assert (declined.status, declined.outcome_note) == (
        RequestStatus.DECLINED, "Use the BI self-service portal"
    )  # fmt: skip
    window.action("undo").trigger()
    assert filled.journal.requests.get(filled.request.id) == filled.request


def test_a_asks_for_the_business_case_or_a_reason_to_go_without(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], filled: Filled
) -> None:
    window, page = queue
    dialog = press(qtbot, page, "Forecasting dashboard", Qt.Key.Key_A)
    assert dialog is not None
    answer(qtbot, dialog)
    assert dialog.rows["need"].error.text().startswith("Need is required to accept")
    without = dialog.findChild(QCheckBox)
    assert without.accessibleName() == "Without a business case"
    without.setFocus()
    qtbot.keyClick(without, Qt.Key.Key_Space)
    assert without.isChecked()
    answer(qtbot, dialog)
    assert dialog.rows["outcome_note"].error.text().startswith("Why is required")
    qtbot.keyClicks(dialog.rows["outcome_note"].widget, "The CFO asked in person")
    answer(qtbot, dialog)
    accepted = filled.journal.requests.get(filled.request.id)
    assert (accepted.status, accepted.outcome_note) == (
        RequestStatus.ACCEPTED, "The CFO asked in person"
    )  # fmt: skip
    glance = {g.name: g.order_taking for g in filled.journal.dashboard.glance(
        date(2026, 1, 1), date(2026, 11, 24))}  # fmt: skip
    assert glance["Finance"] == 1
    window.action("undo").trigger()
    assert filled.journal.requests.get(filled.request.id) == filled.request


def test_a_accepts_at_once_a_request_with_its_business_case(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], filled: Filled
) -> None:
    window, page = queue
    with_case = replace(filled.request, need="A faster forecast", expected_benefit="Two days")
    filled.journal.requests.update(with_case)
    window.refresh()
    assert press(qtbot, page, "Forecasting dashboard", Qt.Key.Key_A) is None
    assert status(filled, "Forecasting dashboard") is RequestStatus.ACCEPTED
    assert window.action("undo").text() == "&Undo Accept request 'Forecasting dashboard'"
    window.action("undo").trigger()
    assert status(filled, "Forecasting dashboard") is RequestStatus.NEW


def test_a_move_the_workflow_refuses_is_said_before_anything_is_asked(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], monkeypatch: pytest.MonkeyPatch
) -> None:
    _window, page = queue
    said: list[str] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, _t, text: said.append(text))
    page.status_box.setCurrentIndex(page.status_box.findData(RequestStatus.REDIRECTED.value))
    assert press(qtbot, page, "Old report", Qt.Key.Key_D) is None
    assert said == ["status: cannot go from Redirected to Deferred (allowed: New)"]


def test_triage_keys_type_letters_in_the_filter_box(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage]
) -> None:
    _window, page = queue
    page.table.setCurrentIndex(page.model.index(0, 0))
    page.search_box.setFocus()
    qtbot.keyClicks(page.search_box, "dra")
    assert page.search_box.text() == "dra"
    assert QApplication.activeModalWidget() is None


def test_the_status_filter_is_there_again_next_time(
    qtbot: QtBot, queue: tuple[MainWindow, RequestsPage], filled: Filled
) -> None:
    """A BRM who left the Requests view on the triage queue finds it there next session."""
    _window, page = queue
    page.save_state(QSettings())
    again = RequestsPage(filled.journal, QSettings())
    qtbot.addWidget(again)
    again.refresh()
    assert again.status_box.currentData() == "triage"
    assert titles(again) == ["Parked idea", "Laptop for the CFO", "Forecasting dashboard"]
    again.status_box.setCurrentIndex(again.status_box.findData(RequestStatus.REDIRECTED.value))
    again.save_state(QSettings())
    third = RequestsPage(filled.journal, QSettings())
    qtbot.addWidget(third)
    third.refresh()
    assert titles(third) == ["Old report"]
