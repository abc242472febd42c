"""Background operations call back on the UI thread, with results or user errors."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from brm_desk.domain.errors import BrmDeskError, JournalFileError
from brm_desk.ui.operations import QueryOp


def test_success_is_called_on_the_ui_thread(qtbot: QtBot) -> None:
    owner = QObject()
    worker_threads: list[threading.Thread] = []
    results: list[tuple[int, threading.Thread]] = []

    def op() -> int:
        worker_threads.append(threading.current_thread())
        return 42

    query = QueryOp(owner, op).success(lambda r: results.append((r, threading.current_thread())))
    with qtbot.waitSignal(query.sig_finished, timeout=3000):
        query.run_in_background()
    assert results == [(42, threading.main_thread())]
    assert worker_threads[0] is not threading.main_thread()


def test_a_user_error_goes_to_failure(qtbot: QtBot) -> None:
    owner = QObject()
    failures: list[BrmDeskError] = []

    def op() -> None:
        raise JournalFileError("x.brmdesk: is not a BRM Desk journal.")

    query = QueryOp(owner, op).success(lambda _r: None).failure(failures.append)
    with qtbot.waitSignal(query.sig_finished, timeout=3000):
        query.run_in_background()
    assert [f.message for f in failures] == ["x.brmdesk: is not a BRM Desk journal."]
