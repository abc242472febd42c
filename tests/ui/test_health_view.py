"""Health on screen: the pulse dialog's inline checks, the partner's health panel with its
undoable pulses, the dashboard's Health column, and the prep brief's Health section."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from ui_data import Filled

from brm_desk.domain.pulses import Pulse
from brm_desk.domain.records import Partner
from brm_desk.services.journal import Journal
from brm_desk.services.prep_brief import build_prep_brief
from brm_desk.ui.commands import push
from brm_desk.ui.dialogs.pulse import PulseDialog
from brm_desk.ui.models.dashboard import DashboardModel
from brm_desk.ui.views.dashboard import summary_text
from brm_desk.ui.views.health_panel import HealthPanel
from brm_desk.ui.views.prep_brief_html import brief_html

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TODAY = date(2026, 11, 24)
DECLINE = ((date(2026, 5, 4), 4, 8), (date(2026, 8, 4), 3, 6), (date(2026, 11, 4), 2, 3))


def declining(journal: Journal) -> str:
    """A partner known only by three pulses, each worse than the one before: at risk."""
    partner = journal.partners.add(Partner(id="", name="Legal"))
    for day, score, nps in DECLINE:
        comment = "Slower every month" if score == 2 else ""
        journal.pulses.add(Pulse("", partner.id, day, score, score, score, nps, comment))
    return partner.id


def dialog_of(qtbot: QtBot, filled: Filled, pulse: Pulse | None = None) -> PulseDialog:
    contacts = filled.journal.contacts.listing(filled.finance.id)
    dialog = PulseDialog(filled.finance.id, "Finance", contacts, TODAY, pulse)
    qtbot.addWidget(dialog)
    return dialog


def test_a_blank_score_is_refused_under_its_field(qtbot: QtBot, filled: Filled) -> None:
    dialog = dialog_of(qtbot, filled)
    dialog.show()
    dialog.scores["responsiveness"].setValue(4)
    dialog.accept()
    assert dialog.pulse() is None
    assert dialog.isVisible()
    assert dialog.error_text("trust") == "Trust is required"
    assert dialog.error_text("responsiveness") == ""
    assert dialog.focusWidget() is dialog.scores["trust"]


def test_a_typed_pulse_is_checked_and_returned(qtbot: QtBot, filled: Filled) -> None:
    dialog = dialog_of(qtbot, filled)
    for field, value in (("trust", 4), ("responsiveness", 3), ("value_delivered", 5)):
        dialog.scores[field].setValue(value)
    dialog.scores["net_promoter"].setValue(0)  # zero is an answer, not a blank
    dialog.answered_by.setCurrentIndex(dialog.answered_by.findData(filled.anna.id))
    dialog.comment.setPlainText("  Quick and clear  ")
    dialog.accept()
    assert dialog.pulse() == Pulse(
        "", filled.finance.id, TODAY, 4, 3, 5, 0, "Quick and clear", filled.anna.id
    )


def test_a_bad_date_is_named(qtbot: QtBot, filled: Filled) -> None:
    dialog = dialog_of(qtbot, filled, Pulse("p", filled.finance.id, TODAY, 3, 3, 3, 5))
    dialog.taken_on.edit.setText("")
    dialog.accept()
    assert dialog.pulse() is None
    assert dialog.error_text("taken_on") == "Taken on is required"


def test_the_health_panel_shows_parts_and_pulses_and_undoes_a_delete(
    qtbot: QtBot, filled: Filled, ui_settings: object
) -> None:
    from PySide6.QtCore import QSettings

    journal = filled.journal
    legal = declining(journal)
    panel = HealthPanel(journal, QSettings())
    qtbot.addWidget(panel)
    stack = QUndoStack()
    panel.sig_command.connect(lambda command: push(stack, command))
    panel.set_partner(legal)
    assert panel.headline.text() == (
        "Legal: health 27 ▼ at risk (2026 Q4) — the score fell two quarters in a row"
    )
    assert panel.parts.rowCount() == 5
    parts = [panel.parts.item(row, 0).text() for row in range(5)]
    assert parts == [
        "Pulse",
        "Net promoter",
        "Strategic share",
        "Follow-ups on time",
        "Value realised",
    ]
    assert panel.pulse_table.rowCount() == 3
    panel.show_quarter(len(panel.trend) - 2)  # a click on 2026 Q3
    assert panel.pulse_title.text() == "Pulses: 2026 Q3 (1)"
    panel.pulse_table.selectRow(0)
    panel.delete_pulse()
    panel.set_partner(legal)  # the window refreshes after each command
    assert len(journal.pulses.listing(legal)) == 2
    stack.undo()
    assert len(journal.pulses.listing(legal)) == 3
    hover = panel.chart.figures()
    assert hover[0][:2] == ("Quarter", "Health")
    assert [row[0] for row in hover[1]][-1] == "2026 Q4"


def test_the_dashboard_says_who_is_at_risk_in_words(filled: Filled) -> None:
    journal = filled.journal
    declining(journal)
    rows = journal.dashboard.glance(date(2026, 8, 26), TODAY)
    model = DashboardModel()
    model.set_records(rows)
    texts = {
        model.index(r, DashboardModel.PARTNER).data(): model.index(r, DashboardModel.HEALTH).data()
        for r in range(model.rowCount())
    }
    assert texts["Legal"] == "27 ▼ at risk"
    assert "at risk" not in texts["Finance"]
    assert "health\u00a0at\u00a0risk:\u00a0Legal" in summary_text(rows, date(2026, 8, 26), TODAY)
    legal = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Legal")
    tip = model.index(legal, DashboardModel.HEALTH).data(Qt.ItemDataRole.ToolTipRole)
    assert "Pulse (30%)" in tip
    assert "At risk: the score fell two quarters in a row" in tip


def test_the_prep_brief_has_a_health_section(filled: Filled) -> None:
    journal = filled.journal
    html = brief_html(build_prep_brief(journal, declining(journal), TODAY))
    section = html[html.index("<h2>Health</h2>") : html.index("<h2>Last meetings</h2>")]
    assert "at risk" in section
    for part in ("Pulse", "Net promoter", "Strategic share", "Follow-ups on time"):
        assert part in section
    assert "Weights: Pulse 30%" in section
    assert "Latest comment: “Slower every month”" in section
    quiet = journal.partners.add(Partner(id="", name="Audit"))
    assert "No health score yet" in brief_html(build_prep_brief(journal, quiet.id, TODAY))


def test_hovering_a_quarter_shows_its_parts_and_a_click_lists_its_pulses(
    qtbot: QtBot, filled: Filled
) -> None:
    from PySide6.QtCore import QSettings
    from test_charts_on_screen import chart_point, move_mouse

    legal = declining(filled.journal)
    panel = HealthPanel(filled.journal, QSettings())
    qtbot.addWidget(panel)
    panel.resize(1000, 420)
    panel.show()
    panel.set_partner(legal)
    chart = panel.chart
    canvas = chart.ensure_canvas()
    q3 = len(panel.trend) - 2
    move_mouse(canvas, chart_point(chart, q3, 50))
    qtbot.waitUntil(lambda: chart.hover_text != "")
    assert chart.hover_text.splitlines()[:3] == [
        "2026 Q3: health 53",
        "Pulse 50: mean 3.0 of 5 (1 answer)",
        "Net promoter 60: mean 6.0 of 10",
    ]
    assert "Strategic share left out: no reactive or strategic engagement" in chart.hover_text
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=chart_point(chart, q3, 50))
    assert panel.pulse_title.text() == "Pulses: 2026 Q3 (1)"


def test_the_partners_list_offers_a_new_pulse_for_the_selected_partner(
    qtbot: QtBot, filled: Filled
) -> None:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from brm_desk.ui.main_window import MainWindow
    from brm_desk.ui.shell import VIEW_NAMES
    from brm_desk.ui.views.partners import PartnersPage

    window = MainWindow(QSettings())
    qtbot.addWidget(window)
    window.set_journal(filled.journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    page.table.selectRow(0)
    titles: list[str] = []

    def answer() -> None:  # the dialog is modal: read its title, then cancel it
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        titles.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, answer)
    [action] = [a for a in page.table.actions() if a.text().replace("&", "") == "New pulse…"]
    action.trigger()
    assert page.tabs.currentWidget() is page.health
    name = filled.journal.partners.get(page.current_record_id() or "").name
    assert titles == [f"New pulse — {name}"]
    assert filled.journal.pulses.listing() == []  # cancelled: nothing added
