"""The request editor shows realization as the domain computes it, as the amounts are typed."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.ui.editors.request_editor import RequestEditor

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_realization_follows_the_amounts(qtbot: QtBot, filled: Filled) -> None:
    editor = RequestEditor(filled.journal, QUndoStack(), filled.request)
    qtbot.addWidget(editor)
    editor.expected_value.setText("120,000")
    assert editor.realization.text() == ""  # nothing realized yet
    editor.realized_value.setText("30000")
    assert editor.realization.text() == "Realized 25%"
    editor.expected_value.setText("0")
    assert editor.realization.text() == ""  # nothing to realize against
    editor.expected_value.setText("12 apples")
    assert editor.realization.text() == ""  # not an amount yet
