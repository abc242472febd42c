"""A partner's health trend on screen: hover a quarter for its parts, click it for its pulses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal

from brm_desk.domain.health import QuarterHealth
from brm_desk.reports.health_chart import HEALTH_MARGINS, draw_health, quarter_at, quarter_text
from brm_desk.ui.charts.panel import ChartPanel, Figures, hover_note

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent

    from brm_desk.reports.charts import ChartPalette
    from brm_desk.ui.charts.canvas import ChartCanvas


class HealthChartPanel(ChartPanel):
    """The score over the last quarters; ``sig_quarter_chosen(index)`` on a click (or Enter
    on a row of the figures)."""

    sig_quarter_chosen = Signal(int)
    margins = HEALTH_MARGINS
    preferred_height = 220

    def __init__(self) -> None:
        super().__init__("Health trend")
        self.trend: Sequence[QuarterHealth] = ()
        self.show_message("No health score yet.")

    def set_trend(self, trend: Sequence[QuarterHealth]) -> None:
        self.trend = trend
        if not any(h.score is not None for h in trend):
            self.show_message("No health score yet: record a pulse to start one.")
        self.redraw()

    def draw(self, canvas: ChartCanvas, palette: ChartPalette) -> bool:
        if not any(h.score is not None for h in self.trend):
            return False
        draw_health(canvas.figure, self.trend, palette=palette)
        return True

    def figures(self) -> Figures:
        labels = [part.label for part in self.trend[0].parts] if self.trend else []
        rows = [
            (
                h.quarter.label,
                "—" if h.score is None else str(round(h.score)),
                *("—" if p.score is None else str(round(p.score)) for p in h.parts),
            )
            for h in self.trend
        ]
        return ("Quarter", "Health", *labels), rows

    def row_under(self, event: MouseEvent) -> int | None:
        return quarter_at(self.trend, event.xdata if event.inaxes else None)

    def hover(self, event: MouseEvent) -> tuple[str, Callable[[], list[Any]] | None]:
        index = self.row_under(event)
        if index is None or self.canvas is None or not self.canvas.figure.axes:
            return "", None
        axes = self.canvas.figure.axes[0]
        text = quarter_text(self.trend[index])

        def draw_note() -> list[Any]:
            palette = self.palette_for_chart()
            column = axes.axvspan(index - 0.4, index + 0.4, color=palette.grid, alpha=0.35)
            return [column, hover_note(axes, index, 0.5, text, palette, y_in_axes=True)]

        return text, draw_note

    def list_row(self, row: int) -> None:
        self.sig_quarter_chosen.emit(row)
