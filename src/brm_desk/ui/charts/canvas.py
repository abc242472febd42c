"""The matplotlib canvas in a Qt widget; importing this module imports matplotlib.

Only :class:`brm_desk.ui.charts.panel.ChartPanel` imports it, when a chart is first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import cast
from weakref import WeakMethod

from matplotlib.backend_bases import Event, MouseEvent
from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from matplotlib.figure import Figure
from PySide6.QtWidgets import QSizePolicy

from brm_desk.reports.charts import fit_margins

Margins = tuple[float, float, float, float]
MouseHandler = Callable[[MouseEvent], None]


class ChartCanvas(FigureCanvasQTAgg):
    """One Figure for the canvas's life: a new partner, unit or palette redraws it.

    ``on_hover(event)`` gets every mouse move and ``on_click(event)`` every left click, as
    matplotlib ``MouseEvent`` with data coordinates; margins stay fixed in inches on resize.
    """

    def __init__(self, margins: Margins, on_hover: MouseHandler, on_click: MouseHandler) -> None:
        """``on_hover`` and ``on_click`` are bound methods of the panel, held weakly: a canvas
        outlives its widget in matplotlib's keeping, and must not keep the panel, nor the
        journal the panel reads, alive after a lock closed it."""
        super().__init__(Figure(figsize=(7.0, 3.2), dpi=100))  # type: ignore[no-untyped-call]
        self.margins = margins
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._on_hover = WeakMethod(on_hover)
        self._on_click = WeakMethod(on_click)
        self.mpl_connect("resize_event", self._resized)
        self.mpl_connect("motion_notify_event", self._moved)
        self.mpl_connect("figure_leave_event", self._left)
        self.mpl_connect("button_press_event", self._pressed)

    def redraw_soon(self) -> None:
        """Paint the figure again at the next chance (coalesces many changes into one)."""
        self.draw_idle()  # type: ignore[no-untyped-call]

    def _resized(self, _event: Event) -> None:
        fit_margins(self.figure, self.margins)

    def _moved(self, event: Event) -> None:
        if isinstance(event, MouseEvent) and (on_hover := self._on_hover()) is not None:
            on_hover(event)

    def _left(self, event: Event) -> None:
        """Leaving the figure is a move to nowhere."""
        self._moved(MouseEvent("motion_notify_event", event.canvas, -1, -1))

    def _pressed(self, event: Event) -> None:
        on_click = self._on_click()
        left = isinstance(event, MouseEvent) and event.button == 1 and not event.dblclick
        if left and on_click is not None:
            on_click(cast(MouseEvent, event))
