"""A chart's place in a view: matplotlib is imported when the chart is first shown.

A panel draws from data it was given; the canvas appears (and matplotlib is imported) once
the panel is visible, just after its first paint, so opening the app and switching views
never waits for matplotlib unless a chart is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStackedLayout,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from brm_desk.reports.charts import ChartPalette
from brm_desk.ui.palette import is_dark

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent

    from brm_desk.ui.charts.canvas import ChartCanvas, Margins

PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
Figures = tuple[tuple[str, ...], list[tuple[str, ...]]]
"""A chart's figures as a table: the headings, then one row of text per month or partner."""


class ChartPanel(QWidget):
    """Hosts a :class:`ChartCanvas` built on demand; subclasses draw in :meth:`draw`."""

    margins: Margins
    preferred_height = 320

    def __init__(self, accessible_name: str) -> None:
        super().__init__()
        self.canvas: ChartCanvas | None = None
        self._canvas_due = False
        self._hover_artists: list[Any] = []
        self.hover_text = ""
        self.setAccessibleName(accessible_name)
        self.message = QLabel("Loading the chart…")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.message.setEnabled(False)  # the disabled colour: a quiet note, not content
        self.chart_area = QWidget()
        self.stack = QStackedLayout(self.chart_area)
        self.stack.addWidget(self.message)
        self.figures_table = figures_table(f"{accessible_name} figures")
        self.figures_table.activated.connect(lambda index: self.list_row(index.row()))
        self.stack.addWidget(self.figures_table)
        self.table_button = QToolButton()
        self.table_button.setText("Show as table")
        self.table_button.setCheckable(True)
        self.table_button.setToolTip("The chart's figures as a table (Enter on a row lists them)")
        self.table_button.toggled.connect(lambda _on: self._table_toggled())
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.addWidget(self.chart_area, 1)

    def sizeHint(self) -> QSize:
        return QSize(640, self.preferred_height)

    def minimumSizeHint(self) -> QSize:
        """Small, so a chart never keeps the window from being made small."""
        return QSize(240, 140)

    # The canvas, built on demand --------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.canvas is None and not self._canvas_due:
            # After the first paint: the window (the lists beside the chart) is on screen
            # before matplotlib is imported, which takes about half a second.
            self._canvas_due = True
            QTimer.singleShot(0, self, self._canvas_after_paint)  # dropped if the panel is gone

    def _canvas_after_paint(self) -> None:
        """Build the canvas unless the panel left the screen meanwhile (its view replaced)."""
        self._canvas_due = False
        if self.isVisible():
            self.ensure_canvas()

    def ensure_canvas(self) -> ChartCanvas:
        """The canvas, built (and drawn) now if it is not there yet."""
        if self.canvas is None:
            from brm_desk.ui.charts.canvas import ChartCanvas

            self.canvas = ChartCanvas(self.margins, self._hovered, self.click)
            self.canvas.setAccessibleName(self.accessibleName())
            self.stack.addWidget(self.canvas)
            self.redraw()
        return self.canvas

    def palette_for_chart(self) -> ChartPalette:
        """The light or dark chart palette, on the window's own background and text colours.

        The focus colours stay the chart presets' (the same colour means the same focus in the
        app and in the PDF); only what must blend with the window follows the Qt palette.
        """
        window = self.palette().color(QPalette.ColorRole.Window)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        base = ChartPalette.dark() if is_dark(self.palette()) else ChartPalette.light()
        return replace(base, background=window.name(), text=text.name())

    def show_message(self, text: str) -> None:
        """Show a line of text in place of the chart (no data, nothing selected)."""
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)

    def redraw(self) -> None:
        """Draw the chart again from the panel's data (built canvas only)."""
        canvas = self.canvas
        if canvas is None:
            return
        self._forget_hover()
        if self.draw(canvas, self.palette_for_chart()):
            headings, rows = self.figures()
            fill_table(self.figures_table, headings, rows)
            as_table = self.table_button.isChecked()
            self.stack.setCurrentWidget(self.figures_table if as_table else canvas)
            canvas.redraw_soon()

    def draw(self, canvas: ChartCanvas, palette: ChartPalette) -> bool:
        """Draw into ``canvas.figure``; ``False`` when there is nothing to draw."""
        raise NotImplementedError

    def figures(self) -> Figures:
        """What the chart draws, as text in rows (read after :meth:`draw`)."""
        raise NotImplementedError

    def list_row(self, row: int) -> None:
        """Enter on a row of the figures: what a click on its month or point does."""

    def _table_toggled(self) -> None:
        """Chart or table: the canvas is built (and the figures read) either way."""
        as_table = self.table_button.isChecked()
        self.table_button.setText("Show as chart" if as_table else "Show as table")
        self.ensure_canvas()
        self.redraw()
        if as_table:
            self.figures_table.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS:
            self.redraw()

    # Hover and click --------------------------------------------------------------------

    def _forget_hover(self) -> None:
        """Take the hover's note off the chart (a redraw may keep the axes it is on)."""
        for artist in self._hover_artists:
            if artist.axes is not None or artist.figure is not None:
                artist.remove()
        self._hover_artists = []
        self.hover_text = ""

    def _hovered(self, event: MouseEvent) -> None:
        text, draw_note = self.hover(event)
        if text == self.hover_text:
            return  # the same month or point: the note shown stays
        self._forget_hover()
        self._hover_artists = draw_note() if draw_note is not None else []
        self.hover_text = text
        if self.canvas is not None:
            self.canvas.setAccessibleDescription(text)
            self.canvas.redraw_soon()

    def hover(self, event: MouseEvent) -> tuple[str, Callable[[], list[Any]] | None]:
        """What to say about the point under the mouse, and how to draw it on the chart
        (returning the artists drawn); ("", None) for nothing."""
        return "", None

    def row_under(self, event: MouseEvent) -> int | None:
        """The row of the figures whose month or point is under the mouse, if any."""
        return None

    def click(self, event: MouseEvent) -> None:
        """A left click on the chart: what Enter on the row under the mouse does."""
        row = self.row_under(event)
        if row is not None:
            self.list_row(row)

    def show_engagements(self, partner_id: str, first: date, last: date) -> bool:
        """Ask the main window to list what the chart counts for the partner from ``first``
        to ``last``: their meetings and requests."""
        window = self.window()
        if not isinstance(window, ListsEngagements):
            return False
        window.show_engagements(partner_id, first, last)
        return True


@runtime_checkable
class ListsEngagements(Protocol):
    """A window that can list a partner's engagements of a period (the main window)."""

    def show_engagements(self, partner_id: str, first: date, last: date) -> object: ...


def hover_note(
    axes: Any, x: float, y: float, text: str, palette: ChartPalette, *, y_in_axes: bool = False
) -> Any:
    """A boxed note beside (x, y), on the side with room, in the chart's colours; ``y`` is
    a fraction of the axes' height when ``y_in_axes``."""
    left_half = x <= sum(axes.get_xlim()) / 2
    return axes.annotate(
        text,
        (x, y),
        xycoords=("data", "axes fraction") if y_in_axes else "data",
        xytext=(12 if left_half else -12, 0),
        textcoords="offset points",
        ha="left" if left_half else "right",
        va="center",
        multialignment="left",
        fontsize=8,
        color=palette.text,
        bbox={"boxstyle": "round,pad=0.5", "fc": palette.background, "ec": palette.grid},
        zorder=20,
        annotation_clip=False,
    )


def figures_table(name: str) -> QTableWidget:
    """A read-only table a screen reader reads cell by cell, and Tab leaves."""
    table = QTableWidget()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    return table


def fill_table(table: QTableWidget, headings: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Put ``rows`` under ``headings``; every column but the first is a figure, right-aligned."""
    table.clear()
    table.setColumnCount(len(headings))
    table.setRowCount(len(rows))
    table.setHorizontalHeaderLabels(list(headings))
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for row, cells in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if column:
                item.setTextAlignment(right)
            table.setItem(row, column, item)
    table.resizeColumnsToContents()
