"""The maturity path of one partner in the app: hover an assessment for its views, click it
to open it; "Show as table" lists every assessment."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from brm_desk.domain.assessments import Assessment, in_order, rank
from brm_desk.reports.maturity_chart import (
    MATURITY_MARGINS,
    assessment_at,
    assessment_text,
    draw_maturity,
    maturity_figures,
    x_of,
)
from brm_desk.ui.charts.panel import ChartPanel, Figures, hover_note

if TYPE_CHECKING:
    from datetime import date

    from matplotlib.backend_bases import MouseEvent

    from brm_desk.reports.charts import ChartPalette
    from brm_desk.ui.charts.canvas import ChartCanvas

HOVER_DAYS = 0.03
"""How near (a share of the time axis) the mouse must be to an assessment."""


class MaturityChartPanel(ChartPanel):
    """Both views over time; ``on_open(assessment)`` is called for a click or Enter."""

    margins = MATURITY_MARGINS
    preferred_height = 240

    def __init__(self, until: Callable[[], date], on_open: Callable[[Assessment], object]) -> None:
        super().__init__("Maturity path")
        self.assessments: tuple[Assessment, ...] = ()
        self.until = until
        self.on_open = on_open
        self.show_message("No assessments yet: add one to start the path.")

    def set_assessments(self, assessments: tuple[Assessment, ...]) -> None:
        self.assessments = in_order(assessments)
        if not self.assessments:
            self.show_message("No assessments yet: add one to start the path.")
        self.redraw()

    def draw(self, canvas: ChartCanvas, palette: ChartPalette) -> bool:
        if not self.assessments:
            return False
        draw_maturity(canvas.figure, self.assessments, palette, until=self.until())
        return True

    def figures(self) -> Figures:
        return maturity_figures(self.assessments)

    def row_under(self, event: MouseEvent) -> int | None:
        if self.canvas is None or event.inaxes is None or not self.canvas.figure.axes:
            return None
        low, high = self.canvas.figure.axes[0].get_xlim()
        return assessment_at(self.assessments, event.xdata, (high - low) * HOVER_DAYS)

    def hover(self, event: MouseEvent) -> tuple[str, Callable[[], list[Any]] | None]:
        index = self.row_under(event)
        canvas = self.canvas
        if index is None or canvas is None:
            return "", None
        assessment = self.assessments[index]
        text = assessment_text(assessment) + "\nClick to open it"

        def draw_note() -> list[Any]:
            axes = canvas.figure.axes[0]
            x = x_of(assessment)
            y = rank(assessment.brm_view)
            return [hover_note(axes, x, y, text, self.palette_for_chart())]

        return text, draw_note

    def list_row(self, row: int) -> None:
        self.on_open(self.assessments[row])
