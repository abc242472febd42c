"""The stakeholder map window: drag or Ctrl+arrows move a person (undoably), compare replays
the history, and the communications plan is edited, marked done and exported."""

from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.enums import Influence, Interest, Stance
from brm_desk.domain.records import Contact
from brm_desk.domain.stakeholders import Quadrant
from brm_desk.reports.stakeholder_chart import band
from brm_desk.ui.dialogs import files
from brm_desk.ui.dialogs.communication import CommunicationDialog, audience_key
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.views.partners import PartnersPage
from brm_desk.ui.views.stakeholder_map import StakeholderMapWindow

pytestmark = pytest.mark.qt_log_ignore("does not support (propagateSizeHints|raise)")
TODAY = date(2026, 11, 24)


@pytest.fixture
def window(qtbot: QtBot, filled: Filled) -> MainWindow:
    """The window on a journal where Finance has Anna (champion) and Bo (a blocker)."""
    filled.journal.contacts.add(
        Contact(id="bo", partner_id=filled.finance.id, name="Bo Blocker", stance=Stance.BLOCKER)
    )
    main = MainWindow()
    qtbot.addWidget(main)
    main.show()
    main.set_journal(filled.journal)
    return main


def open_map(qtbot: QtBot, window: MainWindow) -> StakeholderMapWindow:
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    partners = window.current_page()
    assert isinstance(partners, PartnersPage)
    partners.table.setCurrentIndex(partners.proxy.index(0, 0))  # Finance, first by name
    found = partners.open_stakeholder_map()
    assert isinstance(found, StakeholderMapWindow)
    qtbot.addWidget(found)
    found.resize(1000, 700)
    qtbot.waitUntil(lambda: found.panel.canvas is not None and bool(found.panel.spots))
    return found


def pixel(found: StakeholderMapWindow, x: float, y: float) -> QPoint:
    """Where a point of the grid is on the canvas, in Qt's coordinates (y down)."""
    canvas = found.panel.canvas
    assert canvas is not None
    canvas.draw()
    px, py = canvas.figure.axes[0].transData.transform((x, y))
    ratio = canvas.devicePixelRatioF()
    return QPoint(round(px / ratio), round(canvas.height() - py / ratio))


def test_dragging_a_person_moves_them_and_undo_puts_them_back(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    found = open_map(qtbot, window)
    anna = filled.anna.id
    canvas = found.panel.canvas
    assert canvas is not None
    spot = found.panel.spots[anna]
    left, right = band(Interest.HIGH)
    bottom, top = band(Influence.HIGH)
    start, target = (
        pixel(found, spot.x, spot.y),
        pixel(found, (left + right) / 2, (bottom + top) / 2),
    )
    x, y = canvas.figure.axes[0].transData.transform((spot.x, spot.y))
    MouseEvent("motion_notify_event", canvas, x, y)._process()  # hover names the person
    assert found.panel.hover_text.startswith("Anna Berg — CFO")
    assert "Stance: champion" in found.panel.hover_text
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, target)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=target)
    moved = filled.journal.contacts.get(anna)
    assert (moved.influence, moved.interest) == (Influence.HIGH, Interest.HIGH)
    assert filled.journal.contacts.page(anna).history[-1].since == TODAY
    assert found.person.currentData() == anna
    assert window.action("undo").text() == "&Undo Move contact 'Anna Berg'"
    window.action("undo").trigger()
    back = filled.journal.contacts.get(anna)
    assert (back.influence, back.interest) == (Influence.MEDIUM, Interest.MEDIUM)
    assert found.panel.map is not None
    assert found.panel.map.contact(anna) == back  # the window reloaded


def test_ctrl_arrows_move_the_chosen_person_one_level(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    found = open_map(qtbot, window)
    found.person.setCurrentIndex(found.person.findData("bo"))
    found.person.setFocus()
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Up):  # the last one stays on top
        qtbot.keyClick(found.person, key, Qt.KeyboardModifier.ControlModifier)
    bo = filled.journal.contacts.get("bo")
    assert (bo.influence, bo.interest) == (Influence.HIGH, Interest.HIGH)
    assert found.person.currentData() == "bo"  # still chosen after the reloads
    window.action("undo").trigger()
    bo = filled.journal.contacts.get("bo")
    assert (bo.influence, bo.interest) == (Influence.HIGH, Interest.MEDIUM)
    assert "Bo Blocker: blocker, not in the communications plan" in items(found.gaps)


def test_compare_draws_who_moved_since_last_quarter(
    qtbot: QtBot, window: MainWindow, filled: Filled
) -> None:
    journal = filled.journal
    with journal.database.engine.begin() as connection:  # Bo was a neutral back in June
        connection.exec_driver_sql(
            "UPDATE contact_change SET stance = 'neutral', since = '2026-06-01'"
        )
    found = open_map(qtbot, window)
    assert items(found.moves) == ["Choose “Compare with” to see who moved."]
    found.compare.setCurrentIndex(found.compare.findData("quarter"))
    assert found.map is not None
    assert found.map.compared_with == date(2026, 7, 1)
    assert items(found.moves) == ["Anna Berg: neutral → champion", "Bo Blocker: neutral → blocker"]
    found.panel.table_button.setChecked(True)
    table = found.panel.figures_table
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headings == ["Name", "Quadrant", "Influence", "Interest", "Stance", "On 2026-07-01"]
    assert [table.item(0, c).text() for c in range(6)] == [
        "Anna Berg", "Monitor", "Medium", "Medium", "Champion", "Monitor, neutral",
    ]  # fmt: skip


def test_the_plan_is_added_to_marked_done_deleted_and_exported(
    qtbot: QtBot,
    window: MainWindow,
    filled: Filled,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    found = open_map(qtbot, window)
    found.tabs.setCurrentIndex(1)
    dialog = found.add_entry()
    assert isinstance(dialog, CommunicationDialog)
    dialog.audience.setCurrentIndex(dialog.audience.findData(audience_key("bo")))
    assert (dialog.channel.text(), dialog.frequency.value()) == ("Newsletter", 90)  # monitor's
    dialog.audience.setCurrentIndex(dialog.audience.findData(audience_key(Quadrant.MANAGE_CLOSELY)))
    assert (dialog.channel.text(), dialog.frequency.value()) == ("In person", 14)
    dialog.audience.setCurrentIndex(dialog.audience.findData(audience_key("bo")))
    qtbot.keyClicks(dialog.message, "Hear Bo's objections")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    [entry] = filled.journal.stakeholders.plan(filled.finance.id)
    assert (entry.contact_id, entry.next_date, entry.frequency_days) == ("bo", TODAY, 90)
    assert found.plan_model.rowCount() == 1
    assert not [g for g in items(found.gaps) if "blocker" in g]

    assert not any(control.isEnabled() for control in found.on_entry)  # none chosen yet
    found.plan.setCurrentIndex(found.plan_model.index(0, 0))
    assert all(control.isEnabled() for control in found.on_entry)
    found.mark_done()
    assert filled.journal.stakeholders.plan()[0].next_date == TODAY + timedelta(90)
    window.action("undo").trigger()
    assert filled.journal.stakeholders.plan()[0].next_date == TODAY

    monkeypatch.setattr(files, "save_path", lambda *_args: tmp_path / "plan.csv")
    assert found.export_csv() == tmp_path / "plan.csv"
    with (tmp_path / "plan.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows == [
        ["Audience", "Message", "Channel", "Every", "Next date"],
        ["Bo Blocker", "Hear Bo's objections", "Newsletter", "90 days", rows[1][4]],
    ]
    assert "2026" in rows[1][4]

    found.plan.setCurrentIndex(found.plan_model.index(0, 0))
    found.delete_entry()
    assert filled.journal.stakeholders.plan() == []
    window.action("undo").trigger()
    assert [e.message for e in filled.journal.stakeholders.plan()] == ["Hear Bo's objections"]
    assert replace(filled.journal.stakeholders.plan()[0], id=entry.id) == entry


def items(listing: object) -> list[str]:
    from PySide6.QtWidgets import QListWidget

    assert isinstance(listing, QListWidget)
    return [listing.item(i).text() for i in range(listing.count())]
