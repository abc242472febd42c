"""Every partner by strategic share and volume, on the dashboard: who keeps you a fixer?"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QHBoxLayout, QLabel

from brm_desk.domain.balance import PartnerBalance
from brm_desk.reports.chart_labels import partner_text
from brm_desk.reports.charts import PORTFOLIO_MARGINS, draw_portfolio, portfolio_placed
from brm_desk.services.journal import Journal
from brm_desk.ui.charts.panel import ChartPanel, Figures, hover_note

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent

    from brm_desk.reports.charts import ChartPalette
    from brm_desk.ui.charts.canvas import ChartCanvas


class PortfolioChartPanel(ChartPanel):
    """The portfolio chart for a period (``set_period``). Hovering a partner's point shows
    their figures; clicking it lists their meetings and requests
    of the period."""

    margins = PORTFOLIO_MARGINS
    preferred_height = 340

    def __init__(self, journal: Journal) -> None:
        super().__init__("Portfolio chart")
        self.journal = journal
        self.balances: list[PartnerBalance] = []
        self.period: tuple[date, date] | None = None
        self._stale = True
        self.title = QLabel(
            "<b>Portfolio</b> — every partner by strategic share and volume. "
            "Point at a partner for their figures; click to list their engagements."
        )
        self.title.setWordWrap(True)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.table_button)
        self.layout_.insertLayout(0, header)

    def set_period(self, start: date, end: date) -> None:
        """Place every active partner by their figures over [start, end] (read from the
        journal when the chart is on screen)."""
        self.period = (start, end)
        self._stale = True
        self.redraw()

    def draw(self, canvas: ChartCanvas, palette: ChartPalette) -> bool:
        if self.period is None:
            return False
        if self._stale:
            self.balances = self.journal.balances.for_partners(*self.period)
            self._stale = False
        if not self.balances:
            self.show_message("No active partners yet: the chart places them once you add some.")
            return False
        draw_portfolio(canvas.figure, self.balances, palette)
        return True

    def _partners_under(self, event: MouseEvent) -> list[PartnerBalance]:
        """The partners whose point is under the mouse (several share a spot sometimes)."""
        canvas = self.canvas
        if canvas is None or event.inaxes is None or not canvas.figure.axes:
            return []
        points = canvas.figure.axes[0].collections[-1]
        hit, details = points.contains(event)
        placed = portfolio_placed(self.balances)
        return [placed[int(i)] for i in details["ind"]] if hit else []

    def hover(self, event: MouseEvent) -> tuple[str, Callable[[], list[Any]] | None]:
        under = self._partners_under(event)
        canvas = self.canvas
        if not under or canvas is None:
            return "", None
        text = "\n".join(partner_text(balance) for balance in under)
        share, total = under[0].strategic_share or 0.0, under[0].tally.total

        def draw_note() -> list[Any]:
            axes = canvas.figure.axes[0]
            return [hover_note(axes, share, total, text, self.palette_for_chart())]

        return text, draw_note

    def figures(self) -> Figures:
        headings = ("Partner", "Engagements", "Strategic share", "Target")
        rows: list[tuple[str, ...]] = [
            (
                b.name,
                str(b.tally.total),
                "—" if b.strategic_share is None else f"{b.strategic_share:.0%}",
                f"{b.target_strategic_share:.0%}",
            )
            for b in self.balances
        ]
        return headings, rows

    def click(self, event: MouseEvent) -> None:
        """The engagements of the partner under the mouse (the first, where several meet)."""
        under = self._partners_under(event)
        if under and self.period is not None:
            self.show_engagements(under[0].partner_id, *self.period)

    def list_row(self, row: int) -> None:
        if self.period is not None:
            self.show_engagements(self.balances[row].partner_id, *self.period)
