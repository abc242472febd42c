"""Balance charts as ReportLab Drawings, all of a pack's on one matplotlib figure.

A chart costs about 0.07 s (matplotlib's SVG, then svglib) once the first has built the
figure the others reuse.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from brm_desk.domain.balance import PartnerBalance

if TYPE_CHECKING:
    from matplotlib.figure import Figure
    from reportlab.graphics.shapes import Drawing

CHART_WIDTH = 7.0  # inches: the figure's width; the Drawing is scaled to the page

_kept = threading.local()


def kept_figure(height: float) -> Figure:
    """The figure this thread draws print charts ``height`` inches high on, kept from one pack
    to the next: a chart with the months of the chart before reuses its axes, ticks and
    labels (about 20 ms), so only the first chart of a period builds them. One per thread,
    since a matplotlib figure is not to be shared between threads."""
    from brm_desk.reports.charts import ChartPalette, new_figure

    figures: dict[float, Figure] = _kept.__dict__.setdefault("figures", {})
    if height not in figures:
        figures[height] = new_figure(ChartPalette.print(), (CHART_WIDTH, height))
    return figures[height]


def balance_drawings(
    balances: Sequence[PartnerBalance],
    width: float,
    height: float,
    fallback_font: Path | None,
    *,
    on_drawn: Callable[[int], None] | None = None,
) -> list[Drawing]:
    """Every partner's balance chart in the print palette, ``width`` points wide, in order.

    ``fallback_font`` is given when the pack holds text DejaVu Sans cannot draw: the charts'
    text is then drawn as outlines from that font. ``on_drawn(n)`` follows the charts drawn.
    """
    from brm_desk.reports.charts import ChartPalette, draw_balance
    from brm_desk.reports.fonts import matplotlib_family, register_fonts
    from brm_desk.reports.pack_document import chart_flowable

    register_fonts()
    families = [] if fallback_font is None else [matplotlib_family(fallback_font)]
    palette = ChartPalette.print()
    figure = kept_figure(height)
    drawings = []
    for balance in balances:
        draw_balance(figure, balance, palette=palette, fallback_families=families)
        drawings.append(chart_flowable(figure, width, text_as_paths=fallback_font is not None))
        if on_drawn is not None:
            on_drawn(len(drawings))
    return drawings
