"""Background operations call back on the UI thread, with results or user errors."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThreadPool
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


def test_an_answer_for_a_closed_window_is_dropped_quietly(
    qtbot: QtBot, capfd: pytest.CaptureFixture[str]
) -> None:
    """The window that asked may close while the work runs (quitting during today's backup):
    the finished work then has no one to tell, and says nothing — no traceback on stderr."""
    owner = QObject()
    started, release, finished = threading.Event(), threading.Event(), threading.Event()
    results: list[int] = []

    def op() -> int:
        started.set()
        release.wait(5)
        return 7

    query = QueryOp(owner, op).success(results.append)
    query.sig_finished.connect(finished.set)
    query.run_in_background()
    assert started.wait(5)
    shiboken6.delete(owner)  # the window closed: its children, the query among them, go too
    release.set()
    assert QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # any queued call would arrive now
    assert results == []
    assert "Traceback" not in capfd.readouterr().err


def test_many_background_operations_never_crash_the_app() -> None:
    """PySide6 6.12.0 dropped a reference to True at every signal emitted from Python: on
    Python 3.11 the app aborted ("bool_dealloc") after a few hundred operations."""
    code = (
        "from PySide6.QtCore import QThreadPool; from PySide6.QtWidgets import QApplication;"
        "from brm_desk.ui.operations import QueryOp; app = QApplication([]); pool ="
        " QThreadPool.globalInstance()\n"
        "for _ in range(5000):\n"
        "    QueryOp(app, lambda: True).run_in_background(); pool.waitForDone();"
        " app.processEvents()\n"
        "print('lived')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "lived"
