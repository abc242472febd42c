"""Charts on screen: the partner's figures, counts or hours, hover, click, light and dark."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from chart_data import CET, ChartJournal, fill_for_charts
from matplotlib.colors import to_hex
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from brm_desk.domain.enums import Focus, MeetingType
from brm_desk.domain.records import Meeting, Request
from brm_desk.reports.charts import ChartPalette
from brm_desk.services.journal import Journal
from brm_desk.ui.charts.panel import ChartPanel
from brm_desk.ui.charts.partner_chart import PartnerChartPanel
from brm_desk.ui.charts.portfolio_chart import PortfolioChartPanel
from brm_desk.ui.main_window import VIEW_NAMES, MainWindow
from brm_desk.ui.palette import dark_palette
from brm_desk.ui.views.dashboard import DashboardPage
from brm_desk.ui.views.meetings import MeetingsPage
from brm_desk.ui.views.partners import PartnersPage
from chart_reading import heights
from empty_journal import NewJournal

pytestmark = pytest.mark.qt_log_ignore("does not support (propagateSizeHints|raise)")

# Today is 2026-11-24 (tests/conftest.py); "Last 12 months" is Dec 2025 to today.
PERIOD = (date(2025, 12, 1), date(2026, 11, 24))
SEPTEMBER, OCTOBER, NOVEMBER = 9, 10, 11  # month indexes in that period


@pytest.fixture
def charted(journal: Journal) -> ChartJournal:
    return fill_for_charts(journal)


def partners_page(qtbot: QtBot, charted: ChartJournal, partner: str = "Finance") -> PartnersPage:
    page = PartnersPage(charted.journal, QSettings())
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.show()
    qtbot.waitExposed(page)
    page.refresh()
    select_partner(page, partner)
    return page


def select_partner(page: PartnersPage, name: str) -> None:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, 0).data() == name:
            page.table.setCurrentIndex(page.proxy.index(row, 0))
            return
    raise AssertionError(f"{name} is not listed")


def chart_point(panel: ChartPanel, x: float, y: float, axes_index: int = 0) -> QPoint:
    """Where data point (x, y) of the chart is on the canvas, in widget pixels."""
    canvas = panel.ensure_canvas()
    canvas.draw()
    axes = canvas.figure.axes[axes_index]
    px, py = axes.transData.transform((x, y))
    ratio = canvas.device_pixel_ratio
    return QPoint(round(px / ratio), round((canvas.figure.bbox.height - py) / ratio))


def move_mouse(widget: QWidget, pos: QPoint) -> None:
    """A real mouse move event to the widget (QTest's moves the cursor, which the
    offscreen platform does not turn into events)."""
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, event)


def month_point(chart: PartnerChartPanel, index: int) -> QPoint:
    return chart_point(chart, index, chart.bars_axes().get_ylim()[1] * 0.05)


def test_the_partner_chart_draws_the_core_balance_month_by_month(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    page = partners_page(qtbot, charted)
    chart = page.chart
    canvas = chart.ensure_canvas()
    balance = charted.journal.balances.for_partner(charted.finance.id, *PERIOD)
    assert len(balance.months) == 12
    drawn = heights(canvas.figure.axes[0], 12)
    for focus in (Focus.REACTIVE, Focus.ROUTINE, Focus.STRATEGIC):
        assert drawn[focus.label] == [m.tally.count(focus) for m in balance.months]
    assert drawn["Reactive"][SEPTEMBER] == 2
    assert drawn["Strategic"][NOVEMBER] == 2
    share_line = next(
        line for line in canvas.figure.axes[1].lines if line.get_label() == "Strategic share"
    )
    assert list(share_line.get_xdata()) == [SEPTEMBER, OCTOBER, NOVEMBER]
    assert list(share_line.get_ydata()) == pytest.approx([1 / 3, 2 / 3, 2 / 3])
    target = next(line for line in canvas.figure.axes[1].lines if line.get_label() == "Target 60%")
    assert list(target.get_ydata()) == [0.6, 0.6]
    assert page.chart.title.text() == "Finance"
    assert "10 engagements" in page.chart.summary.text()
    assert "target 60%" in page.chart.summary.text()


def test_choosing_another_partner_redraws_the_chart(qtbot: QtBot, charted: ChartJournal) -> None:
    page = partners_page(qtbot, charted)
    canvas = page.chart.ensure_canvas()
    select_partner(page, "Sales")
    drawn = heights(canvas.figure.axes[0], 12)
    assert drawn["Reactive"][NOVEMBER] == 3
    assert sum(drawn["Strategic"]) == 0
    assert page.chart.title.text() == "Sales"


def test_after_a_change_the_partner_stays_selected_with_the_chart_updated(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    page = partners_page(qtbot, charted, "Sales")
    canvas = page.chart.ensure_canvas()
    journal = charted.journal
    journal.meetings.add(
        Meeting(
            id="",
            partner_id=charted.sales.id,
            title="Pricing roadmap",
            start=datetime(2026, 11, 20, 9, 0, tzinfo=CET),
            type=MeetingType.ROADMAP,
            focus=MeetingType.ROADMAP.default_focus,
            duration_minutes=60,
        )
    )
    page.refresh()
    assert page.current_record_id() == charted.sales.id
    assert heights(canvas.figure.axes[0], 12)["Strategic"][NOVEMBER] == 1
    assert "4 engagements" in page.chart.summary.text()


def test_the_hours_toggle_stacks_meeting_hours(qtbot: QtBot, charted: ChartJournal) -> None:
    page = partners_page(qtbot, charted)
    chart = page.chart
    canvas = chart.ensure_canvas()
    hours_button = chart.unit_buttons.button(1)
    qtbot.mouseClick(hours_button, Qt.MouseButton.LeftButton)
    assert chart.unit == "hours"
    drawn = heights(canvas.figure.axes[0], 12)
    assert drawn["Strategic"][OCTOBER] == pytest.approx(3.0)  # planning 2 h + value review 1 h
    assert drawn["Reactive"][SEPTEMBER] == pytest.approx(1.5)
    assert canvas.figure.axes[0].get_ylabel() == "Meeting hours"
    qtbot.mouseClick(chart.unit_buttons.button(0), Qt.MouseButton.LeftButton)
    assert heights(canvas.figure.axes[0], 12)["Strategic"][OCTOBER] == 2


def test_hovering_a_month_shows_its_figures(qtbot: QtBot, charted: ChartJournal) -> None:
    page = partners_page(qtbot, charted)
    chart = page.chart
    canvas = chart.ensure_canvas()
    move_mouse(canvas, month_point(chart, OCTOBER))
    qtbot.waitUntil(lambda: chart.hover_text != "")
    lines = chart.hover_text.splitlines()
    assert lines[0] == "October 2026: 4 engagements, 4.2 h in meetings"
    assert lines[1:] == [
        "Reactive: 1 · 0.8 h",
        "Routine: 1 · 0.5 h",
        "Strategic: 2 · 3.0 h",
        "Strategic share 67% · target 60%",
    ]
    notes = [t for t in chart_texts(canvas) if t.get_text() == chart.hover_text]
    assert len(notes) == 1  # the note is drawn on the chart, not only kept as text
    move_mouse(canvas, month_point(chart, SEPTEMBER))
    qtbot.waitUntil(lambda: chart.hover_text.startswith("September 2026"))
    assert [t.get_text() for t in chart_texts(canvas)].count(chart.hover_text) == 1
    assert not any(t.get_text().startswith("October") for t in chart_texts(canvas))
    page.chart.refresh()  # the journal changed: the chart is redrawn on the same axes
    assert chart.hover_text == ""
    assert not any(t.get_text().startswith("September") for t in chart_texts(canvas))


def test_clicking_a_month_lists_what_its_tooltip_counts(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    """October's tooltip counts 4 meetings and a request: the click lists those five, and
    the list leads on to the Meetings view of those days."""
    journal = charted.journal
    asked = journal.requests.add(
        Request(
            id="", partner_id=charted.finance.id, title="Close faster", received=date(2026, 10, 30)
        )
    )
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    window.set_journal(journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    select_partner(page, "Finance")
    chart = page.chart
    move_mouse(chart.ensure_canvas(), month_point(chart, OCTOBER))
    qtbot.waitUntil(lambda: chart.hover_text != "")
    assert chart.hover_text.startswith("October 2026: 5 engagements")
    qtbot.mouseClick(chart.ensure_canvas(), Qt.MouseButton.LeftButton, pos=month_point(chart, 10))
    listed = window.engagements
    assert listed is not None
    qtbot.addWidget(listed)
    assert listed.isVisible()
    assert sorted(m.start.day for m in listed.meetings) == [7, 14, 21, 28]
    assert [r.id for r in listed.requests] == [asked.id]
    assert listed.windowTitle() == "Finance — 1–31 Oct 2026"
    text = listed.browser.toPlainText()
    assert "5 engagements: 1 reactive, 2 routine, 2 strategic (4 meetings, 1 request)" in text
    assert "Close faster" in text
    show_in_view = next(a for a in listed.findChildren(QAction) if "Meetings view" in a.text())
    show_in_view.trigger()
    assert window.current_view() == "Meetings"
    meetings = window.current_page()
    assert isinstance(meetings, MeetingsPage)
    lines = [meetings.model.record(row) for row in range(meetings.model.rowCount())]
    assert sorted(line.start.day for line in lines) == [7, 14, 21, 28]
    assert {line.partner_name for line in lines} == {"Finance"}
    assert {(line.start.year, line.start.month) for line in lines} == {(2026, 10)}
    assert meetings.days_button.isVisible()
    assert meetings.days_button.text().startswith("1–31 Oct 2026")
    qtbot.mouseClick(meetings.days_button, Qt.MouseButton.LeftButton)
    assert meetings.model.rowCount() == 10  # every date of Finance again
    assert not meetings.days_button.isVisible()


def test_the_engagements_list_opens_a_record_and_follows_the_next_click(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.set_journal(charted.journal)
    listed = window.show_engagements(charted.finance.id, date(2026, 9, 1), date(2026, 9, 30))
    assert listed is not None
    qtbot.addWidget(listed)
    assert [m.start.day for m in listed.meetings] == [2, 9, 16]
    again = window.show_engagements(charted.sales.id, *PERIOD)
    assert again is listed  # one window, showing the latest click
    assert [m.title for m in listed.meetings] == ["Outage 3", "Outage 10", "Outage 17"]
    listed.browser.anchorClicked.emit(QUrl(f"meeting:{listed.meetings[0].id}"))
    editor = window.record_actions.editor
    assert editor is not None
    qtbot.addWidget(editor)
    assert "Outage 3" in editor.windowTitle()
    editor.close()
    listed.activateWindow()
    qtbot.waitUntil(listed.isActiveWindow)
    qtbot.keyClick(listed.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.engagements is None)


def test_the_chart_follows_the_app_palette_when_it_changes(
    qtbot: QtBot, charted: ChartJournal, qapp: QApplication
) -> None:
    page = partners_page(qtbot, charted)
    canvas = page.chart.ensure_canvas()
    light_reactive = to_hex(heights_patch(canvas, "Reactive").get_facecolor())
    assert light_reactive == ChartPalette.light().reactive
    before = qapp.palette()
    try:
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: to_hex(canvas.figure.get_facecolor()) == "#202327")
        assert to_hex(heights_patch(canvas, "Reactive").get_facecolor()) == (
            ChartPalette.dark().reactive
        )
        assert to_hex(canvas.figure.axes[0].yaxis.label.get_color()) == "#e6e6e6"
    finally:
        qapp.setPalette(before)
    qtbot.waitUntil(lambda: to_hex(canvas.figure.get_facecolor()) != "#202327")
    assert to_hex(heights_patch(canvas, "Reactive").get_facecolor()) == light_reactive


def chart_texts(canvas: object) -> list[Any]:
    """Every text drawn in the chart's axes (the note sits on the top axes)."""
    return [t for axes in canvas.figure.axes for t in axes.texts]  # type: ignore[attr-defined]


def heights_patch(canvas: object, label: str) -> object:
    from chart_reading import stacks

    return stacks(canvas.figure.axes[0])[label]  # type: ignore[attr-defined]


def test_the_portfolio_chart_places_partners_and_names_them_on_hover(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    panel = PortfolioChartPanel(charted.journal)
    qtbot.addWidget(panel)
    panel.resize(900, 420)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_period(*PERIOD)
    canvas = panel.ensure_canvas()
    points = canvas.figure.axes[0].collections[-1].get_offsets()
    balances = {b.name: b for b in charted.journal.balances.for_partners(*PERIOD)}
    assert [tuple(map(float, p)) for p in points] == [
        (balances["Finance"].strategic_share, 10.0),
        (0.0, 3.0),
    ]
    texts = [t.get_text() for t in canvas.figure.axes[0].texts]
    assert any(t.startswith("Super fixer corner") for t in texts)
    move_mouse(canvas, chart_point(panel, 0.0, 3.0))
    qtbot.waitUntil(lambda: panel.hover_text != "")
    assert panel.hover_text == "Sales: 3 engagements, strategic share 0% (target 50%)"


def test_clicking_a_partner_on_the_dashboard_chart_lists_their_engagements_of_the_period(
    qtbot: QtBot, charted: ChartJournal
) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 950)
    window.show()
    window.set_journal(charted.journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Dashboard"))
    dashboard = window.current_page()
    assert isinstance(dashboard, DashboardPage)
    panel = dashboard.portfolio_chart
    start, end = dashboard.period()
    sales = charted.journal.balances.for_partner(charted.sales.id, start, end)
    point = chart_point(panel, sales.strategic_share or 0.0, sales.tally.total)
    qtbot.mouseClick(panel.ensure_canvas(), Qt.MouseButton.LeftButton, pos=point)
    listed = window.engagements
    assert listed is not None
    qtbot.addWidget(listed)
    assert sorted(m.title for m in listed.meetings) == ["Outage 10", "Outage 17", "Outage 3"]
    assert len(listed.meetings) + len(listed.requests) == sales.tally.total
    assert listed.days == (start, end)
    next(a for a in listed.findChildren(QAction) if "Meetings view" in a.text()).trigger()
    assert window.current_view() == "Meetings"
    meetings = window.current_page()
    assert isinstance(meetings, MeetingsPage)
    titles = sorted(meetings.model.record(row).title for row in range(meetings.model.rowCount()))
    assert titles == ["Outage 10", "Outage 17", "Outage 3"]
    assert meetings.model.wanted.since == start
    assert meetings.model.wanted.until == end


def test_opening_the_app_on_a_journal_does_not_import_matplotlib(
    new_journal: NewJournal, journal_path: Path
) -> None:
    """Views are built at once; matplotlib waits until a chart is on screen."""
    new_journal(journal_path).close()
    code = (
        "import sys; from pathlib import Path;"
        "from PySide6.QtWidgets import QApplication; app = QApplication([]);"
        "from brm_desk.services.journal import Journal;"
        "from brm_desk.ui.main_window import MainWindow; window = MainWindow();"
        f"window.set_journal(Journal.open(Path({str(journal_path)!r})));"
        "window.sidebar.setCurrentRow(1);"
        "print('matplotlib' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_each_chart_offers_its_figures_as_a_table(qtbot: QtBot, charted: ChartJournal) -> None:
    """Show as table: the month's figures a screen reader reads cell by cell; Enter on a
    row lists what it counts, as a click on the month does."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1300, 900)
    window.show()
    window.set_journal(charted.journal)
    window.sidebar.setCurrentRow(VIEW_NAMES.index("Partners"))
    page = window.current_page()
    assert isinstance(page, PartnersPage)
    select_partner(page, "Finance")
    chart = page.chart
    chart.table_button.click()
    table = chart.figures_table
    qtbot.waitUntil(table.isVisible)
    assert chart.table_button.text() == "Show as chart"
    assert table.accessibleName() == "Balance chart figures"
    assert table.rowCount() == 12
    headings = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headings[:5] == ["Month", "Reactive", "Routine", "Strategic", "Engagements"]
    october = [table.item(OCTOBER, c).text() for c in range(table.columnCount())]
    assert october == ["October 2026", "1", "1", "2", "4", "4.2 h", "67%"]
    table.setFocus()
    table.setCurrentCell(OCTOBER, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    listed = window.engagements
    assert listed is not None
    qtbot.addWidget(listed)
    assert sorted(m.start.day for m in listed.meetings) == [7, 14, 21, 28]
    chart.table_button.click()
    qtbot.waitUntil(lambda: chart.stack.currentWidget() is chart.canvas)

    window.sidebar.setCurrentRow(VIEW_NAMES.index("Dashboard"))
    dashboard = window.current_page()
    assert isinstance(dashboard, DashboardPage)
    portfolio = dashboard.portfolio_chart
    portfolio.table_button.click()
    qtbot.waitUntil(portfolio.figures_table.isVisible)
    rows = portfolio.figures_table
    names = [rows.item(r, 0).text() for r in range(rows.rowCount())]
    assert sorted(names) == ["Finance", "Sales"]
